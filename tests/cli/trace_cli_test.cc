// End-to-end tests of `medtra sdl` and `medtra trace`: exact output and exit codes, on a temporary
// copy of the case study into which breaks are introduced.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "medtra/base/strings.h"
#include "tests/testing/icd_copy.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;

/// Runs inside a temporary copy of examples/icd (`icd/`).
class TraceCliTest : public ::testing::Test {
 protected:
  Outcome Run(const std::string& args) const { return icd_.Run(args); }
  testing::IcdCopy icd_;
};

TEST_F(TraceCliTest, IcdTraceShowsTheVerifiedMatrix) {
  const Outcome o = Run("trace icd");
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "");
  EXPECT_NE(o.out.find("1     Medium  M-encrypt             technical  REQ-CONF-1   "
                       "sensitive-information"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("sim:eavesdrop=verified, "
                       "test:SimScenarioTest.T4ConfidentialityWithLegacyPositiveControl=verified"),
            std::string::npos);
  EXPECT_NE(o.out.find("  Authorization                         justified  One role only"),
            std::string::npos);
  EXPECT_NE(o.out.find("\nFindings (0)\n\n6 rows, 0 errors, 0 warnings, 0 notes\n"),
            std::string::npos);
  EXPECT_EQ(Run("trace icd --fail-on note").code, 0);
}

TEST_F(TraceCliTest, IcdTraceJsonRecordsEvidenceWithSubjectVersionAndDate) {
  const Outcome o = Run("trace icd --format json");
  ASSERT_EQ(o.code, 0) << o.err;
  const nlohmann::json j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["matrix"].size(), 6u);  // risk 3 (jamming) has no measure: accepted
  EXPECT_TRUE(j["findings"].empty());
  const nlohmann::json& row = j["matrix"][0];
  EXPECT_EQ(row["requirement"], "REQ-CONF-1");
  EXPECT_EQ(row["status"], "verified");
  const nlohmann::json& test = row["verifications"][1];
  EXPECT_EQ(test["ref"], "test:SimScenarioTest.T4ConfidentialityWithLegacyPositiveControl");
  EXPECT_EQ(test["status"], "verified");
  // The subject and version come from the manifest beside junit.xml (regenerate.sh writes it).
  EXPECT_EQ(test["subject"], "icd-system");
  EXPECT_EQ(test["version"], "1.0");
  // The date (of its test suite) and position of that test case in the committed JUnit file
  // (regenerate.sh rewrites it, so read them from the file rather than repeat them here).
  const std::string junit = icd_.Read("icd/evidence/junit.xml");
  const size_t at = junit.find("<testcase name=\"T4ConfidentialityWithLegacyPositiveControl\"");
  ASSERT_NE(at, std::string::npos);
  const size_t stamp = junit.find("timestamp=\"", junit.rfind("<testsuite ", at)) + 11;
  EXPECT_EQ(test["date"], junit.substr(stamp, junit.find('"', stamp) - stamp));
  const int line = static_cast<int>(std::count(junit.begin(), junit.begin() + at, '\n')) + 1;
  EXPECT_EQ(test["source"], "icd/evidence/junit.xml:" + std::to_string(line) + ":5");
  EXPECT_EQ(j["model_hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(row["measure_verification_status"], "verified");
  EXPECT_EQ(j["evidence_files"], nlohmann::json::parse(R"(["icd/evidence/junit.xml",
      "icd/evidence/manifest.json", "icd/evidence/sim-evidence.json"])"));
}

TEST_F(TraceCliTest, IcdSdlListsAll47RequirementsWithCoverage) {
  const Outcome o = Run("sdl icd --format json");
  ASSERT_EQ(o.code, 0) << o.err;
  const nlohmann::json j = nlohmann::json::parse(o.out);
  int iec62443 = 0;
  for (const auto& a : j["activities"]) iec62443 += a["standard"] == "IEC 62443-4-1";
  EXPECT_EQ(iec62443, 47);
  EXPECT_EQ(j["coverage"]["total"]["total"], 55);
  EXPECT_EQ(j["coverage"]["iec62443_4_1_practices"].size(), 8u);
  EXPECT_EQ(j["coverage"]["iec62304_processes"].size(), 6u);
  EXPECT_FALSE(j["gaps"].empty());
  const Outcome text = Run("sdl icd");
  EXPECT_NE(text.out.find("  SVV  Security verification and validation testing  5   done 2  "
                          "in progress 1  planned 2  n/a 0  40%\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("icd/sdl.yaml:64:7: warning: SVV-4 (Penetration testing) is planned, "
                          "not started [sdl-planned]\n"),
            std::string::npos);
  EXPECT_EQ(Run("sdl icd --fail-on warning").code, 1);
}

TEST_F(TraceCliTest, MeasureLosingItsRequirementIsALocatedFinding) {
  ASSERT_TRUE(icd_.Replace("icd/requirements.yaml", "measures: [M-encrypt]", "measures: []"));
  const Outcome o = Run("trace icd");
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("Findings (2)\n"
                       "icd/risks.yaml:57:5: error: measure 'M-encrypt' is not implemented by any "
                       "security requirement [measure-without-requirement]\n"
                       "icd/requirements.yaml:9:5: warning: security requirement 'REQ-CONF-1' "
                       "implements no measure of a risk [requirement-without-measure]\n"),
            std::string::npos)
      << o.out;
  const nlohmann::json j = nlohmann::json::parse(Run("trace icd --format json").out);
  const nlohmann::json& finding = j["findings"][0];
  EXPECT_EQ(finding["severity"], "error");
  EXPECT_EQ(finding["code"], "measure-without-requirement");
  EXPECT_EQ(finding["file"], "icd/risks.yaml");
  EXPECT_EQ(finding["line"], 57);
  EXPECT_EQ(finding["col"], 5);
  EXPECT_EQ(Run("trace icd --fail-on none").code, 0);
}

TEST_F(TraceCliTest, FailingTestInJUnitEvidenceIsALocatedFinding) {
  const std::string passing = icd_.Read("icd/evidence/junit.xml");
  std::string failing = passing;
  const std::string tag =
      "<testcase name=\"T3EverySingleAndMultiBitModificationTruncationExtension\"";
  const size_t end = failing.find("/>", failing.find(tag));
  failing.replace(end, 2, "><failure message=\"forged tag accepted\"/></testcase>");
  fs::remove(icd_.dir() / "icd" / "evidence" / "junit.xml");
  icd_.Write("failing.xml", failing);
  // The manifest a CI job would write beside it: the tests ran on version 1.0 of the system.
  icd_.Write("manifest.json",
             R"({"format": "medtra-evidence-manifest", "format_version": 1,
               "files": [{"path": "failing.xml", "subject": "icd-system", "version": "1.0"}]})");
  const Outcome o = Run("trace icd --junit failing.xml --evidence manifest.json");
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_NE(
      o.out.find("Findings (1)\n"
                 "icd/requirements.yaml:27:43: error: verification "
                 "'test:LinkTargetsTest.T3EverySingleAndMultiBitModificationTruncationExtension' "
                 "of requirement 'REQ-AUTH-1' failed "
                 "at failing.xml:19:5: forged tag accepted [verification-failed]\n"),
      std::string::npos)
      << o.out;
  const std::string line = testing::LineWith(o.out, "REQ-AUTH-1");
  EXPECT_NE(line.find("T3EverySingleAndMultiBitModificationTruncationExtension=failed"),
            std::string::npos);
  EXPECT_TRUE(medtra::EndsWith(line, " failed")) << line;
}

TEST_F(TraceCliTest, NoEvidenceMakesVerificationsMissing) {
  const Outcome o = Run("trace icd --no-evidence-dir");
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("icd/requirements.yaml:17:19: error: verification 'sim:eavesdrop' of "
                       "requirement 'REQ-CONF-1' is missing: no result for scenario "
                       "'sim:eavesdrop': no evidence was read [verification-missing]\n"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("icd/risks.yaml:75:19: error: verification 'sim:modify' of measure "
                       "'M-mac' is missing: no result for scenario 'sim:modify': no evidence "
                       "was read [verification-missing]\n"),
            std::string::npos);
  EXPECT_EQ(Run("trace icd --no-evidence-dir --fail-on none").code, 0);
}

TEST_F(TraceCliTest, MalformedEvidenceIsAnInputError) {
  icd_.Write("bad.xml", "<testsuites>\n  <testcase name=\"a\">\n</testsuites>\n");
  Outcome o = Run("trace icd --junit bad.xml");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
            "bad.xml:3:3: error: malformed XML: mismatched tag [junit-xml]");
  icd_.Write("sim.json", "{\"format\": \"medtra-sim-evidence\",\n \"scenarios\": [{\"id\": 1}]}");
  o = Run("sdl icd --evidence sim.json");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
            "sim.json:2:16: error: missing required key 'passed' in sim evidence scenario "
            "[missing-key]");
  o = Run("trace icd --junit missing.xml");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err.substr(0, 13), "missing.xml: ");
}

TEST_F(TraceCliTest, BrokenRequirementsSectionIsAnInputError) {
  ASSERT_TRUE(
      icd_.Replace("icd/requirements.yaml", "measures: [M-encrypt]", "measures: [M-encrpyt]"));
  const Outcome o = Run("trace icd");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
            "icd/requirements.yaml:14:16: error: unknown measure 'M-encrpyt' (did you mean "
            "'M-encrypt'?) [unknown-reference]");
}

TEST_F(TraceCliTest, WritesInstructionsAndCsv) {
  const Outcome o = Run("trace icd --format csv --instructions ifu.md");
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.out.substr(0, o.out.find('\n')),
            "risk,level,measure,kind,requirement,categories,design,verification,status\r");
  const std::string md = icd_.Read("ifu.md");
  EXPECT_NE(md.find("### M-programmer-custody: Keep the programmer in a room with controlled "
                    "access\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(Run("trace icd --instructions ifu.html").code, 0);
  EXPECT_EQ(icd_.Read("ifu.html").substr(0, 15), "<!DOCTYPE html>");
}

}  // namespace
}  // namespace medtra
