// End-to-end tests of `medtra sbom scan` and `medtra vex export` on the case study: exactly the
// one affecting vulnerability, its basis and links; the VEX exports validate against the official
// OpenVEX 0.2.0 and CycloneDX 1.6 schemas; decisions change verdicts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/run_command.h"
#include "tests/testing/shared_data.h"

namespace medtra {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using testing::Outcome;

const json* Find(const json& matches, const std::string& advisory) {
  for (const json& m : matches) {
    if (m["advisory"] == advisory) return &m;
  }
  return nullptr;
}

TEST(SbomScanCliTest, TheCaseStudyHasOneAffectingVulnerability) {
  testing::IcdCopy icd;
  const Outcome o = icd.Run("sbom scan icd --today 2026-12-01");
  ASSERT_EQ(o.code, 0) << o.err;
  const json scan = json::parse(o.out);
  EXPECT_EQ(scan["format"], "medtra-vulnerabilities");
  EXPECT_EQ(scan["components"], 5);
  EXPECT_EQ(scan["advisories"], 3);
  // Two advisories match by version; VEX rules one out; the third is fixed in the shipped version.
  ASSERT_EQ(scan["matches"].size(), 2u);
  EXPECT_EQ(Find(scan["matches"], "MEDTRA-EX-2026-0003"), nullptr);
  const json& expat = *Find(scan["matches"], "MEDTRA-EX-2026-0001");
  EXPECT_EQ(expat["component"], "libexpat1");
  EXPECT_EQ(expat["purl"],
            "pkg:deb/debian/libexpat1@2.5.0-1?arch=amd64&distro=debian-12&upstream=expat");
  EXPECT_EQ(expat["version"], "2.5.0-1");
  EXPECT_EQ(expat["basis"], "ecosystem");
  EXPECT_EQ(expat["evidence"],
            "Debian:12 expat 2.5.0-1 is in the range [introduced 0, fixed 2.5.0-1+deb12u1]");
  EXPECT_EQ(expat["fixed"], "2.5.0-1+deb12u1");
  EXPECT_EQ(expat["model_component"], "programmer");
  EXPECT_EQ(expat["risk"], "2");
  EXPECT_EQ(expat["flows"], json::array({"F-telemetry"}));
  // The derived threats on the programmer and on its flow.
  EXPECT_EQ(expat["threats"], json::parse(R"([
      "comm-cleartext-phi@F-telemetry", "comm-data-tampering@F-telemetry",
      "comm-jamming@F-telemetry", "comm-replay@F-telemetry", "comm-static-identifier@F-telemetry",
      "comm-therapy-no-authorization@F-telemetry", "comm-therapy-tampering@F-telemetry",
      "comm-unprotected-conduit@F-telemetry", "device-no-audit-log@programmer",
      "device-no-user-authentication@programmer", "medical-battery-drain@icd@F-telemetry",
      "medical-patient-tracking@F-telemetry"])"));
  EXPECT_EQ(expat["vex"]["status"], "affected");
  EXPECT_EQ(expat["vex"]["response"], json::array({"update"}));
  EXPECT_EQ(expat["kev"], false);
  // AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:H with MAV:A/CR:M/IR:H/AR:M: environmental 6.6.
  EXPECT_EQ(expat["score"], "6.6");
  EXPECT_EQ(expat["severity"], "Medium");
  EXPECT_EQ(expat["postmarket"], "controlled");
  EXPECT_EQ(expat["decision_days"], 7);
  const json& zlib = *Find(scan["matches"], "MEDTRA-EX-2026-0002");
  EXPECT_EQ(zlib["vex"]["status"], "not_affected");
  EXPECT_EQ(zlib["vex"]["justification"], "vulnerable_code_not_in_execute_path");
  EXPECT_EQ(zlib["postmarket"], "controlled");
  EXPECT_EQ(scan["metrics"]["open"], 0);
  EXPECT_EQ(scan["metrics"]["uncontrolled"], 0);
  EXPECT_EQ(scan["metrics"]["by_status"], json({{"affected", 1}, {"not_affected", 1}}));
}

TEST(SbomScanCliTest, WithoutADecisionTheRiskIsBlockedAndUncontrolled) {
  testing::IcdCopy icd;
  ASSERT_TRUE(icd.Replace("icd/software.yaml", "  - vulnerability: MEDTRA-EX-2026-0001",
                          "  - vulnerability: MEDTRA-EX-2026-9999"));
  const Outcome o = icd.Run("sbom scan icd --today 2026-12-01 --fail-on uncontrolled");
  EXPECT_EQ(o.code, 1) << o.err;
  const json scan = json::parse(o.out);
  const json& expat = *Find(scan["matches"], "MEDTRA-EX-2026-0001");
  EXPECT_EQ(expat["vex"]["status"], nullptr);
  EXPECT_EQ(expat["postmarket"], "uncontrolled");
  EXPECT_EQ(expat["age_days"], 48);  // published 2026-10-14
  EXPECT_THAT(expat["actions"][0].get<std::string>(), HasSubstr("within 30 days"));
  EXPECT_EQ(scan["metrics"]["open"], 1);
  EXPECT_EQ(scan["metrics"]["oldest_open_days"], 48);
  // Per quarter to --today: zlib published in 2026-Q3 and decided 4 days later in 2026-Q4, expat
  // published in 2026-Q4 and open.
  EXPECT_EQ(scan["metrics"]["trend"], json::parse(R"({"undated": 0, "quarters": [
      {"quarter": "2026-Q3", "published": 1, "decided": 0, "open_at_end": 1,
       "median_decision_days": null},
      {"quarter": "2026-Q4", "published": 1, "decided": 1, "open_at_end": 1,
       "median_decision_days": 4}]})"));
  // The risk file says why risk 2 is no longer acceptable.
  const json report = json::parse(icd.Run("analyze icd -o - --format json").out);
  const json* risk2 = nullptr;
  for (const json& r : report["risks"]) {
    if (r["id"] == "2") risk2 = &r;
  }
  ASSERT_NE(risk2, nullptr);
  EXPECT_EQ((*risk2)["residual"]["acceptable"], false);
  bool named = false;
  for (const json& b : (*risk2)["residual"]["blocked_by"]) {
    if (b.dump().find("MEDTRA-EX-2026-0001") != std::string::npos) named = true;
  }
  EXPECT_TRUE(named) << (*risk2)["residual"].dump(2);
}

TEST(SbomScanCliTest, AKnownExploitedVulnerabilityBlocksItsRiskDespiteADecision) {
  testing::IcdCopy icd;
  // The expat advisory gets a CVE alias that CISA lists as exploited.
  ASSERT_TRUE(icd.Replace("icd/software/advisories/MEDTRA-EX-2026-0001.json",
                          "\"id\": \"MEDTRA-EX-2026-0001\",",
                          "\"id\": \"MEDTRA-EX-2026-0001\", \"aliases\": [\"CVE-2026-90001\"],"));
  icd.Write("kev.json", R"({"catalogVersion": "2026.12.01", "vulnerabilities": [
      {"cveID": "CVE-2026-90001", "dateAdded": "2026-11-20", "dueDate": "2026-12-11"}]})");
  const Outcome o = icd.Run("sbom scan icd --kev kev.json --today 2026-12-01");
  ASSERT_EQ(o.code, 0) << o.err;
  const json scan = json::parse(o.out);
  const json& expat = *Find(scan["matches"], "MEDTRA-EX-2026-0001");
  EXPECT_EQ(expat["kev"], true);
  EXPECT_EQ(expat["kev_due"], "2026-12-11");
  EXPECT_EQ(expat["vex"]["status"], "affected");
  EXPECT_EQ(expat["postmarket"], "uncontrolled");
  EXPECT_THAT(expat["actions"].back().get<std::string>(),
              HasSubstr("listed as known exploited (CISA KEV, due 2026-12-11)"));
  // Without the KEV catalog the same decision leaves the risk acceptable.
  const json without = json::parse(icd.Run("sbom scan icd --today 2026-12-01").out);
  EXPECT_EQ((*Find(without["matches"], "MEDTRA-EX-2026-0001"))["postmarket"], "controlled");
}

TEST(SbomScanCliTest, AnSbomAloneIsScannedWithoutVerdicts) {
  testing::IcdCopy icd;
  const Outcome o = icd.Run(
      "sbom scan --sbom icd/software/programmer.cdx.json --advisories icd/software/advisories "
      "--today 2026-12-01 --format csv");
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("libexpat1,2.5.0-1,"));
  EXPECT_THAT(o.out, HasSubstr(",not-assessed,"));
  const Outcome md = icd.Run(
      "sbom scan --sbom icd/software/programmer.cdx.json --advisories icd/software/advisories "
      "--today 2026-12-01 --format md");
  EXPECT_THAT(md.out, HasSubstr("5 components against 3 advisories on 2026-12-01: 2 matches, 2 "
                                "without a final VEX decision, 0 uncontrolled."));
}

TEST(SbomScanCliTest, TheHtmlPageIsSelfContainedAndEscapesWhatItShows) {
  testing::IcdCopy icd;
  ASSERT_TRUE(icd.Replace(
      "icd/software/advisories/MEDTRA-EX-2026-0001.json", "\"id\": \"MEDTRA-EX-2026-0001\",",
      "\"id\": \"MEDTRA-EX-2026-0001\", \"aliases\": [\"<script>x</script>\"],"));
  ASSERT_TRUE(icd.Replace("icd/software/programmer.cdx.json", "\"name\": \"libexpat1\"",
                          "\"name\": \"libexpat1 <img src=x onerror=alert(1)>\""));
  const Outcome o = icd.Run("sbom scan icd --today 2026-12-01 --format html");
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_TRUE(o.out.starts_with("<!DOCTYPE html>\n"));
  EXPECT_THAT(o.out, HasSubstr("<h1>Known vulnerabilities</h1>\n<p class=\"subtitle\">5 components "
                               "against 3 advisories on 2026-12-01</p>"));
  EXPECT_THAT(o.out,
              HasSubstr("<p>2 matches, 0 without a final VEX decision, 0 uncontrolled.</p>"));
  EXPECT_THAT(o.out,
              HasSubstr("<td>libexpat1 &lt;img src=x onerror=alert(1)&gt;</td><td>2.5.0-1</td>"
                        "<td>MEDTRA-EX-2026-0001</td><td>ecosystem</td><td>Medium 6.6</td>"
                        "<td>no</td><td>affected</td><td>controlled</td><td>programmer</td>"
                        "<td>2</td>"));
  EXPECT_EQ(o.out.find("<img"), std::string::npos);
  EXPECT_EQ(o.out.find("<script"), std::string::npos);
  EXPECT_EQ(o.out.find("http"), std::string::npos);  // no external resource
}

TEST(SbomScanCliTest, TheMarkdownAndHtmlShowTheTrendPerQuarter) {
  // zlib published 2026-09-28 and expat 2026-10-14; both decided in 2026-Q4 (after 4 and 7
  // days; the median of two is the lower one, as in the snapshot).
  testing::IcdCopy icd;
  const Outcome md = icd.Run("sbom scan icd --today 2026-12-01 --format md");
  ASSERT_EQ(md.code, 0) << md.err;
  EXPECT_TRUE(md.out.ends_with(
      "## Known vulnerabilities over time\n\n"
      "Per calendar quarter, from the advisories' publication dates and the VEX decision dates "
      "(a final decision is not\\_affected, affected or fixed), from 2026-Q3 to the quarter of "
      "the scan (2026-12-01). Open items were published by the quarter's end and not decided by "
      "then. Whether an item was uncontrolled at a quarter's end is not recorded, so the trend "
      "does not count it.\n\n"
      "| Quarter | Published | Decided | Open at end of quarter | Median days from publication "
      "to decision |\n"
      "| --- | --- | --- | --- | --- |\n"
      "| 2026-Q3 | 1 | 0 | 1 | - |\n"
      "| 2026-Q4 | 1 | 2 | 0 | 4 |\n"))
      << md.out;
  const Outcome html = icd.Run("sbom scan icd --today 2026-12-01 --format html");
  ASSERT_EQ(html.code, 0) << html.err;
  EXPECT_THAT(html.out, HasSubstr("<tr><td>2026-Q3</td><td>1</td><td>0</td><td>1</td><td>-</td>"
                                  "</tr>\n<tr><td>2026-Q4</td><td>1</td><td>2</td><td>0</td>"
                                  "<td>4</td></tr>"));
  // With --since, the changes follow the trend.
  ASSERT_EQ(icd.Run("sbom scan icd --today 2026-12-01 -o before.json").code, 0);
  const Outcome since = icd.Run("sbom scan icd --today 2026-12-01 --format md --since before.json");
  ASSERT_EQ(since.code, 0) << since.err;
  EXPECT_THAT(since.out, HasSubstr("| 2026-Q4 | 1 | 2 | 0 | 4 |\n\n## Changes since"));
}

TEST(SbomScanCliTest, BadInputsAreLocatedAndExitTwo) {
  testing::IcdCopy icd;
  icd.Write("icd/software/advisories/bad.json", "{\"id\": 7, \"modified\": \"x\"}\n");
  const Outcome o = icd.Run("sbom scan icd --today 2026-12-01");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_THAT(o.err, HasSubstr("icd/software/advisories/bad.json:1:8: error: expected a string "
                               "for 'id', found number [wrong-type]"));
  const Outcome date = icd.Run("sbom scan icd --today 2026-13-01");
  EXPECT_EQ(date.code, 2);
  EXPECT_EQ(date.err, "medtra: sbom scan: --today takes a date YYYY-MM-DD, not '2026-13-01'\n");
  const Outcome alone = icd.Run("sbom scan --sbom icd/software/programmer.cdx.json");
  EXPECT_EQ(alone.code, 2);
  EXPECT_THAT(alone.err, HasSubstr("name the SBOM (--sbom FILE) and the advisory folder"));
}

TEST(SbomScanCliTest, SinceAnEarlierScanShowsWhatChanged) {
  testing::IcdCopy icd;
  ASSERT_EQ(icd.Run("sbom scan icd --today 2026-12-01 -o before.json").code, 0);
  // A new advisory arrives, and the zlib decision is withdrawn.
  icd.Write("icd/software/advisories/MEDTRA-EX-2026-0004.json",
            R"({"id": "MEDTRA-EX-2026-0004", "modified": "2026-11-30T00:00:00Z",
                "published": "2026-11-30T00:00:00Z", "affected": [{"package":
                {"ecosystem": "Debian:12", "name": "mbedtls"}, "ranges": [{"type": "ECOSYSTEM",
                "events": [{"introduced": "0"}, {"fixed": "2.28.3-1+deb12u1"}]}]}]})");
  ASSERT_TRUE(icd.Replace("icd/software.yaml", "  - vulnerability: MEDTRA-EX-2026-0002",
                          "  - vulnerability: MEDTRA-EX-2026-0009"));
  const Outcome o = icd.Run("sbom scan icd --today 2026-12-01 --since before.json --fail-on new");
  EXPECT_EQ(o.code, 1) << o.err;
  const json changes = json::parse(o.out)["changes"];
  EXPECT_EQ(changes["since"], "before.json");
  EXPECT_EQ(changes["added"], json::parse(R"([{"component": "libmbedcrypto7",
                                               "advisory": "MEDTRA-EX-2026-0004"}])"));
  EXPECT_EQ(changes["removed"], json::array());
  // Undecided, zlib's vulnerability blocks risk 2, so both matches on it become uncontrolled.
  EXPECT_EQ(changes["changed"], json::parse(R"([
      {"component": "libexpat1", "advisory": "MEDTRA-EX-2026-0001", "field": "postmarket",
       "before": "controlled", "after": "uncontrolled"},
      {"component": "zlib1g", "advisory": "MEDTRA-EX-2026-0002", "field": "postmarket",
       "before": "controlled", "after": "uncontrolled"},
      {"component": "zlib1g", "advisory": "MEDTRA-EX-2026-0002", "field": "vex",
       "before": "not_affected", "after": "none"}])"));
  const Outcome bad = icd.Run("sbom scan icd --since icd/system.yaml");
  EXPECT_EQ(bad.code, 2);
  EXPECT_THAT(bad.err, HasSubstr("icd/system.yaml:1:1: error:"));
}

// Validates a document against a JSON Schema with Debian's python3-jsonschema; the CycloneDX
// schema refers to its SPDX and JSF schemas beside it.
constexpr const char* kValidate =
    "import json, sys, os, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "store = {}\n"
    "d = os.path.dirname(sys.argv[1])\n"
    "for name in os.listdir(d):\n"
    "  if name.endswith('.schema.json'):\n"
    "    s = json.load(open(os.path.join(d, name)))\n"
    "    store[name] = s\n"
    "    if '$id' in s: store[s['$id']] = s\n"
    "resolver = jsonschema.RefResolver.from_schema(schema, store=store)\n"
    "cls = jsonschema.validators.validator_for(schema)\n"
    "errors = list(cls(schema, resolver=resolver).iter_errors(json.load(open(sys.argv[2]))))\n"
    "for e in errors: print('/'.join(map(str, e.absolute_path)), e.message)\n"
    "sys.exit(1 if errors else 0)\n";

void ExpectValid(const testing::IcdCopy& icd, const std::string& schema, const std::string& file) {
  const testing::CommandResult valid =
      testing::RunCommand({"/usr/bin/python3", "-c", kValidate, testing::SharedDataPath(schema),
                           (icd.dir() / file).string()});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

TEST(VexExportCliTest, OpenVexValidatesAndCarriesTheDecisions) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  testing::IcdCopy icd;
  const Outcome o = icd.Run("vex export icd --format openvex -o icd.openvex.json");
  ASSERT_EQ(o.code, 0) << o.err;
  ExpectValid(icd, "samples/openvex/openvex_json_schema.json", "icd.openvex.json");
  const json vex = json::parse(icd.Read("icd.openvex.json"));
  EXPECT_EQ(vex["@context"], "https://openvex.dev/ns/v0.2.0");
  EXPECT_EQ(vex["author"], "Example Medical Devices GmbH, product security");
  EXPECT_EQ(vex["timestamp"], "2026-10-21T00:00:00Z");
  ASSERT_EQ(vex["statements"].size(), 2u);
  EXPECT_EQ(vex["statements"][0]["vulnerability"]["name"], "MEDTRA-EX-2026-0001");
  EXPECT_EQ(vex["statements"][0]["status"], "affected");
  EXPECT_THAT(vex["statements"][0]["action_statement"].get<std::string>(),
              HasSubstr("signed update packages"));
  EXPECT_EQ(vex["statements"][1]["status"], "not_affected");
  EXPECT_EQ(vex["statements"][1]["justification"], "vulnerable_code_not_in_execute_path");
  EXPECT_EQ(vex["statements"][1]["products"][0]["identifiers"]["purl"],
            "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12&upstream=zlib");
  // Reproducible: the same decisions give the same bytes.
  EXPECT_EQ(icd.Run("vex export icd --format openvex").out, icd.Read("icd.openvex.json"));
}

TEST(VexExportCliTest, CycloneDxVexValidatesAgainstTheSchema) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  testing::IcdCopy icd;
  const Outcome o = icd.Run("vex export icd --format cyclonedx -o icd.cdx-vex.json");
  ASSERT_EQ(o.code, 0) << o.err;
  ExpectValid(icd, "samples/cyclonedx/bom-1.6.schema.json", "icd.cdx-vex.json");
  const json vex = json::parse(icd.Read("icd.cdx-vex.json"));
  EXPECT_EQ(vex["specVersion"], "1.6");
  ASSERT_EQ(vex["vulnerabilities"].size(), 2u);
  EXPECT_EQ(vex["vulnerabilities"][0]["analysis"]["state"], "exploitable");
  EXPECT_EQ(vex["vulnerabilities"][0]["analysis"]["response"], json::array({"update"}));
  EXPECT_EQ(vex["vulnerabilities"][0]["affects"][0]["ref"], "libexpat1");
  EXPECT_EQ(vex["vulnerabilities"][1]["analysis"]["state"], "not_affected");
  EXPECT_EQ(vex["vulnerabilities"][1]["analysis"]["justification"], "code_not_reachable");
  EXPECT_EQ(vex["vulnerabilities"][0]["ratings"][0]["score"], 6.6);
}

}  // namespace
}  // namespace medtra
