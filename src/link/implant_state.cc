// Encoding, authentication and A/B selection of the implant's persistent state.
#include "medtra/link/implant_state.h"

#include <algorithm>
#include <cassert>
#include <string>

namespace medtra::link {
namespace {

constexpr std::string_view kTag = "MDS2";
constexpr size_t kMacSize = 16;
constexpr size_t kKeyBytes = 32;
constexpr size_t kTherapyBytes = 2 * kParamCount;
/// Everything up to has_last with no handshake counters and no emergency window.
constexpr size_t kMinBodySize =
    4 + 8 + 4 + 2 + kTherapyBytes + 4 + 8 + kKeyBytes + 4 * 8 + 2 + 1 + 1;

Bytes Mac(const Crypto& crypto, ByteView k_nvm, ByteView body) {
  Bytes mac = crypto.HmacSha256(k_nvm, body);
  mac.resize(kMacSize);
  return mac;
}

void PutTherapy(Bytes& out, const TherapyParams& therapy) {
  for (uint16_t v : therapy.values) PutBe(out, v, 2);
}

/// Bounds-checked big-endian reads; a read past the end marks the record short.
class Reader {
 public:
  explicit Reader(ByteView data) : data_(data) {}
  uint64_t Be(int width) {
    if (!Has(static_cast<size_t>(width))) return 0;
    const uint64_t v = GetBe(data_, at_, width);
    at_ += static_cast<size_t>(width);
    return v;
  }
  void Copy(std::span<uint8_t> out) {
    if (!Has(out.size())) return;
    std::copy_n(data_.begin() + static_cast<ptrdiff_t>(at_), out.size(), out.begin());
    at_ += out.size();
  }
  TherapyParams Therapy() {
    TherapyParams therapy;
    for (uint16_t& v : therapy.values) v = static_cast<uint16_t>(Be(2));
    return therapy;
  }
  ByteView Rest() const { return data_.subspan(std::min(at_, data_.size())); }
  bool short_read() const { return short_; }

 private:
  bool Has(size_t n) {
    if (at_ + n > data_.size()) short_ = true;
    return !short_;
  }
  ByteView data_;
  size_t at_ = 0;
  bool short_ = false;
};

/// The first parameter of `therapy` outside the hard safety bounds, or nullptr.
const ParamBounds* OutOfBounds(const TherapyParams& therapy) {
  for (const ParamBounds& b : SafetyBounds()) {
    const uint16_t v = therapy.Get(b.param);
    if (v < b.min || v > b.max) return &b;
  }
  return nullptr;
}

}  // namespace

Bytes EncodeImplantState(const Crypto& crypto, ByteView k_nvm, const ImplantState& s) {
  Bytes out = ToBytes(kTag);
  PutBe(out, s.generation, 8);
  PutBe(out, s.boot_count, 4);
  PutBe(out, s.min_ticket_epoch, 2);
  PutTherapy(out, s.therapy);
  PutBe(out, s.audit_next_idx, 4);
  Append(out, s.audit_head);
  Bytes key = s.audit_key;
  key.resize(kKeyBytes);
  Append(out, key);
  PutBe(out, s.energy.day, 8);
  PutBe(out, s.energy.reserved_us, 8);
  PutBe(out, s.activation_start_ms, 8);
  PutBe(out, s.activation_until_ms, 8);
  assert(s.handshakes.size() <= kMaxHandshakeKeys);
  PutBe(out, s.handshakes.size(), 2);
  for (const auto& [id, c] : s.handshakes) {
    PutBe(out, id, 4);
    out.push_back(c.any ? 1 : 0);
    PutBe(out, c.last_ms, 8);
    PutBe(out, c.day, 8);
    PutBe(out, c.today, 4);
    PutBe(out, c.window, 8);
    PutBe(out, c.in_window, 4);
  }
  out.push_back(s.emergency ? 1 : 0);
  if (s.emergency) {
    PutBe(out, s.emergency->em_id, 4);
    Append(out, s.emergency->k_em);
    PutBe(out, s.emergency->until_ms, 8);
    PutTherapy(out, s.emergency->pre_emergency);
    PutBe(out, s.emergency->changed_mask, 2);
    out.push_back(s.emergency->expiry_logged ? 1 : 0);
  }
  out.push_back(s.last_entry ? 1 : 0);
  if (s.last_entry) Append(out, EncodeAuditEntry(*s.last_entry));
  Append(out, Mac(crypto, k_nvm, out));
  return out;
}

Result<ImplantState> DecodeImplantState(const Crypto& crypto, ByteView k_nvm, ByteView r) {
  using R = Result<ImplantState>;
  const std::string torn = "record of " + std::to_string(r.size()) + " bytes (torn or corrupt)";
  if (r.size() < kMinBodySize + kMacSize) return R::Error(torn);
  if (!std::equal(kTag.begin(), kTag.end(), r.begin())) return R::Error("not a state record");
  const ByteView body = r.first(r.size() - kMacSize);
  if (!ConstantTimeEqual(Mac(crypto, k_nvm, body), r.last(kMacSize))) {
    return R::Error("MAC mismatch (corrupt or forged)");
  }
  ImplantState s;
  Reader in(body.subspan(kTag.size()));
  s.generation = in.Be(8);
  s.boot_count = static_cast<uint32_t>(in.Be(4));
  s.min_ticket_epoch = static_cast<uint16_t>(in.Be(2));
  s.therapy = in.Therapy();
  s.audit_next_idx = static_cast<uint32_t>(in.Be(4));
  in.Copy(s.audit_head);
  s.audit_key.resize(kKeyBytes);
  in.Copy(s.audit_key);
  s.energy.day = in.Be(8);
  s.energy.reserved_us = in.Be(8);
  s.activation_start_ms = in.Be(8);
  s.activation_until_ms = in.Be(8);
  const uint64_t keys = in.Be(2);
  if (keys > kMaxHandshakeKeys) return R::Error("too many handshake counters");
  for (uint64_t i = 0; i < keys && !in.short_read(); ++i) {
    const auto id = static_cast<uint32_t>(in.Be(4));
    HandshakeCounters c;
    const uint64_t any = in.Be(1);
    c.any = any == 1;
    c.last_ms = in.Be(8);
    c.day = in.Be(8);
    c.today = static_cast<uint32_t>(in.Be(4));
    c.window = in.Be(8);
    c.in_window = static_cast<uint32_t>(in.Be(4));
    if (any > 1 || !s.handshakes.emplace(id, c).second) {
      return R::Error("bad handshake counters");
    }
  }
  const uint64_t has_emergency = in.Be(1);
  if (has_emergency > 1) return R::Error("bad emergency flag");
  if (has_emergency == 1) {
    EmergencyWindow e;
    e.em_id = static_cast<uint32_t>(in.Be(4));
    in.Copy(e.k_em);
    e.until_ms = in.Be(8);
    e.pre_emergency = in.Therapy();
    e.changed_mask = static_cast<uint16_t>(in.Be(2));
    const uint64_t logged = in.Be(1);
    if (logged > 1 || e.changed_mask >> kParamCount != 0) return R::Error("bad emergency window");
    e.expiry_logged = logged == 1;
    s.emergency = e;
  }
  const uint64_t has_last = in.Be(1);
  if (in.short_read() || has_last > 1 ||
      in.Rest().size() != (has_last == 1 ? kAuditEntrySize : 0)) {
    return R::Error(torn);
  }
  if (has_last) {
    Result<AuditEntry> entry = DecodeAuditEntry(in.Rest());
    if (!entry.ok()) return entry.status();
    if (entry->idx + 1 != s.audit_next_idx || entry->chain_mac != s.audit_head) {
      return R::Error("last entry does not match the chain");
    }
    s.last_entry = *entry;
  }
  if (const ParamBounds* b = OutOfBounds(s.therapy)) {
    return R::Error(std::string(b->name) + " outside hard safety bounds");
  }
  if (const ParamBounds* b = s.emergency ? OutOfBounds(s.emergency->pre_emergency) : nullptr) {
    return R::Error("emergency revert target " + std::string(b->name) +
                    " outside hard safety bounds");
  }
  return s;
}

std::string StateRecordName(uint64_t generation) {
  return "state." + std::to_string(generation % 2);
}

std::string LogRecordName(uint32_t idx) {
  return "log." + std::to_string(idx % kAuditRingCapacity);
}

Result<std::optional<ImplantState>> LoadImplantState(const NonVolatileStore& store,
                                                     const Crypto& crypto, ByteView k_nvm) {
  using R = Result<std::optional<ImplantState>>;
  std::optional<ImplantState> best;
  std::string refused;
  bool any = false;
  for (uint64_t slot = 0; slot < 2; ++slot) {
    const std::string name = StateRecordName(slot);
    Result<std::optional<Bytes>> record = store.Read(name);
    if (!record.ok()) return record.status();
    if (!record->has_value()) continue;
    any = true;
    Result<ImplantState> state = DecodeImplantState(crypto, k_nvm, **record);
    if (!state.ok()) {
      refused += (refused.empty() ? "" : "; ") + name + ": " + state.message();
      continue;
    }
    if (StateRecordName(state->generation) != name) {
      refused += (refused.empty() ? "" : "; ") + name + ": generation in the wrong slot";
      continue;
    }
    if (!best || state->generation > best->generation) best = std::move(state).value();
  }
  if (!any) return std::optional<ImplantState>();
  if (!best) return R::Error("implant state: no valid record (" + refused + ")");
  return best;
}

Status SaveImplantState(NonVolatileStore& store, const Crypto& crypto, ByteView k_nvm,
                        ImplantState& state) {
  ++state.generation;
  return store.Write(StateRecordName(state.generation), EncodeImplantState(crypto, k_nvm, state));
}

Result<std::vector<AuditEntry>> LoadAuditEntries(NonVolatileStore& store,
                                                 const ImplantState& state) {
  using R = Result<std::vector<AuditEntry>>;
  std::vector<AuditEntry> entries;
  const uint32_t start = AuditWindowStart(state.audit_next_idx);
  entries.reserve(state.audit_next_idx - start);
  for (uint32_t idx = start; idx < state.audit_next_idx; ++idx) {
    Result<std::optional<Bytes>> record = store.Read(LogRecordName(idx));
    if (!record.ok()) return record.status();
    const bool last = idx + 1 == state.audit_next_idx;
    std::optional<AuditEntry> entry;
    if (record->has_value()) {
      Result<AuditEntry> decoded = DecodeAuditEntry(**record);
      if (decoded.ok() && decoded->idx == idx) entry = *decoded;
    }
    if (last && state.last_entry && entry != state.last_entry) {
      Status repaired = store.Write(LogRecordName(idx), EncodeAuditEntry(*state.last_entry));
      if (!repaired.ok()) return repaired;
      entry = state.last_entry;
    }
    if (!entry) {
      return R::Error("implant state: audit entry " + std::to_string(idx) +
                      (record->has_value() ? " malformed" : " missing"));
    }
    entries.push_back(*entry);
  }
  return entries;
}

}  // namespace medtra::link
