// The secure implant: receive order of secure-link.md §6.5, exactly-once commands, rate limits,
// audit.
#include "medtra/link/secure_implant.h"

#include <algorithm>
#include <cassert>
#include <climits>

#include "medtra/link/freshness.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

constexpr size_t kMaxPending = 4;
constexpr size_t kUsedNonceMemory = 64;

Bytes ParamsBytes(const TherapyParams& params) {
  Bytes out;
  for (uint16_t v : params.values) PutBe(out, v, 2);
  return out;
}

}  // namespace

SecureImplant::SecureImplant(const Crypto& crypto, RandomSource& random, SecureImplantConfig config,
                             NonVolatileStore* store)
    : crypto_(&crypto),
      random_(&random),
      config_(config),
      own_store_(store ? nullptr : std::make_unique<MemoryStore>()),
      store_(store ? store : own_store_.get()),
      k_tkt_(DeriveTicketKey(crypto, config.secrets)),
      k_nvm_(DeriveStateKey(crypto, config.secrets)),
      audit_(crypto, DeriveLogKey(crypto, config.secrets)),
      limiter_(config.handshake),
      energy_(config.energy) {}

SecureImplant::SecureImplant(const Crypto& crypto, RandomSource& random, SecureImplantConfig config)
    : SecureImplant(crypto, random, config, nullptr) {
  const Status booted = Provision(crypto, config, *own_store_).ok()
                            ? Restore()
                            : Status::Error("provisioning");  // a blank in-memory NVM: cannot fail
  assert(booted.ok());
  (void)booted;
}

Result<std::unique_ptr<SecureImplant>> SecureImplant::Boot(const Crypto& crypto,
                                                           RandomSource& random,
                                                           SecureImplantConfig config,
                                                           NonVolatileStore& store) {
  std::unique_ptr<SecureImplant> implant(new SecureImplant(crypto, random, config, &store));
  const Status restored = implant->Restore();
  if (!restored.ok()) return restored;
  return implant;
}

Status SecureImplant::Provision(const Crypto& crypto, const SecureImplantConfig& config,
                                NonVolatileStore& store) {
  const Bytes k_nvm = DeriveStateKey(crypto, config.secrets);
  Result<std::optional<ImplantState>> existing = LoadImplantState(store, crypto, k_nvm);
  if (!existing.ok() || existing->has_value()) {
    return Status::Error("implant state: provisioning needs a blank NVM");
  }
  ImplantState state;
  state.min_ticket_epoch = config.min_ticket_epoch;
  state.audit_key = DeriveLogKey(crypto, config.secrets);
  return SaveImplantState(store, crypto, k_nvm, state);
}

Status SecureImplant::Restore() {
  Result<std::optional<ImplantState>> loaded = LoadImplantState(*store_, *crypto_, k_nvm_);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return Status::Error("implant state: blank NVM (not provisioned)");
  state_ = std::move(**loaded);
  Result<std::vector<AuditEntry>> entries = LoadAuditEntries(*store_, state_);
  if (!entries.ok()) return entries.status();
  audit_ = AuditLog(*crypto_, state_.audit_key, state_.audit_head, std::move(entries).value());
  therapy_ = state_.therapy;
  energy_.Restore(state_.energy);  // the reserved budget counts as spent: no fresh budget
  limiter_.Restore(state_.handshakes);
  activation_start_ms_ = state_.activation_start_ms;
  activation_until_ms_ = state_.activation_until_ms;
  RestoreEmergency(state_.emergency);  // a window in force continues until its own end
  state_.min_ticket_epoch = std::max(state_.min_ticket_epoch, config_.min_ticket_epoch);
  if (state_.boot_count == UINT32_MAX)
    return Status::Error("implant state: boot counter exhausted");
  ++state_.boot_count;  // committed before any nonce that depends on it goes on air
  Commit();
  if (!powered_) return Status::Error("implant state: power lost while committing the boot");
  return Status::Ok();
}

std::optional<EmergencyWindow> SecureImplant::SavedEmergency() const {
  if (!emergency_) return std::nullopt;
  EmergencyWindow saved;
  saved.em_id = emergency_->em_id;
  std::copy_n(emergency_->k_em.begin(), saved.k_em.size(), saved.k_em.begin());
  saved.until_ms = emergency_until_ms_;
  saved.pre_emergency = pre_emergency_;
  for (int i = 0; i < kParamCount; ++i) {
    if (emergency_changed_[i]) saved.changed_mask |= static_cast<uint16_t>(1u << i);
  }
  saved.expiry_logged = emergency_expiry_logged_;
  return saved;
}

void SecureImplant::RestoreEmergency(const std::optional<EmergencyWindow>& saved) {
  if (!saved) return;
  EmergencyCredential credential;
  credential.em_id = saved->em_id;
  credential.k_em.assign(saved->k_em.begin(), saved->k_em.end());
  credential.device_id = config_.secrets.device_id;
  emergency_ = credential;
  emergency_until_ms_ = saved->until_ms;
  pre_emergency_ = saved->pre_emergency;
  for (int i = 0; i < kParamCount; ++i) emergency_changed_[i] = (saved->changed_mask >> i) & 1;
  emergency_expiry_logged_ = saved->expiry_logged;
}

void SecureImplant::Commit() {
  if (!powered_) return;
  state_.therapy = therapy_;
  state_.audit_next_idx = audit_.next_idx();
  state_.audit_head = audit_.head();
  state_.audit_key = audit_.next_key();
  state_.energy = energy_.checkpoint();
  state_.activation_start_ms = activation_start_ms_;
  state_.activation_until_ms = activation_until_ms_;
  state_.handshakes = limiter_.counters();
  state_.emergency = SavedEmergency();
  if (!SaveImplantState(*store_, *crypto_, k_nvm_, state_).ok()) powered_ = false;
}

void SecureImplant::Log(uint64_t now_ms, AuditEvent event, uint8_t role, uint32_t actor_id,
                        uint16_t tid, ByteView detail) {
  if (!powered_) return;
  // A full ring first chains its overwritten record, persisted like any entry.
  if (audit_.full()) Persist(audit_.Compact(Seconds(now_ms)));
  if (!powered_) return;
  Persist(audit_.Append(Seconds(now_ms), event, role, actor_id, tid, detail));
}

void SecureImplant::Persist(const AuditEntry& appended) {
  const AuditEntry entry = appended;
  state_.last_entry = entry;
  Commit();  // the commit point; the log record below is repaired from it after a torn write
  if (powered_ && !store_->Write(LogRecordName(entry.idx), EncodeAuditEntry(entry)).ok()) {
    powered_ = false;
  }
}

uint32_t SecureImplant::Seconds(uint64_t now_ms) const {
  return config_.rtc_base_s + static_cast<uint32_t>(now_ms / 1000);
}

void SecureImplant::Count(Reject reason, uint64_t now_ms) {
  if (now_ms >= window_start_ms_ + 1000) FlushAudit(now_ms);
  ++rejects_[static_cast<int>(reason)];
  ++window_rejects_[static_cast<int>(reason)];
}

Reception SecureImplant::Drop(Reject reason, uint64_t now_ms) {
  Count(reason, now_ms);
  return Reception{};
}

void SecureImplant::FlushAudit(uint64_t now_ms) {
  for (int i = 1; i < kRejectKinds; ++i) {
    if (window_rejects_[i] == 0) continue;
    Bytes detail;
    PutBe(detail, window_rejects_[i], 4);
    PutBe(detail, window_start_ms_, 8);
    Log(now_ms, AuditEvent::kRejections, 0, 0, static_cast<uint16_t>(i), detail);
    window_rejects_[i] = 0;
  }
  window_start_ms_ = now_ms;
}

void SecureImplant::NearFieldActivate(uint64_t now_ms) {
  if (now_ms >= activation_until_ms_) activation_start_ms_ = now_ms + 1;  // a new window
  activation_until_ms_ = now_ms + config_.activation_window_ms;
}

void SecureImplant::NearFieldConfirm(uint64_t now_ms) {
  // The confirmation belongs to the session open now; another session cannot reuse it.
  confirm_until_ms_ = now_ms + config_.near_field_confirm_ms;
  confirm_serial_ = current_ ? current_->serial : 0;
  Log(now_ms, AuditEvent::kNearFieldConfirm, current_ ? static_cast<uint8_t>(current_->role) : 0,
      current_ ? current_->actor_id : 0, 0, {});
}

EmergencyCredential SecureImplant::NearFieldEmergency(uint64_t now_ms) {
  ExpireEmergency(now_ms);  // a window that has ended (e.g. across a restart) closes first
  EmergencyCredential credential;
  std::array<uint8_t, 4> id{};
  random_->Fill(id);
  credential.em_id = static_cast<uint32_t>(GetBe(id, 0, 4));
  credential.k_em.resize(kKeySize);
  random_->Fill(credential.k_em);
  credential.device_id = config_.secrets.device_id;
  if (!emergency_) {
    pre_emergency_ = therapy_;
    emergency_changed_ = {};
  }
  emergency_ = credential;
  emergency_until_ms_ = now_ms + config_.emergency_lifetime_ms;
  NearFieldActivate(now_ms);
  ++patient_alerts_;  // audible / vibration alert
  Log(now_ms, AuditEvent::kEmergencyOpen, static_cast<uint8_t>(Role::kEmergency), credential.em_id,
      0, {});
  return credential;
}

bool SecureImplant::AllowM2(uint32_t key, uint64_t now_ms) {
  const bool active = now_ms < activation_until_ms_;
  if (!limiter_.Allow(key, now_ms, active, active ? activation_start_ms_ : 0)) return false;
  Commit();  // the counter is in the NVM before the M2 goes on air: a restart cannot reset it
  return powered_;
}

Reception SecureImplant::Receive(ByteView frame, uint64_t now_ms) {
  if (!powered_) return Reception{};
  ExpireEmergency(now_ms);  // the timer runs whether or not the receiver is on
  // A pending session does not hold the receiver open: only a window or a confirmed session.
  const bool live = current_ && !Expired(*current_, now_ms);
  if (!energy_.Listening(now_ms, now_ms < activation_until_ms_, live)) {
    energy_.CountUnheard();  // the receiver is off: the frame costs nothing and is not seen
    Reception unheard;
    unheard.heard = false;
    return unheard;
  }
  if (energy_.Reserve(now_ms)) {  // budget is committed before it is spent
    Commit();
    if (!powered_) return Reception{};
  }
  Reception r = Process(frame, now_ms);
  if (!powered_) return Reception{};  // power lost mid-way: nothing goes on air
  if (!r.accepted) {
    energy_.Spend(now_ms, AirtimeUs(frame.size()) + (r.reply ? AirtimeUs(r.reply->size()) : 0));
  }
  return r;
}

void SecureImplant::Tick(uint64_t now_ms) {
  if (!powered_) return;
  ExpireEmergency(now_ms);
  DropStalePending(now_ms);
  if (current_ && Expired(*current_, now_ms)) CloseCurrent(now_ms);
}

bool SecureImplant::Expired(const Session& s, uint64_t now_ms) const {
  if (!s.confirmed) return now_ms >= s.opened_ms + config_.pending_timeout_ms;
  return now_ms >= s.expires_ms || now_ms > s.last_ms + config_.idle_timeout_ms;
}

void SecureImplant::CloseCurrent(uint64_t now_ms) {
  Log(now_ms, AuditEvent::kSessionClose, static_cast<uint8_t>(current_->role), current_->actor_id,
      current_->last_tid, {});
  current_.reset();  // keys are erased with the session
}

void SecureImplant::ExpireEmergency(uint64_t now_ms) {
  if (!emergency_ || now_ms < emergency_until_ms_ || !powered_) return;
  if (current_ && current_->role == Role::kEmergency) current_.reset();
  std::erase_if(pending_, [](const auto& e) { return e.second->role == Role::kEmergency; });
  // Each step commits, and a restart in between resumes here: the end is logged once, the revert
  // is idempotent, and the window is cleared last.
  if (!emergency_expiry_logged_) {
    emergency_expiry_logged_ = true;
    Log(now_ms, AuditEvent::kEmergencyExpired, static_cast<uint8_t>(Role::kEmergency),
        emergency_->em_id, 0, {});
  }
  // Automatic revert of what the emergency session set (never of therapy it turned back on).
  TherapyParams next = therapy_;
  for (int i = 0; i < kParamCount; ++i) {
    if (emergency_changed_[i] && i + 1 != static_cast<int>(Param::kTachyTherapyEnabled)) {
      next.values[i] = pre_emergency_.values[i];
    }
  }
  if (!(next == therapy_)) {
    Bytes detail = ParamsBytes(therapy_);
    Append(detail, ParamsBytes(next));
    therapy_ = next;
    Log(now_ms, AuditEvent::kEmergencyReverted, static_cast<uint8_t>(Role::kEmergency),
        emergency_->em_id, 0, detail);
  }
  if (!powered_) return;
  emergency_.reset();
  emergency_changed_ = {};
  emergency_expiry_logged_ = false;
  Commit();
}

Reception SecureImplant::Process(ByteView frame, uint64_t now_ms) {
  ExpireEmergency(now_ms);
  if (now_ms >= window_start_ms_ + 1000) FlushAudit(now_ms);
  if (now_ms != work_ms_) {
    work_ms_ = now_ms;
    work_in_ms_ = 0;
  }
  if (++work_in_ms_ > config_.max_frames_per_ms) return Drop(Reject::kRateLimit, now_ms);
  // A secure implant never accepts legacy frames (no downgrade): version bits must match.
  if (frame.empty() || HeaderVersion(frame[0]) != kSecureVersion) {
    return Drop(Reject::kMalformed, now_ms);
  }
  switch (static_cast<FrameType>(HeaderType(frame[0]))) {
    case FrameType::kM1:
    case FrameType::kEmergencyM1:
      return OnM1(frame, now_ms);
    case FrameType::kData:
      return OnData(frame, now_ms);
    default:
      return Drop(Reject::kMalformed, now_ms);
  }
}

Reception SecureImplant::OnM1(ByteView frame, uint64_t now_ms) {
  Result<M1> m1 = DecodeM1(frame);
  if (!m1.ok()) return Drop(Reject::kMalformed, now_ms);
  Bytes psk;
  Role role = Role::kEmergency;
  uint32_t actor = 0;
  uint32_t limit_key = 0;
  uint64_t lifetime = std::min<uint64_t>(config_.max_session_ms, kMaxSessionLifetimeMs);
  if (m1->type == FrameType::kM1) {
    Result<TicketClaims> claims = OpenTicket(*crypto_, k_tkt_, m1->ticket);
    if (!claims.ok()) return Drop(Reject::kTicket, now_ms);
    const uint32_t now_s = Seconds(now_ms);
    if (now_s + config_.ticket_skew_s < claims->not_before_s ||
        now_s > claims->not_after_s + config_.ticket_skew_s ||
        claims->epoch < state_.min_ticket_epoch) {
      return Drop(Reject::kTicket, now_ms);
    }
    role = claims->role;
    if (role == Role::kRemoteMonitor)
      lifetime = std::min<uint64_t>(lifetime, config_.max_remote_session_ms);
    actor = claims->programmer_id;
    limit_key = claims->tkt_id;
    psk = DerivePsk(*crypto_, k_tkt_, claims->tkt_id);
  } else {
    const uint32_t em_id = static_cast<uint32_t>(GetBe(m1->ticket, 0, 4));
    if (!emergency_ || emergency_->em_id != em_id) return Drop(Reject::kTicket, now_ms);
    psk = emergency_->k_em;
    actor = em_id;
    limit_key = ~em_id;
    lifetime = std::min<uint64_t>(lifetime, emergency_until_ms_ - now_ms);
  }
  DropStalePending(now_ms);
  // A replayed M1 of a completed session gets no reply at all.
  if (std::find(used_nonces_.begin(), used_nonces_.end(), m1->nonce) != used_nonces_.end()) {
    return Drop(Reject::kReplay, now_ms);
  }
  Reception r;
  r.authenticated = true;  // the ticket (or emergency credential) verified; freshness comes later
  for (auto& [sid, pending] : pending_) {
    if (ConstantTimeEqual(pending->m1, frame)) {  // a retransmitted M1: same answer, no new state
      if (!AllowM2(limit_key, now_ms)) return Drop(Reject::kRateLimit, now_ms);
      ++m2_sent_;
      r.reply = pending->m2;
      return r;
    }
  }
  if (!AllowM2(limit_key, now_ms)) return Drop(Reject::kRateLimit, now_ms);
  M2 m2;
  do {
    random_->Fill(std::span<uint8_t>(&m2.sid, 1));
  } while ((current_ && current_->channel->sid() == m2.sid) || pending_.count(m2.sid) > 0);
  random_->Fill(m2.nonce);
  // N_I = random(8) ‖ boot_count(4) ‖ M2 count in this boot(4): never repeats, even when the
  // random source does after a restart.
  Bytes unique;
  PutBe(unique, state_.boot_count, 4);
  PutBe(unique, m2_in_boot_++, 4);
  std::copy(unique.begin(), unique.end(), m2.nonce.begin() + 8);
  m2.audit_idx = audit_.next_idx();  // the anchor in every M2
  if (m1->ephemeral) {               // the X25519 mode: IKM = PSK ‖ X25519(e_I, e_P)
    Result<Bytes> shared = EphemeralShare(*m1->ephemeral, m2.ephemeral.emplace());
    if (!shared.ok()) return Drop(Reject::kMalformed, now_ms);
    Append(psk, *shared);
    std::fill(shared.value().begin(), shared.value().end(), 0);
  }
  const Bytes m2_part = M2TranscriptPart(m2);
  Result<SessionKeys> keys =
      DeriveSessionKeys(*crypto_, psk, frame, m2_part, config_.secrets.device_id);
  if (!keys.ok()) return Drop(Reject::kMalformed, now_ms);
  m2.confirm = keys->confirm;
  auto session = std::make_unique<Session>();
  session->channel = std::make_unique<SecureChannel>(*crypto_, Side::kImplant, m2.sid, *keys,
                                                     config_.secrets.device_id, role);
  session->role = role;
  session->actor_id = actor;
  session->opened_ms = now_ms;
  session->last_ms = now_ms;
  session->expires_ms = now_ms + lifetime;
  session->m1.assign(frame.begin(), frame.end());
  session->m2 = EncodeM2(m2);
  if (pending_.size() >= kMaxPending) {
    auto oldest = std::min_element(pending_.begin(), pending_.end(), [](auto& a, auto& b) {
      return a.second->opened_ms < b.second->opened_ms;
    });
    pending_.erase(oldest);
  }
  r.reply = session->m2;
  pending_[m2.sid] = std::move(session);
  ++m2_sent_;
  return r;
}

Result<Bytes> SecureImplant::EphemeralShare(const std::array<uint8_t, kX25519Size>& peer,
                                            std::array<uint8_t, kX25519Size>& own_public) {
  std::array<uint8_t, kX25519Size> own{};
  random_->Fill(own);
  Result<Bytes> public_key = crypto_->X25519(own, {});
  Result<Bytes> shared = public_key.ok() ? crypto_->X25519(own, peer) : public_key.status();
  std::fill(own.begin(), own.end(), 0);  // e_I lives for this handshake only
  if (public_key.ok()) std::copy_n(public_key->begin(), kX25519Size, own_public.begin());
  return shared;
}

void SecureImplant::DropStalePending(uint64_t now_ms) {
  std::erase_if(pending_, [&](const auto& entry) {
    return now_ms >= entry.second->opened_ms + config_.pending_timeout_ms;
  });
}

Reception SecureImplant::OnData(ByteView frame, uint64_t now_ms) {
  Result<DataFrameView> view = ParseDataFrame(frame);
  if (!view.ok()) return Drop(Reject::kMalformed, now_ms);
  Session* session = nullptr;
  bool is_pending = false;
  if (current_ && current_->channel->sid() == view->sid) {
    session = current_.get();
  } else if (auto it = pending_.find(view->sid); it != pending_.end()) {
    session = it->second.get();
    is_pending = true;
  }
  if (session == nullptr) return Drop(Reject::kNoSession, now_ms);
  if (Expired(*session, now_ms)) {
    if (is_pending) {
      pending_.erase(view->sid);
    } else {
      CloseCurrent(now_ms);
    }
    return Drop(Reject::kExpired, now_ms);
  }
  uint64_t seq = 0;
  const Reject reject = session->channel->OpenInto(frame, rx_plaintext_, seq);  // no allocation
  if (reject != Reject::kNone) return Drop(reject, now_ms);
  if (is_pending) {  // the programmer's first protected frame confirms its key
    auto node = pending_.extract(view->sid);
    if (current_) CloseCurrent(now_ms);
    current_ = std::move(node.mapped());
    current_->serial = next_serial_++;
    current_->confirmed = true;
    pending_.clear();  // a banked handshake can never be released into this or a later visit
    session = current_.get();
    std::array<uint8_t, 16> n_p{};
    std::copy_n(session->m1.begin() + 1, n_p.size(), n_p.begin());
    used_nonces_.push_back(n_p);
    if (used_nonces_.size() > kUsedNonceMemory) used_nonces_.pop_front();
    Log(now_ms, AuditEvent::kSessionOpen, static_cast<uint8_t>(session->role), session->actor_id, 0,
        {});
  }
  session->last_ms = now_ms;
  Result<Command> command = DecodeCommand(rx_plaintext_);
  if (!command.ok()) {
    Reception r = Drop(Reject::kMalformed, now_ms);
    r.authenticated = true;
    return r;
  }
  return Execute(*session, *command, now_ms);
}

Reception SecureImplant::Execute(Session& s, const Command& command, uint64_t now_ms) {
  Reception r;
  r.authenticated = true;
  Response response{command.opcode, command.tid, ResponseStatus::kOk, {}};
  auto seal = [&](const Response& resp) -> std::optional<Bytes> {
    Result<Bytes> frame = s.channel->Seal(EncodeResponse(resp));
    if (!frame.ok()) return std::nullopt;
    return std::move(frame).value();
  };
  if (!IsKnownOpcode(command.opcode)) {
    Count(Reject::kMalformed, now_ms);
    response.status = ResponseStatus::kBadArgs;
    r.reply = seal(response);
    return r;
  }
  const bool confirmed = now_ms < confirm_until_ms_ && s.serial == confirm_serial_;
  const bool param_ok = static_cast<Opcode>(command.opcode) != Opcode::kSetParam ||
                        s.role != Role::kEmergency ||
                        (command.args.size() == 3 && IsAllowedParam(s.role, command.args[0]));
  if (!IsAllowed(s.role, command.opcode, confirmed) || !param_ok) {
    Count(Reject::kRole, now_ms);
    response.status = ResponseStatus::kDenied;
    r.reply = seal(response);
    return r;
  }
  if (!IsFresh(s.opened_ms, command.t_issue, now_ms, CommandTtlMs(command.opcode))) {
    Count(Reject::kTtl, now_ms);  // possibly a delayed release: silent drop
    return r;
  }
  if (IsRead(command.opcode)) {
    const auto op = static_cast<Opcode>(command.opcode);
    if (op == Opcode::kReadPatientData) {
      response.data = PatientRecord(therapy_);
    } else if (op == Opcode::kReadLastTid) {
      PutBe(response.data, s.last_tid, 2);
    } else if (op == Opcode::kEndSession) {
      r.accepted = true;
      r.reply = seal(response);
      CloseCurrent(now_ms);  // `s` is gone from here on
      return r;
    } else {
      const AuditAnchor anchor = audit_.Anchor();
      response.data.push_back(static_cast<uint8_t>(therapy_.Get(Param::kTachyTherapyEnabled)));
      PutBe(response.data, anchor.next_idx, 4);
      Append(response.data, anchor.head);
      Append(response.data, anchor.mac);
    }
    r.accepted = true;
    r.reply = seal(response);
    return r;
  }
  if (command.tid == s.last_tid && s.cached_reply) {  // duplicate tid: cached answer, no re-apply
    r.accepted = true;
    Result<Bytes> frame = s.channel->Seal(*s.cached_reply);  // a fresh frame (new seq)
    if (frame.ok()) r.reply = std::move(frame).value();
    return r;
  }
  if (command.tid != static_cast<uint16_t>(s.last_tid + 1)) {
    Count(Reject::kOrder, now_ms);
    response.status = ResponseStatus::kOrder;
    PutBe(response.data, s.last_tid, 2);
    r.reply = seal(response);
    return r;
  }
  response = RunCommand(s, command, now_ms, &r.applied, &r.therapy_changed);
  s.last_tid = command.tid;
  r.accepted = true;
  r.reply = seal(response);
  s.cached_reply = EncodeResponse(response);
  return r;
}

Response SecureImplant::RaiseEpoch(Session& s, const Command& command, uint64_t now_ms,
                                   bool* applied) {
  Response response{command.opcode, command.tid, ResponseStatus::kOk, {}};
  const uint16_t epoch =
      command.args.size() == 10 ? static_cast<uint16_t>(GetBe(command.args, 0, 2)) : 0;
  const bool authentic = command.args.size() == 10 &&
                         ConstantTimeEqual(SignEpochRaise(*crypto_, config_.secrets, epoch),
                                           ByteView(command.args).subspan(2));
  if (!authentic || epoch <= state_.min_ticket_epoch) {
    response.status = authentic ? ResponseStatus::kOutOfBounds : ResponseStatus::kDenied;
    return response;
  }
  state_.min_ticket_epoch = epoch;  // committed with the log entry below
  *applied = true;
  Log(now_ms, AuditEvent::kEpochRaised, static_cast<uint8_t>(s.role), s.actor_id, epoch, {});
  return response;
}

Response SecureImplant::RunCommand(Session& s, const Command& command, uint64_t now_ms,
                                   bool* applied, bool* changed) {
  Response response{command.opcode, command.tid, ResponseStatus::kOk, {}};
  TherapyParams next = therapy_;  // double-buffered: build the new set, then swap atomically
  switch (static_cast<Opcode>(command.opcode)) {
    case Opcode::kSetParam: {
      if (command.args.size() != 3) {
        response.status = ResponseStatus::kBadArgs;
        return response;
      }
      const uint8_t param = command.args[0];
      const auto value = static_cast<uint16_t>(GetBe(command.args, 1, 2));
      if (!CheckSafetyBounds(therapy_, param, value).ok()) {
        Count(Reject::kBounds, now_ms);
        response.status = ResponseStatus::kOutOfBounds;
        return response;
      }
      next.values[param - 1] = value;
      break;
    }
    case Opcode::kSuspendTachy:
    case Opcode::kDisableAllTherapy:
      next.Set(Param::kTachyTherapyEnabled, 0);
      break;
    case Opcode::kResumeTachy:
      next.Set(Param::kTachyTherapyEnabled, 1);
      break;
    case Opcode::kRaiseTicketEpoch:
      return RaiseEpoch(s, command, now_ms, applied);
    default:  // shocks, induction, clock, demographics: executed by the therapy task, logged here
      break;
  }
  Bytes detail = ParamsBytes(therapy_);
  Append(detail, ParamsBytes(next));
  *applied = true;
  *changed = !(next == therapy_);
  if (s.role == Role::kEmergency) {
    for (int i = 0; i < kParamCount; ++i)
      emergency_changed_[i] |= next.values[i] != therapy_.values[i];
  }
  therapy_ = next;
  Log(now_ms, AuditEvent::kCommandApplied, static_cast<uint8_t>(s.role), s.actor_id, command.tid,
      detail);
  return response;
}

}  // namespace medtra::link
