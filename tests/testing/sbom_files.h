// Test helpers for the SBOM readers: the project's SBOM test files, and diagnostics as text lines.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/sbom.h"
#include "tests/testing/shared_data.h"

namespace medtra::testing {

/// The whole content of a file ("" when it cannot be read).
inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// tests/data/sbom/`name`.
inline std::string SbomTestFile(const std::string& name) {
  return std::string(MEDTRA_TESTS_DIR) + "/data/sbom/" + name;
}

/// Each diagnostic as `file:line:col: severity: message [code]`.
inline std::vector<std::string> DiagnosticLines(const DiagnosticSink& sink) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    lines.push_back(RenderText(diagnostic, nullptr));
    while (!lines.back().empty() && lines.back().back() == '\n') lines.back().pop_back();
  }
  return lines;
}

/// Reads `text` as an SBOM named `file`, keeping the diagnostics.
struct SbomRead {
  std::optional<sbom::Sbom> sbom;
  DiagnosticSink sink;
};
inline SbomRead ReadSbomText(const std::string& file, const std::string& text,
                             const document::DocumentLimits& limits = {}) {
  SbomRead read;
  read.sbom = sbom::ReadSbom(file, text, read.sink, limits);
  return read;
}

/// Reads `text` as "f.json": no SBOM, and exactly the one diagnostic `line`.
inline void ExpectOnlyError(const std::string& text, const std::string& line) {
  const SbomRead read = ReadSbomText("f.json", text);
  EXPECT_FALSE(read.sbom) << text;
  EXPECT_THAT(DiagnosticLines(read.sink), ::testing::ElementsAre(line)) << text;
}

}  // namespace medtra::testing
