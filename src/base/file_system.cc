// RealFileSystem (POSIX calls, atomic writes by rename) and MemoryFileSystem (for tests).
#include "medtra/base/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <set>
#include <sstream>
#include <streambuf>
#include <system_error>
#include <vector>

namespace medtra {
namespace {

std::string ErrnoMessage(int error) { return std::strerror(error); }

Status WriteAll(int fd, std::string_view content) {
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(ErrnoMessage(errno));
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

/// An output stream buffer that writes to a file descriptor in blocks of 1 MiB and keeps the
/// first error.
class FdBuffer final : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd), block_(size_t{1} << 20) {
    setp(block_.data(), block_.data() + block_.size());
  }
  /// Writes what is left; the first error of any write.
  Status Finish() {
    Drain();
    return status_;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const auto room = static_cast<std::streamsize>(epptr() - pptr());
    if (n <= room) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    if (!Drain()) return 0;
    if (static_cast<size_t>(n) >= block_.size()) {  // a large piece goes out as it is
      status_ = WriteAll(fd_, std::string_view(s, static_cast<size_t>(n)));
      return status_.ok() ? n : 0;
    }
    return xsputn(s, n);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    if (!status_.ok()) return false;
    status_ = WriteAll(fd_, std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())));
    setp(block_.data(), block_.data() + block_.size());
    return status_.ok();
  }

  int fd_;
  std::vector<char> block_;
  Status status_ = Status::Ok();
};

/// Streams `write`'s text to `fd`.
Status StreamTo(int fd, const std::function<void(std::ostream&)>& write) {
  FdBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  return buffer.Finish();
}

/// Writes `path` with `write_fd`: a device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO)
/// is written to, never renamed over, since replacing it with a regular file would break it for
/// everyone; anything else goes through a temporary file in the same directory, synced and
/// renamed into place, and removed when any step fails.
Status WriteThroughTemporary(const std::string& path,
                             const std::function<Status(int fd)>& write_fd) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return Status::Error(path + ": is a directory");
    const int out = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (out < 0) return Status::Error(path + ": " + ErrnoMessage(errno));
    Status written = write_fd(out);
    if (::close(out) != 0 && written.ok()) written = Status::Error(ErrnoMessage(errno));
    return written.ok() ? written : Status::Error(path + ": " + written.message());
  }
  std::string temp = path + ".tmp.XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Status::Error(path + ": " + ErrnoMessage(errno));
  Status status = write_fd(fd);
  if (status.ok() && ::fsync(fd) != 0) status = Status::Error(ErrnoMessage(errno));
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 && status.ok()) status = Status::Error(ErrnoMessage(errno));
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    status = Status::Error(ErrnoMessage(errno));
  }
  if (!status.ok()) {
    ::unlink(temp.c_str());
    return Status::Error(path + ": " + status.message());
  }
  return Status::Ok();
}

}  // namespace

Status FileSystem::WriteFileAtomicStream(const std::string& path,
                                         const std::function<void(std::ostream&)>& write) {
  std::ostringstream text;
  write(text);
  return WriteFileAtomic(path, text.view());
}

std::string JoinPath(std::string_view directory, std::string_view name) {
  if (directory.empty()) return std::string(name);
  std::string out(directory);
  if (out.back() != '/') out += '/';
  out += name;
  return out;
}

PathKind RealFileSystem::Kind(const std::string& path) const {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return PathKind::kMissing;
  if (S_ISREG(st.st_mode)) return PathKind::kFile;
  if (S_ISDIR(st.st_mode)) return PathKind::kDirectory;
  return PathKind::kOther;
}

Result<std::string> RealFileSystem::ReadFile(const std::string& path, size_t max_bytes) const {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a FIFO never blocks
  if (fd < 0) return Result<std::string>::Error(ErrnoMessage(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    return Result<std::string>::Error(ErrnoMessage(error));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Result<std::string>::Error(S_ISDIR(st.st_mode) ? "is a directory"
                                                          : "not a regular file");
  }
  std::string content;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return Result<std::string>::Error(ErrnoMessage(error));
    }
    if (n == 0) break;
    if (content.size() + static_cast<size_t>(n) > max_bytes) {
      ::close(fd);
      return Result<std::string>::Error("file is larger than " + std::to_string(max_bytes) +
                                        " bytes");
    }
    content.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return content;
}

Result<std::vector<std::string>> RealFileSystem::ListDirectory(const std::string& path) const {
  std::error_code error;
  std::vector<std::string> names;
  for (std::filesystem::directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    names.push_back(it->path().filename().string());
  }
  if (error) return Result<std::vector<std::string>>::Error(error.message());
  std::sort(names.begin(), names.end());
  return names;
}

Status RealFileSystem::CreateDirectories(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) return Status::Error(path + ": " + error.message());
  return Status::Ok();
}

Status RealFileSystem::WriteFileAtomic(const std::string& path, std::string_view content) {
  return WriteThroughTemporary(path, [&](int fd) { return WriteAll(fd, content); });
}

Status RealFileSystem::WriteFileAtomicStream(const std::string& path,
                                             const std::function<void(std::ostream&)>& write) {
  return WriteThroughTemporary(path, [&](int fd) { return StreamTo(fd, write); });
}

PathKind MemoryFileSystem::Kind(const std::string& path) const {
  if (files_.count(path)) return PathKind::kFile;
  const std::string prefix = JoinPath(path, "");
  const auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
    return PathKind::kDirectory;
  }
  return PathKind::kMissing;
}

Result<std::string> MemoryFileSystem::ReadFile(const std::string& path, size_t max_bytes) const {
  const auto it = files_.find(path);
  if (it == files_.end()) {
    return Result<std::string>::Error(
        Kind(path) == PathKind::kDirectory ? "is a directory" : "No such file or directory");
  }
  if (it->second.size() > max_bytes) {
    return Result<std::string>::Error("file is larger than " + std::to_string(max_bytes) +
                                      " bytes");
  }
  return it->second;
}

Result<std::vector<std::string>> MemoryFileSystem::ListDirectory(const std::string& path) const {
  const std::string prefix = JoinPath(path, "");
  std::set<std::string> names;
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    const std::string rest = it->first.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  }
  if (names.empty()) return Result<std::vector<std::string>>::Error("No such file or directory");
  return std::vector<std::string>(names.begin(), names.end());
}

Status MemoryFileSystem::CreateDirectories(const std::string&) { return Status::Ok(); }

Status MemoryFileSystem::WriteFileAtomic(const std::string& path, std::string_view content) {
  files_[path] = std::string(content);
  return Status::Ok();
}

}  // namespace medtra
