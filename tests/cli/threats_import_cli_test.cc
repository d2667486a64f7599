// End-to-end tests of `medtra threats import-status`: export -> edit -> import-status -> analyze,
// and the located errors (unknown id, unknown decision, duplicate row) that write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"

namespace medtra {
namespace {

using testing::Outcome;

constexpr const char* kJamming =
    "comm-jamming@F-telemetry,Jamming/denial of therapy communication on F-telemetry,"
    "F-telemetry,open,,,3,,";

class ThreatsImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(icd_.Run("threats export icd -o t.csv").code, 0); }
  testing::IcdCopy icd_;
};

TEST_F(ThreatsImportCliTest, AnEditedDecisionReachesTheAnalysis) {
  // The reviewer accepts jamming in the spreadsheet: CRLF kept, the rationale quoted with a
  // line break, a comma and a formula-looking start (kept as text, never evaluated).
  ASSERT_TRUE(icd_.Replace("t.csv", kJamming,
                           "comm-jamming@F-telemetry,Jamming,F-telemetry,open,accepted,"
                           "\"=SUM(A1) is text,\r\nnot a formula\",3,,SEC-142"));
  const Outcome o = icd_.Run("threats import-status icd t.csv -o icd/threats.yaml --force");
  ASSERT_EQ(o.code, 0) << o.err;
  const std::string yaml = icd_.Read("icd/threats.yaml");
  EXPECT_NE(yaml.find("  -\n    decision: \"accepted\"\n"
                      "    rationale: \"=SUM(A1) is text,\\x0d\\nnot a formula\"\n"
                      "    threat: \"comm-jamming@F-telemetry\"\n"
                      "    ticket: \"SEC-142\"\n"),
            std::string::npos)
      << yaml;
  const Outcome analyze = icd_.Run("analyze icd --format json -o -");
  const nlohmann::json report = nlohmann::json::parse(analyze.out);
  bool found = false;
  for (const auto& threat : report["threats"]) {
    if (threat["id"] != "comm-jamming@F-telemetry") continue;
    found = true;
    EXPECT_EQ(threat["status"], "accepted");
  }
  EXPECT_TRUE(found);
  // Exporting again gives the edited decision back.
  EXPECT_NE(icd_.Run("threats export icd")
                .out.find("comm-jamming@F-telemetry,Jamming/denial of "
                          "therapy communication on F-telemetry,"
                          "F-telemetry,accepted,accepted,"),
            std::string::npos);
  EXPECT_NE(icd_.Run("threats export icd").out.find(",SEC-142\r\n"), std::string::npos);
}

TEST_F(ThreatsImportCliTest, TheUneditedExportImportsToTheSameDecisions) {
  const std::string before = icd_.Run("threats export icd").out;
  ASSERT_EQ(icd_.Run("threats import-status icd t.csv -o icd/threats.yaml --force").code, 0);
  EXPECT_EQ(icd_.Run("check icd").code, 0);
  EXPECT_EQ(icd_.Run("threats export icd").out, before);
}

TEST_F(ThreatsImportCliTest, BadRowsAreLocatedErrorsAndNothingIsWritten) {
  const std::string original = icd_.Read("icd/threats.yaml");
  ASSERT_TRUE(icd_.Replace("t.csv", kJamming,
                           std::string(kJamming) + "\r\ncomm-gone@F-old,x,,,,,,,\r\n" + kJamming +
                               "\r\ncomm-replay@F-telemetry,x,,,maybe,,,,"));
  const Outcome o = icd_.Run("threats import-status icd t.csv -o icd/threats.yaml --force");
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("t.csv:5:1: error: no threat 'comm-gone@F-old' is derived from the model "
                       "(renamed or removed?) [unknown-threat]"),
            std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("t.csv:6:1: error: a second row for threat 'comm-jamming@F-telemetry' "
                       "(the first is at t.csv:4:1) [duplicate-threat-row]"),
            std::string::npos);
  EXPECT_NE(o.err.find("t.csv:7:29: error: unknown decision 'maybe' (mitigated, accepted, "
                       "transferred, not-applicable or empty) [unknown-decision]"),
            std::string::npos);
  EXPECT_EQ(icd_.Read("icd/threats.yaml"), original);
}

TEST_F(ThreatsImportCliTest, AnExistingFileNeedsForceAndOtherFilesMayNotDecide) {
  const Outcome exists = icd_.Run("threats import-status icd t.csv -o icd/threats.yaml");
  EXPECT_EQ(exists.code, 2);
  EXPECT_EQ(exists.err,
            "medtra: threats import-status: icd/threats.yaml exists; pass --force to replace it\n");
  const Outcome elsewhere = icd_.Run("threats import-status icd t.csv -o decisions.yaml");
  EXPECT_EQ(elsewhere.code, 2);
  EXPECT_NE(
      elsewhere.err.find("icd/threats.yaml:8:13: error: the model decides "
                         "'comm-therapy-no-authorization@F-telemetry' outside decisions.yaml"),
      std::string::npos)
      << elsewhere.err;
  EXPECT_FALSE(std::filesystem::exists(icd_.dir() / "decisions.yaml"));
}

}  // namespace
}  // namespace medtra
