// Test helper: a temporary copy of examples/icd in which a CLI test introduces breaks, and runs of
// the medtra binary inside it (so paths in the output are short and exact: `icd/risks.yaml`).
#pragma once

#include <filesystem>
#include <string>

namespace medtra::testing {

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

/// The first line of `text` that contains `what` (without its newline); "" when none does.
std::string LineWith(const std::string& text, const std::string& what);

/// Creates a fresh /tmp folder holding `icd/` (a copy of examples/icd); removes it when destroyed.
class IcdCopy {
 public:
  IcdCopy();
  ~IcdCopy();
  IcdCopy(const IcdCopy&) = delete;
  IcdCopy& operator=(const IcdCopy&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  /// Runs `env MEDTRA ARGS` in dir() through the shell; `env` is e.g. "SOURCE_DATE_EPOCH=0".
  Outcome Run(const std::string& args, const std::string& env = "") const;
  /// Reads or writes a file relative to dir().
  std::string Read(const std::string& path) const;
  void Write(const std::string& path, const std::string& text) const;
  /// Replaces the first `from` in a file by `to`; false when `from` is not there.
  bool Replace(const std::string& path, const std::string& from, const std::string& to) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace medtra::testing
