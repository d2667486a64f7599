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

uint32_t AuditWindowStart(uint32_t next_idx, size_t capacity) {
  // Replays the ring's policy: an append that finds `capacity` entries drops the oldest half.
  const uint64_t half = capacity / 2;
  uint64_t start = 0;
  uint64_t size = 0;
  for (uint64_t idx = 0; idx < next_idx; ++idx) {
    if (size >= capacity) {
      start += half;
      size -= half;
    }
    ++size;
  }
  return static_cast<uint32_t>(start);
}

AuditLog::AuditLog(const Crypto& crypto, ByteView k_log0, size_t capacity)
    : crypto_(&crypto),
      key_(k_log0.begin(), k_log0.end()),
      capacity_(std::max<size_t>(capacity, 2)) {}

AuditLog::AuditLog(const Crypto& crypto, ByteView key, const std::array<uint8_t, 8>& head,
                   std::vector<AuditEntry> entries, size_t capacity)
    : crypto_(&crypto),
      key_(key.begin(), key.end()),
      head_(head),
      entries_(std::move(entries)),
      capacity_(std::max<size_t>(capacity, 2)),
      next_idx_(entries_.empty() ? 0 : entries_.back().idx + 1) {}

const AuditEntry& AuditLog::Append(uint32_t t_s, AuditEvent event, uint8_t role, uint32_t actor_id,
                                   uint16_t tid, ByteView detail) {
  if (full()) Compact(t_s);
  const Bytes digest = crypto_->Sha256(detail);
  std::array<uint8_t, 8> detail_hash{};
  std::copy_n(digest.begin(), 8, detail_hash.begin());
  return Chain(t_s, event, role, actor_id, tid, detail_hash);
}

const AuditEntry& AuditLog::Compact(uint32_t t_s) {
  const size_t drop = std::min(capacity_ / 2, entries_.size());
  const AuditEntry last_dropped = entries_[drop - 1];
  entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(drop));
  return Chain(t_s, AuditEvent::kOverwritten, 0, last_dropped.idx, 0, last_dropped.chain_mac);
}

const AuditEntry& AuditLog::Chain(uint32_t t_s, AuditEvent event, uint8_t role, uint32_t actor_id,
                                  uint16_t tid, const std::array<uint8_t, 8>& detail_hash) {
  AuditEntry e;
  e.idx = next_idx_++;
  e.t_s = t_s;
  e.event = event;
  e.role = role;
  e.actor_id = actor_id;
  e.tid = tid;
  e.detail_hash = detail_hash;
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
  anchor.next_idx = next_idx_;
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
  // A wrapped ring starts after what its newest kOverwritten record names, with that entry's MAC.
  const uint32_t start = entries.empty() ? 0 : entries.front().idx;
  std::array<uint8_t, 8> head{};
  if (start > 0) {
    const auto record = std::find_if(entries.rbegin(), entries.rend(), [&](const AuditEntry& e) {
      return e.event == AuditEvent::kOverwritten && e.actor_id + 1 == start;
    });
    if (record == entries.rend()) {
      return Status::Error("audit: entries before " + std::to_string(start) +
                           " are missing and no overwritten record names them");
    }
    head = record->detail_hash;
  }
  Bytes key(k_log0.begin(), k_log0.end());
  for (uint32_t i = 0; i < start; ++i) key = NextKey(crypto, key);
  for (size_t i = 0; i < entries.size(); ++i) {
    const AuditEntry& e = entries[i];
    if (e.idx != start + i) {
      return Status::Error("audit: entry " + std::to_string(start + i) + " out of sequence");
    }
    const Bytes body = EncodeAuditEntry(e);
    const auto expected = ChainMac(crypto, key, head, ByteView(body).first(kAuditEntrySize - 8));
    if (!ConstantTimeEqual(expected, e.chain_mac)) {
      return Status::Error("audit: chain MAC mismatch at entry " + std::to_string(start + i));
    }
    head = e.chain_mac;
    key = NextKey(crypto, key);
  }
  if (anchor.next_idx != start + entries.size()) {
    return Status::Error("audit: log truncated or extended");
  }
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
