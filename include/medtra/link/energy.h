// Energy and DoS controls of the implant (secure-link.md §6.10): wake-up gating, the daily budget
// of unproductive radio time, and handshake limits per ticket.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

namespace medtra::link {

inline constexpr uint64_t kDayMs = 86'400'000;

/// Radio-on time of one frame at 200 kbit/s plus 0.5 ms preamble and turnaround, in µs.
uint64_t AirtimeUs(size_t bytes);

struct EnergyConfig {
  bool gating = true;                      ///< far-field frames are heard only in listen windows
  uint64_t monitor_offset_ms = 3'600'000;  ///< the scheduled home-monitor window, daily from here
  uint32_t monitor_window_ms = 120'000;
  uint32_t daily_budget_ms = 45'000;  ///< unproductive radio-on the implant allows itself per day
};

/// When the receiver is on, and what unproductive radio time (frames dropped, M2s) cost today.
class EnergyGate {
 public:
  explicit EnergyGate(EnergyConfig config) : config_(config) {}
  bool InMonitorWindow(uint64_t now_ms) const;
  /// Listening: a near-field activation or a live session always; the scheduled monitor window
  /// while the day's budget lasts.
  bool Listening(uint64_t now_ms, bool near_field, bool live_session);
  void Spend(uint64_t now_ms, uint64_t airtime_us);
  bool Exhausted(uint64_t now_ms);
  uint64_t spent_total_us() const { return spent_total_us_; }
  uint64_t unheard() const { return unheard_; }
  void CountUnheard() { ++unheard_; }

 private:
  void Roll(uint64_t now_ms);
  EnergyConfig config_;
  uint64_t day_ = 0;
  uint64_t spent_today_us_ = 0;
  uint64_t spent_total_us_ = 0;
  uint64_t unheard_ = 0;
};

struct HandshakeLimits {
  uint32_t interval_active_ms = 50;   ///< per ticket, inside a near-field activation window
  uint32_t max_per_window = 20;       ///< per ticket and activation window (not 6,000)
  uint32_t interval_idle_ms = 2'000;  ///< per ticket, outside it
  uint32_t max_per_day_idle = 30;     ///< per ticket: one captured ticket cannot lock out another
};

/// M2 rate limits per ticket (or emergency ID).
class HandshakeLimiter {
 public:
  explicit HandshakeLimiter(HandshakeLimits limits) : limits_(limits) {}
  /// `window_start_ms` identifies the current activation window (0 when none is open).
  bool Allow(uint32_t key, uint64_t now_ms, bool active, uint64_t window_start_ms);

 private:
  struct PerKey {
    uint64_t last_ms = 0;
    bool any = false;
    uint64_t day = 0;
    uint32_t today = 0;
    uint64_t window = 0;
    uint32_t in_window = 0;
  };
  HandshakeLimits limits_;
  std::map<uint32_t, PerKey> keys_;
};

}  // namespace medtra::link
