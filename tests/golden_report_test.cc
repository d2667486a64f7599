// Golden tests: the case study's report in every format, byte for byte. This test only compares;
// after an intended change, rewrite the files with tests/golden/update.sh BIN_DIR and read the
// diff before committing it (tests/golden/README.md).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/report/document.h"
#include "medtra/verify/evidence.h"

namespace medtra {
namespace {

std::optional<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
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
  for (const verify::EvidenceFile& file : options.evidence.files) {
    for (analysis::Input& input : analysis::HashFiles(fs, {file.path}, file.role)) {
      options.inputs.push_back(std::move(input));
    }
  }
  // And the software the model names: its SBOM, advisories and VEX decisions.
  const sbom::ScanInput software = sbom::ReadSoftwareInputs(fs, *model, {}, input_errors);
  options.software = &software;
  for (analysis::Input& input : analysis::SoftwareInputs(fs, software)) {
    options.inputs.push_back(std::move(input));
  }
  const analysis::Analysis result = analysis::Analyze(*model, options);
  ASSERT_FALSE(input_errors.has_errors()) << RenderTextAll(input_errors, nullptr);
  const std::string actual = report::RenderFormat(GetParam(), result);
  const std::string golden = "tests/golden/icd/report." + GetParam();
  const std::optional<std::string> expected = ReadText(golden);
  ASSERT_TRUE(expected) << "no golden file " << golden << ": write it with tests/golden/update.sh";
  EXPECT_EQ(actual, *expected) << "golden file " << golden
                               << " differs; after an intended change run tests/golden/update.sh "
                                  "BIN_DIR and read the diff";
  // Written to a stream (`-o -`), the same bytes.
  std::ostringstream streamed;
  report::WriteFormat(GetParam(), result, streamed);
  EXPECT_EQ(streamed.str(), actual);
  // Same model, same bytes.
  EXPECT_EQ(actual, report::RenderFormat(GetParam(), analysis::Analyze(*model, options)));
}

INSTANTIATE_TEST_SUITE_P(Formats, GoldenReportTest,
                         ::testing::Values("json", "md", "csv", "html", "sarif", "trace.csv",
                                           "dot"),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           std::replace(name.begin(), name.end(), '.', '_');
                           return name;
                         });

}  // namespace
}  // namespace medtra
