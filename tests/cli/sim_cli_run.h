// A tiny helper for the sim CLI tests: runs the medtra binary, captures stdout/stderr and exit
// code.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace medtra::testing::sim_cli {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Drain(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, size_t(n));
  return text;
}

/// Runs MEDTRA_BIN with `args` (no shell). stderr goes to a temporary file to avoid pipe deadlock.
inline RunResult RunMedtra(const std::vector<std::string>& args) {
  RunResult result;
  int out_pipe[2];
  if (pipe(out_pipe) != 0) return result;
  char err_path[] = "/tmp/medtra_sim_cli_err_XXXXXX";
  const int err_fd = mkstemp(err_path);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    close(out_pipe[0]);
    close(out_pipe[1]);
    std::vector<char*> argv;
    std::string bin = MEDTRA_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  result.out = Drain(out_pipe[0]);
  close(out_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  lseek(err_fd, 0, SEEK_SET);
  result.err = Drain(err_fd);
  close(err_fd);
  unlink(err_path);
  return result;
}

}  // namespace medtra::testing::sim_cli
