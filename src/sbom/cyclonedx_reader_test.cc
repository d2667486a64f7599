// Tests of the CycloneDX reader: the project's test SBOMs, every CycloneDX sample of the reference
// data with its counts, and each kind of located error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/sbom.h"
#include "tests/testing/sbom_files.h"

namespace medtra::sbom {
namespace {

using testing::DiagnosticLines;
using ::testing::ElementsAre;
using testing::ReadSbomText;

TEST(CycloneDxReaderTest, ReadsEveryField) {
  const auto read =
      ReadSbomText("d.json", testing::ReadText(testing::SbomTestFile("device.cdx.json")));
  ASSERT_TRUE(read.sbom) << ::testing::PrintToString(DiagnosticLines(read.sink));
  const Sbom& sbom = *read.sbom;
  EXPECT_EQ(sbom.format, "cyclonedx");
  EXPECT_EQ(sbom.spec_version, "1.6");
  EXPECT_EQ(sbom.serial, "urn:uuid:6f1c4bde-2a8e-4c55-9d1e-0c7b2f3a9e01");
  EXPECT_EQ(sbom.version, 2);
  EXPECT_EQ(sbom.timestamp, "2026-03-01T09:00:00Z");
  EXPECT_THAT(sbom.authors, ElementsAre("Example Medical Devices", "Tool: medtra 0.1"));
  EXPECT_EQ(sbom.subject, "clinic-programmer");
  EXPECT_EQ(sbom.subject_ref, "programmer");
  ASSERT_EQ(sbom.components.size(), 3u);
  const SbomComponent& ssl = sbom.components[0];
  EXPECT_EQ(ssl.ref, "openssl");
  EXPECT_EQ(ssl.type, "library");
  EXPECT_EQ(ssl.supplier, "Debian");
  EXPECT_EQ(ssl.name, "libssl3");
  EXPECT_EQ(ssl.version, "3.0.11-1~deb12u2");
  ASSERT_TRUE(ssl.purl);
  EXPECT_EQ(ssl.purl->Qualifier("arch"), "amd64");
  EXPECT_EQ(ssl.source_name, "openssl");
  ASSERT_EQ(ssl.hashes.size(), 1u);
  EXPECT_EQ(ssl.hashes[0].algorithm, "SHA-256");
  EXPECT_THAT(ssl.licenses, ElementsAre("Apache-2.0"));
  EXPECT_EQ(ssl.support_level, "maintained");
  EXPECT_EQ(ssl.end_of_support, "2028-06-30");
  EXPECT_EQ(ssl.location, (SourceLocation{"d.json", 13, 5}));
  EXPECT_THAT(sbom.components[1].cpes,
              ElementsAre("cpe:2.3:a:example:telemetry-stack:2.1.0:*:*:*:*:*:*:*"));
  EXPECT_THAT(sbom.components[1].licenses, ElementsAre("LicenseRef-Proprietary"));
  EXPECT_EQ(sbom.components[2].ref, "zlib");  // nested, flattened after its parent
  EXPECT_EQ(sbom.components[2].source_name, "zlib");
  ASSERT_EQ(sbom.dependencies.size(), 2u);
  EXPECT_EQ(sbom.dependencies[1].ref, "telemetry");
  EXPECT_THAT(sbom.dependencies[1].depends_on, ElementsAre("openssl", "zlib"));
  ASSERT_EQ(sbom.vulnerabilities.size(), 1u);
  const SbomVulnerability& vulnerability = sbom.vulnerabilities[0];
  EXPECT_EQ(vulnerability.id, "CVE-2023-5678");
  EXPECT_EQ(vulnerability.state, "not_affected");
  EXPECT_EQ(vulnerability.justification, "code_not_reachable");
  EXPECT_THAT(vulnerability.response, ElementsAre("will_not_fix"));
  EXPECT_EQ(vulnerability.detail, "The DH key checks are not used by the telemetry stack.");
  EXPECT_THAT(vulnerability.affects, ElementsAre("openssl"));
}

TEST(CycloneDxReaderTest, ReportsEveryErrorLocated) {
  const auto read =
      ReadSbomText("m.json", testing::ReadText(testing::SbomTestFile("malformed.cdx.json")));
  EXPECT_FALSE(read.sbom);
  EXPECT_THAT(
      DiagnosticLines(read.sink),
      ElementsAre("m.json:7:5: error: expected an object for 'components[2]', found string "
                  "[sbom-wrong-type]",
                  "m.json:5:62: error: malformed purl 'pkg:npm/a@': the version after '@' is "
                  "empty [sbom-bad-purl]",
                  "m.json:6:49: error: expected a string for 'name', found number "
                  "[sbom-wrong-type]",
                  "m.json:6:17: error: duplicate bom-ref 'a' (first defined at m.json:5:17) "
                  "[sbom-duplicate-ref]",
                  "m.json:9:47: error: dependency 'c' is not defined in the SBOM "
                  "[sbom-dangling-ref]"));
}

struct Sample {
  const char* file;
  size_t components;
  size_t vulnerabilities;
  size_t dependencies;
};

TEST(CycloneDxReaderTest, EveryReferenceSampleLoadsWithItsCounts) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const Sample samples[] = {
      {"bom-examples_CISA-Case-1_vex-affected.json", 0, 1, 0},
      {"bom-examples_CISA-Case-1_vex-fixed.json", 0, 1, 0},
      {"bom-examples_CISA-Case-1_vex-not_affected.json", 0, 1, 0},
      {"bom-examples_CISA-Case-1_vex-under_investigation.json", 0, 1, 0},
      {"bom-examples_VEX_vex.json", 0, 1, 0},
      {"bom-examples_laravel-7.12.0_bom.1.4.json", 62, 0, 63},
      {"valid-dependency-1.6.json", 3, 0, 2},
      {"valid-vulnerability-1.6.json", 1, 1, 0},
  };
  for (const Sample& sample : samples) {
    SCOPED_TRACE(sample.file);
    const auto read = ReadSbomText(
        sample.file,
        testing::ReadText(testing::SharedDataPath("samples/cyclonedx/") + sample.file));
    ASSERT_TRUE(read.sbom) << ::testing::PrintToString(DiagnosticLines(read.sink));
    EXPECT_EQ(read.sbom->components.size(), sample.components);
    EXPECT_EQ(read.sbom->vulnerabilities.size(), sample.vulnerabilities);
    EXPECT_EQ(read.sbom->dependencies.size(), sample.dependencies);
  }
}

TEST(CycloneDxReaderTest, SeparateVexKeepsItsBomLinkAndAnalysis) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const auto read = ReadSbomText(
      "vex.json",
      testing::ReadText(testing::SharedDataPath("samples/cyclonedx/bom-examples_VEX_vex.json")));
  ASSERT_TRUE(read.sbom);
  const SbomVulnerability& vulnerability = read.sbom->vulnerabilities[0];
  EXPECT_EQ(vulnerability.id, "CVE-2020-25649");
  EXPECT_EQ(vulnerability.state, "not_affected");
  EXPECT_EQ(vulnerability.justification, "code_not_reachable");
  EXPECT_THAT(vulnerability.response, ElementsAre("will_not_fix", "update"));
  EXPECT_THAT(vulnerability.affects,
              ElementsAre("urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:maven/"
                          "com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar"));
}

TEST(CycloneDxReaderTest, LaravelSampleKeepsPurlsLicensesAndTool) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const auto read =
      ReadSbomText("l.json", testing::ReadText(testing::SharedDataPath(
                                 "samples/cyclonedx/bom-examples_laravel-7.12.0_bom.1.4.json")));
  ASSERT_TRUE(read.sbom);
  EXPECT_EQ(read.sbom->subject, "cyclonedx-php-composer-demo");
  EXPECT_THAT(read.sbom->authors, ElementsAre("Tool: cyclonedx cyclonedx-php-composer in-dev"));
  const SbomComponent& first = read.sbom->components[0];
  EXPECT_EQ(first.purl->ToString(), "pkg:composer/asm89/stack-cors@1.3.0");
  EXPECT_THAT(first.licenses, ElementsAre("MIT"));
}

TEST(CycloneDxReaderTest, Version13SampleIsALocatedError) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const auto read = ReadSbomText(
      "bom.json",
      testing::ReadText(testing::SharedDataPath("samples/cyclonedx/bom-examples_VEX_bom.json")));
  EXPECT_FALSE(read.sbom);
  EXPECT_THAT(DiagnosticLines(read.sink),
              ElementsAre("bom.json:3:19: error: CycloneDX specVersion '1.3' is not supported "
                          "(medtra reads 1.4, 1.5 and 1.6) [sbom-unsupported-version]"));
}

TEST(CycloneDxReaderTest, WrongFormatAndVersionTypes) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"bomFormat": "SPDX"})",
       "f.json:1:15: error: not a CycloneDX SBOM: 'bomFormat' is \"SPDX\", not \"CycloneDX\" "
       "[sbom-format]"},
      {R"({"bomFormat": "CycloneDX"})",
       "f.json:1:1: error: missing required 'specVersion' [sbom-required]"},
      {R"({"bomFormat": "CycloneDX", "specVersion": 1.6})",
       "f.json:1:43: error: expected a string for 'specVersion', found number [sbom-wrong-type]"},
      {R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": "2"})",
       "f.json:1:61: error: expected an integer from 1 for 'version', found string "
       "[sbom-wrong-type]"},
      {R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": {}})",
       "f.json:1:64: error: expected an array for 'components', found object [sbom-wrong-type]"},
      {R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "library"}]})",
       "f.json:1:65: error: missing required 'name' [sbom-required]"},
      {R"({"bomFormat": "CycloneDX", "specVersion": "1.4", "vulnerabilities": [{"affects": [{"ref": "x"}]}]})",
       "f.json:1:91: error: affected component 'x' is not defined in the SBOM [sbom-dangling-ref]"},
      {R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "library", "name": "a", "properties": [{"name": "medtra:end-of-support", "value": "soon"}]}]})",
       "f.json:1:156: error: end of support 'soon' is not a date (YYYY-MM-DD) [sbom-bad-date]"},
  };
  for (const auto& [text, line] : cases) testing::ExpectOnlyError(text, line);
}

}  // namespace
}  // namespace medtra::sbom
