// VerifyMeasures and AddFinding: each measure's status as the worst of its references, and the one
// wording of every verification finding.
#include "medtra/verify/verify.h"

namespace medtra::verify {

void AddFinding(const RefResult& result, std::string_view owner,
                std::vector<Diagnostic>* findings) {
  const std::string what = "verification '" + result.ref + "' of " + std::string(owner);
  auto add = [&](Severity severity, const char* code, std::string message) {
    findings->push_back({severity, code, std::move(message), result.location});
  };
  switch (result.status) {
    case Status::kVerified:
    case Status::kNotApplicable:
      return;
    case Status::kFailed:
      add(Severity::kError, "verification-failed",
          what + " failed" + (result.source.empty() ? "" : " at " + result.source) +
              (result.detail.empty() ? "" : ": " + result.detail));
      return;
    case Status::kMissing:
      add(Severity::kError, "verification-missing", what + " is missing: " + result.detail);
      return;
    case Status::kStale:
      add(Severity::kWarning, "verification-stale",
          what + " is stale: " + result.detail + " (" + result.source + ")");
      return;
    case Status::kUnverified:
      if (result.kind == Kind::kTest) {
        add(Severity::kWarning, "verification-skipped", what + " is unverified: " + result.detail);
      } else {
        add(Severity::kNote, "verification-unchecked", what + " is unverified: " + result.detail);
      }
      return;
  }
}

std::vector<MeasureVerification> VerifyMeasures(const model::SystemModel& model,
                                                const Context& context,
                                                std::vector<Diagnostic>* findings) {
  std::vector<MeasureVerification> out;
  out.reserve(model.measures.size());
  for (const model::Measure& m : model.measures) {
    MeasureVerification v;
    v.measure = &m;
    const std::string owner = "measure '" + m.id + "'";
    for (size_t i = 0; i < m.verified_by.size(); ++i) {
      const SourceLocation& at =
          i < m.verified_by_locations.size() ? m.verified_by_locations[i] : m.location;
      v.refs.push_back(Resolve(m.verified_by[i], at, context));
      AddFinding(v.refs.back(), owner, findings);
    }
    const bool technical = m.kind == "technical";
    v.status = WorstOf(v.refs, technical ? Status::kUnverified : Status::kNotApplicable);
    if (technical && m.verified_by.empty()) {
      findings->push_back({Severity::kWarning, "measure-unverified",
                           owner + " names no verification ('verified_by')", m.location});
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace medtra::verify
