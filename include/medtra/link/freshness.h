// Command freshness: the issue time t_issue and the implant's TTL check, one owner for both sides.
#pragma once

#include <cstdint>

namespace medtra::link {

/// t_issue counts 100-ms ticks since the handshake. A 16-bit count wraps after 6553.6 s, beyond the
/// longest session (kMaxSessionLifetimeMs), so within a session the issue time never wraps.
inline constexpr uint64_t kIssueTickMs = 100;
inline constexpr uint64_t kMaxSessionLifetimeMs = 30 * 60'000;
static_assert(kMaxSessionLifetimeMs / kIssueTickMs < 65'536, "t_issue must not wrap in a session");

/// The programmer's t_issue for a command sealed at `now_ms` in a session keyed at `keyed_ms`.
uint16_t IssueTicks(uint64_t keyed_ms, uint64_t now_ms);

/// The implant's TTL check. `opened_ms` is when the implant answered M1 (never later than the
/// programmer's keying time, so the age is never underestimated). Rejects a command whose age in
/// whole ticks reaches ttl_ms / kIssueTickMs (so nothing 2.0 s or older is accepted for a 2 s TTL),
/// and a command issued more than one tick in the future. `ttl_ms` 0 means no TTL.
bool IsFresh(uint64_t opened_ms, uint16_t t_issue, uint64_t now_ms, uint32_t ttl_ms);

}  // namespace medtra::link
