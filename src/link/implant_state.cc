// Encoding, authentication and A/B selection of the implant's persistent state.
#include "medtra/link/implant_state.h"

#include <algorithm>

namespace medtra::link {
namespace {

constexpr std::string_view kTag = "MDS1";
constexpr size_t kMacSize = 16;
constexpr size_t kKeyBytes = 32;
constexpr size_t kFixedSize = 4 + 8 + 4 + 2 + 2 * kParamCount + 4 + 8 + kKeyBytes + 1;

Bytes Mac(const Crypto& crypto, ByteView k_nvm, ByteView body) {
  Bytes mac = crypto.HmacSha256(k_nvm, body);
  mac.resize(kMacSize);
  return mac;
}

}  // namespace

Bytes EncodeImplantState(const Crypto& crypto, ByteView k_nvm, const ImplantState& s) {
  Bytes out = ToBytes(kTag);
  PutBe(out, s.generation, 8);
  PutBe(out, s.boot_count, 4);
  PutBe(out, s.min_ticket_epoch, 2);
  for (uint16_t v : s.therapy.values) PutBe(out, v, 2);
  PutBe(out, s.audit_next_idx, 4);
  Append(out, s.audit_head);
  Bytes key = s.audit_key;
  key.resize(kKeyBytes);
  Append(out, key);
  out.push_back(s.last_entry ? 1 : 0);
  if (s.last_entry) Append(out, EncodeAuditEntry(*s.last_entry));
  Append(out, Mac(crypto, k_nvm, out));
  return out;
}

Result<ImplantState> DecodeImplantState(const Crypto& crypto, ByteView k_nvm, ByteView r) {
  using R = Result<ImplantState>;
  if (r.size() != kFixedSize + kMacSize && r.size() != kFixedSize + kAuditEntrySize + kMacSize) {
    return R::Error("record of " + std::to_string(r.size()) + " bytes (torn or corrupt)");
  }
  if (!std::equal(kTag.begin(), kTag.end(), r.begin())) return R::Error("not a state record");
  const ByteView body = r.first(r.size() - kMacSize);
  if (!ConstantTimeEqual(Mac(crypto, k_nvm, body), r.last(kMacSize))) {
    return R::Error("MAC mismatch (corrupt or forged)");
  }
  ImplantState s;
  size_t at = 4;
  auto take = [&](int width) {
    const uint64_t v = GetBe(r, at, width);
    at += static_cast<size_t>(width);
    return v;
  };
  s.generation = take(8);
  s.boot_count = static_cast<uint32_t>(take(4));
  s.min_ticket_epoch = static_cast<uint16_t>(take(2));
  for (uint16_t& v : s.therapy.values) v = static_cast<uint16_t>(take(2));
  s.audit_next_idx = static_cast<uint32_t>(take(4));
  std::copy_n(r.begin() + at, 8, s.audit_head.begin());
  at += 8;
  s.audit_key.assign(r.begin() + at, r.begin() + at + kKeyBytes);
  at += kKeyBytes;
  const uint8_t has_last = r[at++];
  if (has_last > 1 || (has_last == 1) != (r.size() > kFixedSize + kMacSize)) {
    return R::Error("bad last-entry flag");
  }
  if (has_last) {
    Result<AuditEntry> entry = DecodeAuditEntry(r.subspan(at, kAuditEntrySize));
    if (!entry.ok()) return entry.status();
    if (entry->idx + 1 != s.audit_next_idx || entry->chain_mac != s.audit_head) {
      return R::Error("last entry does not match the chain");
    }
    s.last_entry = *entry;
  }
  for (int p = 1; p <= kParamCount; ++p) {
    const ParamBounds& b = SafetyBounds()[static_cast<size_t>(p) - 1];
    const uint16_t v = s.therapy.values[static_cast<size_t>(p) - 1];
    if (v < b.min || v > b.max)
      return R::Error(std::string(b.name) + " outside hard safety bounds");
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
