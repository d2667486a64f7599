// The scenario loop: programmer, implant, channel and attacker in 1-ms steps; ground-truth metrics.
#include "medtra/sim/scenario.h"

#include <algorithm>
#include <array>
#include <map>

#include "medtra/link/crypto.h"
#include "sim/attacker.h"
#include "sim/lifecycle.h"
#include "sim/nodes.h"

namespace medtra::sim {
namespace {

constexpr uint64_t kTherapyPeriodMs = 10;
constexpr double kTherapySlackMs = 8.0;
constexpr uint64_t kGraceMs = 10'000;
constexpr uint64_t kHardLimitMs = 600'000;

struct AttackRow {
  Attack attack;
  std::string_view name;
  std::string_view description;
};
constexpr std::array<AttackRow, 20> kAttacks = {{
    {Attack::kEavesdrop, "eavesdrop", "passive capture of every frame on air"},
    {Attack::kReplay, "replay", "captured programmer frames re-sent within and across sessions"},
    {Attack::kModify, "modify", "bit flips in captured command frames (legacy: CRC fixed up)"},
    {Attack::kInject, "inject", "forged commands using the sniffed static device ID"},
    {Attack::kReflect, "reflect", "implant frames sent back to the implant, and vice versa"},
    {Attack::kCrossDevice, "cross-device", "valid ticket and session frames of another device"},
    {Attack::kDowngrade, "downgrade", "legacy-format frames with the static ID"},
    {Attack::kDelay, "delay", "first transmission of each command held and released after 3 s"},
    {Attack::kFlood, "flood", "wake-ups, forged frames and ticket replays at 1 frame/ms"},
    {Attack::kDrop, "drop", "20% of frames dropped per direction"},
    {Attack::kReorder, "reorder", "each frame delayed by 0..60 ms"},
    {Attack::kDuplicate, "duplicate", "every frame re-sent once or twice"},
    {Attack::kJam, "jam", "100% jamming from the first therapy command on"},
    {Attack::kDelayedRelease, "delayed-release",
     "a jammed command's 16 transmissions released 2 s to 2 h later, across the old 16-bit wrap"},
    {Attack::kBankAndRelease, "bank-and-release",
     "four keyed but jammed sessions banked, their frames released into a later visit"},
    {Attack::kRestartReplay, "restart-replay",
     "a recorded visit replayed after each of 5 restarts with a repeating random source"},
    {Attack::kEnergyDay, "energy-day",
     "24 h of flooding at the channel's maximum rate, captured tickets included"},
    {Attack::kEmergencyAbuse, "emergency-abuse",
     "an emergency credential used for therapy-off and forbidden commands, and after expiry"},
    {Attack::kAuditRollback, "audit-rollback",
     "an older NVM image written back to erase audit entries, and the older log uploaded"},
    {Attack::kTicketLockout, "ticket-lockout",
     "one captured ticket spent on handshakes to lock the home monitor out"},
}};

}  // namespace

std::string_view ProtocolName(Protocol protocol) {
  return protocol == Protocol::kLegacy ? "legacy" : "secure";
}

std::optional<Protocol> ParseProtocol(std::string_view name) {
  if (name == "legacy") return Protocol::kLegacy;
  if (name == "secure") return Protocol::kSecure;
  return std::nullopt;
}

std::span<const Attack> AllAttacks() {
  static const std::array<Attack, kAttacks.size()> kAll = [] {
    std::array<Attack, kAttacks.size()> all{};
    for (size_t i = 0; i < kAttacks.size(); ++i) all[i] = kAttacks[i].attack;
    return all;
  }();
  return kAll;
}

std::string_view AttackName(Attack attack) { return kAttacks[static_cast<size_t>(attack)].name; }

std::string_view AttackDescription(Attack attack) {
  return kAttacks[static_cast<size_t>(attack)].description;
}

std::optional<Attack> ParseAttack(std::string_view name) {
  for (const AttackRow& row : kAttacks) {
    if (row.name == name) return row.attack;
  }
  return std::nullopt;
}

Result<SimMetrics> RunScenario(const ScenarioConfig& config) {
  if (config.commands == 0 || config.commands > 10'000) {
    return Result<SimMetrics>::Error("commands must be between 1 and 10000");
  }
  if (config.frames > 10'000'000) return Result<SimMetrics>::Error("frames must be at most 10^7");
  if (IsLifecycleAttack(config.attack)) return RunLifecycleAttack(config);
  Rng rng(config.seed);
  Rng attacker_rng(config.seed ^ 0xA77AC4E5ULL);
  Rng channel_rng(config.seed ^ 0xC4A77E1ULL);
  const std::unique_ptr<link::Crypto> crypto = link::MakeMbedTlsCrypto();
  const Workload workload = MakeWorkload(config.commands, rng);

  SecureWorld world;
  link::SecureImplant* secure_implant = nullptr;
  std::unique_ptr<ImplantNode> implant;
  std::unique_ptr<ProgrammerNode> programmer;
  if (config.protocol == Protocol::kLegacy) {
    implant = MakeLegacyImplant(kLegacyStaticId);
    programmer = MakeLegacyProgrammer(workload, kLegacyStaticId);
  } else {
    world = MakeSecureWorld(*crypto, rng, 'A', 0x100);
    implant = MakeSecureImplant(*crypto, rng, world, &secure_implant);
    programmer = MakeSecureProgrammer(workload, *crypto, rng, world, [&](uint64_t now_ms) {
      secure_implant->NearFieldActivate(now_ms);
    });
  }
  Channel channel(ChannelConfig{}, channel_rng);
  Attacker attacker(config.attack, config.protocol, config.frames, attacker_rng,
                    AttackerKnowledge{kLegacyStaticId, crypto.get()});

  SimMetrics m;
  m.protocol = std::string(ProtocolName(config.protocol));
  m.attack = std::string(AttackName(config.attack));
  m.seed = config.seed;
  m.frames = config.frames;
  std::vector<int> applied_any(workload.commands, 0);
  std::vector<int> applied_legit(workload.commands, 0);
  double busy_ms = 0;
  double radio_ms = 0;
  uint64_t awake_until = 0;
  uint64_t programmer_done_ms = 0;
  std::vector<Outgoing> outgoing;
  std::vector<Packet> injected;

  // A suppressed (jammed, dropped, held) frame still went on air: count it in a jammed sink.
  Rng sink_rng(0);
  Channel sink(ChannelConfig{0, 0, 0, 0, true}, sink_rng);
  auto send_legit = [&](Packet packet, uint64_t now) {
    attacker.Observe(packet, programmer->session());
    if (std::optional<uint32_t> delay = attacker.Intercept(packet, now)) {
      channel.Send(std::move(packet), now, *delay);
    } else {
      sink.Send(std::move(packet), now);
    }
  };

  uint64_t now = 0;
  for (;; ++now) {
    if (now > 0 && now % kTherapyPeriodMs == 0) {
      ++m.therapy_ticks;
      const bool late = implant->therapy_preempts_comms() ? busy_ms > double(kTherapyPeriodMs)
                                                          : busy_ms > kTherapySlackMs;
      if (late) ++m.therapy_ticks_missed;
      busy_ms = 0;
    }
    outgoing.clear();
    programmer->Poll(now, outgoing);
    for (Outgoing& out : outgoing) {
      Packet p;
      p.dir = Dir::kToImplant;
      p.origin = Origin::kLegit;
      p.tag = out.tag;
      p.bytes = std::move(out.bytes);
      send_legit(std::move(p), now);
    }
    injected.clear();
    attacker.Emit(now, programmer->session(), injected);
    for (Packet& p : injected) {
      p.origin = Origin::kAttacker;
      ++m.attacker_frames;
      channel.Send(std::move(p), now);
    }
    for (Packet& p : channel.TakeDue(now)) {
      const bool from_attacker = p.origin == Origin::kAttacker;
      if (p.dir == Dir::kToProgrammer) {
        if (programmer->Receive(p.bytes, now) && from_attacker) ++m.attacker_frames_accepted;
        continue;
      }
      const link::Reception r = implant->Receive(p.bytes, now);
      busy_ms += implant->ProcessingCostMs(r);
      if (r.applied && p.tag >= 0) {
        ++applied_any[p.tag];
        if (!from_attacker) ++applied_legit[p.tag];
      }
      if (from_attacker) {
        radio_ms += AirtimeMs(p.bytes.size());
        if (r.accepted) ++m.attacker_frames_accepted;
        if (r.applied || r.therapy_changed) m.therapy_changed_by_attacker = true;
        if (r.reply) {
          radio_ms += AirtimeMs(r.reply->size());
          if (!r.authenticated) ++m.implant_replies_to_unauthenticated;
          if (r.authenticated && !r.accepted) ++m.implant_handshake_replies_to_attacker;
        }
      }
      if (r.accepted && implant->standby_ms() > 0) {
        const uint64_t until = now + implant->standby_ms();
        if (from_attacker && until > std::max(awake_until, now)) {
          radio_ms += double(until - std::max(awake_until, now));
        }
        awake_until = std::max(awake_until, until);
      }
      if (r.reply) {
        Packet reply;
        reply.dir = Dir::kToProgrammer;
        reply.origin = Origin::kLegit;
        reply.bytes = *r.reply;
        send_legit(std::move(reply), now);
      }
    }
    if (programmer->done() && programmer_done_ms == 0) programmer_done_ms = now;
    const bool quiet = channel.empty() && attacker.finished();
    if (programmer->done() && (quiet || now >= programmer_done_ms + kGraceMs)) break;
    if (now >= kHardLimitMs) return Result<SimMetrics>::Error("scenario did not finish in time");
  }

  // Eavesdropping: search every captured legitimate frame for known plaintext and identifiers.
  link::Bytes static_id;
  link::PutBe(static_id, kLegacyStaticId, 4);
  for (const link::Bytes& frame : attacker.capture()) {
    if (link::Contains(frame, static_id) ||
        (config.protocol == Protocol::kSecure && link::Contains(frame, world.device.device_id))) {
      m.static_id_observed = true;
    }
    for (std::string_view secret :
         {link::kPatientName, link::kPatientDob, link::kPatientDiagnosis}) {
      if (link::Contains(frame, link::ToBytes(secret))) m.patient_data_observed = true;
    }
  }

  link::TherapyParams intended;
  const std::vector<CommandRecord>& records = programmer->records();
  for (const Op& op : workload.ops) {
    if (op.is_read) continue;
    const CommandRecord& record = records[op.tag];
    ++m.legit_commands_sent;
    if (applied_legit[op.tag] > 0) ++m.legit_commands_applied;
    if (applied_any[op.tag] > 1) ++m.legit_commands_duplicated;
    if (record.outcome == Outcome::kFailed) ++m.legit_commands_failed_reported;
    if (record.outcome != Outcome::kFailed && applied_legit[op.tag] == 0) ++m.legit_commands_lost;
    if (record.outcome == Outcome::kApplied) intended.Set(op.param, op.value);
    if (record.resolved_ms >= record.issued_ms) {
      m.max_command_resolution_ms =
          std::max(m.max_command_resolution_ms, record.resolved_ms - record.issued_ms);
    }
  }
  m.therapy_final_as_intended = implant->therapy() == intended;
  m.radio_on_ms_attacker = static_cast<uint64_t>(radio_ms + 0.5);
  m.frames_on_air = channel.frames_on_air() + sink.frames_on_air();
  m.audit_entries = implant->audit_entries();
  m.duration_ms = now;
  return m;
}

}  // namespace medtra::sim
