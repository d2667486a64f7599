// Targets T1–T3 and T7 of secure-link.md on the secure link: sizes, and 100% rejection per class.
#include <gtest/gtest.h>

#include <functional>

#include "link/link_test_util.h"
#include "medtra/link/legacy.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

using testing::kFramesPerClass;
using testing::LinkFixture;

/// Delivers `count` attacker frames; every one must be dropped silently with therapy unchanged.
void ExpectAllRejected(LinkFixture& f, int count, const std::function<Bytes(int)>& make) {
  const TherapyParams before = f.implant.therapy();
  int accepted = 0, replies = 0;
  for (int i = 0; i < count; ++i) {
    const Reception r = f.implant.Receive(make(i), f.now);
    accepted += r.accepted || r.applied;
    replies += r.reply.has_value();
  }
  EXPECT_EQ(accepted, 0);
  EXPECT_EQ(replies, 0);  // T7: never a transmission in reply to an unauthenticated frame
  EXPECT_EQ(f.implant.therapy(), before);
}

SessionKeys RandomSessionKeys(sim::Rng& rng) {
  SessionKeys keys;
  rng.Fill(keys.k_p2i);
  rng.Fill(keys.iv_p2i);
  rng.Fill(keys.k_i2p);
  rng.Fill(keys.iv_i2p);
  return keys;
}

Bytes Seal(LinkFixture& f, uint16_t tid, uint16_t value) {
  Result<Bytes> frame =
      f.programmer.SealCommand(static_cast<uint8_t>(Opcode::kSetParam), tid,
                               f.SetParamArgs(Param::kPacingRateBpm, value), f.now);
  EXPECT_TRUE(frame.ok());
  return std::move(frame).value();
}

// The keyed-once channel writes the bytes the stateless construction does: hdr ‖ sid ‖ seq_lo ‖
// CCM-8(K_dir, IV_dir ⊕ seq, AAD = hdr ‖ sid ‖ seq48 ‖ device_id ‖ role), across a seq_lo wrap.
TEST(LinkSecureTest, KeyedOnceChannelFramesAreTheStatelessConstructionByteForByte) {
  const auto crypto = MakeMbedTlsCrypto();
  sim::Rng rng(42);
  const SessionKeys keys = RandomSessionKeys(rng);
  const Bytes device_id{'I', 'C', 'D', 'K', 1, 2, 3, 4};
  SecureChannel programmer(*crypto, Side::kProgrammer, 9, keys, device_id, Role::kClinician);
  SecureChannel implant(*crypto, Side::kImplant, 9, keys, device_id, Role::kClinician);
  // A twin pair through SealInto/OpenInto with buffers reused across frames.
  SecureChannel programmer_twin(*crypto, Side::kProgrammer, 9, keys, device_id, Role::kClinician);
  SecureChannel implant_twin(*crypto, Side::kImplant, 9, keys, device_id, Role::kClinician);
  Bytes reused_frame, reused_plaintext;
  const Bytes plaintext{0x10, 0x00, 0x01, 0x00, 0x20, 0x04, 0x00, 0x46};
  const uint8_t hdr = MakeHeader(FrameType::kData);
  int same = 0, opened = 0, twin_same = 0, twin_opened = 0;
  for (uint64_t seq = 0; seq < 0x10003; ++seq) {
    Result<Bytes> frame = programmer.Seal(plaintext);
    ASSERT_TRUE(frame.ok());
    ASSERT_TRUE(programmer_twin.SealInto(plaintext, reused_frame).ok());
    twin_same += reused_frame == *frame;
    uint64_t twin_seq = 0;
    twin_opened +=
        implant_twin.OpenInto(reused_frame, reused_plaintext, twin_seq) == Reject::kNone &&
        twin_seq == seq && reused_plaintext == plaintext;
    const bool checked = seq < 3 || seq > 0xFFFD;
    if (!checked) continue;
    Bytes aad{hdr, 9};
    PutBe(aad, seq, 6);
    Append(aad, device_id);
    aad.push_back(static_cast<uint8_t>(Role::kClinician));
    Bytes expected{hdr, 9};
    PutBe(expected, seq & 0xFFFF, 2);
    Append(expected, *crypto->Seal(keys.k_p2i, MakeNonce(keys.iv_p2i, seq), aad, plaintext));
    same += *frame == expected;
    const Opened o = implant.Open(*frame);
    opened += o.reject == Reject::kNone && o.seq == seq && o.plaintext == plaintext;
  }
  EXPECT_EQ(same, 8);  // seq 0..2 and 0xFFFE..0x10002
  EXPECT_EQ(opened, 8);
  EXPECT_EQ(twin_same, 0x10003);
  EXPECT_EQ(twin_opened, 0x10003);
  uint64_t seq = 0;
  EXPECT_EQ(implant_twin.OpenInto(reused_frame, reused_plaintext, seq), Reject::kReplay);
  EXPECT_TRUE(reused_plaintext.empty());
}

TEST(LinkTargetsTest, T1FrameOverhead) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  const Bytes args = f.SetParamArgs(Param::kPacingRateBpm, 70);
  const Bytes secure = Seal(f, 1, 70);
  const Bytes legacy = LegacySetParam(1, Param::kPacingRateBpm, 70);
  EXPECT_EQ(kDataOverhead, 12u);                      // hdr + sid + seq + tag
  EXPECT_EQ(secure.size() - (1 + args.size()), 16u);  // + tid + t_issue
  EXPECT_LE(secure.size() - legacy.size(), 8u);       // net over legacy
  EXPECT_FALSE(Contains(secure, Bytes(f.device.device_id.begin(), f.device.device_id.end())));
}

TEST(LinkTargetsTest, T2HandshakeIsTwoMessagesWithin80Bytes) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  EXPECT_EQ(kM1Size + kM2Size, 74u);  // M2 carries the 4-byte audit index (issue 16)
  EXPECT_EQ(f.handshake_bytes, 74u);
  EXPECT_LE(f.handshake_bytes, 80u);
}

TEST(LinkTargetsTest, T3SameSessionReplay) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  std::vector<Bytes> captured;
  for (uint16_t tid = 1; tid <= 100; ++tid) {
    captured.push_back(Seal(f, tid, static_cast<uint16_t>(tid % 2 ? 61 : 60)));
    ASSERT_TRUE(f.implant.Receive(captured.back(), f.now).applied);
  }
  ExpectAllRejected(f, kFramesPerClass, [&](int i) { return captured[i % captured.size()]; });
}

TEST(LinkTargetsTest, T3CrossSessionReplay) {
  LinkFixture f;
  ASSERT_TRUE(f.Open(1));
  std::vector<Bytes> old_session;
  for (uint16_t tid = 1; tid <= 50; ++tid) {
    old_session.push_back(Seal(f, tid, static_cast<uint16_t>(tid % 2 ? 61 : 60)));
    ASSERT_TRUE(f.implant.Receive(old_session.back(), f.now).applied);
  }
  ASSERT_TRUE(f.Open(2));  // a new session (new ticket, new nonces, new keys)
  const uint8_t sid = f.programmer.channel()->sid();
  ExpectAllRejected(f, kFramesPerClass, [&](int i) {
    Bytes b = old_session[i % old_session.size()];
    if (i % 2) b[1] = sid;  // aimed at the live session: must fail the AEAD, not just the lookup
    return b;
  });
}

TEST(LinkTargetsTest, T3CrossDeviceFrames) {
  LinkFixture a(7, 'A');
  LinkFixture b(8, 'B');  // the attacker is a legitimate clinician of device B
  ASSERT_TRUE(a.Open());
  ASSERT_TRUE(b.Open());
  const uint8_t sid = a.programmer.channel()->sid();
  SecureProgrammer other(*b.crypto, b.rng);
  const Bytes b_ticket_m1 =
      other.StartHandshake(testing::MakeTicket(*b.crypto, b.device, 9), Role::kClinician);
  ExpectAllRejected(a, kFramesPerClass, [&](int i) {
    if (i % 100 == 0) return b_ticket_m1;  // device B's valid ticket
    Bytes frame = Seal(b, static_cast<uint16_t>(i + 1), 60);
    frame[1] = sid;
    return frame;
  });
}

TEST(LinkTargetsTest, T3Reflection) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  std::vector<Bytes> replies;
  for (int i = 0; i < 500; ++i) {
    Result<Bytes> frame =
        f.programmer.SealCommand(static_cast<uint8_t>(Opcode::kReadStatus), 0x8000, {}, f.now);
    ASSERT_TRUE(frame.ok());
    const Reception r = f.implant.Receive(*frame, f.now);
    ASSERT_TRUE(r.reply.has_value());
    replies.push_back(*r.reply);
  }
  ExpectAllRejected(f, kFramesPerClass, [&](int i) { return replies[i % replies.size()]; });
}

TEST(LinkTargetsTest, T3ReflectionFailsTheAeadWithFreshSequenceNumbers) {
  // Even where the window would let a reflected frame through, per-direction keys stop it.
  const auto crypto = MakeMbedTlsCrypto();
  sim::Rng rng(11);
  const SessionKeys keys = RandomSessionKeys(rng);
  const Bytes device_id(8, 0x44);
  SecureChannel implant_tx(*crypto, Side::kImplant, 9, keys, device_id, Role::kClinician);
  SecureChannel implant_rx(*crypto, Side::kImplant, 9, keys, device_id, Role::kClinician);
  SecureChannel programmer_rx(*crypto, Side::kProgrammer, 9, keys, device_id, Role::kClinician);
  SecureChannel programmer_tx(*crypto, Side::kProgrammer, 9, keys, device_id, Role::kClinician);
  const int count = testing::kFramesPerClass / 10;
  int accepted = 0;
  for (int i = 0; i < count; ++i) {
    Result<Bytes> down = implant_tx.Seal(Bytes{0x81, 0, 1, 0});
    Result<Bytes> up = programmer_tx.Seal(Bytes{0x01, 0, 1, 0, 0});
    ASSERT_TRUE(down.ok() && up.ok());
    const Opened reflected_to_implant = implant_rx.Open(*down);
    const Opened reflected_to_programmer = programmer_rx.Open(*up);
    EXPECT_EQ(reflected_to_implant.reject, Reject::kAuth);
    EXPECT_EQ(reflected_to_programmer.reject, Reject::kAuth);
    accepted += reflected_to_implant.reject == Reject::kNone;
    accepted += reflected_to_programmer.reject == Reject::kNone;
  }
  EXPECT_EQ(accepted, 0);
}

TEST(LinkTargetsTest, T3EverySingleAndMultiBitModificationTruncationExtension) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  const Bytes original = Seal(f, 1, 70);  // not yet delivered: its seq is live in the window
  const size_t bits = original.size() * 8;
  sim::Rng rng(99);
  ExpectAllRejected(f, kFramesPerClass, [&](int i) {
    Bytes b = original;
    if (static_cast<size_t>(i) < bits) {  // every single bit: header, sid, seq, ciphertext, tag
      b[i / 8] ^= static_cast<uint8_t>(1u << (i % 8));
    } else if (i % 10 == 0) {
      b.resize(b.size() - 1 - rng.Below(b.size() - 1));  // truncation
    } else if (i % 10 == 1) {
      for (uint64_t k = 0, n = 1 + rng.Below(16); k < n; ++k) b.push_back(uint8_t(rng.Next()));
    } else {
      const uint64_t flips = 2 + rng.Below(8);
      for (uint64_t k = 0; k < flips; ++k) b[rng.Below(b.size())] ^= uint8_t(1u << rng.Below(8));
      if (b == original) b[0] ^= 0x80;
    }
    return b;
  });
  EXPECT_TRUE(f.implant.Receive(original, f.now).applied);  // the untouched frame still works
}

TEST(LinkTargetsTest, T3ForgedInjectionWithStaticIdAndDowngrade) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  const uint32_t static_id = 0x4D1C0A57;
  const uint8_t sid = f.programmer.channel()->sid();
  sim::Rng rng(5);
  ExpectAllRejected(f, kFramesPerClass, [&](int i) {
    switch (i % 4) {
      case 0:  // downgrade: valid legacy frames with the right ID and CRC
        return LegacySetParam(static_id, Param::kTachyTherapyEnabled, 0);
      case 1: {
        LegacyFrame frame{static_id, static_cast<uint8_t>(rng.Below(256)), Bytes(rng.Below(20))};
        rng.Fill(frame.payload);
        return EncodeLegacyFrame(frame);
      }
      case 2: {  // a secure-format data frame with the static ID and the live sid
        Bytes b{MakeHeader(FrameType::kData), sid};
        PutBe(b, rng.Below(0x10000), 2);
        PutBe(b, static_id, 4);
        for (int k = 0; k < 16; ++k) b.push_back(uint8_t(rng.Next()));
        return b;
      }
      default: {  // a forged M1 with a made-up ticket
        Bytes b{MakeHeader(FrameType::kM1, kSuiteCcm8Hkdf)};
        for (size_t k = 1; k < kM1Size; ++k) b.push_back(uint8_t(rng.Next()));
        return b;
      }
    }
  });
}

TEST(LinkTargetsTest, T3CommandsOlderThanTtl) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  const TherapyParams before = f.implant.therapy();
  int accepted = 0;
  const int count = kFramesPerClass / 10;  // each costs a seal and an open
  for (int i = 0; i < count; ++i) {
    const Bytes frame = Seal(f, 1, 70);
    const Reception r = f.implant.Receive(frame, f.now + 2011 + static_cast<uint64_t>(i % 5000));
    accepted += r.accepted;
    EXPECT_FALSE(r.reply.has_value());
    ++f.now;
  }
  EXPECT_EQ(accepted, 0);
  EXPECT_EQ(f.implant.rejects(Reject::kTtl), static_cast<uint64_t>(count));
  EXPECT_EQ(f.implant.therapy(), before);
}

TEST(LinkSecureTest, ExactlyOnceWithRetransmissionsAndOrder) {
  LinkFixture f;
  ASSERT_TRUE(f.Open());
  const Bytes args = f.SetParamArgs(Param::kPacingRateBpm, 70);
  for (int attempt = 0; attempt < 5; ++attempt) {  // a retry is a new frame with the same tid
    Result<Response> r = f.Exchange(static_cast<uint8_t>(Opcode::kSetParam), 1, args);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->status, ResponseStatus::kOk);
    EXPECT_EQ(f.last.applied, attempt == 0);
  }
  Result<Response> skip = f.Exchange(static_cast<uint8_t>(Opcode::kSetParam), 3, args);
  ASSERT_TRUE(skip.ok());
  EXPECT_EQ(skip->status, ResponseStatus::kOrder);
  EXPECT_FALSE(f.last.applied);
  Result<Response> last = f.Exchange(static_cast<uint8_t>(Opcode::kReadLastTid), 0x8001, {});
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(GetBe(last->data, 0, 2), 1u);
  EXPECT_EQ(f.implant.therapy().Get(Param::kPacingRateBpm), 70);
}

TEST(LinkSecureTest, RolesAndSafetyBoundsOnEveryFrame) {
  LinkFixture f;
  ASSERT_TRUE(f.Open(1, Role::kRemoteMonitor));
  const uint8_t set = static_cast<uint8_t>(Opcode::kSetParam);
  Result<Response> denied = f.Exchange(set, 1, f.SetParamArgs(Param::kPacingRateBpm, 70));
  ASSERT_TRUE(denied.ok());
  EXPECT_EQ(denied->status, ResponseStatus::kDenied);
  Result<Response> phi = f.Exchange(static_cast<uint8_t>(Opcode::kReadPatientData), 0x8001, {});
  ASSERT_TRUE(phi.ok());
  EXPECT_EQ(phi->status, ResponseStatus::kOk);  // upload is the monitor's job

  ASSERT_TRUE(f.Open(2, Role::kClinician));
  Result<Response> high = f.Exchange(set, 1, f.SetParamArgs(Param::kShockEnergyJ, 45));
  ASSERT_TRUE(high.ok());
  EXPECT_EQ(high->status, ResponseStatus::kOutOfBounds);
  Result<Response> jump = f.Exchange(set, 2, f.SetParamArgs(Param::kPacingRateBpm, 110));
  ASSERT_TRUE(jump.ok());
  EXPECT_EQ(jump->status, ResponseStatus::kOutOfBounds);  // rate-of-change limit
  const uint8_t induce = static_cast<uint8_t>(Opcode::kInduceFibrillation);
  Result<Response> no_confirm = f.Exchange(induce, 3, {});
  ASSERT_TRUE(no_confirm.ok());
  EXPECT_EQ(no_confirm->status, ResponseStatus::kDenied);
  f.implant.NearFieldConfirm(f.now);
  Result<Response> confirmed = f.Exchange(induce, 3, {});
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(confirmed->status, ResponseStatus::kOk);
  Result<Response> firmware = f.Exchange(static_cast<uint8_t>(Opcode::kFirmwareUpdate), 4, {});
  ASSERT_TRUE(firmware.ok());
  EXPECT_EQ(firmware->status, ResponseStatus::kDenied);
  EXPECT_EQ(f.implant.therapy().Get(Param::kShockEnergyJ), 35);
}

TEST(LinkSecureTest, HandshakeRateLimitAndM1Replay) {
  LinkFixture f;
  f.now = f.config.energy.monitor_offset_ms + 1'000;  // in the scheduled home-monitor window
  const IssuedTicket ticket = testing::MakeTicket(*f.crypto, f.device, 1);
  const Bytes m1 = f.programmer.StartHandshake(ticket, Role::kClinician);
  // Outside a near-field activation: at most one M2 per 2 s per ticket.
  EXPECT_TRUE(f.implant.Receive(m1, f.now).reply.has_value());
  EXPECT_FALSE(f.implant.Receive(m1, f.now + 10).reply.has_value());
  const Reception again = f.implant.Receive(m1, f.now + 2000);
  ASSERT_TRUE(again.reply.has_value());
  ASSERT_TRUE(f.programmer.HandleM2(*again.reply, f.now).ok());
  ASSERT_TRUE(f.Exchange(static_cast<uint8_t>(Opcode::kReadStatus), 0x8000, {}).ok());
  // Once the session is confirmed, a replay of its M1 gets no reply at all.
  EXPECT_FALSE(f.implant.Receive(m1, f.now + 10'000).reply.has_value());
  EXPECT_GE(f.implant.rejects(Reject::kReplay), 1u);
}

TEST(LinkSecureTest, BoundedWorkPerMillisecond) {
  sim::Rng rng(1);
  const auto crypto = MakeMbedTlsCrypto();
  SecureImplantConfig config;
  config.secrets = testing::MakeDevice(rng, 'A');
  config.energy.gating = false;  // the receiver is on: the per-ms work bound on its own
  SecureImplant implant(*crypto, rng, config);
  for (int i = 0; i < 100; ++i) implant.Receive(Bytes(30, 0x5A), 5);
  EXPECT_EQ(implant.rejects(Reject::kRateLimit), 100u - config.max_frames_per_ms);
}

TEST(LinkSecureTest, ExpiredTicketAndRevokedEpochAreRejected) {
  LinkFixture f;
  TicketClaims claims;
  claims.tkt_id = 5;
  claims.not_before_s = 1;
  claims.not_after_s = 2;  // long expired
  Result<IssuedTicket> old = IssueTicket(*f.crypto, f.device, claims);
  ASSERT_TRUE(old.ok());
  f.implant.NearFieldActivate(f.now);
  EXPECT_FALSE(f.implant.Receive(f.programmer.StartHandshake(*old, Role::kClinician), f.now).reply);
  EXPECT_EQ(f.implant.rejects(Reject::kTicket), 1u);
}

}  // namespace
}  // namespace medtra::link
