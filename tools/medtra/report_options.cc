// AddReportOptions and FormatsKnownOrReport: the option wiring `analyze` and `submission` share.
#include "tools/medtra/report_options.h"

#include <algorithm>
#include <ostream>

#include "medtra/base/strings.h"
#include "tools/medtra/fail_on.h"
#include "tools/medtra/rule_options.h"

namespace medtra::cli {

void AddReportOptions(CLI::App* command, const std::string& help, std::vector<std::string>* formats,
                      std::string* fail_on, EvidenceOptions* evidence, std::string* rules_dir) {
  command->add_option("--format", *formats, help)->delimiter(',')->capture_default_str();
  command->add_option("--fail-on", *fail_on, kFailOnHelp);
  AddEvidenceOptions(command, evidence);
  AddRulesDirOption(command, rules_dir);
}

bool FormatsKnownOrReport(const CommandContext& context, std::string_view command,
                          const std::vector<std::string>& formats,
                          const std::vector<std::string>& known) {
  for (const std::string& format : formats) {
    if (std::find(known.begin(), known.end(), format) != known.end()) continue;
    *context.err << "medtra: " << command << ": unknown format '" << format << "'"
                 << DidYouMean(format, known)
                 << "; expected a comma-separated list of: " << Join(known, ",") << "\n";
    return false;
  }
  return true;
}

}  // namespace medtra::cli
