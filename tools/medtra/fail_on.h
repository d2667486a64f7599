// --fail-on, shared by `analyze` and `submission`: the values it accepts and whether it is met.
#pragma once

#include <string>
#include <vector>

#include "medtra/analysis/analysis.h"
#include "tools/medtra/command.h"

namespace medtra::cli {

/// Whether the analysis meets --fail-on: a finding severity, "unacceptable", or a risk level.
bool FailOnMet(const std::string& fail_on, const analysis::Analysis& analysis);

/// The values --fail-on accepts for this model.
std::vector<std::string> FailOnValues(const model::RiskMethod& method);

/// Whether `fail_on` is empty or one of FailOnValues(); otherwise prints "medtra: COMMAND: unknown
/// --fail-on value ..." with did-you-mean and returns false.
bool FailOnValidOrReport(const CommandContext& context, std::string_view command,
                         const std::string& fail_on, const model::RiskMethod& method);

/// The help text of --fail-on.
inline constexpr const char* kFailOnHelp =
    "exit 1 when met: error|warning|note (findings), unacceptable (a residual risk), or a risk "
    "level name (a residual risk at or above it)";

}  // namespace medtra::cli
