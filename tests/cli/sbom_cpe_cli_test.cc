// End-to-end tests of `medtra sbom scan` with NVD pages, CPE matching that a component binding
// opts in to, and advisories from a zip archive, on a copy of the case study.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using testing::Outcome;

// An NVD CVE API 2.0 page written for the test: the programmer application before 1.0.1.
constexpr const char* kNvdPage = R"({"format": "NVD_CVE", "version": "2.0", "vulnerabilities": [
  {"cve": {"id": "CVE-2026-7001", "published": "2026-11-02T09:00:00.000", "vulnStatus": "Analyzed",
   "descriptions": [{"lang": "en", "value": "The programmer accepts an unsigned session log."}],
   "metrics": {"cvssMetricV31": [{"cvssData":
     {"vectorString": "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N"}}]},
   "configurations": [{"nodes": [{"operator": "OR", "cpeMatch": [{"vulnerable": true,
     "criteria": "cpe:2.3:a:example_medical:programmer_app:*:*:*:*:*:*:*:*",
     "versionEndExcluding": "1.0.1"}]}]}]}}]})";

const json* Find(const json& matches, const std::string& advisory) {
  for (const json& m : matches) {
    if (m["advisory"] == advisory) return &m;
  }
  return nullptr;
}

class SbomCpeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(icd_.Replace("icd/software/programmer.cdx.json",
                             R"("purl": "pkg:generic/example-medical/programmer-app@1.0.0",)",
                             R"("purl": "pkg:generic/example-medical/programmer-app@1.0.0",
      "cpe": "cpe:2.3:a:example_medical:programmer_app:1.0.0:*:*:*:*:*:*:*",)"));
    icd_.Write("icd/software/advisories/nvd-page-0.json", kNvdPage);
  }

  json Scan(const std::string& extra = "") const {
    const Outcome o = icd_.Run("sbom scan icd --today 2026-12-01" + extra);
    EXPECT_EQ(o.code, 0) << o.err;
    return json::parse(o.out.empty() ? "{}" : o.out);
  }

  testing::IcdCopy icd_;
};

TEST_F(SbomCpeCliTest, TheCpeIsMatchedOnlyWhereTheBindingOptsIn) {
  const json before = Scan();
  EXPECT_EQ(before["advisories"], 4);
  EXPECT_EQ(before["matches"].size(), 2u);
  EXPECT_EQ(Find(before["matches"], "CVE-2026-7001"), nullptr);
  ASSERT_TRUE(icd_.Replace("icd/software.yaml", "      environmental: MAV:A/CR:M/IR:H/AR:M\n",
                           "      environmental: MAV:A/CR:M/IR:H/AR:M\n"
                           "      components:\n"
                           "        - {ref: programmer-app, match_cpe: true}\n"));
  const json after = Scan();
  ASSERT_EQ(after["matches"].size(), 3u);
  const json& m = *Find(after["matches"], "CVE-2026-7001");
  EXPECT_EQ(m["component"], "programmer-app");
  EXPECT_EQ(m["basis"], "cpe");
  EXPECT_EQ(m["evidence"],
            "CPE cpe:2.3:a:example_medical:programmer_app:1.0.0:*:*:*:*:*:*:* (version 1.0.0) "
            "matches cpe:2.3:a:example_medical:programmer_app:*:*:*:*:*:*:*:* [< 1.0.1]");
  EXPECT_EQ(m["fixed"], "1.0.1");
  EXPECT_EQ(m["model_component"], "programmer");
  EXPECT_EQ(m["risk"], "2");
  // AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N with MAV:A/CR:M/IR:H/AR:M, by the 3.1 formulas:
  // modified impact 6.42 x 0.84, exploitability 8.22 x 0.62 x 0.77 x 0.85 x 0.85, sum rounded up.
  EXPECT_EQ(m["score"], "8.3");
  EXPECT_EQ(m["vex"]["status"], nullptr);
  // Undecided, it keeps risk 2 (patient harm) from being acceptable: uncontrolled, and so is
  // the expat vulnerability on the same risk (affected); zlib stays ruled out (not_affected).
  EXPECT_EQ(m["postmarket"], "uncontrolled");
  EXPECT_EQ((*Find(after["matches"], "MEDTRA-EX-2026-0001"))["postmarket"], "uncontrolled");
  EXPECT_EQ((*Find(after["matches"], "MEDTRA-EX-2026-0002"))["postmarket"], "controlled");
  EXPECT_EQ(after["metrics"]["uncontrolled"], 2);
}

TEST_F(SbomCpeCliTest, AZipArchiveGivesWhatItsFolderGives) {
  const std::string zip =
      "cd '" + icd_.dir().string() +
      "/icd/software/advisories' && python3 -c 'import os, zipfile\n"
      "z = zipfile.ZipFile(\"../advisories.zip\", \"w\", zipfile.ZIP_DEFLATED)\n"
      "[z.write(os.path.join(d, f)) for d, _, fs in sorted(os.walk(\".\")) "
      "for f in sorted(fs)]\n"
      "z.close()'";
  ASSERT_EQ(std::system(zip.c_str()), 0);
  json folder = Scan();
  json zipped = Scan(" --advisories icd/software/advisories.zip");
  ASSERT_EQ(zipped["matches"].size(), 2u);
  EXPECT_EQ(zipped["matches"], folder["matches"]);
  const Outcome bad = icd_.Run("sbom scan icd --advisories icd/software.yaml");
  EXPECT_EQ(bad.code, 2);
  EXPECT_THAT(bad.err, HasSubstr("icd/software.yaml: error: not a folder or zip archive of "
                                 "advisories [unreadable-file]"));
}

TEST_F(SbomCpeCliTest, AnSbomAloneIsMatchedByCpeOnRequest) {
  const std::string args =
      "sbom scan --sbom icd/software/programmer.cdx.json --advisories icd/software/advisories "
      "--today 2026-12-01";
  const json plain = json::parse(icd_.Run(args).out);
  EXPECT_EQ(plain["matches"].size(), 2u);
  const Outcome o = icd_.Run(args + " --match-cpe");
  ASSERT_EQ(o.code, 0) << o.err;
  const json cpe = json::parse(o.out);
  ASSERT_EQ(cpe["matches"].size(), 3u);
  EXPECT_EQ((*Find(cpe["matches"], "CVE-2026-7001"))["basis"], "cpe");
  const Outcome with_model = icd_.Run("sbom scan icd --match-cpe");
  EXPECT_EQ(with_model.code, 2);
  EXPECT_THAT(with_model.err, HasSubstr("--sbom, --vex and --match-cpe are for a scan without a "
                                        "model"));
}

}  // namespace
}  // namespace medtra
