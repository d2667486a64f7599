// EvaluateMeasures: the risks of each measure and its essential-function impact.
#include <algorithm>
#include <unordered_map>

#include "medtra/risk/evaluate.h"

namespace medtra::risk {

std::vector<analysis::MeasureResult> EvaluateMeasures(const model::SystemModel& model,
                                                      std::vector<Diagnostic>* findings) {
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
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace medtra::risk
