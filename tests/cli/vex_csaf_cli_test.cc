// End-to-end tests of `medtra vex export --format csaf`: the CSAF 2.0 VEX profile's requirements
// checked here one by one (no copy of the CSAF JSON schema is available offline to validate
// against): the document fields, product ids defined once and referenced only when defined, an
// identity, notes and a status for each vulnerability, an impact statement for each product not
// affected and an action statement for each affected one; reproducible bytes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using testing::Outcome;

constexpr const char* kExport =
    "vex export icd --format csaf --publisher-namespace https://psirt.example-medical.invalid";

const std::regex kDateTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");

// The product ids a vulnerability refers to, per place (product_status lists, flags, threats,
// remediations).
std::set<std::string> Ids(const json& list) {
  std::set<std::string> ids;
  for (const json& id : list) ids.insert(id.get<std::string>());
  return ids;
}

std::set<std::string> Covered(const json& v, const std::string& key, const std::string& category) {
  std::set<std::string> ids;
  if (!v.contains(key)) return ids;
  for (const json& item : v[key]) {
    if (!category.empty() && item["category"] != category) continue;
    for (const json& id : item["product_ids"]) ids.insert(id.get<std::string>());
  }
  return ids;
}

void ExpectVexProfile(const json& csaf) {
  const json& document = csaf["document"];
  EXPECT_EQ(document["category"], "csaf_vex");
  EXPECT_EQ(document["csaf_version"], "2.0");
  EXPECT_EQ(document["publisher"]["category"], "vendor");
  EXPECT_TRUE(document["publisher"]["namespace"].get<std::string>().starts_with("https://"));
  EXPECT_FALSE(document["title"].get<std::string>().empty());
  const json& tracking = document["tracking"];
  for (const char* date : {"current_release_date", "initial_release_date"}) {
    EXPECT_TRUE(std::regex_match(tracking[date].get<std::string>(), kDateTime)) << date;
  }
  EXPECT_FALSE(tracking["id"].get<std::string>().empty());
  EXPECT_EQ(tracking["status"], "final");
  ASSERT_EQ(tracking["revision_history"].size(), 1u);
  EXPECT_EQ(tracking["revision_history"][0]["number"], tracking["version"]);  // 6.1.22
  std::set<std::string> defined;
  for (const json& p : csaf["product_tree"]["full_product_names"]) {
    EXPECT_TRUE(defined.insert(p["product_id"].get<std::string>()).second)  // 6.1.2
        << "defined twice: " << p["product_id"];
  }
  ASSERT_FALSE(csaf["vulnerabilities"].empty());
  const std::regex cve(R"(CVE-\d{4}-\d{4,})");
  for (const json& v : csaf["vulnerabilities"]) {
    EXPECT_TRUE(v.contains("cve") || v.contains("ids")) << v.dump();
    if (v.contains("cve")) {
      EXPECT_TRUE(std::regex_match(v["cve"].get<std::string>(), cve));
    }
    EXPECT_FALSE(v["notes"].empty());
    ASSERT_FALSE(v["product_status"].empty());
    std::set<std::string> referenced;
    for (const auto& [list, ids] : v["product_status"].items()) {
      for (const std::string& id : Ids(ids)) referenced.insert(id);
    }
    for (const char* key : {"flags", "threats", "remediations"}) {
      for (const std::string& id : Covered(v, key, "")) referenced.insert(id);
    }
    for (const std::string& id : referenced) {
      EXPECT_EQ(defined.count(id), 1u) << id;  // 6.1.1
    }
    const std::set<std::string> impact = [&] {
      std::set<std::string> ids = Covered(v, "flags", "");
      for (const std::string& id : Covered(v, "threats", "impact")) ids.insert(id);
      return ids;
    }();
    if (v["product_status"].contains("known_not_affected")) {
      for (const std::string& id : Ids(v["product_status"]["known_not_affected"])) {
        EXPECT_EQ(impact.count(id), 1u) << "no impact statement for " << id;  // 6.1.27.9
      }
    }
    if (v["product_status"].contains("known_affected")) {
      const std::set<std::string> actions = Covered(v, "remediations", "");
      for (const std::string& id : Ids(v["product_status"]["known_affected"])) {
        EXPECT_EQ(actions.count(id), 1u) << "no action statement for " << id;  // 6.1.27.10
      }
    }
  }
}

TEST(VexCsafCliTest, TheCaseStudyMeetsTheVexProfile) {
  testing::IcdCopy icd;
  const Outcome o = icd.Run(std::string(kExport) + " -o icd.csaf.json");
  ASSERT_EQ(o.code, 0) << o.err;
  const json csaf = json::parse(icd.Read("icd.csaf.json"));
  ExpectVexProfile(csaf);
  EXPECT_EQ(csaf["document"]["publisher"]["name"],
            "Example Medical Devices GmbH, product security");
  EXPECT_EQ(csaf["document"]["tracking"]["current_release_date"], "2026-10-21T00:00:00Z");
  ASSERT_EQ(csaf["product_tree"]["full_product_names"].size(), 2u);
  EXPECT_EQ(csaf["product_tree"]["full_product_names"][0]["product_identification_helper"]["purl"],
            "pkg:deb/debian/libexpat1@2.5.0-1?arch=amd64&distro=debian-12&upstream=expat");
  const json& vulns = csaf["vulnerabilities"];
  ASSERT_EQ(vulns.size(), 2u);
  EXPECT_EQ(vulns[0]["ids"][0]["text"], "MEDTRA-EX-2026-0001");
  EXPECT_EQ(vulns[0]["product_status"]["known_affected"], json::array({"CSAFPID-0001"}));
  EXPECT_EQ(vulns[0]["remediations"][0]["category"], "vendor_fix");  // response: update
  EXPECT_EQ(vulns[1]["product_status"]["known_not_affected"], json::array({"CSAFPID-0002"}));
  EXPECT_EQ(vulns[1]["flags"][0]["label"], "vulnerable_code_not_in_execute_path");
  EXPECT_EQ(icd.Run(kExport).out, icd.Read("icd.csaf.json"));  // reproducible
}

TEST(VexCsafCliTest, AnUndecidedMatchIsUnderInvestigationAndACveIsTheCveField) {
  testing::IcdCopy icd;
  ASSERT_TRUE(icd.Replace("icd/software.yaml", "  - vulnerability: MEDTRA-EX-2026-0001",
                          "  - vulnerability: MEDTRA-EX-2026-9999"));
  ASSERT_TRUE(icd.Replace("icd/software/advisories/MEDTRA-EX-2026-0002.json",
                          "\"id\": \"MEDTRA-EX-2026-0002\",",
                          "\"id\": \"MEDTRA-EX-2026-0002\", \"aliases\": [\"CVE-2026-31337\"],"));
  const Outcome o = icd.Run(kExport);
  ASSERT_EQ(o.code, 0) << o.err;
  const json csaf = json::parse(o.out);
  ExpectVexProfile(csaf);
  EXPECT_EQ(csaf["vulnerabilities"][0]["product_status"]["under_investigation"],
            json::array({"CSAFPID-0001"}));
  EXPECT_EQ(csaf["vulnerabilities"][1]["cve"], "CVE-2026-31337");
}

TEST(VexCsafCliTest, APublisherNamespaceIsRequired) {
  testing::IcdCopy icd;
  const Outcome o = icd.Run("vex export icd --format csaf");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err,
            "medtra: vex export: CSAF names its publisher by a namespace URL: "
            "--publisher-namespace https://... (the manufacturer's PSIRT or web site)\n");
}

}  // namespace
}  // namespace medtra
