// The attacker's strategies: one per attack class of secure-link.md §6.11.
#include "sim/attacker.h"

#include <algorithm>

#include "medtra/link/legacy.h"
#include "medtra/link/secure_frame.h"
#include "medtra/link/secure_programmer.h"
#include "sim/nodes.h"

namespace medtra::sim {
namespace {

constexpr size_t kPoolLimit = 4096;
constexpr uint32_t kDelayReleaseMs = 3000;  // > the 2 s command TTL
constexpr uint32_t kDeviceBStaticId = 0xB0B0B0B0;

bool Emitter(Attack a) {
  switch (a) {
    case Attack::kReplay:
    case Attack::kModify:
    case Attack::kInject:
    case Attack::kReflect:
    case Attack::kCrossDevice:
    case Attack::kDowngrade:
    case Attack::kFlood:
      return true;
    default:
      return false;
  }
}

Packet ToImplant(link::Bytes bytes, int tag = -1) {
  Packet p;
  p.dir = Dir::kToImplant;
  p.origin = Origin::kAttacker;
  p.tag = tag;
  p.bytes = std::move(bytes);
  return p;
}

}  // namespace

Attacker::Attacker(Attack attack, Protocol protocol, uint32_t budget, Rng& rng,
                   AttackerKnowledge knowledge)
    : attack_(attack), protocol_(protocol), budget_(budget), rng_(&rng), knowledge_(knowledge) {
  if (attack_ == Attack::kCrossDevice) PrepareDeviceB();
}

void Attacker::PrepareDeviceB() {
  if (protocol_ == Protocol::kLegacy) {
    for (int i = 0; i < 8; ++i) {
      device_b_frames_.push_back(
          link::LegacySetParam(kDeviceBStaticId, link::Param::kTachyTherapyEnabled, 0));
    }
    return;
  }
  // The attacker is a legitimate clinician of device B: real ticket, real session with B.
  const link::Crypto& crypto = *knowledge_.crypto;
  SecureWorld b = MakeSecureWorld(crypto, *rng_, 'B', 0x900);
  link::SecureImplant implant_b(crypto, *rng_, link::SecureImplantConfig{b.device});
  link::SecureProgrammer programmer_b(crypto, *rng_);
  implant_b.NearFieldActivate(0);
  const link::Bytes m1 = programmer_b.StartHandshake(b.tickets[0], link::Role::kClinician);
  device_b_frames_.push_back(m1);
  link::Reception r = implant_b.Receive(m1, 1);
  if (!r.reply || !programmer_b.HandleM2(*r.reply, 2).ok()) return;
  for (uint16_t tid = 1; tid <= 15; ++tid) {
    link::Bytes args{static_cast<uint8_t>(link::Param::kTachyTherapyEnabled)};
    link::PutBe(args, tid % 2, 2);
    Result<link::Bytes> frame =
        programmer_b.SealCommand(static_cast<uint8_t>(link::Opcode::kSetParam), tid, args, 3);
    if (frame.ok()) device_b_frames_.push_back(std::move(frame).value());
  }
}

void Attacker::Observe(const Packet& packet, int session) {
  capture_.push_back(packet.bytes);
  auto& pool = packet.dir == Dir::kToImplant ? to_implant_ : to_programmer_;
  if (pool.size() < kPoolLimit) pool.push_back({packet, session});
  const link::Bytes& b = packet.bytes;
  if (b.empty()) return;
  if (b[0] == link::kLegacySync) {
    Result<link::LegacyFrame> f = link::DecodeLegacyFrame(b);
    if (f.ok()) sniffed_id_ = f->device_id;  // the static ID is in every frame
    return;
  }
  const auto type = static_cast<link::FrameType>(link::HeaderType(b[0]));
  if (type == link::FrameType::kData && b.size() >= 4 && packet.dir == Dir::kToImplant) {
    last_sid_ = b[1];
    highest_seq_lo_ = static_cast<uint16_t>(link::GetBe(b, 2, 2));
  } else if (type == link::FrameType::kM1 && b.size() == link::kM1Size) {
    captured_ticket_ = link::Bytes(b.begin() + 1 + link::kHandshakeNonceSize, b.end());
  }
}

std::optional<uint32_t> Attacker::Intercept(const Packet& packet, uint64_t now_ms) {
  switch (attack_) {
    case Attack::kDrop:
      if (rng_->Chance(0.2)) return std::nullopt;
      return 0;
    case Attack::kReorder:
      return static_cast<uint32_t>(rng_->Below(61));
    case Attack::kJam:
      if (packet.dir == Dir::kToImplant && packet.tag >= 0) jamming_ = true;
      if (jamming_) return std::nullopt;
      return 0;
    case Attack::kDelay:
      if (packet.dir == Dir::kToImplant && packet.tag >= 0 && !delayed_tags_.count(packet.tag) &&
          sent_ + held_.size() < budget_) {
        delayed_tags_.insert(packet.tag);
        Packet held = packet;
        held.origin = Origin::kAttacker;
        held.at_ms = now_ms + kDelayReleaseMs;
        held_.push_back(std::move(held));
        return std::nullopt;
      }
      return 0;
    case Attack::kDuplicate: {
      const int copies = 1 + static_cast<int>(rng_->Below(2));
      for (int i = 0; i < copies && sent_ + held_.size() < budget_; ++i) {
        Packet copy = packet;
        copy.origin = Origin::kAttacker;
        copy.at_ms = now_ms + 3 + rng_->Below(18);
        held_.push_back(std::move(copy));
      }
      return 0;
    }
    default:
      return 0;
  }
}

bool Attacker::CanEmit() const {
  switch (attack_) {
    case Attack::kReplay:
    case Attack::kModify:
      return !to_implant_.empty();
    case Attack::kInject:
      return protocol_ == Protocol::kSecure || sniffed_id_.has_value();
    case Attack::kReflect:
      return !to_implant_.empty() || !to_programmer_.empty();
    case Attack::kCrossDevice:
      return !device_b_frames_.empty();
    default:
      return true;
  }
}

void Attacker::Emit(uint64_t now_ms, int session, std::vector<Packet>& out) {
  for (auto it = held_.begin(); it != held_.end();) {
    if (it->at_ms <= now_ms) {
      out.push_back(std::move(*it));
      it = held_.erase(it);
      ++sent_;
    } else {
      ++it;
    }
  }
  if (!Emitter(attack_) || sent_ >= budget_ || now_ms < next_emit_ms_ || !CanEmit()) return;
  if (attack_ == Attack::kReplay && session == 0 && sent_in_session0_ >= budget_ / 2) return;
  std::optional<Packet> packet = Make(now_ms, session);
  if (!packet) return;
  out.push_back(std::move(*packet));
  ++sent_;
  if (session == 0) ++sent_in_session0_;
  next_emit_ms_ = now_ms + (attack_ == Attack::kFlood ? 1 : 5);  // flood 1000/s, others 200/s
}

bool Attacker::finished() const { return held_.empty() && (!Emitter(attack_) || sent_ >= budget_); }

std::optional<Packet> Attacker::Make(uint64_t, int session) {
  switch (attack_) {
    case Attack::kReplay:
      return Replay(session);
    case Attack::kModify:
      return Modify();
    case Attack::kInject:
    case Attack::kDowngrade:
      return Inject();
    case Attack::kReflect:
      return Reflect();
    case Attack::kCrossDevice:
      return CrossDevice();
    case Attack::kFlood:
      return Flood();
    default:
      return std::nullopt;
  }
}

Packet Attacker::Replay(int) {
  const Captured& c = to_implant_[rng_->Below(to_implant_.size())];
  Packet p = c.packet;
  p.origin = Origin::kAttacker;
  return p;
}

Packet Attacker::Modify() {
  // Prefer command frames (legacy: SetParam; secure: data frames), else anything captured.
  std::vector<size_t> candidates;
  for (size_t i = 0; i < to_implant_.size(); ++i) {
    const link::Bytes& b = to_implant_[i].packet.bytes;
    const bool legacy_set =
        b.size() == 12 && b[0] == link::kLegacySync && b[5] == uint8_t(link::Opcode::kSetParam);
    const bool secure_data = !b.empty() && link::HeaderVersion(b[0]) == link::kSecureVersion;
    if (protocol_ == Protocol::kLegacy ? legacy_set : secure_data) candidates.push_back(i);
  }
  const size_t index = candidates.empty() ? rng_->Below(to_implant_.size())
                                          : candidates[rng_->Below(candidates.size())];
  link::Bytes b = to_implant_[index].packet.bytes;
  const int tag = to_implant_[index].packet.tag;
  if (protocol_ == Protocol::kLegacy && !candidates.empty()) {
    const int flips = 1 + static_cast<int>(rng_->Below(3));
    for (int i = 0; i < flips; ++i)
      b[8 + rng_->Below(2)] ^= static_cast<uint8_t>(1u << rng_->Below(8));
    link::FixLegacyCrc(b);  // the CRC only catches noise
    return ToImplant(std::move(b), tag);
  }
  const uint64_t mode = rng_->Below(10);
  if (mode == 0 && b.size() > 1) {
    b.resize(b.size() - 1 - rng_->Below(std::min<size_t>(b.size() - 1, 8)));
  } else if (mode == 1) {
    for (uint64_t i = 0, n = 1 + rng_->Below(8); i < n; ++i) b.push_back(uint8_t(rng_->Next()));
  } else {
    const int flips = 1 + static_cast<int>(rng_->Below(3));
    for (int i = 0; i < flips; ++i) {
      b[rng_->Below(b.size())] ^= static_cast<uint8_t>(1u << rng_->Below(8));
    }
  }
  return ToImplant(std::move(b), tag);
}

link::Bytes Attacker::ForgedData() {
  link::Bytes b{link::MakeHeader(link::FrameType::kData),
                last_sid_ ? *last_sid_ : static_cast<uint8_t>(rng_->Next())};
  link::PutBe(b, static_cast<uint16_t>(highest_seq_lo_ + 1 + rng_->Below(8)), 2);
  const size_t body = link::kCommandFieldsSize + 3 + link::kTagSize;
  for (size_t i = 0; i < body; ++i) b.push_back(static_cast<uint8_t>(rng_->Next()));
  return b;
}

Packet Attacker::Inject() {
  // Legacy: the ID sniffed from the air; secure: the ID known from the legacy product generation.
  const uint32_t id = sniffed_id_.value_or(knowledge_.legacy_static_id);
  const uint64_t pick = rng_->Below(4);
  if (protocol_ == Protocol::kSecure && attack_ == Attack::kInject && pick >= 2) {
    if (pick == 2) return ToImplant(ForgedData());
    link::M1 m1;  // a forged handshake with a made-up ticket
    rng_->Fill(m1.nonce);
    m1.ticket.resize(link::kTicketSize);
    rng_->Fill(m1.ticket);
    return ToImplant(link::EncodeM1(m1));
  }
  if (pick == 0) return ToImplant(link::LegacyRead(id, link::Opcode::kReadPatientData));
  if (pick == 1) return ToImplant(link::LegacySetParam(id, link::Param::kTachyTherapyEnabled, 0));
  return ToImplant(link::LegacySetParam(id, link::Param::kShockEnergyJ,
                                        static_cast<uint16_t>(1 + rng_->Below(60))));
}

Packet Attacker::Reflect() {
  const bool to_implant = !to_programmer_.empty() && (to_implant_.empty() || rng_->Chance(0.5));
  const auto& pool = to_implant ? to_programmer_ : to_implant_;
  Packet p = pool[rng_->Below(pool.size())].packet;
  p.origin = Origin::kAttacker;
  p.dir = to_implant ? Dir::kToImplant : Dir::kToProgrammer;
  p.tag = -1;
  return p;
}

Packet Attacker::CrossDevice() {
  link::Bytes b = device_b_frames_[rng_->Below(device_b_frames_.size())];
  const bool data = !b.empty() && link::HeaderVersion(b[0]) == link::kSecureVersion &&
                    link::HeaderType(b[0]) == static_cast<uint8_t>(link::FrameType::kData);
  if (data && last_sid_ && rng_->Chance(0.5)) b[1] = *last_sid_;  // aim at A's live session
  return ToImplant(std::move(b));
}

Packet Attacker::Flood() {
  const uint32_t id = knowledge_.legacy_static_id;
  if (protocol_ == Protocol::kLegacy) {
    return ToImplant(link::EncodeLegacyFrame({id, link::kLegacyWakeUp, {}}));
  }
  switch (rng_->Below(4)) {
    case 0:
      if (captured_ticket_) {  // a captured ticket with a fresh nonce: keyable only with PSK_t
        link::M1 m1;
        rng_->Fill(m1.nonce);
        m1.ticket = *captured_ticket_;
        return ToImplant(link::EncodeM1(m1));
      }
      [[fallthrough]];
    case 1:
      return ToImplant(ForgedData());
    case 2: {
      link::Bytes junk(10 + rng_->Below(30));
      rng_->Fill(junk);
      return ToImplant(std::move(junk));
    }
    default:
      return ToImplant(link::EncodeLegacyFrame({id, link::kLegacyWakeUp, {}}));
  }
}

}  // namespace medtra::sim
