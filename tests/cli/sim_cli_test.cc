// End-to-end tests of `medtra sim`: exact JSON for a fixed seed, the matrix, evidence, exit codes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "medtra/sim/evidence.h"
#include "tests/cli/sim_cli_run.h"

namespace medtra {
namespace {

using testing::sim_cli::RunMedtra;
using Json = nlohmann::ordered_json;

TEST(SimCliTest, SecureReplayJsonForFixedSeed) {
  const auto r = RunMedtra(
      {"sim", "--protocol", "secure", "--attack", "replay", "--seed", "11", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["protocol"], "secure");
  EXPECT_EQ(j["attack"], "replay");
  EXPECT_EQ(j["seed"], 11);
  EXPECT_EQ(j["frames"], 1000);
  EXPECT_EQ(j["attacker_frames"], 1000);
  EXPECT_EQ(j["attacker_frames_accepted"], 0);
  EXPECT_EQ(j["therapy_changed_by_attacker"], false);
  EXPECT_EQ(j["static_id_observed"], false);
  EXPECT_EQ(j["patient_data_observed"], false);
  EXPECT_EQ(j["legit_commands_sent"], 20);
  EXPECT_EQ(j["legit_commands_applied"], 20);
  EXPECT_EQ(j["legit_commands_lost"], 0);
  EXPECT_EQ(j["legit_commands_duplicated"], 0);
  EXPECT_EQ(j["legit_commands_failed_reported"], 0);
  EXPECT_EQ(j["therapy_ticks_missed"], 0);
  EXPECT_EQ(j["implant_replies_to_unauthenticated"], 0);
  EXPECT_EQ(j["radio_on_ms_attacker"], 1379);
  // The keys come first, in its order.
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  ASSERT_GE(keys.size(), 17u);
  EXPECT_EQ(keys[0], "protocol");
  EXPECT_EQ(keys[16], "radio_on_ms_attacker");
}

TEST(SimCliTest, LegacyFallsForFixedSeed) {
  const auto eavesdrop = RunMedtra(
      {"sim", "--protocol", "legacy", "--attack", "eavesdrop", "--seed", "11", "--format", "json"});
  ASSERT_EQ(eavesdrop.exit_code, 0);
  const Json e = Json::parse(eavesdrop.out);
  EXPECT_EQ(e["static_id_observed"], true);
  EXPECT_EQ(e["patient_data_observed"], true);
  EXPECT_EQ(e["attacker_frames"], 0);
  const auto modify = RunMedtra({"sim", "--protocol", "legacy", "--attack", "modify", "--seed",
                                 "11", "--frames", "100", "--format", "json"});
  ASSERT_EQ(modify.exit_code, 0);
  const Json m = Json::parse(modify.out);
  EXPECT_EQ(m["therapy_changed_by_attacker"], true);
  EXPECT_EQ(m["attacker_frames"], 100);
  EXPECT_EQ(m["attacker_frames_accepted"], 99);
}

TEST(SimCliTest, SecureJamReportsEveryCommandFailed) {
  const auto r = RunMedtra(
      {"sim", "--protocol", "secure", "--attack", "jam", "--seed", "11", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0);
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["legit_commands_sent"], 20);
  EXPECT_EQ(j["legit_commands_applied"], 0);
  EXPECT_EQ(j["legit_commands_failed_reported"], 20);
  EXPECT_EQ(j["legit_commands_lost"], 0);
}

TEST(SimCliTest, MatrixTableAndEvidence) {
  const std::string path = "/tmp/medtra_sim_evidence_" + std::to_string(getpid()) + ".json";
  const auto r =
      RunMedtra({"sim", "--attack", "all", "--seed", "11", "--frames", "300", "--evidence", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("attack"), std::string::npos);
  EXPECT_NE(r.out.find("cross-device     secure"), std::string::npos);
  EXPECT_NE(r.out.find("bank-and-release secure"), std::string::npos);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::remove(path.c_str());
  Result<sim::SimEvidence> evidence = sim::ParseSimEvidence(text.str());
  ASSERT_TRUE(evidence.ok()) << evidence.message();
  EXPECT_EQ(evidence->seed, 11u);
  EXPECT_EQ(evidence->scenarios.size(), 40u);  // 20 attacks, legacy and secure
  for (const sim::SimScenarioEvidence& s : evidence->scenarios) {
    if (s.protocol == "secure") {
      EXPECT_TRUE(s.passed) << s.id;
    }
  }
  const sim::SimScenarioEvidence* legacy = sim::FindSimScenario(*evidence, "sim:modify@legacy");
  ASSERT_NE(legacy, nullptr);
  EXPECT_FALSE(legacy->passed);
}

TEST(SimCliTest, TheEvidenceSaysWhoRanTheAttacks) {
  const std::string path = "/tmp/medtra_sim_tester_" + std::to_string(getpid()) + ".json";
  const auto r =
      RunMedtra({"sim", "--attack", "replay", "--seed", "11", "--frames", "100", "--evidence", path,
                 "--tester", "Red team", "--independence", "external"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::remove(path.c_str());
  const Json j = Json::parse(text.str());
  EXPECT_EQ(j["tester"], "Red team");
  EXPECT_EQ(j["independence"], "external");
  Result<sim::SimEvidence> evidence = sim::ParseSimEvidence(text.str());
  ASSERT_TRUE(evidence.ok()) << evidence.message();
  EXPECT_EQ(evidence->tester, "Red team");
  EXPECT_EQ(evidence->independence, "external");
  // Without the options, the file states neither; another level is a usage error.
  const auto bare = RunMedtra({"sim", "--attack", "replay", "--frames", "100", "--evidence", path});
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  std::ifstream again(path);
  std::stringstream plain;
  plain << again.rdbuf();
  std::remove(path.c_str());
  EXPECT_FALSE(Json::parse(plain.str()).contains("tester"));
  const auto bad =
      RunMedtra({"sim", "--attack", "replay", "--evidence", path, "--independence", "partly"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--independence"), std::string::npos) << bad.err;
}

TEST(SimCliTest, MatrixJson) {
  const auto r = RunMedtra({"sim", "--attack", "all", "--protocol", "secure", "--seed", "3",
                            "--frames", "100", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0);
  const Json j = Json::parse(r.out);
  ASSERT_EQ(j["results"].size(), 20u);
  for (const Json& row : j["results"]) EXPECT_EQ(row["holds"], true) << row["attack"];
}

TEST(SimCliTest, BadUsageExitsTwo) {
  const auto unknown = RunMedtra({"sim", "--attack", "replai"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("did you mean 'replay'?"), std::string::npos);
  EXPECT_EQ(RunMedtra({"sim", "--attack", "jam", "--protocol", "tls"}).exit_code, 2);
  EXPECT_EQ(RunMedtra({"sim", "--attack", "jam", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(RunMedtra({"sim", "--attack", "jam", "--frames", "-3"}).exit_code, 2);
  EXPECT_EQ(RunMedtra({"sim"}).exit_code, 2);
  EXPECT_EQ(
      RunMedtra({"sim", "--attack", "jam", "--evidence", "/nonexistent-dir/e.json"}).exit_code, 2);
}

}  // namespace
}  // namespace medtra
