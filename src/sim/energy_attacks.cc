// Lifecycle attacks on energy and access: a day of flooding at the channel's maximum rate, a
// captured ticket against the home monitor, emergency-role abuse; and the legacy positive control.
#include <algorithm>

#include "medtra/link/legacy.h"
#include "medtra/link/secure_frame.h"
#include "medtra/sim/channel.h"
#include "sim/lifecycle.h"

namespace medtra::sim {
namespace {

using link::Opcode;
using link::Param;
using link::Role;

Status Fail(std::string_view what) { return Status::Error(std::string(what)); }

/// The home monitor's scheduled upload: a handshake and a patient-data read, counted as the one
/// legitimate command of the run (applied = served, FAILED = locked out).
void MonitorUpload(SecureRig& rig, uint64_t now) {
  ++rig.m.legit_commands_sent;
  link::SecureProgrammer monitor(rig.crypto(), rig.rng());
  const bool keyed =
      rig.Handshake(monitor, rig.Ticket(0x300, Role::kRemoteMonitor), Role::kRemoteMonitor, now);
  const std::optional<link::Response> upload =
      keyed ? rig.Command(monitor, Opcode::kReadPatientData, 0x8000, {}, now + 1) : std::nullopt;
  const bool served = upload && upload->status == link::ResponseStatus::kOk;
  if (keyed) (void)rig.Command(monitor, Opcode::kEndSession, 0x8001, {}, now + 2);
  if (served) {
    ++rig.m.legit_commands_applied;
  } else {
    ++rig.m.legit_commands_failed_reported;
  }
}

/// What a flooding attacker sends next: forged data, a captured ticket with a fresh N_P, junk, or
/// a legacy wake-up with the static ID.
link::Bytes FloodFrame(Rng& rng, uint64_t i, const link::Bytes& captured_ticket) {
  link::Bytes b;
  switch (i % 4) {
    case 0: {
      link::M1 m1;
      rng.Fill(m1.nonce);
      m1.ticket = captured_ticket;
      return link::EncodeM1(m1);
    }
    case 1:
      b.resize(30);
      rng.Fill(b);
      b[0] = link::MakeHeader(link::FrameType::kData);
      return b;
    case 2:
      b.resize(20);
      rng.Fill(b);
      return b;
    default:
      return link::EncodeLegacyFrame({kLegacyStaticId, link::kLegacyWakeUp, {}});
  }
}

}  // namespace

Result<SimMetrics> RunEnergyDay(SecureRig& rig) {
  // 24 hours. Outside the listen windows the receiver is off: one frame per second is delivered to
  // show it (the rest would meet the same closed receiver). Inside the scheduled home-monitor
  // window the attacker sends back to back at 200 kbit/s, all day's captured tickets included.
  const link::EnergyConfig energy;
  const link::Bytes ticket = rig.Ticket(0x100, Role::kClinician).ticket;
  const double open = static_cast<double>(energy.monitor_offset_ms);
  const double close = open + energy.monitor_window_ms;
  uint64_t i = 0;
  bool uploaded = false;
  for (double t = 0; t < static_cast<double>(link::kDayMs); ++i) {
    if (!uploaded && t >= open + 100) {
      MonitorUpload(rig, static_cast<uint64_t>(t));
      uploaded = true;
    }
    const link::Bytes frame = FloodFrame(rig.rng(), i, ticket);
    rig.Attack(frame, static_cast<uint64_t>(t));
    const bool in_window = t >= open && t < close;
    t += in_window ? AirtimeMs(frame.size()) : 1'000.0;
  }
  return rig.Finish(link::kDayMs);
}

Result<SimMetrics> RunTicketLockout(SecureRig& rig) {
  // In the home-monitor window the attacker spends a captured clinic ticket on 60 handshakes (one
  // per 2 s); the home monitor, with its own ticket, must still be served.
  const uint64_t open = link::EnergyConfig{}.monitor_offset_ms;
  link::SecureProgrammer attacker(rig.crypto(), rig.rng());
  const link::IssuedTicket captured = rig.Ticket(0x100, Role::kClinician);
  uint64_t now = open;
  for (int k = 0; k < 50; ++k, now += 2'000) {
    rig.Attack(attacker.StartHandshake(captured, Role::kClinician), now);
  }
  MonitorUpload(rig, now);
  return rig.Finish(now + 1'000);
}

Result<SimMetrics> RunEmergencyAbuse(SecureRig& rig) {
  // The holder of an emergency credential (the worst case: a rogue responder) tries every
  // therapy-off path and every forbidden command, reuses a clinician's near-field confirmation,
  // and keeps trying after the 15-minute expiry; then a clinician programs the therapy.
  uint64_t now = 1'000;
  const link::EmergencyCredential credential = rig.implant().NearFieldEmergency(now);
  link::SecureProgrammer attacker(rig.crypto(), rig.rng());
  const std::optional<link::Bytes> m2 =
      rig.Deliver(attacker.StartEmergencyHandshake(credential), now);
  if (!m2 || !attacker.HandleM2(*m2, now).ok()) return Fail("emergency-abuse: handshake failed");
  struct Try {
    Opcode op;
    link::Bytes args;
  };
  std::vector<Try> tries = {{Opcode::kSuspendTachy, {}},
                            {Opcode::kDisableAllTherapy, {}},
                            {Opcode::kSetParam, {uint8_t(Param::kTachyTherapyEnabled), 0, 0}},
                            {Opcode::kSetParam, {uint8_t(Param::kVfThresholdBpm), 0, 250}},
                            {Opcode::kSetParam, {uint8_t(Param::kVtThresholdBpm), 0, 220}},
                            {Opcode::kInduceFibrillation, {}},
                            {Opcode::kSetClock, {}},
                            {Opcode::kSetDemographics, {}},
                            {Opcode::kFirmwareUpdate, {}},
                            {Opcode::kRaiseTicketEpoch, link::Bytes(10, 0)}};
  uint16_t tid = 1;
  for (int round = 0; round < 2; ++round) {
    if (round == 1) rig.implant().NearFieldConfirm(now);  // a confirmation meant for another use
    for (const Try& t : tries) {
      Result<link::Bytes> frame = attacker.SealCommand(uint8_t(t.op), tid, t.args, ++now);
      if (frame.ok()) rig.Attack(*frame, now);
    }
  }
  for (uint64_t t = 1'000; t <= 1'000 + 16 * 60'000; t += 1'000) rig.implant().Tick(t);
  now = 1'000 + 16 * 60'000;
  for (const Try& t : tries) {  // after the expiry
    Result<link::Bytes> frame = attacker.SealCommand(uint8_t(t.op), tid, t.args, ++now);
    if (frame.ok()) rig.Attack(*frame, now);
  }
  link::SecureProgrammer clinician(rig.crypto(), rig.rng());
  rig.implant().NearFieldActivate(now);
  if (!rig.Handshake(clinician, rig.Ticket(0x100, Role::kClinician), Role::kClinician, now)) {
    return Fail("emergency-abuse: handshake failed");
  }
  uint16_t clinic_tid = 1;
  for (const Op& op : MakeWorkload(rig.scenario.commands, rig.rng()).ops) {
    if (op.is_read) continue;
    now += 10;
    rig.Program(clinician, &clinic_tid, op.param, op.value, &now);
  }
  return rig.Finish(now);
}

Result<SimMetrics> RunLegacyLifecycle(const ScenarioConfig& config) {
  SimMetrics m;
  m.protocol = std::string(ProtocolName(config.protocol));
  m.attack = std::string(AttackName(config.attack));
  m.seed = config.seed;
  m.frames = config.frames;
  Rng rng(config.seed);
  link::LegacyImplant implant(kLegacyStaticId);
  link::TherapyParams intended;
  std::vector<link::Bytes> captured;
  uint64_t now = 1'000;
  double radio_ms = 0;
  for (const Op& op : MakeWorkload(config.commands, rng).ops) {  // the programmer, sent once each
    if (op.is_read) continue;
    captured.push_back(link::LegacySetParam(kLegacyStaticId, op.param, op.value));
    ++m.legit_commands_sent;
    ++m.frames_on_air;
    if (implant.Receive(captured.back()).applied) ++m.legit_commands_applied;
    intended.Set(op.param, op.value);
    now += 100;
  }
  m.static_id_observed = true;  // every captured frame carries it
  auto attack = [&](const link::Bytes& frame) {
    ++m.attacker_frames;
    ++m.frames_on_air;
    const link::Reception r = implant.Receive(frame);
    if (r.accepted) {
      ++m.attacker_frames_accepted;
      radio_ms += 5'000;  // the legacy implant stays awake 5 s after each message
    }
    if (r.applied && !(implant.therapy() == intended)) m.therapy_changed_by_attacker = true;
  };
  switch (config.attack) {
    case Attack::kEnergyDay:
      for (uint64_t t = 0; t < link::kDayMs; t += 5'000) {
        attack(link::EncodeLegacyFrame({kLegacyStaticId, link::kLegacyWakeUp, {}}));
      }
      now = link::kDayMs;
      break;
    case Attack::kEmergencyAbuse:
    case Attack::kTicketLockout:
      attack(link::LegacySetParam(kLegacyStaticId, Param::kTachyTherapyEnabled, 0));
      break;
    case Attack::kAuditRollback:
      ++m.attacker_frames;  // there is no log to roll back: nothing can detect it
      ++m.attacker_frames_accepted;
      break;
    default:  // delayed, banked or replayed after a restart: the same captured frames, later
      for (auto it = captured.rbegin(); it != captured.rend(); ++it) attack(*it);
      now += 655'360;
      break;
  }
  m.therapy_final_as_intended = implant.therapy() == intended;
  m.radio_on_ms_attacker = static_cast<uint64_t>(radio_ms);
  m.duration_ms = now;
  m.therapy_ticks = now / 10;
  return m;
}

}  // namespace medtra::sim
