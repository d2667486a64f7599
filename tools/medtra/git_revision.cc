// ReadRevision: git ls-tree and git show through posix_spawnp, without a shell.
#include "tools/medtra/git_revision.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

extern char** environ;

namespace medtra::cli {
namespace {

constexpr size_t kMaxOutput = 64u << 20;

// Runs git with `args`; its stdout in `out`. Fails when git cannot start or exits non-zero.
Status RunGit(const std::vector<std::string>& args, std::string* out) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return Status::Error("cannot create a pipe for git");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", 0, 0);
  std::vector<std::string> argv_strings = {"git"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return Status::Error("cannot run git (is it installed?)");
  }
  char buffer[65536];
  bool too_large = false;
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
    if (out->size() + static_cast<size_t>(n) > kMaxOutput) too_large = true;
    if (!too_large) out->append(buffer, static_cast<size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (too_large) return Status::Error("git output is larger than 64 MiB");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::Error("git " + args.front() + " failed");
  }
  return Status::Ok();
}

}  // namespace

bool SplitRevision(const FileSystem& fs, const std::string& argument, std::string* revision,
                   std::string* path) {
  const size_t colon = argument.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == argument.size()) return false;
  if (fs.Kind(argument) != PathKind::kMissing) return false;
  *revision = argument.substr(0, colon);
  *path = argument.substr(colon + 1);
  return true;
}

Status ReadRevision(const std::string& revision, const std::string& path, MemoryFileSystem* out) {
  std::string names;
  if (Status status = RunGit({"ls-tree", "-r", "-z", "--name-only", revision, "--", path}, &names);
      !status.ok()) {
    return Status::Error(revision + ":" + path + ": " + status.message());
  }
  size_t files = 0;
  for (size_t begin = 0; begin < names.size();) {
    size_t end = names.find('\0', begin);
    if (end == std::string::npos) end = names.size();
    const std::string name = names.substr(begin, end - begin);
    begin = end + 1;
    std::string content;
    if (Status status = RunGit({"show", revision + ":./" + name}, &content); !status.ok()) {
      return Status::Error(revision + ":" + name + ": " + status.message());
    }
    out->AddFile(name, std::move(content));
    ++files;
  }
  if (files == 0) return Status::Error(revision + ":" + path + ": no such path in the revision");
  return Status::Ok();
}

}  // namespace medtra::cli
