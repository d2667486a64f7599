// End-to-end tests of `medtra sbom check`: exit codes 0/1/2, exact stderr lines, JSON output, and
// hostile input under a hang guard and an address-space limit.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/sanitized.h"
#include "tests/testing/sbom_files.h"

namespace medtra {
namespace {

using testing::Outcome;

class SbomCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name :
         {"device.cdx.json", "incomplete.cdx.json", "malformed.cdx.json", "device.spdx.json"}) {
      dir_.Write(name, testing::ReadText(testing::SbomTestFile(name)));
    }
  }
  Outcome Run(const std::string& args) const {
    return dir_.Run("sbom " + args, testing::HostileGuard());
  }
  testing::IcdCopy dir_;
};

TEST_F(SbomCliTest, CompleteSbomExitsZero) {
  const Outcome outcome = Run("check device.cdx.json --today 2026-06-01");
  EXPECT_EQ(outcome.code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, "device.cdx.json: cyclonedx 1.6, 3 components, 0 warnings\n");
  EXPECT_EQ(outcome.err, "");
}

TEST_F(SbomCliTest, MissingElementsExitOneWithLocatedWarnings) {
  const Outcome outcome = Run("check incomplete.cdx.json --today 2026-06-01");
  EXPECT_EQ(outcome.code, 1);
  EXPECT_EQ(outcome.out, "incomplete.cdx.json: cyclonedx 1.5, 2 components, 9 warnings\n");
  EXPECT_EQ(testing::LineWith(outcome.err, "sbom-missing-author"),
            "incomplete.cdx.json:1:1: warning: the SBOM names no author of its data "
            "[sbom-missing-author]");
  EXPECT_EQ(testing::LineWith(outcome.err, "sbom-end-of-support-passed"),
            "incomplete.cdx.json:6:5: warning: component 'libfoo' (a) reached its end of support "
            "on 2020-01-31 [sbom-end-of-support-passed]");
  EXPECT_EQ(testing::LineWith(outcome.err, "sbom-missing-supplier"),
            "incomplete.cdx.json:10:5: warning: component 'libbar' (b) has no supplier "
            "[sbom-missing-supplier]");
}

TEST_F(SbomCliTest, TodayDecidesWhetherEndOfSupportPassed) {
  EXPECT_EQ(Run("check device.cdx.json --today 2028-06-30").code, 0);
  const Outcome outcome = Run("check device.cdx.json --today 2028-07-01");
  EXPECT_EQ(outcome.code, 1);
  EXPECT_EQ(testing::LineWith(outcome.err, "libssl3"),
            "device.cdx.json:13:5: warning: component 'libssl3' (openssl) reached its end of "
            "support on 2028-06-30 [sbom-end-of-support-passed]");
}

TEST_F(SbomCliTest, MalformedSbomExitsTwoWithEveryErrorSorted) {
  const Outcome outcome = Run("check malformed.cdx.json");
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(outcome.out, "");
  std::string lines;
  for (size_t at = 0; at < outcome.err.size();) {
    const size_t end = outcome.err.find('\n', at);
    const std::string line = outcome.err.substr(at, end - at);
    if (line.rfind("malformed.cdx.json:", 0) == 0) lines += line + "\n";
    at = end == std::string::npos ? end : end + 1;
  }
  EXPECT_EQ(lines,
            "malformed.cdx.json:5:62: error: malformed purl 'pkg:npm/a@': the version after '@' is "
            "empty [sbom-bad-purl]\n"
            "malformed.cdx.json:6:17: error: duplicate bom-ref 'a' (first defined at "
            "malformed.cdx.json:5:17) [sbom-duplicate-ref]\n"
            "malformed.cdx.json:6:49: error: expected a string for 'name', found number "
            "[sbom-wrong-type]\n"
            "malformed.cdx.json:7:5: error: expected an object for 'components[2]', found string "
            "[sbom-wrong-type]\n"
            "malformed.cdx.json:9:47: error: dependency 'c' is not defined in the SBOM "
            "[sbom-dangling-ref]\n");
}

TEST_F(SbomCliTest, UnreadableAndNotAnSbomExitTwo) {
  Outcome outcome = Run("check absent.json");
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(outcome.err, "absent.json: error: No such file or directory [unreadable]\n");
  dir_.Write("other.json", "{\"name\": \"x\"}\n");
  outcome = Run("check other.json");
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(testing::LineWith(outcome.err, "other.json"),
            "other.json:1:1: error: not an SBOM: no 'bomFormat' (CycloneDX) or 'spdxVersion' "
            "(SPDX) at the top level [sbom-format]");
}

TEST_F(SbomCliTest, BadTodayAndMissingSubcommandAreUsageErrors) {
  EXPECT_EQ(Run("check device.cdx.json --today 2026-6-1").code, 2);
  EXPECT_EQ(Run("").code, 2);
}

TEST_F(SbomCliTest, JsonOutputHasTheContractKeys) {
  const Outcome outcome = Run("check device.spdx.json --today 2026-06-01 --format json");
  EXPECT_EQ(outcome.code, 1);
  const nlohmann::json out = nlohmann::json::parse(outcome.out);
  EXPECT_EQ(out["format"], "medtra-sbom-check");
  EXPECT_EQ(out["format_version"], 1);
  EXPECT_EQ(out["sbom"], nlohmann::json::parse(R"({"file": "device.spdx.json", "format": "spdx",
      "spec_version": "SPDX-2.3", "components": 3})"));
  ASSERT_EQ(out["findings"].size(), 3u);
  EXPECT_EQ(out["findings"][0], nlohmann::json::parse(R"({"severity": "warning",
      "code": "sbom-missing-supplier", "message": "component 'zlib1g' (SPDXRef-zlib) has no supplier",
      "file": "device.spdx.json", "line": 49, "col": 5})"));
}

TEST_F(SbomCliTest, HostileInputIsALocatedErrorInBoundedMemory) {
  std::string deep = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": )";
  for (int i = 0; i < 200000; ++i) deep += "[";
  dir_.Write("deep.json", deep);
  Outcome outcome = Run("check deep.json");
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(outcome.err.rfind("deep.json:1:", 0), 0u) << outcome.err;
  dir_.Write("binary.json", std::string("\x7f"
                                        "ELF\x02\x01\x01\0\0\0",
                                        10));
  outcome = Run("check binary.json");
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(outcome.err.rfind("binary.json:1:1: error: ", 0), 0u) << outcome.err;
}

}  // namespace
}  // namespace medtra
