// T9: the near-field emergency session: 1 RTT, no prior credential, restricted, expiring, logged.
#include <gtest/gtest.h>

#include "link/link_test_util.h"

namespace medtra::link {
namespace {

TEST(LinkEmergencyTest, OpensInOneRoundTripWithoutCredentials) {
  testing::LinkFixture f;
  const EmergencyCredential credential = f.implant.NearFieldEmergency(f.now);
  EXPECT_EQ(f.implant.patient_alerts(), 1u);
  const Bytes m1 = f.programmer.StartEmergencyHandshake(credential);
  const Reception r = f.implant.Receive(m1, f.now);  // one M1/M2 exchange
  ASSERT_TRUE(r.reply.has_value());
  ASSERT_TRUE(f.programmer.HandleM2(*r.reply, f.now).ok());
  Result<Response> shock = f.Exchange(uint8_t(Opcode::kRescueShock), 1, {});
  ASSERT_TRUE(shock.ok());
  EXPECT_EQ(shock->status, ResponseStatus::kOk);
  bool logged = false;
  for (const AuditEntry& e : f.implant.audit_log().entries()) {
    logged |= e.event == AuditEvent::kEmergencyOpen;
  }
  EXPECT_TRUE(logged);
}

TEST(LinkEmergencyTest, ForbiddenCommandsAreAlwaysRejected) {
  testing::LinkFixture f;
  const EmergencyCredential credential = f.implant.NearFieldEmergency(f.now);
  const Reception r = f.implant.Receive(f.programmer.StartEmergencyHandshake(credential), f.now);
  ASSERT_TRUE(r.reply && f.programmer.HandleM2(*r.reply, f.now).ok());
  f.implant.NearFieldConfirm(f.now);  // even with a near-field confirmation
  const Opcode forbidden[] = {Opcode::kInduceFibrillation, Opcode::kSetClock,
                              Opcode::kSetDemographics, Opcode::kDisableAllTherapy,
                              Opcode::kFirmwareUpdate};
  uint16_t tid = 1;
  int allowed = 0;
  for (int round = 0; round < 200; ++round) {
    for (Opcode op : forbidden) {
      Result<Response> resp = f.Exchange(static_cast<uint8_t>(op), tid, {});
      ASSERT_TRUE(resp.ok());
      allowed += resp->status != ResponseStatus::kDenied || f.last.applied;
    }
  }
  EXPECT_EQ(allowed, 0);
}

TEST(LinkEmergencyTest, ExpiresAfterFifteenMinutes) {
  testing::LinkFixture f;
  const EmergencyCredential credential = f.implant.NearFieldEmergency(f.now);
  const Reception r = f.implant.Receive(f.programmer.StartEmergencyHandshake(credential), f.now);
  ASSERT_TRUE(r.reply && f.programmer.HandleM2(*r.reply, f.now).ok());
  ASSERT_TRUE(f.Exchange(uint8_t(Opcode::kReadStatus), 0x8000, {}).ok());
  f.now += 15 * 60'000;
  EXPECT_FALSE(f.Exchange(uint8_t(Opcode::kReadStatus), 0x8001, {}).ok());
  EXPECT_EQ(f.implant.frames_unheard(), 1u);  // the window's end closed session and receiver
  EXPECT_EQ(f.implant.audit_log().entries().back().event, AuditEvent::kEmergencyExpired);
  // And no new emergency session with the old credential.
  SecureProgrammer late(*f.crypto, f.rng);
  EXPECT_FALSE(f.implant.Receive(late.StartEmergencyHandshake(credential), f.now).reply);
}

TEST(LinkEmergencyTest, RemoteAttackerCannotOpenOne) {
  testing::LinkFixture f;
  EmergencyCredential guess;
  guess.em_id = 1234;
  guess.k_em = Bytes(16, 0);
  guess.device_id = f.device.device_id;
  EXPECT_FALSE(f.implant.Receive(f.programmer.StartEmergencyHandshake(guess), f.now).reply);
  f.implant.NearFieldEmergency(f.now);  // even while one is open, a guessed ID gets nothing
  EXPECT_FALSE(f.implant.Receive(f.programmer.StartEmergencyHandshake(guess), f.now).reply);
}

}  // namespace
}  // namespace medtra::link
