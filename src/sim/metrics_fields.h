// The metric fields of SimMetrics by JSON name (internal): one table for writer and reader.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "medtra/sim/scenario.h"

namespace medtra::sim {

struct CountField {
  std::string_view name;
  uint64_t SimMetrics::*member;
};
struct FlagField {
  std::string_view name;
  bool SimMetrics::*member;
};

inline std::span<const CountField> CountFields() {
  static constexpr std::array<CountField, 18> kFields = {{
      {"seed", &SimMetrics::seed},
      {"frames", &SimMetrics::frames},
      {"attacker_frames", &SimMetrics::attacker_frames},
      {"attacker_frames_accepted", &SimMetrics::attacker_frames_accepted},
      {"legit_commands_sent", &SimMetrics::legit_commands_sent},
      {"legit_commands_applied", &SimMetrics::legit_commands_applied},
      {"legit_commands_lost", &SimMetrics::legit_commands_lost},
      {"legit_commands_duplicated", &SimMetrics::legit_commands_duplicated},
      {"legit_commands_failed_reported", &SimMetrics::legit_commands_failed_reported},
      {"therapy_ticks", &SimMetrics::therapy_ticks},
      {"therapy_ticks_missed", &SimMetrics::therapy_ticks_missed},
      {"implant_replies_to_unauthenticated", &SimMetrics::implant_replies_to_unauthenticated},
      {"implant_handshake_replies_to_attacker", &SimMetrics::implant_handshake_replies_to_attacker},
      {"radio_on_ms_attacker", &SimMetrics::radio_on_ms_attacker},
      {"max_command_resolution_ms", &SimMetrics::max_command_resolution_ms},
      {"frames_on_air", &SimMetrics::frames_on_air},
      {"audit_entries", &SimMetrics::audit_entries},
      {"duration_ms", &SimMetrics::duration_ms},
  }};
  return kFields;
}

inline std::span<const FlagField> FlagFields() {
  static constexpr std::array<FlagField, 4> kFields = {{
      {"therapy_changed_by_attacker", &SimMetrics::therapy_changed_by_attacker},
      {"static_id_observed", &SimMetrics::static_id_observed},
      {"patient_data_observed", &SimMetrics::patient_data_observed},
      {"therapy_final_as_intended", &SimMetrics::therapy_final_as_intended},
  }};
  return kFields;
}

/// The JSON key order: the list first, then the additional metrics.
inline std::span<const std::string_view> MetricKeyOrder() {
  static constexpr std::array<std::string_view, 24> kOrder = {
      "protocol",
      "attack",
      "seed",
      "frames",
      "attacker_frames",
      "attacker_frames_accepted",
      "therapy_changed_by_attacker",
      "static_id_observed",
      "patient_data_observed",
      "legit_commands_sent",
      "legit_commands_applied",
      "legit_commands_lost",
      "legit_commands_duplicated",
      "legit_commands_failed_reported",
      "therapy_ticks_missed",
      "implant_replies_to_unauthenticated",
      "radio_on_ms_attacker",
      "implant_handshake_replies_to_attacker",
      "therapy_final_as_intended",
      "therapy_ticks",
      "max_command_resolution_ms",
      "frames_on_air",
      "audit_entries",
      "duration_ms",
  };
  return kOrder;
}

}  // namespace medtra::sim
