// Tests of ReadSbom's edges: format detection, and hostile input (binary, huge, deep, wrong
// types) giving located errors in bounded time and memory.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "medtra/sbom/sbom.h"
#include "tests/testing/sbom_files.h"

namespace medtra::sbom {
namespace {

using testing::DiagnosticLines;
using ::testing::ElementsAre;
using testing::ReadSbomText;
using ::testing::StartsWith;

TEST(SbomReadTest, NeitherFormatIsALocatedError) {
  EXPECT_THAT(DiagnosticLines(ReadSbomText("f.json", "{\n  \"name\": 1}").sink),
              ElementsAre("f.json:1:1: error: not an SBOM: no 'bomFormat' (CycloneDX) or "
                          "'spdxVersion' (SPDX) at the top level [sbom-format]"));
  EXPECT_THAT(DiagnosticLines(ReadSbomText("f.json", "  [1]").sink),
              ElementsAre("f.json:1:3: error: not an SBOM: the top level is array [sbom-format]"));
}

TEST(SbomReadTest, BinaryInputIsALocatedError) {
  const std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const auto read = ReadSbomText("b.json", binary);
  EXPECT_FALSE(read.sbom);
  ASSERT_EQ(read.sink.diagnostics().size(), 1u);
  EXPECT_THAT(DiagnosticLines(read.sink)[0], StartsWith("b.json:1:1: error: "));
}

TEST(SbomReadTest, DeepNestingStopsAtTheDepthLimit) {
  std::string text = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": )";
  for (int i = 0; i < 100000; ++i) text += R"([{"type": "library", "name": "a", "components": )";
  const auto read = ReadSbomText("d.json", text);
  EXPECT_FALSE(read.sbom);
  ASSERT_EQ(read.sink.diagnostics().size(), 1u);
  EXPECT_THAT(DiagnosticLines(read.sink)[0], StartsWith("d.json:1:"));
}

TEST(SbomReadTest, HugeInputStopsAtTheValueLimit) {
  std::string text = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [)";
  for (int i = 0; i < 200000; ++i) text += R"({"type": "library", "name": "a"},)";
  text += "{}]}";
  document::DocumentLimits limits;
  limits.max_values = 100000;
  const auto start = std::chrono::steady_clock::now();
  const auto read = ReadSbomText("h.json", text, limits);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_FALSE(read.sbom);
  ASSERT_EQ(read.sink.diagnostics().size(), 1u);
  EXPECT_THAT(DiagnosticLines(read.sink)[0], StartsWith("h.json:1:"));
}

TEST(SbomReadTest, ManyWrongTypesStopAtTheSinkLimit) {
  std::string text = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [)";
  for (int i = 0; i < 100000; ++i) text += "1,";
  text += "1]}";
  const auto read = ReadSbomText("w.json", text);
  EXPECT_FALSE(read.sbom);
  EXPECT_EQ(read.sink.diagnostics().size(), static_cast<size_t>(DiagnosticSink::kDefaultLimit));
  EXPECT_EQ(read.sink.error_count(), 100001);
  EXPECT_EQ(DiagnosticLines(read.sink)[0],
            "w.json:1:65: error: expected an object for 'components[0]', found number "
            "[sbom-wrong-type]");
}

TEST(SbomReadTest, ManyComponentsReadInLinearTime) {
  std::string text = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [)";
  std::string dependencies;
  for (int i = 0; i < 20000; ++i) {
    const std::string ref = "c" + std::to_string(i);
    text += R"({"bom-ref": ")" + ref + R"(", "type": "library", "name": "a", "purl": "pkg:npm/a@)" +
            std::to_string(i) + R"("},)";
    dependencies += R"({"ref": ")" + ref + R"(", "dependsOn": ["c0"]},)";
  }
  text += R"({"type": "library", "name": "z"}], "dependencies": [)" + dependencies +
          R"({"ref": "c1"}]})";
  const auto start = std::chrono::steady_clock::now();
  const auto read = ReadSbomText("n.json", text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ASSERT_TRUE(read.sbom) << ::testing::PrintToString(DiagnosticLines(read.sink));
  EXPECT_EQ(read.sbom->components.size(), 20001u);
  EXPECT_EQ(read.sbom->dependencies.size(), 20001u);
}

}  // namespace
}  // namespace medtra::sbom
