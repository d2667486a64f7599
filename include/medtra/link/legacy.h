// The legacy link of the case study: a static device ID in every frame, a CRC, plaintext, no
// freshness.
#pragma once

#include <cstdint>
#include <optional>

#include "medtra/base/status.h"
#include "medtra/link/bytes.h"
#include "medtra/link/reception.h"
#include "medtra/link/therapy.h"

namespace medtra::link {

/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF): detects noise, not attackers (lesson L2).
uint16_t Crc16(ByteView data);

/// Legacy frame: sync(1)=0xA7 ‖ device_id(4) ‖ opcode(1) ‖ len(1) ‖ payload(len) ‖ crc16(2).
struct LegacyFrame {
  uint32_t device_id = 0;
  uint8_t opcode = 0;
  Bytes payload;
};
inline constexpr uint8_t kLegacySync = 0xA7;
inline constexpr size_t kLegacyOverhead = 9;       ///< sync + id + opcode + len + crc
inline constexpr uint8_t kLegacyReplyFlag = 0x80;  ///< reply opcode = request opcode | 0x80
inline constexpr uint8_t kLegacyWakeUp = 0x7F;     ///< "stay awake / interrogate" wake-up

Bytes EncodeLegacyFrame(const LegacyFrame& frame);
/// Parses and checks the CRC; never reads past `data`.
Result<LegacyFrame> DecodeLegacyFrame(ByteView data);
/// Recomputes the CRC of an (edited) encoded frame in place, as an attacker would.
void FixLegacyCrc(Bytes& encoded);

/// The legacy implant: trusts any frame that carries its static ID and a valid CRC.
class LegacyImplant {
 public:
  explicit LegacyImplant(uint32_t device_id) : device_id_(device_id) {}
  Reception Receive(ByteView frame);
  const TherapyParams& therapy() const { return therapy_; }
  uint32_t device_id() const { return device_id_; }

 private:
  uint32_t device_id_;
  TherapyParams therapy_;
};

/// Builds the legacy command frames a programmer (or an attacker with the sniffed ID) sends.
Bytes LegacySetParam(uint32_t device_id, Param param, uint16_t value);
Bytes LegacyRead(uint32_t device_id, Opcode opcode);

}  // namespace medtra::link
