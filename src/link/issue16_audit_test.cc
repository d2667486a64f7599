// Issue 16, audit rollback: the monotonic audit index in every M2, the programmer's and backend's
// watermark, and a restored old NVM image.
#include <gtest/gtest.h>

#include "link/link_test_util.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

using testing::LinkFixture;

TEST(Issue16AuditTest, AnOlderLogWithItsOlderAnchorIsARollback) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  const Bytes k_log0 = DeriveLogKey(*f.crypto, f.device);
  const std::vector<AuditEntry> old_entries = f.implant.audit_log().entries();
  const AuditAnchor old_anchor = f.implant.audit_log().Anchor();
  for (uint16_t tid = 1; tid <= 3; ++tid) {
    ASSERT_TRUE(f.Exchange(static_cast<uint8_t>(Opcode::kSetParam), tid,
                           f.SetParamArgs(Param::kPacingRateBpm, 60 + tid))
                    .ok());
  }
  const AuditAnchor anchor = f.implant.audit_log().Anchor();
  ASSERT_TRUE(VerifyAuditLog(*f.crypto, k_log0, f.implant.audit_log().entries(), anchor).ok());
  // The older log still verifies on its own: only the backend's watermark exposes the rollback.
  EXPECT_TRUE(VerifyAuditLog(*f.crypto, k_log0, old_entries, old_anchor).ok());
  EXPECT_EQ(VerifyAuditLog(*f.crypto, k_log0, old_entries, old_anchor, anchor.next_idx).message(),
            "audit: rollback (anchor at 1, 4 seen before)");
  EXPECT_TRUE(
      VerifyAuditLog(*f.crypto, k_log0, f.implant.audit_log().entries(), anchor, anchor.next_idx)
          .ok());
}

TEST(Issue16AuditTest, EveryM2CarriesTheAuditIndexBoundByTheTranscript) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  f.now += 1'000;
  SecureProgrammer p(*f.crypto, f.rng);
  const Reception r = f.implant.Receive(
      p.StartHandshake(testing::MakeTicket(*f.crypto, f.device, 2), Role::kClinician), f.now);
  ASSERT_TRUE(r.reply.has_value());
  Result<M2> m2 = DecodeM2(*r.reply);
  ASSERT_TRUE(m2.ok());
  EXPECT_EQ(m2->audit_idx, f.implant.audit_log().entries().size());
  EXPECT_EQ(m2->audit_idx, 1u);  // the first session's open
  Bytes forged = *r.reply;
  forged[2 + kHandshakeNonceSize + 3] ^= 0x10;  // an attacker raises or lowers the index
  EXPECT_EQ(p.HandleM2(forged, f.now).message(), "handshake: key confirmation failed");
  EXPECT_TRUE(p.HandleM2(*r.reply, f.now).ok());
  EXPECT_EQ(p.audit_watermark().Highest(f.device.device_id), 1u);
}

TEST(Issue16AuditTest, ARestoredOldNvmImageIsDetectedAtTheNextHandshake) {
  const std::unique_ptr<Crypto> crypto = MakeMbedTlsCrypto();
  sim::Rng rng(4);
  SecureImplantConfig config;
  config.secrets = testing::MakeDevice(rng, 'A');
  config.max_frames_per_ms = 1'000'000;
  MemoryStore store;
  ASSERT_TRUE(SecureImplant::Provision(*crypto, config, store).ok());
  SecureProgrammer programmer(*crypto, rng);  // the clinic's programmer, across visits
  MemoryStore old_image;
  for (int visit = 0; visit < 2; ++visit) {
    if (visit == 1) old_image = store;
    Result<std::unique_ptr<SecureImplant>> implant =
        SecureImplant::Boot(*crypto, rng, config, store);
    ASSERT_TRUE(implant.ok());
    (*implant)->NearFieldActivate(0);
    const IssuedTicket ticket = testing::MakeTicket(*crypto, config.secrets, 10 + visit);
    Reception r = (*implant)->Receive(programmer.StartHandshake(ticket, Role::kClinician), 0);
    ASSERT_TRUE(r.reply && programmer.HandleM2(*r.reply, 0).ok());
    for (uint16_t tid = 1; tid <= 2; ++tid) {
      Bytes args{static_cast<uint8_t>(Param::kPacingRateBpm), 0, static_cast<uint8_t>(60 + tid)};
      Result<Bytes> frame = programmer.SealCommand(uint8_t(Opcode::kSetParam), tid, args, 0);
      ASSERT_TRUE(frame.ok() && (*implant)->Receive(*frame, 0).applied);
    }
    // The interrogation at the end of the visit reports the anchor: the watermark follows it.
    Result<Bytes> read = programmer.SealCommand(uint8_t(Opcode::kReadStatus), 0x8000, {}, 0);
    ASSERT_TRUE(read.ok());
    r = (*implant)->Receive(*read, 0);
    ASSERT_TRUE(r.reply && programmer.OpenResponse(*r.reply).ok());
  }
  EXPECT_EQ(programmer.audit_watermark().Highest(config.secrets.device_id), 6u);
  Result<std::unique_ptr<SecureImplant>> rolled_back =
      SecureImplant::Boot(*crypto, rng, config, old_image);  // an old image written back
  ASSERT_TRUE(rolled_back.ok());
  (*rolled_back)->NearFieldActivate(0);
  const Reception r =
      (*rolled_back)
          ->Receive(programmer.StartHandshake(testing::MakeTicket(*crypto, config.secrets, 20),
                                              Role::kClinician),
                    0);
  ASSERT_TRUE(r.reply.has_value());
  EXPECT_EQ(programmer.HandleM2(*r.reply, 0).message(),
            "audit rollback: the implant reports audit index 3, below 6 seen before");
  EXPECT_FALSE(programmer.established());
}

}  // namespace
}  // namespace medtra::link
