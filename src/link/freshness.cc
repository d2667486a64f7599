// The issue-time clock and the TTL check of data-frame commands.
#include "medtra/link/freshness.h"

namespace medtra::link {

uint16_t IssueTicks(uint64_t keyed_ms, uint64_t now_ms) {
  const uint64_t elapsed = now_ms > keyed_ms ? now_ms - keyed_ms : 0;
  return static_cast<uint16_t>(elapsed / kIssueTickMs);
}

bool IsFresh(uint64_t opened_ms, uint16_t t_issue, uint64_t now_ms, uint32_t ttl_ms) {
  if (ttl_ms == 0) return true;
  const uint64_t elapsed = now_ms > opened_ms ? now_ms - opened_ms : 0;
  if (elapsed >= kMaxSessionLifetimeMs + kIssueTickMs) return false;  // no session lives this long
  const uint64_t now_ticks = elapsed / kIssueTickMs;
  if (t_issue > now_ticks + 1) return false;  // from the future: forged or from another session
  const uint64_t age_ticks = t_issue > now_ticks ? 0 : now_ticks - t_issue;
  return age_ticks < ttl_ms / kIssueTickMs;
}

}  // namespace medtra::link
