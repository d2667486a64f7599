// Issue 16, time: a captured command released at any delay past its TTL (across the 16-bit wrap of
// the issue time, up to beyond the session lifetime) is never applied, and banked pending sessions
// cannot be released into a later visit.
#include <gtest/gtest.h>

#include <vector>

#include "link/link_test_util.h"

namespace medtra::link {
namespace {

using testing::LinkFixture;

constexpr uint64_t kKeepAliveMs = 50'000;  // below the 60 s idle timeout

/// One session: `delays_ms.size()` SetParam frames (tid 1, all retransmissions of one command the
/// attacker captured and jammed) sealed at one instant, each released after its delay while the
/// clinician keeps the session alive with reads. Returns how many the implant applied.
int ReleaseCapturedAt(uint64_t seed, const std::vector<uint64_t>& delays_ms) {
  LinkFixture f(seed);
  EXPECT_TRUE(f.Open());
  f.now += 1'000;
  std::vector<Bytes> captured;
  for (size_t i = 0; i < delays_ms.size(); ++i) {
    Result<Bytes> frame =
        f.programmer.SealCommand(static_cast<uint8_t>(Opcode::kSetParam), 1,
                                 f.SetParamArgs(Param::kPacingRateBpm, 70), f.now);
    EXPECT_TRUE(frame.ok());
    captured.push_back(std::move(frame).value());
  }
  const uint64_t t0 = f.now;
  uint64_t last_read = f.now;
  uint16_t read_tid = 0x9000;
  int applied = 0;
  for (size_t i = 0; i < captured.size(); ++i) {
    const uint64_t release = t0 + delays_ms[i];
    while (last_read + kKeepAliveMs < release &&
           last_read < t0 + 31 * 60'000) {  // the live session stays open
      last_read += kKeepAliveMs;
      f.now = last_read;
      (void)f.Exchange(static_cast<uint8_t>(Opcode::kReadStatus), read_tid++, {});
    }
    f.now = release;
    const Reception r = f.implant.Receive(captured[i], f.now);
    applied += r.applied || r.therapy_changed;
  }
  return applied;
}

TEST(Issue16TimeTest, NoCommandPastItsTtlAtAnyDelayUpToTwoHours) {
  // Every delay from 2.0 s to 2 h in 0.1 s steps: 71,981 captured frames, 20 per session.
  constexpr uint64_t kFirstMs = 2'000, kLastMs = 7'200'000, kStepMs = 100;
  int applied = 0, released = 0;
  std::vector<uint64_t> batch;
  for (uint64_t d = kFirstMs; d <= kLastMs; d += kStepMs) {
    batch.push_back(d);
    if (batch.size() == 20 || d + kStepMs > kLastMs) {
      applied += ReleaseCapturedAt(1000 + d, batch);
      released += static_cast<int>(batch.size());
      batch.clear();
    }
  }
  EXPECT_EQ(released, 71'981);
  EXPECT_EQ(applied, 0);
}

TEST(Issue16TimeTest, ReleaseAtTheOld16BitWrapIsRejectedByTtl) {
  // 655.36 s and 1310.72 s: where the former 10-ms issue time wrapped to look fresh.
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  EXPECT_EQ(ReleaseCapturedAt(5, {655'360, 655'370, 1'310'720, 1'310'730}), 0);
}

TEST(Issue16TimeTest, FreshCommandsWithinTtlStillApply) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  for (uint16_t tid = 0x9000; f.now < 1'000 + 600'000;) {  // the same session, kept alive
    f.now += 50'000;
    ASSERT_TRUE(f.Exchange(static_cast<uint8_t>(Opcode::kReadStatus), tid++, {}).ok());
  }
  Result<Bytes> frame = f.programmer.SealCommand(static_cast<uint8_t>(Opcode::kSetParam), 1,
                                                 f.SetParamArgs(Param::kPacingRateBpm, 70), f.now);
  ASSERT_TRUE(frame.ok());
  f.now += 1'800;  // 1.8 s: inside the 2 s TTL
  EXPECT_TRUE(f.implant.Receive(*frame, f.now).applied);
}

/// An attacker banks a keyed-but-unconfirmed session: it lets M1/M2 through and jams the
/// programmer's first protected frame, then releases that frame later.
struct Banked {
  Bytes first_frame;
};

Banked BankSession(LinkFixture& f, uint32_t ticket_id) {
  SecureProgrammer victim(*f.crypto, f.rng);
  f.implant.NearFieldActivate(f.now);
  const Reception r = f.implant.Receive(
      victim.StartHandshake(testing::MakeTicket(*f.crypto, f.device, ticket_id), Role::kClinician),
      f.now);
  EXPECT_TRUE(r.reply.has_value());
  EXPECT_TRUE(victim.HandleM2(*r.reply, f.now).ok());
  Result<Bytes> frame =
      victim.SealCommand(static_cast<uint8_t>(Opcode::kSuspendTachy), 1, {}, f.now);
  EXPECT_TRUE(frame.ok());
  return {std::move(frame).value()};
}

TEST(Issue16TimeTest, BankedPendingSessionIsDiscardedWhenAnotherConfirms) {
  LinkFixture f;
  const Banked banked = BankSession(f, 7);
  f.now += 1'000;
  ASSERT_TRUE(f.Open(8));  // the live visit confirms its own session
  f.now += 100;
  const Reception r = f.implant.Receive(banked.first_frame, f.now);
  EXPECT_FALSE(r.accepted || r.applied);
  EXPECT_EQ(f.implant.rejects(Reject::kNoSession), 1u);
  EXPECT_EQ(f.implant.therapy().Get(Param::kTachyTherapyEnabled), 1);
  // The live session is still the current one.
  EXPECT_TRUE(f.Exchange(static_cast<uint8_t>(Opcode::kReadStatus), 0x8001, {}).ok());
}

TEST(Issue16TimeTest, BankedPendingSessionExpiresFiveSecondsAfterM2) {
  LinkFixture f;
  const Banked banked = BankSession(f, 7);
  f.now += 5'000;
  const Reception r = f.implant.Receive(banked.first_frame, f.now);
  EXPECT_FALSE(r.accepted || r.applied);
  EXPECT_EQ(f.implant.rejects(Reject::kExpired), 1u);
  EXPECT_FALSE(f.implant.has_session());
}

TEST(Issue16TimeTest, BankedFrameDeliveredInTimeStillConfirms) {
  LinkFixture f;
  const Banked banked = BankSession(f, 7);
  f.now += 4'900;
  EXPECT_FALSE(f.implant.Receive(banked.first_frame, f.now).applied);  // TTL: 4.9 s old
  EXPECT_TRUE(f.implant.has_session());
  EXPECT_EQ(f.implant.rejects(Reject::kTtl), 1u);
}

}  // namespace
}  // namespace medtra::link
