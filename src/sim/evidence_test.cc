// The evidence file: honest verdicts, deterministic serialisation, a strict reader.
#include "medtra/sim/evidence.h"

#include <gtest/gtest.h>

namespace medtra::sim {
namespace {

std::vector<SimMetrics> Runs() {
  std::vector<SimMetrics> runs;
  for (Protocol p : {Protocol::kLegacy, Protocol::kSecure}) {
    for (Attack a : {Attack::kEavesdrop, Attack::kJam}) {
      Result<SimMetrics> m = RunScenario({p, a, 11, 200, 10});
      EXPECT_TRUE(m.ok());
      runs.push_back(*m);
    }
  }
  return runs;
}

TEST(SimEvidenceTest, RoundTripsAndStaysHonest) {
  const std::vector<SimMetrics> runs = Runs();
  SimEvidence evidence = MakeSimEvidence(11, 200, 10, runs);
  EXPECT_EQ(SerializeSimEvidence(evidence),
            SerializeSimEvidence(MakeSimEvidence(11, 200, 10, runs)));  // deterministic
  EXPECT_EQ(SerializeSimEvidence(evidence).find("\"subject\""), std::string::npos);
  evidence.subject_id = "icd-system";
  evidence.subject_version = "1.0";
  evidence.date = "2026-11-29T02:15:16Z";
  const std::string text = SerializeSimEvidence(evidence);
  EXPECT_EQ(text.substr(0, text.find("  \"frames\"")),
            "{\n  \"format\": \"medtra-sim-evidence\",\n  \"format_version\": 1,\n  \"tool\": "
            "\"medtra sim\",\n  \"subject\": {\n    \"id\": \"icd-system\",\n    \"version\": "
            "\"1.0\"\n  },\n  \"date\": \"2026-11-29T02:15:16Z\",\n  \"seed\": 11,\n");
  Result<SimEvidence> parsed = ParseSimEvidence(text);
  ASSERT_TRUE(parsed.ok()) << parsed.message();
  EXPECT_EQ(parsed->subject_id, "icd-system");
  EXPECT_EQ(parsed->subject_version, "1.0");
  EXPECT_EQ(parsed->date, "2026-11-29T02:15:16Z");
  EXPECT_EQ(parsed->seed, 11u);
  ASSERT_EQ(parsed->scenarios.size(), 4u);
  const SimScenarioEvidence* secure = FindSimScenario(*parsed, "sim:eavesdrop");
  ASSERT_NE(secure, nullptr);
  EXPECT_EQ(secure->protocol, "secure");
  EXPECT_TRUE(secure->passed);
  const SimScenarioEvidence* legacy = FindSimScenario(*parsed, "sim:eavesdrop@legacy");
  ASSERT_NE(legacy, nullptr);
  EXPECT_FALSE(legacy->passed);  // a failing scenario is written as failing
  EXPECT_TRUE(legacy->metrics.static_id_observed);
  EXPECT_FALSE(legacy->failed_checks.empty());
  EXPECT_EQ(SerializeSimEvidence(*parsed), text);
  EXPECT_EQ(FindSimScenario(*parsed, "sim:nothing"), nullptr);
}

TEST(SimEvidenceTest, EvaluateFlagsEachCriterion) {
  SimMetrics m;
  m.attack = "replay";
  m.therapy_final_as_intended = true;
  EXPECT_TRUE(Evaluate(m).holds);
  m.attacker_frames_accepted = 1;
  EXPECT_FALSE(Evaluate(m).holds);
  m = SimMetrics{};
  m.attack = "jam";
  m.therapy_final_as_intended = true;
  m.legit_commands_sent = 5;
  m.legit_commands_failed_reported = 4;
  EXPECT_FALSE(Evaluate(m).holds);  // one command neither applied nor reported FAILED
}

TEST(SimEvidenceTest, ReaderRejectsMalformedInput) {
  EXPECT_FALSE(ParseSimEvidence("").ok());
  EXPECT_FALSE(ParseSimEvidence("[]").ok());
  EXPECT_FALSE(ParseSimEvidence(R"({"format":"other","format_version":1})").ok());
  EXPECT_FALSE(
      ParseSimEvidence(R"({"format":"medtra-sim-evidence","format_version":2,"seed":1})").ok());
  EXPECT_FALSE(ParseSimEvidence(
                   R"({"format":"medtra-sim-evidence","format_version":1,"seed":1,"scenarios":{}})")
                   .ok());
  EXPECT_FALSE(ParseSimEvidence(R"({"format":"medtra-sim-evidence","format_version":1,"seed":1,
      "scenarios":[{"id":"sim:x","attack":"x","protocol":"secure","passed":"yes","metrics":{}}]})")
                   .ok());
  EXPECT_FALSE(ParseSimEvidence(R"({"format":"medtra-sim-evidence","format_version":1,"seed":1,
      "scenarios":[{"id":"sim:x","attack":"x","protocol":"secure","passed":true,
                    "metrics":{"attacker_frames_accepted":-1}}]})")
                   .ok());
  Result<SimEvidence> minimal = ParseSimEvidence(R"({"format":"medtra-sim-evidence",
      "format_version":1,"seed":3,"scenarios":[{"id":"sim:jam","attack":"jam",
      "protocol":"secure","passed":true,"metrics":{"legit_commands_sent":4}}]})");
  ASSERT_TRUE(minimal.ok()) << minimal.message();
  EXPECT_EQ(minimal->scenarios[0].metrics.legit_commands_sent, 4u);
}

}  // namespace
}  // namespace medtra::sim
