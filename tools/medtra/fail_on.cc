// FailOnMet and FailOnValues: the --fail-on semantics of `analyze`, shared with `submission`.
#include "tools/medtra/fail_on.h"

#include <algorithm>
#include <ostream>

#include "medtra/base/strings.h"

namespace medtra::cli {

bool FailOnMet(const std::string& fail_on, const analysis::Analysis& analysis) {
  if (fail_on == "error" || fail_on == "warning" || fail_on == "note") {
    const int threshold = fail_on == "error" ? 2 : fail_on == "warning" ? 1 : 0;
    return std::any_of(
        analysis.findings.begin(), analysis.findings.end(),
        [&](const Diagnostic& f) { return static_cast<int>(f.severity) >= threshold; });
  }
  const model::RiskMethod& method = analysis.model->risk_method;
  if (fail_on == "unacceptable") {
    return std::any_of(analysis.risks.begin(), analysis.risks.end(),
                       [&](const risk::RiskResult& r) { return !analysis.ResidualAcceptable(r); });
  }
  int threshold = -1;
  for (size_t i = 0; i < method.levels.size(); ++i) {
    if (method.levels[i].name == fail_on) threshold = static_cast<int>(i);
  }
  return std::any_of(analysis.risks.begin(), analysis.risks.end(), [&](const risk::RiskResult& r) {
    for (size_t i = 0; i < method.levels.size(); ++i) {
      if (method.levels[i].name == r.residual_level) return static_cast<int>(i) >= threshold;
    }
    return false;
  });
}

std::vector<std::string> FailOnValues(const model::RiskMethod& method) {
  std::vector<std::string> values = {"error", "warning", "note", "unacceptable"};
  for (const auto& level : method.levels) values.push_back(level.name);
  return values;
}

bool FailOnValidOrReport(const CommandContext& context, std::string_view command,
                         const std::string& fail_on, const model::RiskMethod& method) {
  if (fail_on.empty()) return true;
  const std::vector<std::string> values = FailOnValues(method);
  if (std::find(values.begin(), values.end(), fail_on) != values.end()) return true;
  *context.err << "medtra: " << command << ": unknown --fail-on value '" << fail_on << "'"
               << DidYouMean(fail_on, values) << "; expected one of: " << Join(values, ", ")
               << "\n";
  return false;
}

}  // namespace medtra::cli
