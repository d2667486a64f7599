// The rig of the lifecycle attacks: a provisioned secure implant on a simulated NVM, legitimate
// programming with retries and explicit FAILED, attacker frames, and ground-truth metrics.
#include <algorithm>

#include "medtra/sim/channel.h"
#include "sim/lifecycle.h"

namespace medtra::sim {
namespace {

constexpr uint64_t kRtoMs = 100;
constexpr int kMaxAttempts = 16;

}  // namespace

SecureRig::SecureRig(const ScenarioConfig& config, const link::Crypto& crypto)
    : scenario(config),
      crypto_(&crypto),
      seed_(config.seed),
      rng_(config.seed),
      world_(MakeSecureWorld(crypto, rng_, 'A', 0x100)) {
  config_.secrets = world_.device;
  m.protocol = std::string(ProtocolName(config.protocol));
  m.attack = std::string(AttackName(config.attack));
  m.seed = config.seed;
  m.frames = config.frames;
}

Status SecureRig::Boot() {
  if (store_.records().empty()) {
    if (Status s = link::SecureImplant::Provision(*crypto_, config_, store_); !s.ok()) return s;
  }
  implant_.reset();
  store_.Restart();
  implant_rng_ = std::make_unique<Rng>(seed_ ^ 0x1CD);  // repeats after every restart
  Result<std::unique_ptr<link::SecureImplant>> booted =
      link::SecureImplant::Boot(*crypto_, *implant_rng_, config_, store_);
  if (!booted.ok()) return booted.status();
  implant_ = std::move(booted).value();
  return Status::Ok();
}

link::IssuedTicket SecureRig::Ticket(uint32_t id, link::Role role) const {
  link::TicketClaims claims;
  claims.tkt_id = id;
  claims.role = role;
  claims.programmer_id = 0x1001;
  claims.not_before_s = config_.rtc_base_s - 3600;
  claims.not_after_s = config_.rtc_base_s + 3 * 86'400;
  Result<link::IssuedTicket> ticket = link::IssueTicket(*crypto_, world_.device, claims);
  return ticket.ok() ? std::move(ticket).value() : link::IssuedTicket{};
}

std::optional<link::Bytes> SecureRig::Deliver(const link::Bytes& frame, uint64_t now_ms) {
  ++m.frames_on_air;
  const link::Reception r = implant_->Receive(frame, now_ms);
  if (r.reply) ++m.frames_on_air;
  return r.reply;
}

void SecureRig::Attack(const link::Bytes& frame, uint64_t now_ms) {
  ++m.attacker_frames;
  ++m.frames_on_air;
  const link::Reception r = implant_->Receive(frame, now_ms);
  if (r.heard) radio_ms_ += AirtimeMs(frame.size());
  if (r.accepted) ++m.attacker_frames_accepted;
  if (r.applied || r.therapy_changed) m.therapy_changed_by_attacker = true;
  if (!r.reply) return;
  ++m.frames_on_air;
  radio_ms_ += AirtimeMs(r.reply->size());
  if (!r.authenticated) ++m.implant_replies_to_unauthenticated;
  if (r.authenticated && !r.accepted) ++m.implant_handshake_replies_to_attacker;
}

bool SecureRig::Handshake(link::SecureProgrammer& programmer, const link::IssuedTicket& ticket,
                          link::Role role, uint64_t now_ms, std::vector<link::Bytes>* capture) {
  const link::Bytes m1 = programmer.StartHandshake(ticket, role);
  if (capture) capture->push_back(m1);
  std::optional<link::Bytes> m2 = Deliver(m1, now_ms);
  return m2 && programmer.HandleM2(*m2, now_ms).ok();
}

std::optional<link::Response> SecureRig::Command(link::SecureProgrammer& programmer,
                                                 link::Opcode opcode, uint16_t tid,
                                                 const link::Bytes& args, uint64_t now_ms,
                                                 std::vector<link::Bytes>* capture, bool jam) {
  Result<link::Bytes> frame =
      programmer.SealCommand(static_cast<uint8_t>(opcode), tid, args, now_ms);
  if (!frame.ok()) return std::nullopt;
  if (capture) capture->push_back(*frame);
  if (jam) {
    ++m.frames_on_air;  // on air, but never reaches the implant
    return std::nullopt;
  }
  std::optional<link::Bytes> reply = Deliver(*frame, now_ms);
  if (!reply) return std::nullopt;
  Result<link::Response> response = programmer.OpenResponse(*reply);
  if (!response.ok()) return std::nullopt;
  return std::move(response).value();
}

void SecureRig::Program(link::SecureProgrammer& programmer, uint16_t* tid, link::Param param,
                        uint16_t value, uint64_t* now_ms, std::vector<link::Bytes>* capture,
                        bool jam) {
  ++m.legit_commands_sent;
  const link::TherapyParams before = implant_->therapy();
  const uint64_t start = *now_ms;
  link::Bytes args{static_cast<uint8_t>(param)};
  link::PutBe(args, value, 2);
  std::optional<link::Response> response;
  for (int attempt = 0; attempt < kMaxAttempts && !response; ++attempt, *now_ms += kRtoMs) {
    response = Command(programmer, link::Opcode::kSetParam, *tid, args, *now_ms, capture, jam);
  }
  const bool applied_now = !(implant_->therapy() == before);
  if (applied_now) ++m.legit_commands_applied;
  bool shown_applied = response && response->status == link::ResponseStatus::kOk;
  if (!response) {  // FAILED (outcome unknown): settle before the next tid
    std::optional<link::Response> last =
        Command(programmer, link::Opcode::kReadLastTid, 0x8000 + *tid, {}, *now_ms, nullptr, jam);
    shown_applied = last && last->data.size() == 2 && link::GetBe(last->data, 0, 2) >= *tid;
  }
  if (shown_applied) {
    intended.Set(param, value);
  } else {
    ++m.legit_commands_failed_reported;  // FAILED: shown, never "applied"
  }
  if (shown_applied != applied_now) ++m.legit_commands_lost;  // the display would be wrong
  if (response || shown_applied) ++*tid;  // a denied, out-of-bounds or applied tid is consumed
  m.max_command_resolution_ms = std::max(m.max_command_resolution_ms, *now_ms - start);
}

SimMetrics SecureRig::Finish(uint64_t duration_ms) {
  m.duration_ms = duration_ms;
  m.therapy_ticks = duration_ms / 10;
  m.therapy_final_as_intended = implant_->therapy() == intended;
  m.audit_entries = implant_->audit_log().entries().size();
  m.radio_on_ms_attacker = static_cast<uint64_t>(radio_ms_ + 0.5);
  return m;
}

}  // namespace medtra::sim
