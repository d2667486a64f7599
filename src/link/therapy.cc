// Safety bounds, command classification and the role permission table.
#include "medtra/link/therapy.h"

#include <algorithm>
#include <string>

namespace medtra::link {

const std::array<ParamBounds, kParamCount>& SafetyBounds() {
  static const std::array<ParamBounds, kParamCount> kBounds = {{
      {Param::kVfThresholdBpm, "vf_threshold_bpm", 150, 250, 30},
      {Param::kVtThresholdBpm, "vt_threshold_bpm", 120, 220, 30},
      {Param::kShockEnergyJ, "shock_energy_j", 5, 41, 20},
      {Param::kPacingRateBpm, "pacing_rate_bpm", 30, 120, 30},
      {Param::kPacingAmplitudeDv, "pacing_amplitude_dv", 5, 75, 25},
      {Param::kTachyTherapyEnabled, "tachy_therapy_enabled", 0, 1, 1},
  }};
  return kBounds;
}

Status CheckSafetyBounds(const TherapyParams& current, uint8_t param, uint16_t value) {
  if (param < 1 || param > kParamCount) return Status::Error("unknown parameter");
  const ParamBounds& b = SafetyBounds()[param - 1];
  if (value < b.min || value > b.max) {
    return Status::Error(std::string(b.name) + " outside hard safety bounds");
  }
  const int old_value = current.values[param - 1];
  const int step = value > old_value ? value - old_value : old_value - value;
  if (step > b.max_step) return Status::Error(std::string(b.name) + " changes too fast");
  return Status::Ok();
}

bool IsRead(uint8_t opcode) {
  return opcode == static_cast<uint8_t>(Opcode::kReadStatus) ||
         opcode == static_cast<uint8_t>(Opcode::kReadPatientData) ||
         opcode == static_cast<uint8_t>(Opcode::kEndSession) ||
         opcode == static_cast<uint8_t>(Opcode::kReadLastTid);
}

bool IsKnownOpcode(uint8_t opcode) {
  switch (static_cast<Opcode>(opcode)) {
    case Opcode::kReadStatus:
    case Opcode::kReadPatientData:
    case Opcode::kReadLastTid:
    case Opcode::kEndSession:
    case Opcode::kSetParam:
    case Opcode::kSuspendTachy:
    case Opcode::kResumeTachy:
    case Opcode::kRescueShock:
    case Opcode::kInduceFibrillation:
    case Opcode::kSetClock:
    case Opcode::kSetDemographics:
    case Opcode::kDisableAllTherapy:
    case Opcode::kRaiseTicketEpoch:
    case Opcode::kFirmwareUpdate:
      return true;
  }
  return false;
}

uint32_t CommandTtlMs(uint8_t opcode) { return IsRead(opcode) ? 0 : 2000; }

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kClinician:
      return "clinician";
    case Role::kRemoteMonitor:
      return "remote_monitor";
    case Role::kPatient:
      return "patient";
    case Role::kEmergency:
      return "emergency";
    case Role::kManufacturer:
      return "manufacturer";
  }
  return "unknown";
}

bool IsValidRole(uint8_t role) { return role >= 1 && role <= 5; }

bool IsAllowed(Role role, uint8_t opcode, bool near_field_confirmed) {
  const auto op = static_cast<Opcode>(opcode);
  switch (op) {
    case Opcode::kReadStatus:
    case Opcode::kReadLastTid:
    case Opcode::kEndSession:
      return true;
    case Opcode::kReadPatientData:  // the remote monitor uploads PHI; patient and maker do not read
                                    // it
      return role == Role::kClinician || role == Role::kRemoteMonitor || role == Role::kEmergency;
    case Opcode::kSetParam:  // emergency: presets only (IsAllowedParam), same bounds table
    case Opcode::kResumeTachy:
    case Opcode::kRescueShock:
      return role == Role::kClinician || role == Role::kEmergency;
    case Opcode::kSuspendTachy:  // least privilege: an emergency session never disables therapy
      return role == Role::kClinician;
    case Opcode::kInduceFibrillation:
    case Opcode::kSetClock:
    case Opcode::kSetDemographics:
    case Opcode::kDisableAllTherapy:
      return role == Role::kClinician && near_field_confirmed;
    case Opcode::kRaiseTicketEpoch:  // the backend's signed command, relayed by either
      return role == Role::kClinician || role == Role::kRemoteMonitor;
    case Opcode::kFirmwareUpdate:
      return false;  // signed image + clinic presence, never over this link
  }
  return false;
}

bool IsAllowedParam(Role role, uint8_t param) {
  if (role == Role::kClinician) return param >= 1 && param <= kParamCount;
  if (role != Role::kEmergency) return false;
  return param == static_cast<uint8_t>(Param::kPacingRateBpm) ||
         param == static_cast<uint8_t>(Param::kPacingAmplitudeDv) ||
         param == static_cast<uint8_t>(Param::kShockEnergyJ);
}

}  // namespace medtra::link

namespace medtra::link {

std::vector<uint8_t> PatientRecord(const TherapyParams& params) {
  std::string text(kPatientName);
  text += '|';
  text += kPatientDob;
  text += '|';
  text += kPatientDiagnosis;
  std::vector<uint8_t> out(text.size() + 2 * params.values.size());
  std::copy(text.begin(), text.end(), out.begin());
  size_t at = text.size();
  for (uint16_t v : params.values) {
    out[at++] = static_cast<uint8_t>(v >> 8);
    out[at++] = static_cast<uint8_t>(v);
  }
  return out;
}

}  // namespace medtra::link
