// Golden tests: the case study's report in every format, byte for byte. After an intended change,
// regenerate with `MEDTRA_UPDATE_GOLDEN=1 build/debug/bin/medtra_tests --gtest_filter='Golden*'`
// and read the diff before committing it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/report/document.h"
#include "medtra/verify/evidence.h"

namespace medtra {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class GoldenReportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_EQ(::chdir(MEDTRA_SOURCE_DIR), 0); }
};

TEST_P(GoldenReportTest, MatchesGoldenFile) {
  RealFileSystem fs;
  DiagnosticSink sink;
  const auto model = model::LoadModel(fs, "examples/icd", sink, nullptr);
  ASSERT_TRUE(model) << RenderTextAll(sink, nullptr);
  // As `medtra analyze examples/icd` does: the evidence folder of the model is read too.
  DiagnosticSink input_errors;
  analysis::AnalyzeOptions options;
  options.fs = &fs;
  ASSERT_TRUE(
      verify::LoadEvidenceFolder(fs, "examples/icd/evidence", &options.evidence, input_errors));
  const analysis::Analysis result = analysis::Analyze(*model, options, input_errors);
  ASSERT_FALSE(input_errors.has_errors()) << RenderTextAll(input_errors, nullptr);
  const std::string actual = report::RenderFormat(GetParam(), result);
  const std::string golden = "tests/golden/icd/report." + GetParam();
  if (std::getenv("MEDTRA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
  }
  EXPECT_EQ(actual, ReadText(golden)) << "golden file " << golden << " differs";
  // Written to a stream (`-o -`), the same bytes.
  std::ostringstream streamed;
  report::WriteFormat(GetParam(), result, streamed);
  EXPECT_EQ(streamed.str(), actual);
  // Same model, same bytes.
  EXPECT_EQ(actual,
            report::RenderFormat(GetParam(), analysis::Analyze(*model, options, input_errors)));
}

INSTANTIATE_TEST_SUITE_P(Formats, GoldenReportTest,
                         ::testing::Values("json", "md", "csv", "html", "sarif"));

}  // namespace
}  // namespace medtra
