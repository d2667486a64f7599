// Tests of CheckSbomElements: the NTIA minimum elements and the FDA support fields.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/sbom.h"
#include "tests/testing/sbom_files.h"

namespace medtra::sbom {
namespace {

using testing::DiagnosticLines;
using ::testing::ElementsAre;

std::vector<std::string> Check(const std::string& name, std::string_view today) {
  auto read = testing::ReadSbomText(name, testing::ReadText(testing::SbomTestFile(name)));
  EXPECT_TRUE(read.sbom) << ::testing::PrintToString(DiagnosticLines(read.sink));
  if (!read.sbom) return {};
  DiagnosticSink sink;
  CheckSbomElements(*read.sbom, today, sink);
  return DiagnosticLines(sink);
}

TEST(SbomElementsTest, CompleteCycloneDxHasNoWarnings) {
  EXPECT_THAT(Check("device.cdx.json", "2026-06-01"), ElementsAre());
}

TEST(SbomElementsTest, EndOfSupportPassedNeedsToday) {
  EXPECT_THAT(Check("device.cdx.json", "2029-01-01"),
              ElementsAre("device.cdx.json:13:5: warning: component 'libssl3' (openssl) reached "
                          "its end of support on 2028-06-30 [sbom-end-of-support-passed]",
                          "device.cdx.json:40:9: warning: component 'zlib1g' (zlib) reached its "
                          "end of support on 2028-06-30 [sbom-end-of-support-passed]"));
}

TEST(SbomElementsTest, EachMissingElementIsAWarning) {
  EXPECT_THAT(
      Check("incomplete.cdx.json", "2026-06-01"),
      ElementsAre(
          "incomplete.cdx.json:1:1: warning: the SBOM names no author of its data "
          "[sbom-missing-author]",
          "incomplete.cdx.json:1:1: warning: the SBOM has no timestamp [sbom-missing-timestamp]",
          "incomplete.cdx.json:6:5: warning: component 'libfoo' (a) reached its end of support "
          "on 2020-01-31 [sbom-end-of-support-passed]",
          "incomplete.cdx.json:10:5: warning: component 'libbar' (b) has no supplier "
          "[sbom-missing-supplier]",
          "incomplete.cdx.json:10:5: warning: component 'libbar' (b) has no version "
          "[sbom-missing-version]",
          "incomplete.cdx.json:10:5: warning: component 'libbar' (b) has no unique identifier (a "
          "purl or a CPE) [sbom-missing-identifier]",
          "incomplete.cdx.json:10:5: warning: component 'libbar' (b) is in no dependency "
          "relationship [sbom-missing-dependency]",
          "incomplete.cdx.json:10:5: warning: component 'libbar' (b) has no support level "
          "[sbom-missing-support-level]",
          "incomplete.cdx.json:10:5: warning: component 'libbar' (b) has no end-of-support date "
          "[sbom-missing-end-of-support]"));
}

TEST(SbomElementsTest, SpdxSupportFieldsFromValidUntilAndAnnotations) {
  EXPECT_THAT(Check("device.spdx.json", "2026-06-01"),
              ElementsAre("device.spdx.json:49:5: warning: component 'zlib1g' (SPDXRef-zlib) has "
                          "no supplier [sbom-missing-supplier]",
                          "device.spdx.json:49:5: warning: component 'zlib1g' (SPDXRef-zlib) has "
                          "no support level [sbom-missing-support-level]",
                          "device.spdx.json:49:5: warning: component 'zlib1g' (SPDXRef-zlib) has "
                          "no end-of-support date [sbom-missing-end-of-support]"));
}

TEST(SbomElementsTest, NoDependencyGraphIsOneWarningAndNoTodayNoPassedCheck) {
  Sbom sbom;
  sbom.file = "b.json";
  sbom.authors = {"Tool: x"};
  sbom.timestamp = "2026-01-01T00:00:00Z";
  SbomComponent component;
  component.name = "n";
  component.ref = "n";
  component.version = "1";
  component.supplier = "s";
  component.cpes = {"cpe:2.3:a:s:n:1:*:*:*:*:*:*:*"};
  component.support_level = "maintained";
  component.end_of_support = "2000-01-01";
  component.location = {"b.json", 3, 4};
  sbom.components.push_back(component);
  sbom.location = {"b.json", 1, 1};
  DiagnosticSink sink;
  CheckSbomElements(sbom, sink);
  EXPECT_THAT(DiagnosticLines(sink),
              ElementsAre("b.json:1:1: warning: the SBOM states no dependency relationships "
                          "[sbom-missing-dependency]"));
}

}  // namespace
}  // namespace medtra::sbom
