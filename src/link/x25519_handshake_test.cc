// The optional X25519 handshake mode: selected by header flag bit 1, 76 + 62 bytes, keyed from
// PSK ‖ X25519; the default mode's bytes are unchanged.
#include <gtest/gtest.h>

#include "link/link_test_util.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

using testing::LinkFixture;

/// An X25519 handshake and a first command; returns the M1 and M2 bytes.
std::pair<Bytes, Bytes> OpenX25519(LinkFixture& f) {
  f.implant.NearFieldActivate(f.now);
  const Bytes m1 = f.programmer.StartHandshake(testing::MakeTicket(*f.crypto, f.device, 1),
                                               Role::kClinician, HandshakeMode::kX25519);
  const Reception r = f.implant.Receive(m1, f.now);
  EXPECT_TRUE(r.reply.has_value());
  return {m1, r.reply.value_or(Bytes{})};
}

TEST(LinkX25519Test, KeysASessionIn138BytesWhileTheDefaultStays74) {
  LinkFixture f;
  const auto [m1, m2] = OpenX25519(f);
  EXPECT_EQ(m1.size(), kX25519M1Size);
  EXPECT_EQ(m2.size(), kX25519M2Size);
  EXPECT_EQ(m1.size() + m2.size(), 138u);
  EXPECT_EQ(m1[0], 0x4B);  // ver 1 ‖ M1 ‖ suite 1 + X25519 flag
  EXPECT_EQ(m2[0], 0x53);
  ASSERT_TRUE(f.programmer.HandleM2(m2, f.now).ok());
  Result<Response> r = f.Exchange(static_cast<uint8_t>(Opcode::kSetParam), 1,
                                  f.SetParamArgs(Param::kPacingRateBpm, 70));
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_TRUE(f.last.applied);
  EXPECT_EQ(f.implant.therapy().Get(Param::kPacingRateBpm), 70);
  LinkFixture d(8);
  ASSERT_TRUE(d.Open());
  EXPECT_EQ(d.handshake_bytes, 74u);
  const Bytes default_m1 =
      d.programmer.StartHandshake(testing::MakeTicket(*d.crypto, d.device, 2), Role::kClinician);
  EXPECT_EQ(default_m1[0], 0x49);  // as before: no flag bit but the suite
}

TEST(LinkX25519Test, AnEmergencySessionCanUseIt) {
  LinkFixture f;
  const EmergencyCredential credential = f.implant.NearFieldEmergency(f.now);
  const Bytes m1 = f.programmer.StartEmergencyHandshake(credential, HandshakeMode::kX25519);
  EXPECT_EQ(m1.size(), kEmergencyM1Size + kX25519Size);
  const Reception r = f.implant.Receive(m1, f.now);
  ASSERT_TRUE(r.reply.has_value());
  ASSERT_TRUE(f.programmer.HandleM2(*r.reply, f.now).ok());
  EXPECT_TRUE(f.Exchange(static_cast<uint8_t>(Opcode::kReadStatus), 0x8000, {}).ok());
}

TEST(LinkX25519Test, ASubstitutedEphemeralFailsTheKeyConfirmation) {
  LinkFixture f;
  auto [m1, m2] = OpenX25519(f);
  Bytes forged_m2 = m2;
  Result<Bytes> other = f.crypto->X25519(Bytes(kX25519Size, 0x33), {});
  ASSERT_TRUE(other.ok());
  std::copy(other->begin(), other->end(), forged_m2.begin() + 22);  // e_I
  EXPECT_EQ(f.programmer.HandleM2(forged_m2, f.now).message(),
            "handshake: key confirmation failed");
  // A substituted e_P: the implant keys another session, whose M2 the programmer refuses.
  LinkFixture g(9);
  g.implant.NearFieldActivate(g.now);
  Bytes m1_forged = g.programmer.StartHandshake(testing::MakeTicket(*g.crypto, g.device, 1),
                                                Role::kClinician, HandshakeMode::kX25519);
  std::copy(other->begin(), other->end(), m1_forged.end() - kX25519Size);
  const Reception r = g.implant.Receive(m1_forged, g.now);
  ASSERT_TRUE(r.reply.has_value());
  EXPECT_EQ(g.programmer.HandleM2(*r.reply, g.now).message(), "handshake: key confirmation failed");
}

TEST(LinkX25519Test, MalformedOrMismatchedModesAreRefused) {
  LinkFixture f;
  const auto [m1, m2] = OpenX25519(f);
  Bytes short_m1(m1.begin(), m1.end() - kX25519Size);  // the flag without e_P
  EXPECT_EQ(DecodeM1(short_m1).message(), "m1: bad length");
  Bytes flag2 = m1;
  flag2[0] |= 4;  // the still unused flag bit 2
  EXPECT_EQ(DecodeM1(flag2).message(), "m1: unknown suite");
  Bytes low_order = m1;
  std::fill(low_order.end() - kX25519Size, low_order.end(), 0);  // e_P = 0: a low-order point
  const uint64_t malformed = f.implant.rejects(Reject::kMalformed);
  EXPECT_FALSE(f.implant.Receive(low_order, f.now + 100).reply.has_value());
  EXPECT_EQ(f.implant.rejects(Reject::kMalformed), malformed + 1);
  // A PSK-mode M2 answering an X25519 M1 (a downgrade) is refused.
  LinkFixture d(8);
  d.implant.NearFieldActivate(d.now);
  const IssuedTicket ticket = testing::MakeTicket(*d.crypto, d.device, 1);
  const Reception psk_m2 =
      d.implant.Receive(d.programmer.StartHandshake(ticket, Role::kClinician), d.now);
  ASSERT_TRUE(psk_m2.reply.has_value());
  (void)d.programmer.StartHandshake(ticket, Role::kClinician, HandshakeMode::kX25519);
  EXPECT_EQ(d.programmer.HandleM2(*psk_m2.reply, d.now).message(),
            "handshake: M2 is not in the mode of M1");
}

}  // namespace
}  // namespace medtra::link
