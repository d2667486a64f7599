// ReadNvdDocument and ReadAdvisoryFile: NVD CVE API 2.0 pages into advisories with CPE criteria.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/advisory.h"

namespace medtra::sbom {
namespace {

using ::testing::ElementsAre;

// A page of the NVD CVE API 2.0 as the API writes it (fields medtra does not read left in).
constexpr const char* kPage = R"({
  "resultsPerPage": 2, "startIndex": 0, "totalResults": 2,
  "format": "NVD_CVE", "version": "2.0", "timestamp": "2026-11-30T10:00:00.000",
  "vulnerabilities": [
    {"cve": {
      "id": "CVE-2026-2000", "sourceIdentifier": "cve@mitre.org",
      "published": "2026-09-01T10:15:09.500", "lastModified": "2026-09-20T12:00:00.000",
      "vulnStatus": "Analyzed",
      "descriptions": [{"lang": "es", "value": "desbordamiento"},
                       {"lang": "en", "value": "Heap overflow in the telemetry parser."}],
      "metrics": {"cvssMetricV31": [{"source": "nvd@nist.gov", "type": "Primary",
        "cvssData": {"version": "3.1",
                     "vectorString": "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                     "baseScore": 8.8}}]},
      "configurations": [
        {"nodes": [{"operator": "OR", "negate": false, "cpeMatch": [
          {"vulnerable": true, "criteria": "cpe:2.3:a:acme:telemetry_lib:*:*:*:*:*:*:*:*",
           "versionStartIncluding": "2.0", "versionEndExcluding": "2.4.1",
           "matchCriteriaId": "11111111-2222-3333-4444-555555555555"}]}]},
        {"operator": "AND", "nodes": [
          {"operator": "OR", "cpeMatch": [
            {"vulnerable": true, "criteria": "cpe:2.3:o:acme:pump_os:5.1:*:*:*:*:*:*:*"}]},
          {"operator": "OR", "cpeMatch": [
            {"vulnerable": false, "criteria": "cpe:2.3:h:acme:pump:-:*:*:*:*:*:*:*"}]}]}]
    }},
    {"cve": {"id": "CVE-2026-2001", "published": "2026-09-02T00:00:00.000",
             "lastModified": "2026-10-01T00:00:00.000", "vulnStatus": "Rejected",
             "descriptions": [{"lang": "en", "value": "** REJECT **"}]}}
  ]
})";

TEST(NvdReader, ReadsCvesWithTheirVulnerableCpeCriteria) {
  DiagnosticSink sink;
  const std::vector<Advisory> advisories = ReadAdvisoryFile("nvd/page-0.json", kPage, sink);
  EXPECT_EQ(RenderTextAll(sink, nullptr), "");
  ASSERT_EQ(advisories.size(), 2u);
  const Advisory& a = advisories[0];
  EXPECT_EQ(a.source, Advisory::Source::kNvd);
  EXPECT_EQ(a.id, "CVE-2026-2000");
  EXPECT_EQ(a.summary, "Heap overflow in the telemetry parser.");
  EXPECT_EQ(a.published, "2026-09-01T10:15:09.500");
  EXPECT_THAT(a.cvss, ElementsAre("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
  EXPECT_TRUE(a.withdrawn.empty());
  ASSERT_EQ(a.cpes.size(), 2u);  // the platform (vulnerable: false) is not a criterion
  EXPECT_EQ(a.cpes[0].cpe.product().text, "telemetry_lib");
  EXPECT_EQ(a.cpes[0].start, "2.0");
  EXPECT_TRUE(a.cpes[0].start_including);
  EXPECT_EQ(a.cpes[0].end, "2.4.1");
  EXPECT_FALSE(a.cpes[0].end_including);
  EXPECT_FALSE(a.cpes[0].with_platform);
  EXPECT_EQ(a.cpes[1].cpe.version().text, "5.1");
  EXPECT_TRUE(a.cpes[1].with_platform);
  EXPECT_EQ(advisories[1].withdrawn, "2026-10-01T00:00:00.000");  // rejected
}

TEST(NvdReader, AnOsvRecordIsNotTakenForAnNvdPage) {
  DiagnosticSink sink;
  const std::vector<Advisory> advisories = ReadAdvisoryFile(
      "osv/X-1.json", R"({"id": "X-1", "modified": "2026-01-01T00:00:00Z", "details": "format"})",
      sink);
  ASSERT_EQ(advisories.size(), 1u);
  EXPECT_EQ(advisories[0].source, Advisory::Source::kOsv);
}

TEST(NvdReader, MalformedPagesAreLocatedErrors) {
  DiagnosticSink sink;
  EXPECT_TRUE(ReadNvdDocument("p.json", R"({"format": "NVD_CVE", "version": "1.1",
  "vulnerabilities": [{"cve": {"id": 7, "configurations": [{"nodes": [{"cpeMatch": [
    {"vulnerable": "yes", "criteria": "cpe:2.3:a:acme"},
    {"vulnerable": true, "criteria": "cpe:2.3:a:acme:x:*:*:*:*:*:*:*:*",
     "versionEndIncluding": "2", "versionEndExcluding": "3"}]}]}]}}]})",
                              sink)
                  .empty());
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "p.json:1:34: error: medtra reads the NVD CVE API 2.x, not version 1.1 [nvd-format]\n"
            "p.json:2:38: error: expected a string for 'id', found number [wrong-type]\n"
            "p.json:3:20: error: expected a boolean for 'vulnerable' [wrong-type]\n"
            "p.json:4:5: error: a CPE match has both an including and an excluding bound "
            "[nvd-range]\n");
}

}  // namespace
}  // namespace medtra::sbom
