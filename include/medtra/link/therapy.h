// Therapy parameters, their hard safety bounds, the typed command set and role permissions.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"

namespace medtra::link {

/// The programmable therapy parameters (placeholder clinical values for the simulation only).
enum class Param : uint8_t {
  kVfThresholdBpm = 1,
  kVtThresholdBpm = 2,
  kShockEnergyJ = 3,
  kPacingRateBpm = 4,
  kPacingAmplitudeDv = 5,  ///< decivolts
  kTachyTherapyEnabled = 6,
};
inline constexpr int kParamCount = 6;

struct ParamBounds {
  Param param;
  std::string_view name;
  uint16_t min;
  uint16_t max;
  uint16_t max_step;  ///< largest change allowed by one command (rate-of-change limit)
};

/// The hard safety-bounds table; it applies whatever the role.
const std::array<ParamBounds, kParamCount>& SafetyBounds();

/// The parameter store of the implant (applied by an atomic swap of the whole struct).
struct TherapyParams {
  std::array<uint16_t, kParamCount> values{200, 170, 35, 60, 25, 1};
  uint16_t Get(Param p) const { return values[static_cast<size_t>(p) - 1]; }
  void Set(Param p, uint16_t v) { values[static_cast<size_t>(p) - 1] = v; }
  bool operator==(const TherapyParams&) const = default;
};

/// Checks a proposed value against the bounds table and the rate-of-change limit.
Status CheckSafetyBounds(const TherapyParams& current, uint8_t param, uint16_t value);

/// The typed command set. There is no raw memory read or write opcode (lesson L7).
enum class Opcode : uint8_t {
  kReadStatus = 0x01,
  kReadPatientData = 0x02,
  kReadLastTid = 0x03,
  kEndSession = 0x04,  ///< the programmer is done: the implant closes the session, erases keys
  kSetParam = 0x10,    ///< args: param(1) ‖ value(2)
  kSuspendTachy = 0x11,
  kResumeTachy = 0x12,
  kRescueShock = 0x13,
  kInduceFibrillation = 0x20,  ///< clinician + near-field confirmation only
  kSetClock = 0x21,
  kSetDemographics = 0x22,
  kDisableAllTherapy = 0x23,
  kRaiseTicketEpoch = 0x24,  ///< args: epoch(2) ‖ backend MAC(8); revokes older tickets
  kFirmwareUpdate = 0x30,    ///< never over this link
};

/// True for opcodes that only read (idempotent, no transaction ID ordering).
bool IsRead(uint8_t opcode);
/// True for opcodes this implant knows.
bool IsKnownOpcode(uint8_t opcode);
/// TTL in milliseconds: 2 s for state-changing commands, 0 (session-long) for reads.
uint32_t CommandTtlMs(uint8_t opcode);

enum class Role : uint8_t {
  kClinician = 1,
  kRemoteMonitor = 2,
  kPatient = 3,
  kEmergency = 4,
  kManufacturer = 5,
};
std::string_view RoleName(Role role);
bool IsValidRole(uint8_t role);

/// Role authorization (secure-link.md §6.7), checked on every frame.
/// `near_field_confirmed`: a near-field confirmation is active (needed for the dangerous commands).
bool IsAllowed(Role role, uint8_t opcode, bool near_field_confirmed);
/// Which parameters a role may set with SetParam. EMERGENCY has presets only: pacing rate,
/// pacing amplitude and shock energy; never detection thresholds or tachy therapy on/off, so an
/// emergency session cannot reach a therapy-off state.
bool IsAllowedParam(Role role, uint8_t param);

/// The demo patient record an interrogation returns (known plaintext for the eavesdrop checks).
inline constexpr std::string_view kPatientName = "DOE^JANE";
inline constexpr std::string_view kPatientDob = "1957-03-14";
inline constexpr std::string_view kPatientDiagnosis = "DCM,NYHA-II,VF-ARREST-2019";
/// name|dob|diagnosis followed by the parameter values: what an interrogation returns.
std::vector<uint8_t> PatientRecord(const TherapyParams& params);

}  // namespace medtra::link
