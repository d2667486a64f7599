// Test helper: runs a program (no shell) and captures its exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace medtra::testing {

struct CommandResult {
  int exit_code;  ///< the exit status, or 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

/// Runs args[0] with args, feeding `stdin_text` to its standard input.
CommandResult RunCommand(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace medtra::testing
