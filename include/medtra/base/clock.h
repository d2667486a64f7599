// Clock: where the time comes from, so that tests pin it and records stay deterministic.
#pragma once

#include <cstdint>
#include <string>

namespace medtra {

/// The current time. Implementations never print.
class Clock {
 public:
  virtual ~Clock() = default;
  /// Seconds since 1970-01-01T00:00:00Z.
  virtual int64_t NowUnixSeconds() const = 0;
};

/// The system's real-time clock.
class SystemClock final : public Clock {
 public:
  int64_t NowUnixSeconds() const override;
};

/// A clock that tests set and advance by hand.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t now) : now_(now) {}
  int64_t NowUnixSeconds() const override { return now_; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

/// Seconds since the epoch as ISO 8601 UTC: 2026-12-03T06:14:23Z.
std::string FormatUtc(int64_t unix_seconds);

}  // namespace medtra
