// The legacy codec and the legacy implant's (absent) security, as a positive control.
#include "medtra/link/legacy.h"

#include <gtest/gtest.h>

namespace medtra::link {
namespace {

TEST(LinkLegacyTest, RoundTripsAndChecksCrc) {
  const Bytes frame = LegacySetParam(0x11223344, Param::kShockEnergyJ, 30);
  ASSERT_EQ(frame.size(), kLegacyOverhead + 3);
  Result<LegacyFrame> decoded = DecodeLegacyFrame(frame);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->device_id, 0x11223344u);
  EXPECT_EQ(decoded->opcode, static_cast<uint8_t>(Opcode::kSetParam));
  Bytes noisy = frame;
  noisy[9] ^= 0x01;
  EXPECT_FALSE(DecodeLegacyFrame(noisy).ok());  // noise is caught ...
  FixLegacyCrc(noisy);
  EXPECT_TRUE(DecodeLegacyFrame(noisy).ok());  // ... an attacker just recomputes the CRC
  EXPECT_FALSE(DecodeLegacyFrame(ByteView(frame).first(5)).ok());
}

TEST(LinkLegacyTest, Crc16CcittFalseCheckValue) { EXPECT_EQ(Crc16(ToBytes("123456789")), 0x29B1); }

TEST(LinkLegacyTest, ImplantTrustsAnyoneWithTheStaticId) {
  LegacyImplant implant(0xCAFE0001);
  Reception r = implant.Receive(LegacySetParam(0xCAFE0001, Param::kTachyTherapyEnabled, 0));
  EXPECT_TRUE(r.accepted);
  EXPECT_TRUE(r.therapy_changed);
  EXPECT_EQ(implant.therapy().Get(Param::kTachyTherapyEnabled), 0);
  // The same frame again (a replay) is accepted too; a wrong ID is not.
  EXPECT_TRUE(implant.Receive(LegacySetParam(0xCAFE0001, Param::kTachyTherapyEnabled, 0)).accepted);
  EXPECT_FALSE(implant.Receive(LegacySetParam(0xCAFE0002, Param::kShockEnergyJ, 5)).accepted);
  // Interrogation answers with the patient record in plaintext.
  Reception read = implant.Receive(LegacyRead(0xCAFE0001, Opcode::kReadPatientData));
  ASSERT_TRUE(read.reply.has_value());
  EXPECT_TRUE(Contains(*read.reply, ToBytes(kPatientName)));
}

}  // namespace
}  // namespace medtra::link
