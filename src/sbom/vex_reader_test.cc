// ReadVexDocument on CISA's and CycloneDX's VEX examples, on medtra's own exports and on bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/vex_document.h"
#include "tests/testing/sbom_files.h"
#include "tests/testing/shared_data.h"

namespace medtra::sbom {
namespace {

using ::testing::HasSubstr;

std::vector<model::VexDecision> Sample(const std::string& name) {
  DiagnosticSink sink;
  const std::string path = testing::SharedDataPath("samples/cyclonedx/" + name);
  std::optional<std::vector<model::VexDecision>> d =
      ReadVexDocument(path, testing::ReadText(path), sink);
  EXPECT_TRUE(d.has_value()) << RenderTextAll(sink, nullptr);
  return d.value_or(std::vector<model::VexDecision>{});
}

TEST(VexDocument, ReadsTheCisaCasesThroughTheCrosswalk) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  struct Case {
    std::string file;
    model::VexStatus status;
    std::string package;
    std::string versions;
  };
  for (const Case& c :
       {Case{"bom-examples_CISA-Case-1_vex-not_affected.json", model::VexStatus::kNotAffected,
             "pkg:generic/ABC", "vers:generic/4.2"},
        Case{"bom-examples_CISA-Case-1_vex-affected.json", model::VexStatus::kAffected,
             "pkg:generic/DEF", "vers:generic/1.0"},
        Case{"bom-examples_CISA-Case-1_vex-fixed.json", model::VexStatus::kFixed, "pkg:generic/DEF",
             "vers:generic/1.1"},
        Case{"bom-examples_CISA-Case-1_vex-under_investigation.json",
             model::VexStatus::kUnderInvestigation, "pkg:generic/GHI", "vers:generic/17.4"}}) {
    const std::vector<model::VexDecision> d = Sample(c.file);
    ASSERT_EQ(d.size(), 1u) << c.file;
    EXPECT_EQ(d[0].vulnerability, "CVE-2021-44228") << c.file;
    EXPECT_EQ(d[0].status, c.status) << c.file;
    // The product has no purl: it is named by name and version.
    EXPECT_EQ(d[0].package, c.package) << c.file;
    EXPECT_EQ(d[0].versions, c.versions) << c.file;
    EXPECT_EQ(d[0].date, "2022-03-03") << c.file;
  }
  const std::vector<model::VexDecision> not_affected =
      Sample("bom-examples_CISA-Case-1_vex-not_affected.json");
  EXPECT_EQ(not_affected[0].justification, "vulnerable_code_not_present");  // code_not_present
  EXPECT_THAT(not_affected[0].rationale, HasSubstr("Class with vulnerable code was removed"));
}

TEST(VexDocument, ABomLinkNamesTheComponentByItsPurl) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const std::vector<model::VexDecision> d = Sample("bom-examples_VEX_vex.json");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].vulnerability, "CVE-2020-25649");
  EXPECT_EQ(d[0].package, "pkg:maven/com.fasterxml.jackson.core/jackson-databind");
  EXPECT_EQ(d[0].versions, "vers:maven/2.10.0");
  EXPECT_EQ(d[0].status, model::VexStatus::kNotAffected);
  EXPECT_EQ(d[0].justification, "vulnerable_code_not_in_execute_path");  // code_not_reachable
  EXPECT_EQ(d[0].response, (std::vector<std::string>{"will_not_fix", "update"}));
}

TEST(VexDocument, ReadsOpenVex) {
  DiagnosticSink sink;
  const std::optional<std::vector<model::VexDecision>> d = ReadVexDocument(
      "s.openvex.json", R"({"@context": "https://openvex.dev/ns/v0.2.0", "@id": "urn:x",
      "author": "Supplier PSIRT", "timestamp": "2026-11-02T10:00:00Z", "version": 1,
      "statements": [{"vulnerability": {"name": "CVE-2026-1"},
        "products": [{"@id": "pkg:npm/left-pad@1.1.0"},
                     {"@id": "x", "identifiers": {"purl": "pkg:pypi/requests@2.30.0"}}],
        "status": "not_affected", "justification": "component_not_present",
        "impact_statement": "not shipped"}]})",
      sink);
  ASSERT_TRUE(d.has_value()) << RenderTextAll(sink, nullptr);
  ASSERT_EQ(d->size(), 2u);
  EXPECT_EQ((*d)[0].package, "pkg:npm/left-pad");
  EXPECT_EQ((*d)[0].versions, "vers:npm/1.1.0");
  EXPECT_EQ((*d)[0].author, "Supplier PSIRT");
  EXPECT_EQ((*d)[0].date, "2026-11-02");
  EXPECT_EQ((*d)[0].rationale, "not shipped");
  EXPECT_EQ((*d)[1].package, "pkg:pypi/requests");
  EXPECT_EQ((*d)[1].source, "s.openvex.json");
}

TEST(VexDocument, BadDocumentsAreLocated) {
  auto errors = [](std::string_view text) {
    DiagnosticSink sink;
    EXPECT_FALSE(ReadVexDocument("v.json", text, sink).has_value());
    return RenderTextAll(sink, nullptr);
  };
  EXPECT_EQ(errors("{\"bomFormat\": \"SPDX\"}"),
            "v.json:1:1: error: not a VEX document: neither OpenVEX (@context "
            "https://openvex.dev/ns/...) nor CycloneDX (bomFormat) [unknown-format]\n");
  EXPECT_THAT(errors(R"({"@context": "https://openvex.dev/ns/v0.2.0", "author": "a",
    "timestamp": "t", "statements": [{"vulnerability": {"name": "C"}, "status": "fine",
    "products": []}]})"),
              HasSubstr("v.json:2:81: error: unknown OpenVEX status 'fine' [invalid-value]"));
  EXPECT_THAT(errors(R"({"bomFormat": "CycloneDX", "vulnerabilities": [{"id": "C",
    "analysis": {"state": "not_affected"}, "affects": [{"ref": "nowhere"}]}]})"),
              HasSubstr("'nowhere' names no component of this document [vex-product]"));
  EXPECT_THAT(errors("{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": 3}"),
              HasSubstr("expected an array for 'statements', found number"));
}

}  // namespace
}  // namespace medtra::sbom
