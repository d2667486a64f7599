// The forward-secure audit chain and its verifier.
#include "medtra/link/audit_log.h"

#include <algorithm>

namespace medtra::link {
namespace {

std::array<uint8_t, 8> ChainMac(const Crypto& crypto, ByteView key,
                                const std::array<uint8_t, 8>& previous, ByteView body) {
  Bytes data(previous.begin(), previous.end());
  Append(data, body);
  const Bytes mac = crypto.HmacSha256(key, data);
  std::array<uint8_t, 8> out{};
  std::copy_n(mac.begin(), 8, out.begin());
  return out;
}

Bytes NextKey(const Crypto& crypto, ByteView key) {
  return crypto.HkdfExpand(key, ToBytes("next"), 32);
}

std::array<uint8_t, 8> AnchorMac(const Crypto& crypto, ByteView key, uint32_t next_idx,
                                 const std::array<uint8_t, 8>& head) {
  Bytes data = ToBytes("anchor");
  PutBe(data, next_idx, 4);
  Append(data, head);
  const Bytes mac = crypto.HmacSha256(key, data);
  std::array<uint8_t, 8> out{};
  std::copy_n(mac.begin(), 8, out.begin());
  return out;
}

}  // namespace

Bytes EncodeAuditEntry(const AuditEntry& e) {
  Bytes out;
  out.reserve(kAuditEntrySize);
  PutBe(out, e.idx, 4);
  PutBe(out, e.t_s, 4);
  out.push_back(static_cast<uint8_t>(e.event));
  out.push_back(e.role);
  PutBe(out, e.actor_id, 4);
  PutBe(out, e.tid, 2);
  Append(out, e.detail_hash);
  Append(out, e.chain_mac);
  return out;
}

Result<AuditEntry> DecodeAuditEntry(ByteView b) {
  if (b.size() != kAuditEntrySize) {
    return Result<AuditEntry>::Error("audit entry of " + std::to_string(b.size()) + " bytes");
  }
  AuditEntry e;
  e.idx = static_cast<uint32_t>(GetBe(b, 0, 4));
  e.t_s = static_cast<uint32_t>(GetBe(b, 4, 4));
  e.event = static_cast<AuditEvent>(b[8]);
  e.role = b[9];
  e.actor_id = static_cast<uint32_t>(GetBe(b, 10, 4));
  e.tid = static_cast<uint16_t>(GetBe(b, 14, 2));
  std::copy_n(b.begin() + 16, 8, e.detail_hash.begin());
  std::copy_n(b.begin() + 24, 8, e.chain_mac.begin());
  return e;
}

AuditLog::AuditLog(const Crypto& crypto, ByteView k_log0)
    : crypto_(&crypto), key_(k_log0.begin(), k_log0.end()) {}

AuditLog::AuditLog(const Crypto& crypto, ByteView key, const std::array<uint8_t, 8>& head,
                   std::vector<AuditEntry> entries)
    : crypto_(&crypto), key_(key.begin(), key.end()), head_(head), entries_(std::move(entries)) {}

const AuditEntry& AuditLog::Append(uint32_t t_s, AuditEvent event, uint8_t role, uint32_t actor_id,
                                   uint16_t tid, ByteView detail) {
  AuditEntry e;
  e.idx = static_cast<uint32_t>(entries_.size());
  e.t_s = t_s;
  e.event = event;
  e.role = role;
  e.actor_id = actor_id;
  e.tid = tid;
  const Bytes digest = crypto_->Sha256(detail);
  std::copy_n(digest.begin(), 8, e.detail_hash.begin());
  const Bytes body = EncodeAuditEntry(e);
  e.chain_mac = ChainMac(*crypto_, key_, head_, ByteView(body).first(kAuditEntrySize - 8));
  head_ = e.chain_mac;
  Bytes next = NextKey(*crypto_, key_);
  std::fill(key_.begin(), key_.end(), 0);  // erase K_i: forward integrity
  key_ = std::move(next);
  entries_.push_back(e);
  return entries_.back();
}

AuditAnchor AuditLog::Anchor() const {
  AuditAnchor anchor;
  anchor.next_idx = static_cast<uint32_t>(entries_.size());
  anchor.head = head_;
  anchor.mac = AnchorMac(*crypto_, key_, anchor.next_idx, head_);
  return anchor;
}

Status VerifyAuditLog(const Crypto& crypto, ByteView k_log0, std::span<const AuditEntry> entries,
                      const AuditAnchor& anchor, uint32_t highest_seen) {
  if (anchor.next_idx < highest_seen) {
    return Status::Error("audit: rollback (anchor at " + std::to_string(anchor.next_idx) + ", " +
                         std::to_string(highest_seen) + " seen before)");
  }
  Bytes key(k_log0.begin(), k_log0.end());
  std::array<uint8_t, 8> head{};
  for (size_t i = 0; i < entries.size(); ++i) {
    const AuditEntry& e = entries[i];
    if (e.idx != i) return Status::Error("audit: entry " + std::to_string(i) + " out of sequence");
    const Bytes body = EncodeAuditEntry(e);
    const auto expected = ChainMac(crypto, key, head, ByteView(body).first(kAuditEntrySize - 8));
    if (!ConstantTimeEqual(expected, e.chain_mac)) {
      return Status::Error("audit: chain MAC mismatch at entry " + std::to_string(i));
    }
    head = e.chain_mac;
    key = NextKey(crypto, key);
  }
  if (anchor.next_idx != entries.size()) return Status::Error("audit: log truncated or extended");
  if (!ConstantTimeEqual(anchor.head, head)) return Status::Error("audit: head does not match");
  if (!ConstantTimeEqual(AnchorMac(crypto, key, anchor.next_idx, anchor.head), anchor.mac)) {
    return Status::Error("audit: anchor MAC mismatch");
  }
  return Status::Ok();
}

Status AuditWatermark::Observe(ByteView device_id, uint32_t next_idx) {
  uint32_t& highest = highest_[Bytes(device_id.begin(), device_id.end())];
  if (next_idx < highest) {
    return Status::Error("audit rollback: the implant reports audit index " +
                         std::to_string(next_idx) + ", below " + std::to_string(highest) +
                         " seen before");
  }
  highest = next_idx;
  return Status::Ok();
}

uint32_t AuditWatermark::Highest(ByteView device_id) const {
  auto it = highest_.find(Bytes(device_id.begin(), device_id.end()));
  return it == highest_.end() ? 0 : it->second;
}

}  // namespace medtra::link
