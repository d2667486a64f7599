// The lifecycle attacks exercise the defence they are named after (not a neighbouring one).
#include "sim/lifecycle.h"

#include <gtest/gtest.h>

namespace medtra::sim {
namespace {

/// Runs one lifecycle attack on a rig the test can inspect afterwards.
struct RigRun {
  explicit RigRun(Attack attack, Result<SimMetrics> (*runner)(SecureRig&))
      : crypto(link::MakeMbedTlsCrypto()),
        rig(ScenarioConfig{.attack = attack, .seed = 11}, *crypto) {
    EXPECT_TRUE(rig.Boot().ok());
    Result<SimMetrics> result = runner(rig);
    EXPECT_TRUE(result.ok()) << result.message();
    if (result.ok()) m = std::move(result).value();
  }
  std::unique_ptr<link::Crypto> crypto;
  SecureRig rig;
  SimMetrics m;
};

TEST(SimLifecycleTest, DelayedReleasesInsideTheLiveSessionMeetTheTtl) {
  RigRun run(Attack::kDelayedRelease, RunDelayedRelease);
  const SimMetrics* m = &run.m;
  SecureRig& rig = run.rig;
  EXPECT_EQ(m->attacker_frames, 16u);
  EXPECT_EQ(m->attacker_frames_accepted, 0u);
  // The 13 releases up to 1790 s reach the live session (kept open by reads) and fail the TTL,
  // 655.36 s and 1310.72 s included; of the 3 after the session's 30 minutes, the one at 1 h falls
  // in the home-monitor window and finds no session, the others meet a closed receiver.
  EXPECT_EQ(rig.implant().rejects(link::Reject::kTtl), 13u);
  EXPECT_EQ(rig.implant().rejects(link::Reject::kTtl) +
                rig.implant().rejects(link::Reject::kNoSession) +
                rig.implant().rejects(link::Reject::kAuth) + rig.implant().frames_unheard(),
            16u);
}

TEST(SimLifecycleTest, BankedSessionsAreDiscardedNotMerelyTtlRejected) {
  RigRun run(Attack::kBankAndRelease, RunBankAndRelease);
  const SimMetrics* m = &run.m;
  SecureRig& rig = run.rig;
  EXPECT_EQ(m->attacker_frames, 64u);
  EXPECT_EQ(rig.implant().rejects(link::Reject::kTtl), 0u);  // none reached a session
  EXPECT_EQ(m->legit_commands_failed_reported, 4u);          // the four jammed victims
}

}  // namespace
}  // namespace medtra::sim
