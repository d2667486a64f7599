// The legacy frame codec and implant: the "static ID as credential" pattern of the real incidents.
#include "medtra/link/legacy.h"

#include <algorithm>
#include <string>

namespace medtra::link {

uint16_t Crc16(ByteView data) {
  uint16_t crc = 0xFFFF;
  for (uint8_t byte : data) {
    crc ^= static_cast<uint16_t>(byte << 8);
    for (int i = 0; i < 8; ++i) {
      crc = (crc & 0x8000) ? static_cast<uint16_t>((crc << 1) ^ 0x1021)
                           : static_cast<uint16_t>(crc << 1);
    }
  }
  return crc;
}

Bytes EncodeLegacyFrame(const LegacyFrame& frame) {
  const size_t length = std::min<size_t>(frame.payload.size(), 255);
  Bytes out(kLegacyOverhead + length);
  out[0] = kLegacySync;
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<uint8_t>(frame.device_id >> (8 * (3 - i)));
  out[5] = frame.opcode;
  out[6] = static_cast<uint8_t>(length);
  std::copy_n(frame.payload.begin(), length, out.begin() + 7);
  const uint16_t crc = Crc16(ByteView(out).first(7 + length));
  out[7 + length] = static_cast<uint8_t>(crc >> 8);
  out[8 + length] = static_cast<uint8_t>(crc);
  return out;
}

Result<LegacyFrame> DecodeLegacyFrame(ByteView data) {
  if (data.size() < kLegacyOverhead) return Result<LegacyFrame>::Error("legacy: short frame");
  if (data[0] != kLegacySync) return Result<LegacyFrame>::Error("legacy: bad sync");
  const size_t length = data[6];
  if (data.size() != kLegacyOverhead + length) {
    return Result<LegacyFrame>::Error("legacy: length mismatch");
  }
  const size_t body = 7 + length;
  if (Crc16(data.first(body)) != GetBe(data, body, 2)) {
    return Result<LegacyFrame>::Error("legacy: crc mismatch");
  }
  LegacyFrame frame;
  frame.device_id = static_cast<uint32_t>(GetBe(data, 1, 4));
  frame.opcode = data[5];
  frame.payload.assign(data.begin() + 7, data.begin() + static_cast<std::ptrdiff_t>(body));
  return frame;
}

void FixLegacyCrc(Bytes& encoded) {
  if (encoded.size() < kLegacyOverhead) return;
  const size_t body = encoded.size() - 2;
  const uint16_t crc = Crc16(ByteView(encoded).first(body));
  encoded[body] = static_cast<uint8_t>(crc >> 8);
  encoded[body + 1] = static_cast<uint8_t>(crc);
}

Reception LegacyImplant::Receive(ByteView data) {
  Reception r;
  Result<LegacyFrame> frame = DecodeLegacyFrame(data);
  if (!frame.ok() || frame->device_id != device_id_) return r;  // the static ID is the only gate
  if (frame->opcode & kLegacyReplyFlag) return r;               // replies are not for the implant
  LegacyFrame reply{device_id_, static_cast<uint8_t>(frame->opcode | kLegacyReplyFlag), {}};
  const auto op = static_cast<Opcode>(frame->opcode);
  if (frame->opcode == kLegacyWakeUp || op == Opcode::kReadStatus) {
    reply.payload = {static_cast<uint8_t>(therapy_.Get(Param::kTachyTherapyEnabled)), 0x5A};
  } else if (op == Opcode::kReadPatientData) {
    reply.payload = PatientRecord(therapy_);
  } else if (op == Opcode::kSetParam && frame->payload.size() == 3) {
    const uint8_t param = frame->payload[0];
    const auto value = static_cast<uint16_t>(GetBe(frame->payload, 1, 2));
    if (param < 1 || param > kParamCount) return r;
    // Legacy firmware writes whatever arrives (no bounds table, no roles, no freshness).
    r.applied = true;
    r.therapy_changed = therapy_.values[param - 1] != value;
    therapy_.values[param - 1] = value;
    reply.payload = frame->payload;
  } else {
    return r;
  }
  r.accepted = true;
  r.reply = EncodeLegacyFrame(reply);
  return r;
}

Bytes LegacySetParam(uint32_t device_id, Param param, uint16_t value) {
  LegacyFrame frame{device_id, static_cast<uint8_t>(Opcode::kSetParam), {}};
  frame.payload.push_back(static_cast<uint8_t>(param));
  PutBe(frame.payload, value, 2);
  return EncodeLegacyFrame(frame);
}

Bytes LegacyRead(uint32_t device_id, Opcode opcode) {
  return EncodeLegacyFrame(LegacyFrame{device_id, static_cast<uint8_t>(opcode), {}});
}

}  // namespace medtra::link
