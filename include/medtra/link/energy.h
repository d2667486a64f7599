// Energy and DoS controls of the implant (secure-link.md §6.10): wake-up gating, the daily budget
// of unproductive radio time, and handshake limits per ticket.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>

namespace medtra::link {

inline constexpr uint64_t kDayMs = 86'400'000;

/// Radio-on time of one frame at 200 kbit/s plus 0.5 ms preamble and turnaround, in µs.
uint64_t AirtimeUs(size_t bytes);

/// The most one heard frame can cost: a 255-byte frame and a 255-byte reply.
inline constexpr uint64_t kMaxFrameCostUs = 2 * (500 + 255 * 8 * 1000 / 200);

struct EnergyConfig {
  bool gating = true;                      ///< far-field frames are heard only in listen windows
  uint64_t monitor_offset_ms = 3'600'000;  ///< the scheduled home-monitor window, daily from here
  uint32_t monitor_window_ms = 120'000;
  uint32_t daily_budget_ms = 45'000;  ///< unproductive radio-on the implant allows itself per day
  /// The budget is committed to the NVM in steps of this much before it is spent, so a restart
  /// never hands budget back (it may cost up to one step). At most 45 writes a day under flood.
  uint32_t reserve_step_ms = 1'000;
};

/// The part of the day's budget that survives a restart: the day and the time reserved for it.
struct EnergyCheckpoint {
  uint64_t day = 0;
  uint64_t reserved_us = 0;  ///< ≥ the time spent that day; counted as spent after a restart
  bool operator==(const EnergyCheckpoint&) const = default;
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
  /// True when the next heard frame could spend past the reservation; the reservation is then
  /// raised by one step and must be committed before the frame is processed.
  bool Reserve(uint64_t now_ms);
  EnergyCheckpoint checkpoint() const { return {day_, reserved_us_}; }
  /// After a restart: the reserved time counts as spent.
  void Restore(const EnergyCheckpoint& checkpoint);
  uint64_t spent_today_us() const { return spent_today_us_; }
  uint64_t spent_total_us() const { return spent_total_us_; }
  uint64_t unheard() const { return unheard_; }
  void CountUnheard() { ++unheard_; }

 private:
  void Roll(uint64_t now_ms);
  EnergyConfig config_;
  uint64_t day_ = 0;
  uint64_t spent_today_us_ = 0;
  uint64_t reserved_us_ = 0;
  uint64_t spent_total_us_ = 0;
  uint64_t unheard_ = 0;
};

struct HandshakeLimits {
  uint32_t interval_active_ms = 50;   ///< per ticket, inside a near-field activation window
  uint32_t max_per_window = 20;       ///< per ticket and activation window (not 6,000)
  uint32_t interval_idle_ms = 2'000;  ///< per ticket, outside it
  uint32_t max_per_day_idle = 30;     ///< per ticket: one captured ticket cannot lock out another
};

/// The M2 counters of one ticket (or emergency ID); persisted, so a restart does not reset them.
struct HandshakeCounters {
  uint64_t last_ms = 0;
  bool any = false;
  uint64_t day = 0;
  uint32_t today = 0;  ///< M2s outside activation windows on `day`
  uint64_t window = 0;
  uint32_t in_window = 0;  ///< M2s in activation window `window`
  bool operator==(const HandshakeCounters&) const = default;
};
inline constexpr size_t kMaxHandshakeKeys = 257;  ///< the limiter's bounded state

/// M2 rate limits per ticket (or emergency ID).
class HandshakeLimiter {
 public:
  explicit HandshakeLimiter(HandshakeLimits limits) : limits_(limits) {}
  /// `window_start_ms` identifies the current activation window (0 when none is open).
  bool Allow(uint32_t key, uint64_t now_ms, bool active, uint64_t window_start_ms);
  const std::map<uint32_t, HandshakeCounters>& counters() const { return keys_; }
  void Restore(std::map<uint32_t, HandshakeCounters> counters) { keys_ = std::move(counters); }

 private:
  HandshakeLimits limits_;
  std::map<uint32_t, HandshakeCounters> keys_;
};

}  // namespace medtra::link
