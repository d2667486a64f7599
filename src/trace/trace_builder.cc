// BuildTrace: walks risk -> measure -> requirement -> design -> verification and reports each
// broken or missing link where the model states (or should state) it.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "medtra/base/strings.h"
#include "medtra/trace/trace.h"

namespace medtra::trace {
namespace {

using model::CategoryJustification;
using model::LabelingEntry;
using model::LocatedRef;
using model::SecurityRequirement;

bool IsNumber(std::string_view text) {
  return !text.empty() && text.size() < 10 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(c) != 0; });
}

/// Numeric IDs in numeric order ("2" < "10"), everything else as text; empty last.
bool NaturalLess(const std::string& a, const std::string& b) {
  if (a.empty() != b.empty()) return b.empty();
  if (IsNumber(a) && IsNumber(b)) return std::stol(a) < std::stol(b);
  if (IsNumber(a) != IsNumber(b)) return IsNumber(a);
  return a < b;
}

class TraceBuilder {
 public:
  TraceBuilder(const model::SystemModel& model, const verify::Evidence& evidence,
               const TraceOptions& options, TraceResult* result)
      : model_(model), result_(result), verify_(verify::MakeContext(model, &evidence, options.fs)) {
    result_->measures = options.measures != nullptr
                            ? *options.measures
                            : verify::VerifyMeasures(model, verify_, &result_->findings);
    for (const verify::MeasureVerification& v : result_->measures) {
      measure_status_[v.measure->id] = v.status;
    }
  }

  void Build() {
    for (const LabelingEntry& e : model_.labeling) {
      for (const std::string& m : e.measures) labeled_.insert(m);
    }
    for (const model::Risk& risk : model_.risks) AddRisk(risk);
    for (const model::Measure& m : model_.measures) {
      if (!reached_measures_.contains(m.id)) AddMeasure(m, nullptr);
    }
    for (const SecurityRequirement& r : model_.requirements) {
      if (reached_requirements_.contains(r.id)) continue;
      Finding(Severity::kWarning, "requirement-without-measure",
              "security requirement '" + r.id + "' implements no measure of a risk", r.location);
      AddRequirementRow(nullptr, "", nullptr, r);
    }
    CheckRequirements();
    CheckCategories();
    CheckLabeling();
    std::stable_sort(result_->rows.begin(), result_->rows.end(),
                     [](const TraceRow& a, const TraceRow& b) {
                       if (a.risk != b.risk) return NaturalLess(a.risk, b.risk);
                       if (a.measure != b.measure) return NaturalLess(a.measure, b.measure);
                       return NaturalLess(a.requirement, b.requirement);
                     });
    std::stable_sort(result_->findings.begin(), result_->findings.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       if (a.severity != b.severity) return a.severity > b.severity;
                       if (a.location.file != b.location.file)
                         return a.location.file < b.location.file;
                       if (a.location.line != b.location.line)
                         return a.location.line < b.location.line;
                       return a.location.col < b.location.col;
                     });
  }

 private:
  void Finding(Severity severity, std::string code, std::string message,
               const SourceLocation& location) {
    result_->findings.push_back({severity, std::move(code), std::move(message), location});
  }

  std::string LevelOf(const model::Risk& risk, bool* acceptable) const {
    const int level = model_.risk_method.LevelOf(risk.likelihood, risk.impact);
    *acceptable = false;
    if (level < 0 || static_cast<size_t>(level) >= model_.risk_method.levels.size()) return "";
    const auto& info = model_.risk_method.levels[static_cast<size_t>(level)];
    *acceptable = info.acceptable;
    return info.name;
  }

  void AddRisk(const model::Risk& risk) {
    bool acceptable = false;
    const std::string level = LevelOf(risk, &acceptable);
    if (risk.measures.empty()) {
      TraceRow row;
      row.risk = risk.id;
      row.risk_level = level;
      row.status = acceptable ? "accepted" : "broken";
      result_->rows.push_back(std::move(row));
      if (!acceptable) {
        Finding(Severity::kError, "risk-unmitigated",
                "risk '" + risk.id + "' (" + level + ") has no measure", risk.location);
      }
      return;
    }
    for (const std::string& id : risk.measures) {
      const model::Measure* m = model_.FindMeasure(id);
      if (m == nullptr) continue;  // the model builder reports dangling references
      AddMeasure(*m, &risk, level);
    }
  }

  std::vector<const SecurityRequirement*> RequirementsOf(std::string_view measure) const {
    std::vector<const SecurityRequirement*> found;
    for (const SecurityRequirement& r : model_.requirements) {
      for (const LocatedRef& m : r.measures) {
        if (m.id == measure) {
          found.push_back(&r);
          break;
        }
      }
    }
    return found;
  }

  void AddMeasure(const model::Measure& m, const model::Risk* risk, const std::string& level = "") {
    const bool first = reached_measures_.insert(m.id).second;
    const std::vector<const SecurityRequirement*> requirements = RequirementsOf(m.id);
    if (m.kind == "user" && requirements.empty()) {
      TraceRow row;
      row.risk = risk ? risk->id : "";
      row.risk_level = level;
      row.measure = m.id;
      row.measure_kind = m.kind;
      row.measure_status = verify::StatusName(measure_status_.at(m.id));
      const bool in_instructions = !m.instructions.empty() || labeled_.contains(m.id);
      row.status = in_instructions ? "instructions" : "broken";
      result_->rows.push_back(std::move(row));
      if (first && !in_instructions) {
        Finding(Severity::kError, "user-measure-not-in-instructions",
                "user measure '" + m.id +
                    "' is missing from the instructions for secure use (no 'instructions' text "
                    "and no labeling item carries it)",
                m.location);
      }
      return;
    }
    if (requirements.empty()) {
      TraceRow row;
      row.risk = risk ? risk->id : "";
      row.risk_level = level;
      row.measure = m.id;
      row.measure_kind = m.kind;
      row.measure_status = verify::StatusName(measure_status_.at(m.id));
      row.status = "broken";
      result_->rows.push_back(std::move(row));
      if (first) {
        Finding(Severity::kError, "measure-without-requirement",
                "measure '" + m.id + "' is not implemented by any security requirement",
                m.location);
      }
      return;
    }
    for (const SecurityRequirement* r : requirements) AddRequirementRow(risk, level, &m, *r);
  }

  void AddRequirementRow(const model::Risk* risk, const std::string& level, const model::Measure* m,
                         const SecurityRequirement& r) {
    reached_requirements_.insert(r.id);
    TraceRow row;
    row.risk = risk ? risk->id : "";
    row.risk_level = level;
    row.measure = m ? m->id : "";
    row.measure_kind = m ? m->kind : "";
    row.requirement = r.id;
    row.categories = r.categories;
    for (const LocatedRef& d : r.design) row.design.push_back(d.id);
    for (const catalog::ControlRef& c : r.controls) row.controls.push_back(c.catalog + " " + c.id);
    for (const LocatedRef& v : r.verified_by) {
      row.verifications.push_back(verify::Resolve(v.id, v.location, verify_));
    }
    verify::Status status = verify::WorstOf(row.verifications, verify::Status::kUnverified);
    if (m != nullptr) {
      // A measure verified through its requirements alone (no `verified_by` of its own) does not
      // weaken the chain; the measure-unverified warning still says so.
      const verify::Status measure = measure_status_.at(m->id);
      row.measure_status = verify::StatusName(measure);
      if (!m->verified_by.empty()) status = verify::Worst(status, measure);
    }
    row.status = verify::StatusName(status);
    if (m == nullptr || r.design.empty()) {
      row.status = status == verify::Status::kFailed ? "failed" : "broken";
    }
    result_->rows.push_back(std::move(row));
  }

  void CheckRequirements() {
    for (const SecurityRequirement& r : model_.requirements) {
      if (r.design.empty()) {
        Finding(Severity::kWarning, "requirement-without-design",
                "security requirement '" + r.id + "' names no design element (component or flow)",
                r.location);
      }
      if (r.verified_by.empty()) {
        Finding(Severity::kError, "requirement-unverified",
                "security requirement '" + r.id + "' has no verification", r.location);
      }
      for (const LocatedRef& v : r.verified_by) CheckVerification(r, v);
    }
  }

  void CheckVerification(const SecurityRequirement& r, const LocatedRef& v) {
    verify::AddFinding(verify::Resolve(v.id, v.location, verify_), "requirement '" + r.id + "'",
                       &result_->findings);
  }

  void CheckCategories() {
    for (const catalog::SecurityCategory& c : catalog::Iec62304SecurityCategories()) {
      CategoryCoverage coverage{std::string(c.id), std::string(c.title)};
      for (const SecurityRequirement& r : model_.requirements) {
        if (std::find(r.categories.begin(), r.categories.end(), c.id) != r.categories.end()) {
          coverage.requirements.push_back(r.id);
        }
      }
      for (const CategoryJustification& j : model_.category_justifications) {
        if (j.category == c.id) coverage.justification = j.justification;
      }
      coverage.status = !coverage.requirements.empty()    ? "covered"
                        : !coverage.justification.empty() ? "justified"
                                                          : "gap";
      if (coverage.status == "gap") {
        Finding(Severity::kWarning, "security-category-uncovered",
                "no security requirement covers the IEC 62304 category '" + coverage.title + "' (" +
                    coverage.id + ") and 'security_categories' does not justify it",
                model_.requirements_location);
      }
      result_->categories.push_back(std::move(coverage));
    }
  }

  void CheckLabeling() {
    for (const catalog::LabelingItem& item : catalog::FdaLabelingItems()) {
      const bool present = std::any_of(model_.labeling.begin(), model_.labeling.end(),
                                       [&](const LabelingEntry& e) { return e.item == item.id; });
      if (present) continue;
      Finding(Severity::kNote, "labeling-item-missing",
              "the instructions for secure use lack the FDA labeling item '" +
                  std::string(item.id) + "' (" + std::string(item.title) + ")",
              model_.labeling_location);
    }
  }

  const model::SystemModel& model_;
  TraceResult* result_;
  const verify::Context verify_;
  std::map<std::string, verify::Status, std::less<>> measure_status_;
  std::set<std::string> labeled_, reached_measures_, reached_requirements_;
};

}  // namespace

TraceResult BuildTrace(const model::SystemModel& model, const verify::Evidence& evidence,
                       const TraceOptions& options) {
  TraceResult result;
  result.system_id = model.system.id;
  result.model_hash = model.content_hash;
  result.evidence_files = evidence.Paths();
  TraceBuilder(model, evidence, options, &result).Build();
  return result;
}

bool HasFindingsAtOrAbove(const TraceResult& result, Severity level) {
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Diagnostic& d) { return d.severity >= level; });
}

}  // namespace medtra::trace
