// The implant's tamper-evident audit log: a forward-secure MAC chain over 32-byte entries.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/link/bytes.h"
#include "medtra/link/crypto.h"

namespace medtra::link {

enum class AuditEvent : uint8_t {
  kSessionOpen = 1,
  kSessionClose = 2,
  kCommandApplied = 3,
  kEmergencyOpen = 4,
  kEmergencyExpired = 5,
  kRateLimited = 6,
  kRejections = 7,  ///< aggregated counter: tid = reject reason, detail = count and window
  kNearFieldConfirm = 8,
  kEmergencyReverted = 9,  ///< the emergency window ended: its parameter changes were undone
  kEpochRaised = 10,       ///< revocation: tid = the new minimum ticket epoch
  /// The ring wrapped: entries up to and including actor_id were dropped; detail_hash holds the
  /// chain MAC of that last dropped entry (not a hash), so a verifier continues the chain there.
  kOverwritten = 11,
};

/// The implant keeps the newest entries in a ring of this many (design 6.8: at least 512). When it
/// is full, the oldest half is dropped and a kOverwritten record is chained, so storage stays
/// bounded under any flood and the verifier still detects every change to what is kept.
inline constexpr size_t kAuditRingCapacity = 512;

/// The index of the oldest entry a ring of `capacity` holds once `next_idx` entries were written.
uint32_t AuditWindowStart(uint32_t next_idx, size_t capacity = kAuditRingCapacity);

/// idx(4) ‖ t(4) ‖ event(1) ‖ role(1) ‖ actor_id(4) ‖ tid(2) ‖ detail_hash(8) ‖ chain_mac(8).
struct AuditEntry {
  uint32_t idx = 0;
  uint32_t t_s = 0;
  AuditEvent event = AuditEvent::kSessionOpen;
  uint8_t role = 0;
  uint32_t actor_id = 0;
  uint16_t tid = 0;
  std::array<uint8_t, 8> detail_hash{};
  std::array<uint8_t, 8> chain_mac{};
  bool operator==(const AuditEntry&) const = default;
};
inline constexpr size_t kAuditEntrySize = 32;
Bytes EncodeAuditEntry(const AuditEntry& entry);
/// Parses one 32-byte entry (the chain MAC is checked by VerifyAuditLog, not here).
Result<AuditEntry> DecodeAuditEntry(ByteView bytes);

/// The MACed (idx, chain head) anchor the implant reports in M2 and interrogation responses.
struct AuditAnchor {
  uint32_t next_idx = 0;
  std::array<uint8_t, 8> head{};
  std::array<uint8_t, 8> mac{};  ///< trunc8(HMAC(K_next, "anchor" ‖ next_idx ‖ head))
};

/// chain_mac_i = trunc8(HMAC(K_i, chain_mac_{i−1} ‖ entry_i[0..24))); K_{i+1} = HKDF-Expand(K_i,
/// "next"); K_i is overwritten once used, so a later compromise cannot rewrite the past.
class AuditLog {
 public:
  AuditLog(const Crypto& crypto, ByteView k_log0, size_t capacity = kAuditRingCapacity);
  /// Continues a chain restored from persistent state: `key` is K_next, `head` the last chain MAC,
  /// `entries` the ring's contents (AuditWindowStart .. next index - 1).
  AuditLog(const Crypto& crypto, ByteView key, const std::array<uint8_t, 8>& head,
           std::vector<AuditEntry> entries, size_t capacity = kAuditRingCapacity);
  /// Appends one entry and returns it; when the ring is full, Compact() runs first.
  const AuditEntry& Append(uint32_t t_s, AuditEvent event, uint8_t role, uint32_t actor_id,
                           uint16_t tid, ByteView detail);
  /// True when the next Append drops the oldest half of the ring.
  bool full() const { return entries_.size() >= capacity_; }
  /// Drops the oldest half of the ring and appends the kOverwritten record; returns it.
  const AuditEntry& Compact(uint32_t t_s);
  /// The entries the ring holds, oldest first (indexes are consecutive).
  const std::vector<AuditEntry>& entries() const { return entries_; }
  /// The index the next entry gets: every entry ever written, dropped ones included.
  uint32_t next_idx() const { return next_idx_; }
  AuditAnchor Anchor() const;
  /// What the implant persists to continue the chain after a restart.
  const Bytes& next_key() const { return key_; }
  const std::array<uint8_t, 8>& head() const { return head_; }

 private:
  const Crypto* crypto_;
  Bytes key_;  ///< K_next: the only key the implant still holds
  std::array<uint8_t, 8> head_{};
  std::vector<AuditEntry> entries_;
  size_t capacity_ = kAuditRingCapacity;
  uint32_t next_idx_ = 0;
  /// Appends without the capacity check.
  const AuditEntry& Chain(uint32_t t_s, AuditEvent event, uint8_t role, uint32_t actor_id,
                          uint16_t tid, const std::array<uint8_t, 8>& detail_hash);
};

/// Backend verifier: recomputes the chain from K_log0 and checks it ends at the anchor. Detects any
/// edited, deleted, inserted, reordered or truncated entry. A ring that wrapped starts after the
/// entries its newest kOverwritten record names; without that record the start is a deletion.
/// `highest_seen` is the highest anchor index the backend has verified before for this device: an
/// older log with its older anchor is a rollback.
Status VerifyAuditLog(const Crypto& crypto, ByteView k_log0, std::span<const AuditEntry> entries,
                      const AuditAnchor& anchor, uint32_t highest_seen = 0);

/// The highest audit index seen per device (programmer and backend): a lower one is a rollback of
/// the implant's log or persistent state.
class AuditWatermark {
 public:
  /// Records `next_idx` for `device_id`; an error when it is below the highest seen before.
  Status Observe(ByteView device_id, uint32_t next_idx);
  uint32_t Highest(ByteView device_id) const;

 private:
  std::map<Bytes, uint32_t> highest_;
};

}  // namespace medtra::link
