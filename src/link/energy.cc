// Wake-up gating, the daily radio budget and per-ticket handshake limits.
#include "medtra/link/energy.h"

namespace medtra::link {

uint64_t AirtimeUs(size_t bytes) { return 500 + static_cast<uint64_t>(bytes) * 8 * 1000 / 200; }

bool EnergyGate::InMonitorWindow(uint64_t now_ms) const {
  if (now_ms < config_.monitor_offset_ms) return false;
  return (now_ms - config_.monitor_offset_ms) % kDayMs < config_.monitor_window_ms;
}

void EnergyGate::Roll(uint64_t now_ms) {
  if (now_ms / kDayMs > day_) {  // only a later day starts afresh, never a clock set back
    day_ = now_ms / kDayMs;
    spent_today_us_ = 0;
    reserved_us_ = 0;
  }
}

bool EnergyGate::Reserve(uint64_t now_ms) {
  Roll(now_ms);
  if (spent_today_us_ + kMaxFrameCostUs <= reserved_us_) return false;
  reserved_us_ = spent_today_us_ + uint64_t{config_.reserve_step_ms} * 1000;
  return true;
}

void EnergyGate::Restore(const EnergyCheckpoint& checkpoint) {
  day_ = checkpoint.day;
  spent_today_us_ = checkpoint.reserved_us;
  reserved_us_ = checkpoint.reserved_us;
}

bool EnergyGate::Exhausted(uint64_t now_ms) {
  Roll(now_ms);
  return spent_today_us_ >= uint64_t{config_.daily_budget_ms} * 1000;
}

bool EnergyGate::Listening(uint64_t now_ms, bool near_field, bool live_session) {
  if (!config_.gating || near_field || live_session) return true;
  return InMonitorWindow(now_ms) && !Exhausted(now_ms);
}

void EnergyGate::Spend(uint64_t now_ms, uint64_t airtime_us) {
  Roll(now_ms);
  spent_today_us_ += airtime_us;
  spent_total_us_ += airtime_us;
}

bool HandshakeLimiter::Allow(uint32_t key, uint64_t now_ms, bool active, uint64_t window_start_ms) {
  if (keys_.size() >= kMaxHandshakeKeys && keys_.count(key) == 0) return false;  // bounded state
  HandshakeCounters& k = keys_[key];
  const uint64_t interval = active ? limits_.interval_active_ms : limits_.interval_idle_ms;
  if (k.any && now_ms < k.last_ms + interval) return false;
  if (active) {
    if (k.window != window_start_ms) {
      k.window = window_start_ms;
      k.in_window = 0;
    }
    if (k.in_window >= limits_.max_per_window) return false;
    ++k.in_window;
  } else {
    if (now_ms / kDayMs > k.day) {
      k.day = now_ms / kDayMs;
      k.today = 0;
    }
    if (k.today >= limits_.max_per_day_idle) return false;
    ++k.today;
  }
  k.any = true;
  k.last_ms = now_ms;
  return true;
}

}  // namespace medtra::link
