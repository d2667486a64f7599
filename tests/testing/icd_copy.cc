// IcdCopy: a temporary copy of the case study and shell runs of the medtra binary inside it.
#include "tests/testing/icd_copy.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace medtra::testing {

namespace fs = std::filesystem;

std::string LineWith(const std::string& text, const std::string& what) {
  const size_t at = text.find(what);
  if (at == std::string::npos) return "";
  const size_t begin = text.rfind('\n', at);
  const size_t start = begin == std::string::npos ? 0 : begin + 1;
  return text.substr(start, text.find('\n', at) - start);
}

IcdCopy::IcdCopy() {
  char pattern[] = "/tmp/medtra-icd-copy-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return;
  dir_ = pattern;
  fs::copy(fs::path(MEDTRA_SOURCE_DIR) / "examples" / "icd", dir_ / "icd",
           fs::copy_options::recursive);
}

IcdCopy::~IcdCopy() {
  if (!dir_.empty()) fs::remove_all(dir_);
}

Outcome IcdCopy::Run(const std::string& args, const std::string& env) const {
  const std::string command = "cd '" + dir_.string() + "' && " + env + " '" + MEDTRA_BIN + "' " +
                              args + " >stdout.txt 2>stderr.txt";
  const int status = std::system(command.c_str());
  Outcome outcome;
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = Read("stdout.txt");
  outcome.err = Read("stderr.txt");
  return outcome;
}

std::string IcdCopy::Read(const std::string& path) const {
  std::ifstream in(dir_ / path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void IcdCopy::Write(const std::string& path, const std::string& text) const {
  std::ofstream out(dir_ / path, std::ios::binary | std::ios::trunc);
  out << text;
}

bool IcdCopy::Replace(const std::string& path, const std::string& from,
                      const std::string& to) const {
  std::string text = Read(path);
  const size_t at = text.find(from);
  if (at == std::string::npos) return false;
  text.replace(at, from.size(), to);
  Write(path, text);
  return true;
}

}  // namespace medtra::testing
