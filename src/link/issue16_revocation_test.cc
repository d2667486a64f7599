// Issue 16, revocation and lifetimes: the backend raises the minimum ticket epoch over the air (it
// persists across restarts); remote-monitor sessions live 5 minutes, clinic sessions 30.
#include <gtest/gtest.h>

#include "link/link_test_util.h"

namespace medtra::link {
namespace {

using testing::LinkFixture;

IssuedTicket TicketWithEpoch(LinkFixture& f, uint32_t id, uint16_t epoch) {
  TicketClaims claims;
  claims.tkt_id = id;
  claims.not_before_s = f.config.rtc_base_s - 60;
  claims.not_after_s = f.config.rtc_base_s + 86'400;
  claims.epoch = epoch;
  Result<IssuedTicket> t = IssueTicket(*f.crypto, f.device, claims);
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

Bytes RaiseArgs(const Bytes& mac, uint16_t epoch) {
  Bytes args;
  PutBe(args, epoch, 2);
  Append(args, mac);
  return args;
}

bool Handshake(LinkFixture& f, const IssuedTicket& ticket) {
  SecureProgrammer p(*f.crypto, f.rng);
  f.implant.NearFieldActivate(f.now);
  const Reception r = f.implant.Receive(p.StartHandshake(ticket, Role::kClinician), f.now);
  return r.reply && p.HandleM2(*r.reply, f.now).ok();
}

TEST(Issue16RevocationTest, TheBackendRaisesTheEpochOverTheAir) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  const uint8_t raise = static_cast<uint8_t>(Opcode::kRaiseTicketEpoch);
  // A programmer cannot make the backend's MAC (the refusal consumes the tid, like bounds).
  Result<Response> forged = f.Exchange(raise, 1, RaiseArgs(Bytes(8, 0x42), 3));
  ASSERT_TRUE(forged.ok());
  EXPECT_EQ(forged->status, ResponseStatus::kDenied);
  Result<Response> ok = f.Exchange(raise, 2, RaiseArgs(SignEpochRaise(*f.crypto, f.device, 3), 3));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->status, ResponseStatus::kOk);
  EXPECT_EQ(f.implant.min_ticket_epoch(), 3);
  EXPECT_EQ(f.implant.audit_log().entries().back().event, AuditEvent::kEpochRaised);
  Result<Response> lower =
      f.Exchange(raise, 3, RaiseArgs(SignEpochRaise(*f.crypto, f.device, 2), 2));
  ASSERT_TRUE(lower.ok());
  EXPECT_EQ(lower->status, ResponseStatus::kOutOfBounds);  // never lowered
  f.now += 1'000;
  EXPECT_FALSE(Handshake(f, TicketWithEpoch(f, 20, 2)));  // revoked
  EXPECT_EQ(f.implant.rejects(Reject::kTicket), 1u);
  EXPECT_TRUE(Handshake(f, TicketWithEpoch(f, 21, 3)));
}

TEST(Issue16RevocationTest, TheRaisedEpochSurvivesARestart) {
  const std::unique_ptr<Crypto> crypto = MakeMbedTlsCrypto();
  LinkFixture f;
  MemoryStore store;
  ASSERT_TRUE(SecureImplant::Provision(*crypto, f.config, store).ok());
  {
    Result<std::unique_ptr<SecureImplant>> implant =
        SecureImplant::Boot(*crypto, f.rng, f.config, store);
    ASSERT_TRUE(implant.ok());
    SecureProgrammer p(*crypto, f.rng);
    (*implant)->NearFieldActivate(0);
    const Reception r =
        (*implant)->Receive(p.StartHandshake(TicketWithEpoch(f, 1, 0), Role::kClinician), 0);
    ASSERT_TRUE(r.reply && p.HandleM2(*r.reply, 0).ok());
    Result<Bytes> frame = p.SealCommand(static_cast<uint8_t>(Opcode::kRaiseTicketEpoch), 1,
                                        RaiseArgs(SignEpochRaise(*crypto, f.device, 7), 7), 0);
    ASSERT_TRUE(frame.ok() && (*implant)->Receive(*frame, 1).applied);
  }
  Result<std::unique_ptr<SecureImplant>> rebooted =
      SecureImplant::Boot(*crypto, f.rng, f.config, store);
  ASSERT_TRUE(rebooted.ok());
  EXPECT_EQ((*rebooted)->min_ticket_epoch(), 7);
}

/// Opens a session for `role` and keeps it alive with reads every 50 s; returns when it ended.
uint64_t SessionLifetime(Role role) {
  LinkFixture f;
  if (!f.Open(1, role)) return 0;
  const uint64_t opened = f.now;
  for (uint16_t tid = 0x9000; tid < 0x9100; ++tid) {
    f.now += 50'000;
    if (!f.Exchange(static_cast<uint8_t>(Opcode::kReadStatus), tid, {}).ok()) break;
  }
  return f.now - opened;
}

TEST(Issue16RevocationTest, SessionLifetimesPerRole) {
  EXPECT_EQ(SessionLifetime(Role::kRemoteMonitor), 300'000u);  // 5 min: the read at 300 s fails
  EXPECT_EQ(SessionLifetime(Role::kClinician), 1'800'000u);    // 30 min
}

}  // namespace
}  // namespace medtra::link
