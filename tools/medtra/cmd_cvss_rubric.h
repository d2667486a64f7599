// medtra cvss rubric: the medical-device CVSS rubric as a questionnaire (see cmd_cvss_rubric.cc).
#pragma once

#include <CLI/CLI.hpp>

#include "tools/medtra/command.h"

namespace medtra::cli {

/// Adds the `rubric` subcommand under `cvss` and returns it.
CLI::App* SetupCvssRubricCommand(CLI::App& cvss, const CommandContext& context);

}  // namespace medtra::cli
