// Runs a program without a shell, feeding stdin and capturing stdout and stderr separately.
#pragma once

#include <string>
#include <vector>

namespace medtra::testing {

struct CommandResult {
  int exit_code = -1;  ///< the exit status; 128 + N when killed by signal N; -1 if it could not run
  std::string out;     ///< everything written to stdout
  std::string err;     ///< everything written to stderr
};

/// Runs args[0] (a path, or a name looked up in PATH) with args[1..] as its arguments, writes
/// `stdin_text` to its standard input and closes it, and waits for it to exit. Uses fork/execvp
/// and poll, so large inputs and outputs do not deadlock.
CommandResult RunCommand(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace medtra::testing
