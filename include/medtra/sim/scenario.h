// Simulator scenarios: one protocol, one attack, a seed; the metrics that verify the measures.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "medtra/base/status.h"

namespace medtra::sim {

enum class Protocol : uint8_t { kLegacy, kSecure };
std::string_view ProtocolName(Protocol protocol);
std::optional<Protocol> ParseProtocol(std::string_view name);

enum class Attack : uint8_t {
  kEavesdrop,
  kReplay,
  kModify,
  kInject,
  kReflect,
  kCrossDevice,
  kDowngrade,
  kDelay,
  kFlood,
  kDrop,
  kReorder,
  kDuplicate,
  kJam,
  // Issue 16: attacks across time, restarts, energy, emergency access and the audit log.
  kDelayedRelease,
  kBankAndRelease,
  kRestartReplay,
  kEnergyDay,
  kEmergencyAbuse,
  kAuditRollback,
  kTicketLockout,
};
/// Every attack, in the order of the matrix.
std::span<const Attack> AllAttacks();
std::string_view AttackName(Attack attack);  ///< e.g. "cross-device"
std::optional<Attack> ParseAttack(std::string_view name);
/// One line on what the attacker does in this scenario.
std::string_view AttackDescription(Attack attack);

struct ScenarioConfig {
  Protocol protocol = Protocol::kSecure;
  Attack attack = Attack::kEavesdrop;
  uint64_t seed = 1;
  uint32_t frames = 1000;  ///< attacker frame budget for the active attacks
  uint32_t commands = 20;  ///< legitimate therapy commands, over two programming sessions
};

/// Everything a scenario measures (JSON keys in docs/sim.md are these names).
struct SimMetrics {
  std::string protocol;
  std::string attack;
  uint64_t seed = 0;
  uint64_t frames = 0;  ///< the attacker frame budget requested
  uint64_t attacker_frames = 0;
  uint64_t attacker_frames_accepted = 0;
  bool therapy_changed_by_attacker = false;
  bool static_id_observed = false;
  bool patient_data_observed = false;
  uint64_t legit_commands_sent = 0;
  uint64_t legit_commands_applied = 0;
  uint64_t legit_commands_lost = 0;  ///< not applied and not reported FAILED (silent loss)
  uint64_t legit_commands_duplicated = 0;
  uint64_t legit_commands_failed_reported = 0;
  uint64_t therapy_ticks = 0;
  uint64_t therapy_ticks_missed = 0;
  uint64_t implant_replies_to_unauthenticated = 0;
  uint64_t implant_handshake_replies_to_attacker = 0;
  uint64_t radio_on_ms_attacker = 0;
  bool therapy_final_as_intended = false;
  uint64_t max_command_resolution_ms = 0;  ///< longest time until applied or FAILED was shown
  uint64_t frames_on_air = 0;
  uint64_t audit_entries = 0;
  uint64_t duration_ms = 0;
};

/// Runs one scenario. Deterministic: the same config gives the same metrics.
Result<SimMetrics> RunScenario(const ScenarioConfig& config);

}  // namespace medtra::sim
