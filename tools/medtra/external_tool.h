// Running an external program (chromium, pandoc) without a shell: found in PATH, started with
// posix_spawn, its output discarded, its exit status returned.
#pragma once

#include <string>
#include <vector>

#include "medtra/base/status.h"

namespace medtra::cli {

/// The path of `name` in PATH (or `name` itself when it holds a '/' and is executable); "" when
/// it is not found.
std::string FindProgram(const std::string& name);

/// Runs `argv` (argv[0] a path) with `env` added to the environment, stdin/stdout/stderr on
/// /dev/null, in a process group of its own; an error when it cannot start, exits other than 0,
/// or runs longer than `timeout_seconds` (its process group is then killed).
Status RunProgram(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                  int timeout_seconds = 300);

}  // namespace medtra::cli
