// EvaluateMeasures: essential-function impact and verification status of each measure.
#include <algorithm>
#include <unordered_map>

#include "medtra/risk/evaluate.h"

namespace medtra::risk {

std::vector<analysis::MeasureResult> EvaluateMeasures(
    const model::SystemModel& model, const std::vector<analysis::Verification>& evidence,
    std::vector<Diagnostic>* findings) {
  std::unordered_map<std::string_view, const analysis::Verification*> by_ref;
  for (const analysis::Verification& v : evidence) by_ref[v.ref] = &v;
  std::unordered_map<std::string_view, std::vector<std::string>> risks_of;
  for (const model::Risk& risk : model.risks) {
    for (const std::string& id : risk.measures) risks_of[id].push_back(risk.id);
  }

  std::vector<analysis::MeasureResult> results;
  for (const model::Measure& m : model.measures) {
    analysis::MeasureResult r;
    r.measure = &m;
    if (const auto it = risks_of.find(m.id); it != risks_of.end()) r.risks = it->second;
    const std::string subject = "measure '" + m.id + "'";
    if (m.kind == "technical") {
      if (m.essential_function_impact.empty()) {
        findings->push_back({Severity::kWarning, "measure-essential-function",
                             subject + " does not state its effect on the essential functions "
                                       "('essential_function_impact: none|degrades|blocks')",
                             m.location});
      } else if (m.essential_function_impact != "none") {
        findings->push_back({Severity::kError, "measure-impairs-essential-function",
                             subject + " " + m.essential_function_impact +
                                 " an essential function; security measures must not interfere "
                                 "with the essential functions",
                             m.location});
      }
    }
    bool any_failed = false;
    bool all_passed = !m.verified_by.empty();
    for (const std::string& ref : m.verified_by) {
      analysis::Verification v{ref, "not-run", ""};
      if (const auto it = by_ref.find(ref); it != by_ref.end()) v = *it->second;
      any_failed |= v.status == "failed";
      all_passed &= v.status == "passed";
      if (v.status == "failed") {
        findings->push_back({Severity::kError, "verification-failed",
                             subject + ": verification '" + ref + "' failed" +
                                 (v.detail.empty() ? "" : " (" + v.detail + ")"),
                             m.location});
      }
      r.verifications.push_back(std::move(v));
    }
    r.verification_status = any_failed ? "failed" : all_passed ? "verified" : "unverified";
    if (m.kind == "technical" && m.verified_by.empty()) {
      findings->push_back({Severity::kWarning, "measure-unverified",
                           subject + " names no verification ('verified_by')", m.location});
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace medtra::risk
