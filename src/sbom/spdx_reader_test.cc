// Tests of the SPDX 2.3 reader: the project's test documents and each kind of located error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/sbom.h"
#include "tests/testing/sbom_files.h"

namespace medtra::sbom {
namespace {

using testing::DiagnosticLines;
using ::testing::ElementsAre;
using testing::ReadSbomText;

TEST(SpdxReaderTest, ReadsEveryField) {
  const auto read =
      ReadSbomText("s.json", testing::ReadText(testing::SbomTestFile("device.spdx.json")));
  ASSERT_TRUE(read.sbom) << ::testing::PrintToString(DiagnosticLines(read.sink));
  const Sbom& sbom = *read.sbom;
  EXPECT_EQ(sbom.format, "spdx");
  EXPECT_EQ(sbom.spec_version, "SPDX-2.3");
  EXPECT_EQ(sbom.serial, "https://example.com/spdx/clinic-programmer-4.2.0");
  EXPECT_EQ(sbom.timestamp, "2026-03-01T09:00:00Z");
  EXPECT_THAT(sbom.authors,
              ElementsAre("Organization: Example Medical Devices", "Tool: medtra-0.1"));
  EXPECT_EQ(sbom.subject_ref, "SPDXRef-programmer");
  EXPECT_EQ(sbom.subject, "clinic-programmer");
  EXPECT_EQ(sbom.location, (SourceLocation{"s.json", 7, 19}));
  ASSERT_EQ(sbom.components.size(), 3u);
  const SbomComponent& programmer = sbom.components[0];
  EXPECT_EQ(programmer.ref, "SPDXRef-programmer");
  EXPECT_EQ(programmer.type, "package");
  EXPECT_EQ(programmer.supplier, "Example Medical Devices");
  EXPECT_FALSE(programmer.purl);
  EXPECT_THAT(programmer.cpes,
              ElementsAre("cpe:2.3:a:example:clinic-programmer:4.2.0:*:*:*:*:*:*:*"));
  EXPECT_THAT(programmer.licenses, ElementsAre("LicenseRef-Proprietary"));
  EXPECT_EQ(programmer.end_of_support, "2032-12-31");
  EXPECT_EQ(programmer.support_level, "maintained");
  const SbomComponent& ssl = sbom.components[1];
  EXPECT_EQ(ssl.purl->ToString(),
            "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl");
  EXPECT_EQ(ssl.source_name, "openssl");
  EXPECT_THAT(ssl.licenses, ElementsAre("Apache-2.0"));
  ASSERT_EQ(ssl.hashes.size(), 1u);
  EXPECT_EQ(ssl.hashes[0].algorithm, "SHA256");
  const SbomComponent& zlib = sbom.components[2];
  EXPECT_EQ(zlib.supplier, "");  // NOASSERTION
  EXPECT_EQ(zlib.source_name, "zlib");
  EXPECT_EQ(zlib.support_level, "");
  ASSERT_EQ(sbom.dependencies.size(), 2u);
  EXPECT_EQ(sbom.dependencies[0].ref, "SPDXRef-programmer");
  EXPECT_THAT(sbom.dependencies[0].depends_on, ElementsAre("SPDXRef-openssl", "SPDXRef-zlib"));
  EXPECT_EQ(sbom.dependencies[1].ref, "SPDXRef-openssl");  // zlib DEPENDENCY_OF openssl
  EXPECT_THAT(sbom.dependencies[1].depends_on, ElementsAre("SPDXRef-zlib"));
}

TEST(SpdxReaderTest, DanglingRelationshipAndBadPurlAreLocated) {
  const auto read =
      ReadSbomText("x.json", testing::ReadText(testing::SbomTestFile("dangling.spdx.json")));
  EXPECT_FALSE(read.sbom);
  EXPECT_THAT(DiagnosticLines(read.sink),
              ElementsAre("x.json:8:55: error: malformed purl 'pkg:pypi': the type or the name is "
                          "missing [sbom-bad-purl]",
                          "x.json:9:108: error: relationship element 'SPDXRef-b' is not defined "
                          "in the SBOM [sbom-dangling-ref]"));
}

TEST(SpdxReaderTest, RequiredFieldsAndVersion) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"spdxVersion": "SPDX-2.2"})",
       "f.json:1:17: error: spdxVersion 'SPDX-2.2' is not supported (medtra reads SPDX-2.3) "
       "[sbom-unsupported-version]"},
      {R"({"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "documentNamespace": "n"})",
       "f.json:1:1: error: missing required 'creationInfo' [sbom-required]"},
      {R"({"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "documentNamespace": "n",
           "creationInfo": {"created": "2026-01-01T00:00:00Z", "creators": [3]}})",
       "f.json:2:77: error: expected a string for 'creators[0]', found number [sbom-wrong-type]"},
      {R"({"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "documentNamespace": "n",
           "creationInfo": {"created": "x", "creators": []},
           "packages": [{"SPDXID": "SPDXRef-a", "name": "a"}, {"SPDXID": "SPDXRef-a", "name": "b"}]})",
       "f.json:3:74: error: duplicate SPDXID 'SPDXRef-a' (first defined at f.json:3:36) "
       "[sbom-duplicate-ref]"},
      {R"({"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "documentNamespace": "n",
           "creationInfo": {"created": "x", "creators": []},
           "packages": [{"SPDXID": "SPDXRef-a", "name": "a", "validUntilDate": "never"}]})",
       "f.json:3:80: error: validUntilDate 'never' is not a date (YYYY-MM-DD) [sbom-bad-date]"},
  };
  for (const auto& [text, line] : cases) testing::ExpectOnlyError(text, line);
}

}  // namespace
}  // namespace medtra::sbom
