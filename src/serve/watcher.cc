// ModelWatcher: inotify plus an eventfd, polled together.
#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace medtra::serve {

ModelWatcher::ModelWatcher(std::vector<std::string> folders, std::function<void()> changed,
                           int quiet_milliseconds)
    : folders_(std::move(folders)),
      changed_(std::move(changed)),
      quiet_milliseconds_(quiet_milliseconds) {}

ModelWatcher::~ModelWatcher() {
  if (thread_.joinable()) {
    const uint64_t one = 1;
    (void)!write(stop_fd_, &one, sizeof one);
    thread_.join();
  }
  if (inotify_fd_ >= 0) close(inotify_fd_);
  if (stop_fd_ >= 0) close(stop_fd_);
}

Status ModelWatcher::Start() {
  inotify_fd_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  stop_fd_ = eventfd(0, EFD_CLOEXEC);
  if (inotify_fd_ < 0 || stop_fd_ < 0) {
    return Status::Error(std::string("inotify: ") + std::strerror(errno));
  }
  for (const std::string& folder : folders_) {
    constexpr uint32_t kMask =
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY;
    if (inotify_add_watch(inotify_fd_, folder.c_str(), kMask) < 0 && errno != ENOENT) {
      return Status::Error("inotify: cannot watch " + folder + ": " + std::strerror(errno));
    }
  }
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

void ModelWatcher::Run() {
  bool pending = false;
  for (;;) {
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    const int ready = poll(fds, 2, pending ? quiet_milliseconds_ : -1);
    if (ready < 0 && errno != EINTR) return;
    if (fds[1].revents != 0) return;
    if (ready == 0 && pending) {  // quiet for a while after a change
      pending = false;
      changed_();
      continue;
    }
    if (fds[0].revents != 0) {
      alignas(inotify_event) char buffer[8192];
      while (read(inotify_fd_, buffer, sizeof buffer) > 0) {
      }
      pending = true;
    }
  }
}

}  // namespace medtra::serve
