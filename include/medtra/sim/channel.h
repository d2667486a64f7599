// A deterministic, seeded radio channel: latency, i.i.d. loss, duplication, reordering and jamming.
#pragma once

#include <cstdint>
#include <queue>
#include <vector>

#include "medtra/link/bytes.h"
#include "medtra/sim/rng.h"

namespace medtra::sim {

enum class Dir : uint8_t { kToImplant, kToProgrammer };
enum class Origin : uint8_t { kLegit, kAttacker };

struct Packet {
  Dir dir = Dir::kToImplant;
  Origin origin = Origin::kLegit;
  int tag = -1;  ///< the legitimate command this frame carries (-1: none), for ground truth only
  link::Bytes bytes;
  uint64_t at_ms = 0;  ///< delivery time
  uint64_t order = 0;  ///< tie-break: FIFO among equal delivery times
};

struct ChannelConfig {
  uint32_t latency_ms = 2;
  double loss = 0;          ///< per frame, per direction, i.i.d.
  double duplicate = 0;     ///< probability that the channel delivers a frame twice
  uint32_t reorder_ms = 0;  ///< uniform extra delay in [0, reorder_ms]
  bool jammed = false;      ///< nothing gets through
};

/// Airtime of a frame at 200 kbit/s plus 0.5 ms of preamble and turnaround (ZL70102-like radio).
double AirtimeMs(size_t bytes);

class Channel {
 public:
  Channel(ChannelConfig config, Rng& rng) : config_(config), rng_(&rng) {}
  void set_jammed(bool jammed) { config_.jammed = jammed; }
  bool jammed() const { return config_.jammed; }
  /// Puts a frame on the air at `now_ms`; `extra_delay_ms` is added by an attacker holding it.
  void Send(Packet packet, uint64_t now_ms, uint32_t extra_delay_ms = 0);
  /// Removes and returns the frames due at or before `now_ms`, in delivery order.
  std::vector<Packet> TakeDue(uint64_t now_ms);
  bool empty() const { return queue_.empty(); }
  uint64_t frames_on_air() const { return frames_on_air_; }

 private:
  struct Later {
    bool operator()(const Packet& a, const Packet& b) const {
      return a.at_ms != b.at_ms ? a.at_ms > b.at_ms : a.order > b.order;
    }
  };
  void Enqueue(Packet packet, uint64_t at_ms);

  ChannelConfig config_;
  Rng* rng_;
  std::priority_queue<Packet, std::vector<Packet>, Later> queue_;
  uint64_t next_order_ = 0;
  uint64_t frames_on_air_ = 0;
};

}  // namespace medtra::sim
