// Issue 16, emergency access: least privilege (never a therapy-off state), automatic revert, expiry
// always logged, and a near-field confirmation that belongs to one session.
#include <gtest/gtest.h>

#include "link/link_test_util.h"

namespace medtra::link {
namespace {

using testing::LinkFixture;

bool OpenEmergency(LinkFixture& f) {
  const EmergencyCredential credential = f.implant.NearFieldEmergency(f.now);
  const Reception r = f.implant.Receive(f.programmer.StartEmergencyHandshake(credential), f.now);
  return r.reply && f.programmer.HandleM2(*r.reply, f.now).ok();
}

int Count(const SecureImplant& implant, AuditEvent event) {
  int n = 0;
  for (const AuditEntry& e : implant.audit_log().entries()) n += e.event == event;
  return n;
}

TEST(Issue16EmergencyTest, EmergencyRoleCannotReachATherapyOffState) {
  LinkFixture f;
  ASSERT_TRUE(OpenEmergency(f));
  uint16_t tid = 1;
  int denied = 0, applied = 0, tachy_off = 0;
  // Every parameter at every in-bounds value, and the therapy-off opcodes.
  for (const ParamBounds& b : SafetyBounds()) {
    for (uint32_t v = b.min; v <= b.max; ++v) {
      Result<Response> resp = f.Exchange(static_cast<uint8_t>(Opcode::kSetParam), tid,
                                         f.SetParamArgs(b.param, static_cast<uint16_t>(v)));
      ASSERT_TRUE(resp.ok());
      denied += resp->status == ResponseStatus::kDenied;
      applied += f.last.applied;
      if (resp->status != ResponseStatus::kDenied) ++tid;  // a tid is consumed unless denied
      tachy_off += f.implant.therapy().Get(Param::kTachyTherapyEnabled) == 0;
    }
  }
  for (Opcode op : {Opcode::kSuspendTachy, Opcode::kDisableAllTherapy}) {
    Result<Response> resp = f.Exchange(static_cast<uint8_t>(op), tid, {});
    ASSERT_TRUE(resp.ok());
    denied += resp->status == ResponseStatus::kDenied;
    tachy_off += f.implant.therapy().Get(Param::kTachyTherapyEnabled) == 0;
  }
  // VF 101 values + VT 101 + tachy 2 + the two opcodes are denied; the presets apply or hit the
  // rate-of-change limit (out of bounds), never denied.
  EXPECT_EQ(denied, 101 + 101 + 2 + 2);
  EXPECT_EQ(tachy_off, 0);
  EXPECT_EQ(applied, 91 + 71 + 27);  // pacing rate, amplitude, shock energy (from 15 J: step limit)
}

TEST(Issue16EmergencyTest, ChangesRevertAndExpiryIsLoggedWithoutAnyFrame) {
  LinkFixture f;
  const uint64_t opened = f.now;
  ASSERT_TRUE(OpenEmergency(f));
  ASSERT_TRUE(f.Exchange(static_cast<uint8_t>(Opcode::kSetParam), 1,
                         f.SetParamArgs(Param::kPacingRateBpm, 90))
                  .ok());
  ASSERT_EQ(f.implant.therapy().Get(Param::kPacingRateBpm), 90);
  for (uint64_t t = opened; t < opened + 15 * 60'000; t += 1'000) f.implant.Tick(t);
  EXPECT_EQ(Count(f.implant, AuditEvent::kEmergencyExpired), 0);
  EXPECT_EQ(f.implant.therapy().Get(Param::kPacingRateBpm), 90);
  f.implant.Tick(opened + 15 * 60'000);  // no frame arrives: the timer ends the window
  EXPECT_EQ(Count(f.implant, AuditEvent::kEmergencyExpired), 1);
  EXPECT_EQ(Count(f.implant, AuditEvent::kEmergencyReverted), 1);
  EXPECT_EQ(f.implant.therapy(), TherapyParams{});
  EXPECT_FALSE(f.implant.has_session());
  f.implant.Tick(opened + 16 * 60'000);
  EXPECT_EQ(Count(f.implant, AuditEvent::kEmergencyExpired), 1);  // logged exactly once
  EXPECT_TRUE(VerifyAuditLog(*f.crypto, DeriveLogKey(*f.crypto, f.device),
                             f.implant.audit_log().entries(), f.implant.audit_log().Anchor())
                  .ok());
}

TEST(Issue16EmergencyTest, ExpiryIsLoggedWhenTheNextFrameArrivesLate) {
  LinkFixture f;
  ASSERT_TRUE(OpenEmergency(f));
  f.now += 40 * 60'000;  // no timer tick in between (a stalled comms task)
  EXPECT_FALSE(f.Exchange(static_cast<uint8_t>(Opcode::kReadStatus), 0x8001, {}).ok());
  EXPECT_EQ(Count(f.implant, AuditEvent::kEmergencyExpired), 1);
}

TEST(Issue16EmergencyTest, NearFieldConfirmationBelongsToItsSession) {
  LinkFixture f;
  ASSERT_TRUE(f.Open(1));
  f.implant.NearFieldConfirm(f.now);
  // A second session opened within the 30 s cannot use the first session's confirmation.
  f.now += 5'000;
  SecureProgrammer second(*f.crypto, f.rng);
  Reception r = f.implant.Receive(
      second.StartHandshake(testing::MakeTicket(*f.crypto, f.device, 2), Role::kClinician), f.now);
  ASSERT_TRUE(r.reply && second.HandleM2(*r.reply, f.now).ok());
  Result<Bytes> frame =
      second.SealCommand(static_cast<uint8_t>(Opcode::kInduceFibrillation), 1, {}, f.now);
  ASSERT_TRUE(frame.ok());
  r = f.implant.Receive(*frame, f.now);
  ASSERT_TRUE(r.reply.has_value());
  Result<Response> resp = second.OpenResponse(*r.reply);
  ASSERT_TRUE(resp.ok());
  EXPECT_EQ(resp->status, ResponseStatus::kDenied);
  EXPECT_FALSE(r.applied);
  // Confirmed for the session open now, it works.
  f.implant.NearFieldConfirm(f.now);
  frame = second.SealCommand(static_cast<uint8_t>(Opcode::kInduceFibrillation), 1, {}, f.now);
  ASSERT_TRUE(frame.ok());
  EXPECT_TRUE(f.implant.Receive(*frame, f.now).applied);
}

}  // namespace
}  // namespace medtra::link
