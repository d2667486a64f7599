// End-to-end tests of `medtra rules list|explain` and `medtra explain`: exact output, exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using testing::RunCommand;

const std::string kModel = std::string(MEDTRA_SOURCE_DIR) + "/examples/icd";

TEST(RulesCli, ListJsonHasEveryRuleWithStrideCapecCwe) {
  const auto r = RunCommand({MEDTRA_BIN, "rules", "list", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto json = nlohmann::json::parse(r.out);
  const auto& rules = json.at("rules");
  ASSERT_GE(rules.size(), 40u);
  EXPECT_EQ(rules.front().at("id"), "comm-checksum-spoofing");
  for (const auto& rule : rules) {
    EXPECT_FALSE(rule.at("stride").empty()) << rule.at("id");
    EXPECT_FALSE(rule.at("capec").empty() && rule.at("cwe").empty()) << rule.at("id");
    EXPECT_TRUE(rule.at("emb3d").is_array()) << rule.at("id");
  }
}

TEST(RulesCli, ListTextIsOneTabSeparatedLinePerRule) {
  const auto r = RunCommand({MEDTRA_BIN, "rules", "list"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, ::testing::StartsWith(
                         "comm-checksum-spoofing\tChecksum instead of a cryptographic integrity "
                         "check\tTampering\tCAPEC-145, CWE-345, TID-406\n"));
}

TEST(RulesCli, ExplainShowsTheMetadata) {
  const auto r = RunCommand({MEDTRA_BIN, "rules", "explain", "comm-static-identifier"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith(
                         "comm-static-identifier: Spoofing with a static identifier\n"
                         "  group:         comm\n"
                         "  stride:        Spoofing\n"
                         "  capec:         CAPEC-151 Identity Spoofing; CAPEC-21 Exploitation of "
                         "Trusted Identifiers\n"
                         "  cwe:           CWE-290 Authentication Bypass by Spoofing; CWE-294 "
                         "Authentication Bypass by Capture-replay\n"
                         "  emb3d:         TID-221, TID-406\n"));
}

TEST(RulesCli, UnknownRuleIsAnInputErrorWithDidYouMean) {
  const auto r = RunCommand({MEDTRA_BIN, "rules", "explain", "comm-jaming"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "medtra: rules explain: unknown rule 'comm-jaming' (did you mean 'comm-jamming'?)\n");
}

TEST(ExplainCli, ShowsWhichAttributesFiredAndHowTheEnvironmentShiftedIt) {
  const auto r = RunCommand({MEDTRA_BIN, "explain", kModel, "comm-replay@F-telemetry"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "comm-replay@F-telemetry: Replay of captured messages on F-telemetry\n"
      "  rule:       comm-replay (Replay of captured messages)\n"
      "  stride:     Tampering, Spoofing\n"
      "  capec:      CAPEC-60 Reusing Session IDs (aka Session Replay)\n"
      "  cwe:        CWE-294 Authentication Bypass by Capture-replay\n"
      "  emb3d:      TID-221, TID-407\n"
      "  derived at: " +
          kModel +
          "/system.yaml:85:5\n"
          "  fired on:\n"
          "    F-telemetry.medium = rf\n"
          "    F-telemetry.freshness = none\n"
          "  reasoning:\n"
          "    reached by proximity; base likelihood Medium\n"
          "    environment: F-telemetry joins programmer (ENV-clinic, from zone Z-clinic) and icd "
          "(ENV-patient, from zone Z-body): it is in ENV-clinic, ENV-patient; the most exposed "
          "of them applies\n"
          "    ENV-patient setting=mobile: the device is used where nobody watches who comes "
          "within radio range; likelihood +1 (Medium -> High)\n"
          "    ENV-clinic physical_access=controlled: does not lower it, for the part is also in "
          "ENV-patient (physical_access=patient); likelihood unchanged\n"
          "    likelihood High\n"
          "    no longer fires with the measures applied: M-mac provides "
          "F-telemetry.freshness = counter\n"
          "  before measures: open\n"
          "  status:     mitigated (M-mac)\n"
          "  likelihood: High\n"
          "  assessment: assessed by risk 2\n"
          "  mitigation: Make every message unique (a measure that provides freshness: counter, "
          "timestamp or nonce) inside the authenticated part.\n");
}

TEST(ExplainCli, JsonCarriesEvidenceAndNotes) {
  const auto r =
      RunCommand({MEDTRA_BIN, "explain", kModel, "comm-jamming@F-telemetry", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("inherent_status"), "open");
  // No measure keeps the telemetry available: open after the measures, assessed by risk 3.
  EXPECT_EQ(json.at("status"), "open");
  EXPECT_EQ(json.at("assessment"), "assessed by risk 3");
  EXPECT_EQ(json.at("risk"), "3");
  EXPECT_EQ(json.at("evidence").at(0).at("attribute"), "medium");
  EXPECT_EQ(json.at("emb3d"), nlohmann::json::array());  // jamming: no EMB3D threat fits
}

TEST(ExplainCli, UnknownThreatIsAnInputErrorWithDidYouMean) {
  const auto r = RunCommand({MEDTRA_BIN, "explain", kModel, "comm-jaming@F-telemetry"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "medtra: explain: no threat 'comm-jaming@F-telemetry' is derived from " +
                       kModel + " (did you mean 'comm-jamming@F-telemetry'?)\n");
}

TEST(RulesCli, BadUserRulesFolderIsAnInputError) {
  const auto r = RunCommand({MEDTRA_BIN, "rules", "list", "--rules", "/nonexistent/rules"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "/nonexistent/rules: error: not a folder of user rules: /nonexistent/rules "
            "[rules-dir]\n");
}

}  // namespace
}  // namespace medtra
