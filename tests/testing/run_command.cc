// RunCommand: fork/exec with three pipes, drained with poll() so that no stream can deadlock.
#include "tests/testing/run_command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace medtra::testing {
namespace {

void CloseFd(int* fd) {
  if (*fd >= 0) ::close(*fd);
  *fd = -1;
}

}  // namespace

CommandResult RunCommand(const std::vector<std::string>& args, const std::string& stdin_text) {
  CommandResult result{-1, "", ""};
  if (args.empty()) {
    result.err = "RunCommand: no program";
    return result;
  }
  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
    result.err = std::string("RunCommand: pipe: ") + std::strerror(errno);
    return result;
  }
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) {
    result.err = std::string("RunCommand: fork: ") + std::strerror(errno);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    return result;
  }
  if (pid == 0) {
    // The child: only async-signal-safe calls until exec.
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    ::signal(SIGPIPE, SIG_DFL);
    ::execv(argv[0], argv.data());
    static const char kMessage[] = "RunCommand: exec failed\n";
    (void)!::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  int write_fd = in[1];
  int read_out = out[0];
  int read_err = err[0];
  ::fcntl(write_fd, F_SETFL, O_NONBLOCK);
  if (stdin_text.empty()) CloseFd(&write_fd);

  // The parent must not die of SIGPIPE when the child exits without reading its input.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);
  size_t written = 0;
  char buffer[1 << 16];
  while (write_fd >= 0 || read_out >= 0 || read_err >= 0) {
    pollfd fds[3] = {{write_fd, POLLOUT, 0}, {read_out, POLLIN, 0}, {read_err, POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (write_fd >= 0 && fds[0].revents != 0) {
      const ssize_t n = ::write(write_fd, stdin_text.data() + written, stdin_text.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == stdin_text.size()) {
        CloseFd(&write_fd);
      }
    }
    int* readers[2] = {&read_out, &read_err};
    std::string* sinks[2] = {&result.out, &result.err};
    for (int k = 0; k < 2; ++k) {
      if (*readers[k] < 0 || fds[k + 1].revents == 0) continue;
      const ssize_t n = ::read(*readers[k], buffer, sizeof buffer);
      if (n > 0) {
        sinks[k]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        CloseFd(readers[k]);
      }
    }
  }
  CloseFd(&write_fd);
  CloseFd(&read_out);
  CloseFd(&read_err);
  ::sigaction(SIGPIPE, &previous, nullptr);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  return result;
}

}  // namespace medtra::testing
