// The audit trail's hash chain: the canonical text of an entry and the check of a whole chain.
#include <nlohmann/json.hpp>

#include "medtra/base/sha256.h"
#include "medtra/store/store.h"

namespace medtra::store {

std::string AuditCanonical(const AuditEntry& entry) {
  const nlohmann::json fields = {entry.seq,    entry.actor, entry.time,     entry.action,
                                 entry.before, entry.after, entry.prev_hash};
  return fields.dump();
}

std::optional<std::string> VerifyAuditChain(const std::vector<AuditEntry>& entries) {
  std::string prev(64, '0');
  int64_t expected = 1;
  for (const AuditEntry& entry : entries) {
    const std::string name = "audit entry " + std::to_string(entry.seq);
    if (entry.seq > expected) {
      return "audit entry " + std::to_string(expected) + ": missing (removed)";
    }
    if (entry.seq < expected) return name + ": out of sequence (inserted)";
    if (Sha256Hex(AuditCanonical(entry)) != entry.hash) return name + ": hash mismatch (altered)";
    if (entry.prev_hash != prev) {
      return name + ": does not follow entry " + std::to_string(expected - 1) +
             " (prev_hash differs: an entry was inserted, removed or altered)";
    }
    prev = entry.hash;
    ++expected;
  }
  return std::nullopt;
}

}  // namespace medtra::store
