// ModelWatcher: a thread that waits on inotify for changes to the model folder's files and calls
// back once things have been quiet for a moment (an editor writes a file in several steps).
#pragma once

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "medtra/base/status.h"

namespace medtra::serve {

class ModelWatcher {
 public:
  /// Watches `folders` (those that exist); `changed` runs on the watcher's thread.
  ModelWatcher(std::vector<std::string> folders, std::function<void()> changed,
               int quiet_milliseconds = 150);
  ~ModelWatcher();
  ModelWatcher(const ModelWatcher&) = delete;
  ModelWatcher& operator=(const ModelWatcher&) = delete;

  Status Start();

 private:
  void Run();

  std::vector<std::string> folders_;
  std::function<void()> changed_;
  int quiet_milliseconds_;
  int inotify_fd_ = -1;
  int stop_fd_ = -1;  ///< an eventfd that wakes the thread to end it
  std::thread thread_;
};

}  // namespace medtra::serve
