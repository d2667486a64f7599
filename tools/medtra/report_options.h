// The options `analyze` and `submission` share: --format (a comma-separated list checked against
// the known formats), --fail-on, the evidence options and --rules.
#pragma once

#include <string>
#include <vector>

#include "tools/medtra/command.h"
#include "tools/medtra/evidence_options.h"

namespace medtra::cli {

/// Adds --format (comma-separated, with `help`), --fail-on, the evidence options and --rules.
void AddReportOptions(CLI::App* command, const std::string& help, std::vector<std::string>* formats,
                      std::string* fail_on, EvidenceOptions* evidence, std::string* rules_dir);

/// Whether every format is one of `known`; otherwise prints "medtra: COMMAND: unknown format ..."
/// with did-you-mean and returns false.
bool FormatsKnownOrReport(const CommandContext& context, std::string_view command,
                          const std::vector<std::string>& formats,
                          const std::vector<std::string>& known);

}  // namespace medtra::cli
