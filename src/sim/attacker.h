// The far-field attacker (internal to sim/): passive capture, interception and injection.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "medtra/link/crypto.h"
#include "medtra/sim/channel.h"
#include "medtra/sim/rng.h"
#include "medtra/sim/scenario.h"

namespace medtra::sim {

/// What the attacker knows before the scenario starts (Dolev-Yao with the legacy static ID, and
/// valid credentials for another device B).
struct AttackerKnowledge {
  uint32_t legacy_static_id = 0;
  const link::Crypto* crypto = nullptr;
};

class Attacker {
 public:
  Attacker(Attack attack, Protocol protocol, uint32_t budget, Rng& rng,
           AttackerKnowledge knowledge);

  /// Passive capture of a legitimate transmission (programmer or implant).
  void Observe(const Packet& packet, int session);
  /// A legitimate frame about to go on air: nullopt suppresses it, a value delays it by that many
  /// ms.
  std::optional<uint32_t> Intercept(const Packet& packet, uint64_t now_ms);
  /// The frames the attacker transmits at `now_ms` (origin kAttacker).
  void Emit(uint64_t now_ms, int session, std::vector<Packet>& out);
  /// True when the attacker has nothing left to send or release.
  bool finished() const;

  const std::vector<link::Bytes>& capture() const { return capture_; }
  bool jamming() const { return jamming_; }

 private:
  struct Captured {
    Packet packet;
    int session = 0;
  };
  bool CanEmit() const;
  std::optional<Packet> Make(uint64_t now_ms, int session);
  Packet Replay(int session);
  Packet Modify();
  Packet Inject();
  Packet Reflect();
  Packet CrossDevice();
  Packet Flood();
  link::Bytes ForgedData();
  void PrepareDeviceB();

  Attack attack_;
  Protocol protocol_;
  uint32_t budget_;
  Rng* rng_;
  AttackerKnowledge knowledge_;
  uint32_t sent_ = 0;
  uint32_t sent_in_session0_ = 0;
  uint64_t next_emit_ms_ = 0;
  std::vector<link::Bytes> capture_;
  std::vector<Captured> to_implant_;  ///< captured programmer→implant frames
  std::vector<Captured> to_programmer_;
  std::optional<uint32_t> sniffed_id_;
  std::optional<uint8_t> last_sid_;
  uint16_t highest_seq_lo_ = 0;
  std::optional<link::Bytes> captured_ticket_;
  std::set<int> delayed_tags_;
  std::vector<Packet> held_;  ///< delay / duplicate: frames to release later (at_ms = release time)
  bool jamming_ = false;
  std::vector<link::Bytes> device_b_frames_;  ///< frames valid under device B's credentials
};

}  // namespace medtra::sim
