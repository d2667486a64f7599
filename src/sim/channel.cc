// The seeded channel.
#include "medtra/sim/channel.h"

namespace medtra::sim {

double AirtimeMs(size_t bytes) { return 0.5 + static_cast<double>(bytes) * 8.0 / 200.0; }

void Channel::Enqueue(Packet packet, uint64_t at_ms) {
  packet.at_ms = at_ms;
  packet.order = next_order_++;
  queue_.push(std::move(packet));
}

void Channel::Send(Packet packet, uint64_t now_ms, uint32_t extra_delay_ms) {
  ++frames_on_air_;
  if (config_.jammed || rng_->Chance(config_.loss)) return;
  const uint64_t base = now_ms + config_.latency_ms + extra_delay_ms;
  auto jitter = [this] { return config_.reorder_ms ? rng_->Below(config_.reorder_ms + 1) : 0; };
  if (rng_->Chance(config_.duplicate)) Enqueue(packet, base + jitter() + 1);
  Enqueue(std::move(packet), base + jitter());
}

std::vector<Packet> Channel::TakeDue(uint64_t now_ms) {
  std::vector<Packet> due;
  while (!queue_.empty() && queue_.top().at_ms <= now_ms) {
    due.push_back(queue_.top());
    queue_.pop();
  }
  return due;
}

}  // namespace medtra::sim
