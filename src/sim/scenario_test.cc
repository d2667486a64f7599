// T4–T7 through the simulator: seeded scenarios, legacy as the positive control.
#include "medtra/sim/scenario.h"

#include <gtest/gtest.h>

#include "medtra/sim/evidence.h"

namespace medtra::sim {
namespace {

SimMetrics RunOne(Protocol protocol, Attack attack, uint64_t seed, uint32_t frames = 1000,
                  uint32_t commands = 20) {
  Result<SimMetrics> m = RunScenario({protocol, attack, seed, frames, commands});
  EXPECT_TRUE(m.ok()) << m.message();
  return m.ok() ? std::move(m).value() : SimMetrics{};
}

TEST(SimScenarioTest, NamesRoundTrip) {
  EXPECT_EQ(AllAttacks().size(), 20u);
  for (Attack a : AllAttacks()) EXPECT_EQ(ParseAttack(AttackName(a)), a);
  EXPECT_FALSE(ParseAttack("replays").has_value());
  EXPECT_EQ(ParseProtocol("legacy"), Protocol::kLegacy);
  EXPECT_FALSE(ParseProtocol("tls").has_value());
}

TEST(SimScenarioTest, DeterministicForASeed) {
  const SimMetrics a = RunOne(Protocol::kSecure, Attack::kDrop, 42);
  const SimMetrics b = RunOne(Protocol::kSecure, Attack::kDrop, 42);
  EXPECT_EQ(RenderMetricsJson(a), RenderMetricsJson(b));
  const SimMetrics c = RunOne(Protocol::kSecure, Attack::kDrop, 43);
  EXPECT_NE(RenderMetricsJson(a), RenderMetricsJson(c));
}

TEST(SimScenarioTest, T4ConfidentialityWithLegacyPositiveControl) {
  const SimMetrics legacy = RunOne(Protocol::kLegacy, Attack::kEavesdrop, 11);
  EXPECT_TRUE(legacy.static_id_observed);
  EXPECT_TRUE(legacy.patient_data_observed);
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    const SimMetrics secure = RunOne(Protocol::kSecure, Attack::kEavesdrop, seed);
    EXPECT_FALSE(secure.static_id_observed);
    EXPECT_FALSE(secure.patient_data_observed);
  }
}

TEST(SimScenarioTest, LegacyFallsAsInTheIncidents) {
  const SimMetrics modify = RunOne(Protocol::kLegacy, Attack::kModify, 11);
  EXPECT_TRUE(modify.therapy_changed_by_attacker);
  EXPECT_GT(modify.attacker_frames_accepted, 0u);
  EXPECT_GT(RunOne(Protocol::kLegacy, Attack::kReplay, 11).attacker_frames_accepted, 0u);
  EXPECT_GT(RunOne(Protocol::kLegacy, Attack::kInject, 11).attacker_frames_accepted, 0u);
  EXPECT_GT(RunOne(Protocol::kLegacy, Attack::kDrop, 11).legit_commands_lost, 0u);  // silent loss
  EXPECT_FALSE(RunOne(Protocol::kLegacy, Attack::kReorder, 11).therapy_final_as_intended);
  EXPECT_GT(RunOne(Protocol::kLegacy, Attack::kFlood, 11).therapy_ticks_missed, 0u);
  const SimMetrics jam = RunOne(Protocol::kLegacy, Attack::kJam, 11);
  EXPECT_EQ(jam.legit_commands_failed_reported, 0u);  // the legacy programmer never knows
  EXPECT_EQ(jam.legit_commands_lost, jam.legit_commands_sent);
}

TEST(SimScenarioTest, SecureHoldsUnderEveryAttackAcrossSeeds) {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    for (Attack attack : AllAttacks()) {
      const SimMetrics m = RunOne(Protocol::kSecure, attack, seed, 600);
      const Verdict v = Evaluate(m);
      EXPECT_TRUE(v.holds) << AttackName(attack) << " seed " << seed << ": "
                           << (v.failed_checks.empty() ? "" : v.failed_checks.front());
      EXPECT_EQ(m.therapy_ticks_missed, 0u);                // T6
      EXPECT_EQ(m.implant_replies_to_unauthenticated, 0u);  // T7
    }
  }
}

TEST(SimScenarioTest, T5NoSilentLossOrDuplicationUnderDropReorderDuplicate) {
  for (uint64_t seed = 100; seed < 110; ++seed) {
    for (Attack attack : {Attack::kDrop, Attack::kReorder, Attack::kDuplicate, Attack::kDelay}) {
      const SimMetrics m = RunOne(Protocol::kSecure, attack, seed, 1000, 60);
      EXPECT_EQ(m.legit_commands_lost, 0u) << AttackName(attack) << " seed " << seed;
      EXPECT_EQ(m.legit_commands_duplicated, 0u) << AttackName(attack) << " seed " << seed;
      EXPECT_EQ(m.legit_commands_applied + m.legit_commands_failed_reported, m.legit_commands_sent);
      EXPECT_TRUE(m.therapy_final_as_intended) << AttackName(attack) << " seed " << seed;
    }
  }
}

TEST(SimScenarioTest, T5JamEndsInFailedWithinFiveSecondsNeverApplied) {
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    const SimMetrics m = RunOne(Protocol::kSecure, Attack::kJam, seed);
    EXPECT_EQ(m.legit_commands_applied, 0u);
    EXPECT_EQ(m.legit_commands_failed_reported, m.legit_commands_sent);
    EXPECT_LE(m.max_command_resolution_ms, 5000u);
    EXPECT_TRUE(m.therapy_final_as_intended);
  }
}

TEST(SimScenarioTest, T7FloodIsBoundedByRateLimits) {
  const SimMetrics secure = RunOne(Protocol::kSecure, Attack::kFlood, 11, 5000);
  const SimMetrics legacy = RunOne(Protocol::kLegacy, Attack::kFlood, 11, 5000);
  EXPECT_EQ(secure.implant_replies_to_unauthenticated, 0u);
  EXPECT_LT(secure.implant_handshake_replies_to_attacker, 200u);
  EXPECT_LT(secure.radio_on_ms_attacker, legacy.radio_on_ms_attacker);
  EXPECT_GT(legacy.implant_replies_to_unauthenticated, 0u);
}

TEST(SimScenarioTest, RejectsOutOfRangeConfigs) {
  EXPECT_FALSE(RunScenario({Protocol::kSecure, Attack::kDrop, 1, 10, 0}).ok());
  EXPECT_FALSE(RunScenario({Protocol::kSecure, Attack::kDrop, 1, 20'000'000, 5}).ok());
}

TEST(SimScenarioTest, Issue16LifecycleAttacksHoldOnSecureAndFallOnLegacyAcrossSeeds) {
  const Attack attacks[] = {
      Attack::kDelayedRelease, Attack::kBankAndRelease, Attack::kRestartReplay, Attack::kEnergyDay,
      Attack::kEmergencyAbuse, Attack::kAuditRollback,  Attack::kTicketLockout};
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    for (Attack attack : attacks) {
      const SimMetrics secure = RunOne(Protocol::kSecure, attack, seed);
      const Verdict v = Evaluate(secure);
      EXPECT_TRUE(v.holds) << AttackName(attack) << " seed " << seed << ": "
                           << (v.failed_checks.empty() ? "" : v.failed_checks[0]);
      EXPECT_EQ(secure.attacker_frames_accepted, 0u) << AttackName(attack);
      EXPECT_GT(secure.attacker_frames, 0u) << AttackName(attack);
      EXPECT_FALSE(Evaluate(RunOne(Protocol::kLegacy, attack, seed)).holds) << AttackName(attack);
    }
  }
}

TEST(SimScenarioTest, Issue16EnergyDayKeepsAttackerRadioTimeWithinT7) {
  const SimMetrics m = RunOne(Protocol::kSecure, Attack::kEnergyDay, 11);
  EXPECT_EQ(m.duration_ms, 86'400'000u);
  EXPECT_LE(m.radio_on_ms_attacker, 60'000u);
  EXPECT_EQ(m.legit_commands_applied, 1u);  // the home monitor's upload got through
  EXPECT_EQ(RunOne(Protocol::kLegacy, Attack::kEnergyDay, 11).radio_on_ms_attacker, 86'400'000u);
}

}  // namespace
}  // namespace medtra::sim
