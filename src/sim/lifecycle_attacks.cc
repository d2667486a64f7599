// Lifecycle attacks on time and state: delayed release across the old 16-bit wrap, banked pending
// sessions, replay after restarts with a repeating random source, and audit rollback.
#include <algorithm>

#include "sim/lifecycle.h"

namespace medtra::sim {
namespace {

using link::Opcode;
using link::Param;
using link::Role;

constexpr uint64_t kKeepAliveMs = 50'000;

/// The workload's therapy commands, in order (values within bounds and step limits).
std::vector<Op> Commands(const ScenarioConfig& config, Rng& rng) {
  std::vector<Op> out;
  for (const Op& op : MakeWorkload(config.commands, rng).ops) {
    if (!op.is_read) out.push_back(op);
  }
  return out;
}

Status Fail(std::string_view what) { return Status::Error(std::string(what)); }

}  // namespace

bool IsLifecycleAttack(Attack attack) { return attack >= Attack::kDelayedRelease; }

Result<SimMetrics> RunLifecycleAttack(const ScenarioConfig& config) {
  if (config.protocol == Protocol::kLegacy) return RunLegacyLifecycle(config);
  const std::unique_ptr<link::Crypto> crypto = link::MakeMbedTlsCrypto();
  SecureRig rig(config, *crypto);
  if (Status booted = rig.Boot(); !booted.ok()) return booted;
  switch (config.attack) {
    case Attack::kDelayedRelease:
      return RunDelayedRelease(rig);
    case Attack::kBankAndRelease:
      return RunBankAndRelease(rig);
    case Attack::kRestartReplay:
      return RunRestartReplay(rig);
    case Attack::kEnergyDay:
      return RunEnergyDay(rig);
    case Attack::kEmergencyAbuse:
      return RunEmergencyAbuse(rig);
    case Attack::kAuditRollback:
      return RunAuditRollback(rig);
    case Attack::kTicketLockout:
      return RunTicketLockout(rig);
    default:
      return Fail("not a lifecycle attack");
  }
}

Result<SimMetrics> RunDelayedRelease(SecureRig& rig) {
  // Session 1: the first command is captured and jammed (FAILED); its 16 transmissions are
  // released at delays from the TTL to beyond the session, across 655.36 s and 1310.72 s, while
  // the clinician keeps the session alive. Session 2 programs the rest.
  static constexpr uint64_t kDelaysMs[] = {
      2'000,     2'100,     5'000,     60'000,    300'000,   655'360,   655'370,   655'460,
      1'310'720, 1'310'730, 1'500'000, 1'700'000, 1'790'000, 1'810'000, 3'600'000, 7'200'000};
  std::vector<Op> ops = Commands(rig.scenario, rig.rng());
  link::SecureProgrammer programmer(rig.crypto(), rig.rng());
  uint64_t now = 1'000;
  rig.implant().NearFieldActivate(now);
  if (!rig.Handshake(programmer, rig.Ticket(0x100, Role::kClinician), Role::kClinician, now)) {
    return Fail("delayed-release: handshake failed");
  }
  if (!rig.Command(programmer, Opcode::kReadStatus, 0x8000, {}, ++now)) {  // confirms the session
    return Fail("delayed-release: no session");
  }
  const uint64_t opened = now;
  uint16_t tid = 1;
  std::vector<link::Bytes> captured;
  std::vector<uint64_t> sealed_at;
  for (int i = 0; i < 16; ++i) sealed_at.push_back(now + 100 * static_cast<uint64_t>(i));
  rig.Program(programmer, &tid, ops[0].param, ops[0].value, &now, &captured, true);
  std::vector<std::pair<uint64_t, size_t>> releases;
  for (size_t i = 0; i < captured.size() && i < std::size(kDelaysMs); ++i) {
    releases.emplace_back(sealed_at[std::min(i, sealed_at.size() - 1)] + kDelaysMs[i], i);
  }
  std::sort(releases.begin(), releases.end());
  uint64_t next_read = now + kKeepAliveMs;
  uint16_t read_tid = 0x9000;
  bool second_done = false;
  for (const auto& [at, index] : releases) {
    while (next_read < at && next_read < opened + 1'799'000) {  // the live session stays open
      (void)rig.Command(programmer, Opcode::kReadStatus, read_tid++, {}, next_read);
      next_read += kKeepAliveMs;
    }
    if (!second_done && at > opened + 31 * 60'000) {  // a second visit, after the first ended
      now = opened + 31 * 60'000;
      rig.implant().NearFieldActivate(now);
      link::SecureProgrammer second(rig.crypto(), rig.rng());
      if (!rig.Handshake(second, rig.Ticket(0x101, Role::kClinician), Role::kClinician, now)) {
        return Fail("delayed-release: second handshake failed");
      }
      uint16_t second_tid = 1;
      for (size_t k = 1; k < ops.size(); ++k) {
        now += 10;
        rig.Program(second, &second_tid, ops[k].param, ops[k].value, &now);
      }
      second_done = true;
    }
    rig.Attack(captured[index], at);
  }
  return rig.Finish(releases.back().first);
}

Result<SimMetrics> RunBankAndRelease(SecureRig& rig) {
  // Four visits are keyed and then jammed (each pending session banked with its 16 command frames);
  // the attacker releases all 64 frames into the later real visit, and after it.
  std::vector<Op> ops = Commands(rig.scenario, rig.rng());
  uint64_t now = 1'000;
  std::vector<link::Bytes> banked;
  for (uint32_t b = 0; b < 4; ++b, now += 20'000) {
    link::SecureProgrammer victim(rig.crypto(), rig.rng());
    rig.implant().NearFieldActivate(now);
    if (!rig.Handshake(victim, rig.Ticket(0x200 + b, Role::kClinician), Role::kClinician, now)) {
      return Fail("bank-and-release: handshake failed");
    }
    uint16_t tid = 1;
    ++now;
    rig.Program(victim, &tid, Param::kTachyTherapyEnabled, 0, &now, &banked, true);
  }
  link::SecureProgrammer programmer(rig.crypto(), rig.rng());
  rig.implant().NearFieldActivate(now);
  if (!rig.Handshake(programmer, rig.Ticket(0x100, Role::kClinician), Role::kClinician, now)) {
    return Fail("bank-and-release: handshake failed");
  }
  uint16_t tid = 1;
  size_t released = 0;
  for (const Op& op : ops) {
    now += 10;
    rig.Program(programmer, &tid, op.param, op.value, &now);
    for (int k = 0; k < 3 && released < banked.size(); ++k) rig.Attack(banked[released++], ++now);
  }
  for (; released < banked.size(); ++released) rig.Attack(banked[released], now += 1'000);
  return rig.Finish(now);
}

Result<SimMetrics> RunRestartReplay(SecureRig& rig) {
  // Visit 1 is recorded; the implant restarts five times with its random source repeating, and
  // each time the attacker replays the whole visit inside the next activation window.
  std::vector<Op> ops = Commands(rig.scenario, rig.rng());
  const size_t half = (ops.size() + 1) / 2;
  std::vector<link::Bytes> recorded;
  uint64_t now = 1'000;
  link::SecureProgrammer programmer(rig.crypto(), rig.rng());
  rig.implant().NearFieldActivate(now);
  if (!rig.Handshake(programmer, rig.Ticket(0x100, Role::kClinician), Role::kClinician, now,
                     &recorded)) {
    return Fail("restart-replay: handshake failed");
  }
  uint16_t tid = 1;
  for (size_t k = 0; k < half; ++k) {
    now += 10;
    rig.Program(programmer, &tid, ops[k].param, ops[k].value, &now, &recorded);
  }
  for (int restart = 0; restart < 5; ++restart) {
    now += 600'000;
    if (Status booted = rig.Boot(); !booted.ok()) return booted;
    rig.implant().NearFieldActivate(now);  // the next visit's wand; the attacker is in range
    for (const link::Bytes& frame : recorded) rig.Attack(frame, ++now);
  }
  now += 10'000;
  link::SecureProgrammer second(rig.crypto(), rig.rng());
  rig.implant().NearFieldActivate(now);
  if (!rig.Handshake(second, rig.Ticket(0x101, Role::kClinician), Role::kClinician, now)) {
    return Fail("restart-replay: second handshake failed");
  }
  tid = 1;
  for (size_t k = half; k < ops.size(); ++k) {
    now += 10;
    rig.Program(second, &tid, ops[k].param, ops[k].value, &now);
  }
  return rig.Finish(now);
}

Result<SimMetrics> RunAuditRollback(SecureRig& rig) {
  // Visit 1 programs the therapy; visit 2 interrogates; an insider writes the NVM image of after
  // visit 1 back (erasing visit 2's entries). Detected = the programmer refuses the next M2, and
  // the backend refuses the older log. attacker_frames_accepted counts undetected rollbacks.
  std::vector<Op> ops = Commands(rig.scenario, rig.rng());
  link::SecureProgrammer programmer(rig.crypto(), rig.rng());  // the clinic's, across visits
  link::AuditWatermark backend;
  const link::Bytes k_log0 = link::DeriveLogKey(rig.crypto(), rig.device());
  uint64_t now = 1'000;
  link::MemoryStore image_after_visit1;
  for (int visit = 0; visit < 2; ++visit, now += 600'000) {
    rig.implant().NearFieldActivate(now);
    if (!rig.Handshake(programmer,
                       rig.Ticket(0x100 + static_cast<uint32_t>(visit), Role::kClinician),
                       Role::kClinician, now)) {
      return Fail("audit-rollback: handshake failed");
    }
    uint16_t tid = 1;
    if (visit == 0) {
      for (const Op& op : ops) {
        now += 10;
        rig.Program(programmer, &tid, op.param, op.value, &now);
      }
    }
    (void)rig.Command(programmer, Opcode::kReadStatus, 0x8000, {}, ++now);  // anchor -> watermark
    const link::AuditAnchor anchor = rig.implant().audit_log().Anchor();
    (void)backend.Observe(rig.device().device_id, anchor.next_idx);  // the upload is verified
    if (visit == 0) image_after_visit1 = rig.store();
  }
  rig.store() = image_after_visit1;
  if (Status booted = rig.Boot(); !booted.ok()) return booted;
  rig.implant().NearFieldActivate(now);
  ++rig.m.attacker_frames;  // the rolled-back implant's M2
  if (rig.Handshake(programmer, rig.Ticket(0x102, Role::kClinician), Role::kClinician, now)) {
    ++rig.m.attacker_frames_accepted;
  }
  ++rig.m.attacker_frames;  // its older log, uploaded to the backend
  const link::AuditLog& log = rig.implant().audit_log();
  if (link::VerifyAuditLog(rig.crypto(), k_log0, log.entries(), log.Anchor(),
                           backend.Highest(rig.device().device_id))
          .ok()) {
    ++rig.m.attacker_frames_accepted;
  }
  return rig.Finish(now);
}

}  // namespace medtra::sim
