// RunCommand: runs a program (fork/exec, no shell) and captures its exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace medtra::testing {

/// What a finished command left behind. exit_code is the exit status, or 128 + the signal number
/// when a signal ended the process (as a shell reports it).
struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};

/// Runs args[0] (a path, not looked up in PATH) with args[1..] and `stdin_text` on its standard
/// input; returns when the program has exited and both output streams are closed.
CommandResult RunCommand(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace medtra::testing
