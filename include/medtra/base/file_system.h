// The file-system interface (leveldb's Env): the loader and writers take it so tests run in memory.
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"

namespace medtra {

enum class PathKind { kMissing, kFile, kDirectory, kOther };

/// Reading and writing files. Implementations never print.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual PathKind Kind(const std::string& path) const = 0;
  /// Reads a whole regular file; fails if it is larger than max_bytes.
  virtual Result<std::string> ReadFile(const std::string& path, size_t max_bytes) const = 0;
  /// The names (not paths) of the entries of a directory, sorted.
  virtual Result<std::vector<std::string>> ListDirectory(const std::string& path) const = 0;
  virtual Status CreateDirectories(const std::string& path) = 0;
  /// Writes through a temporary file in the same directory and renames it into place.
  virtual Status WriteFileAtomic(const std::string& path, std::string_view content) = 0;
  /// Writes what `write` puts on the stream, as atomically as WriteFileAtomic. This default
  /// gathers the whole text first; the real file system streams it to the temporary file, so a
  /// large report is never held whole in memory.
  virtual Status WriteFileAtomicStream(const std::string& path,
                                       const std::function<void(std::ostream&)>& write);
};

/// The real file system (POSIX).
class RealFileSystem final : public FileSystem {
 public:
  PathKind Kind(const std::string& path) const override;
  Result<std::string> ReadFile(const std::string& path, size_t max_bytes) const override;
  Result<std::vector<std::string>> ListDirectory(const std::string& path) const override;
  Status CreateDirectories(const std::string& path) override;
  Status WriteFileAtomic(const std::string& path, std::string_view content) override;
  Status WriteFileAtomicStream(const std::string& path,
                               const std::function<void(std::ostream&)>& write) override;
};

/// An in-memory file system for tests: files by path; directories are implied by file paths.
class MemoryFileSystem final : public FileSystem {
 public:
  void AddFile(const std::string& path, std::string content) { files_[path] = std::move(content); }
  const std::map<std::string, std::string>& files() const { return files_; }

  PathKind Kind(const std::string& path) const override;
  Result<std::string> ReadFile(const std::string& path, size_t max_bytes) const override;
  Result<std::vector<std::string>> ListDirectory(const std::string& path) const override;
  Status CreateDirectories(const std::string& path) override;
  Status WriteFileAtomic(const std::string& path, std::string_view content) override;

 private:
  std::map<std::string, std::string> files_;
};

/// Joins two path parts with exactly one '/'.
std::string JoinPath(std::string_view directory, std::string_view name);

}  // namespace medtra
