// The implant side of the secure link: handshakes, data frames, emergency access, audit, counters.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "medtra/link/audit_log.h"
#include "medtra/link/crypto.h"
#include "medtra/link/energy.h"
#include "medtra/link/implant_state.h"
#include "medtra/link/keys.h"
#include "medtra/link/messages.h"
#include "medtra/link/nv_store.h"
#include "medtra/link/reception.h"
#include "medtra/link/secure_channel.h"
#include "medtra/link/therapy.h"

namespace medtra::link {

struct SecureImplantConfig {
  DeviceSecrets secrets;
  uint32_t rtc_base_s = 1'800'000'000;  ///< wall-clock seconds at now_ms = 0 (ticket validity)
  uint32_t ticket_skew_s = 60;
  uint16_t min_ticket_epoch = 0;
  uint32_t idle_timeout_ms = 60'000;
  uint32_t max_session_ms = 30 * 60'000;        ///< clinic; capped at kMaxSessionLifetimeMs
  uint32_t max_remote_session_ms = 5 * 60'000;  ///< remote-monitor sessions (§6.6)
  uint32_t pending_timeout_ms = 5'000;  ///< a keyed session not confirmed by then is discarded
  uint32_t emergency_lifetime_ms = 15 * 60'000;
  uint32_t activation_window_ms = 5 * 60'000;  ///< after a near-field activation
  HandshakeLimits handshake;                   ///< M2 limits per ticket
  EnergyConfig energy;                         ///< wake-up gating and the daily radio budget
  uint32_t max_frames_per_ms = 2;  ///< bounded comms work: ≤ this many AEAD checks per ms
  uint32_t near_field_confirm_ms = 30'000;
};

/// The emergency credential handed over the near-field channel (never over the far-field radio).
struct EmergencyCredential {
  uint32_t em_id = 0;
  Bytes k_em;  ///< 16 B
  std::array<uint8_t, 8> device_id{};
};

class SecureImplant {
 public:
  /// A volatile implant: blank state in an in-memory NVM of its own (one run, no restart).
  SecureImplant(const Crypto& crypto, RandomSource& random, SecureImplantConfig config);
  /// Boots from `store`: restores therapy, revocation epoch, audit chain, the day's radio budget,
  /// the handshake counters and the activation and emergency windows, then commits the
  /// incremented boot counter before it answers anything. Fails on a store that holds no valid
  /// state (torn, corrupt or forged) or that cannot be written.
  static Result<std::unique_ptr<SecureImplant>> Boot(const Crypto& crypto, RandomSource& random,
                                                     SecureImplantConfig config,
                                                     NonVolatileStore& store);
  /// The manufacturer's step: writes the initial state (default therapy, K_log0, boot count 0) into
  /// a blank NVM. Boot refuses a blank NVM, so wiping the medium cannot reset the boot counter.
  static Status Provision(const Crypto& crypto, const SecureImplantConfig& config,
                          NonVolatileStore& store);
  SecureImplant(const SecureImplant&) = delete;
  SecureImplant& operator=(const SecureImplant&) = delete;

  /// Processes one far-field frame. Never replies to a frame that failed authentication.
  Reception Receive(ByteView frame, uint64_t now_ms);

  /// Near-field events (only the local physical actor can cause them):
  void NearFieldActivate(uint64_t now_ms);
  EmergencyCredential NearFieldEmergency(uint64_t now_ms);
  void NearFieldConfirm(uint64_t now_ms);

  /// The implant's timer (the simulator calls it every second): closes idle and expired sessions
  /// and ends an expired emergency window, logging each and reverting emergency changes, whether
  /// or not a frame arrives.
  void Tick(uint64_t now_ms);

  /// Flushes the aggregated rejection counters into the audit log.
  void FlushAudit(uint64_t now_ms);

  const TherapyParams& therapy() const { return therapy_; }
  const AuditLog& audit_log() const { return audit_; }
  uint64_t rejects(Reject reason) const { return rejects_[static_cast<int>(reason)]; }
  uint64_t m2_sent() const { return m2_sent_; }
  /// Unproductive radio-on time so far (frames heard and dropped, M2 replies), in µs.
  uint64_t unproductive_radio_us() const { return energy_.spent_total_us(); }
  /// Today's used daily budget, in µs; after a restart it starts from the committed reservation.
  uint64_t radio_budget_used_us() const { return energy_.spent_today_us(); }
  /// The M2 counters per ticket key (ticket ID, or ~em_id for an emergency credential).
  const std::map<uint32_t, HandshakeCounters>& handshake_counters() const {
    return limiter_.counters();
  }
  /// The end of the emergency window in force, nullopt when none is.
  std::optional<uint64_t> emergency_until_ms() const {
    return emergency_ ? std::optional<uint64_t>(emergency_until_ms_) : std::nullopt;
  }
  /// Far-field frames that arrived while the receiver was off (not heard, cost nothing).
  uint64_t frames_unheard() const { return energy_.unheard(); }
  uint64_t patient_alerts() const { return patient_alerts_; }
  bool has_session() const { return current_ != nullptr; }
  /// False once a write to the NVM failed (power lost): the implant then transmits nothing.
  bool powered() const { return powered_; }
  uint32_t boot_count() const { return state_.boot_count; }
  uint16_t min_ticket_epoch() const { return state_.min_ticket_epoch; }

 private:
  struct Session {
    std::unique_ptr<SecureChannel> channel;
    Role role = Role::kClinician;
    uint32_t actor_id = 0;
    uint64_t opened_ms = 0;
    uint64_t last_ms = 0;
    uint64_t expires_ms = 0;  ///< hard end (max lifetime or emergency expiry)
    uint64_t serial = 0;      ///< which session a near-field confirmation belongs to
    bool confirmed = false;
    uint16_t last_tid = 0;
    std::optional<Bytes> cached_reply;  ///< plaintext response of last_tid (re-sealed on a retry)
    Bytes m1;                           ///< for retransmitted M1s
    Bytes m2;
  };

  SecureImplant(const Crypto& crypto, RandomSource& random, SecureImplantConfig config,
                NonVolatileStore* store);
  Status Restore();
  /// The emergency window as persisted, and back.
  std::optional<EmergencyWindow> SavedEmergency() const;
  void RestoreEmergency(const std::optional<EmergencyWindow>& saved);
  /// Appends to the audit chain and commits it (with therapy and epoch) to the NVM.
  void Log(uint64_t now_ms, AuditEvent event, uint8_t role, uint32_t actor_id, uint16_t tid,
           ByteView detail);
  /// Commits the state with `appended` as its last entry, then writes the entry's ring slot.
  void Persist(const AuditEntry& appended);
  void Commit();
  Reception Process(ByteView frame, uint64_t now_ms);
  Reception OnM1(ByteView frame, uint64_t now_ms);
  Reception OnData(ByteView frame, uint64_t now_ms);
  Reception Execute(Session& session, const Command& command, uint64_t now_ms);
  Response RunCommand(Session& session, const Command& command, uint64_t now_ms, bool* applied,
                      bool* changed);
  Response RaiseEpoch(Session& session, const Command& command, uint64_t now_ms, bool* applied);
  bool AllowM2(uint32_t key, uint64_t now_ms);
  /// A fresh e_I: writes its public key, returns X25519(e_I, peer) (then e_I is wiped).
  Result<Bytes> EphemeralShare(const std::array<uint8_t, kX25519Size>& peer,
                               std::array<uint8_t, kX25519Size>& own_public);
  void DropStalePending(uint64_t now_ms);
  bool Expired(const Session& session, uint64_t now_ms) const;
  void CloseCurrent(uint64_t now_ms);
  void ExpireEmergency(uint64_t now_ms);
  void Count(Reject reason, uint64_t now_ms);
  Reception Drop(Reject reason, uint64_t now_ms);
  uint32_t Seconds(uint64_t now_ms) const;

  const Crypto* crypto_;
  RandomSource* random_;
  SecureImplantConfig config_;
  std::unique_ptr<MemoryStore> own_store_;  ///< the volatile implant's NVM
  NonVolatileStore* store_;
  Bytes k_tkt_;
  Bytes k_nvm_;
  ImplantState state_;
  bool powered_ = true;
  uint32_t m2_in_boot_ = 0;
  AuditLog audit_;
  TherapyParams therapy_;
  std::unique_ptr<Session> current_;                     ///< the confirmed session
  std::map<uint8_t, std::unique_ptr<Session>> pending_;  ///< keyed but unconfirmed, by sid
  std::deque<std::array<uint8_t, 16>> used_nonces_;      ///< N_P of confirmed sessions
  HandshakeLimiter limiter_;
  EnergyGate energy_;
  uint64_t activation_start_ms_ = 0;
  std::optional<EmergencyCredential> emergency_;
  uint64_t emergency_until_ms_ = 0;
  uint64_t activation_until_ms_ = 0;
  uint64_t confirm_until_ms_ = 0;
  uint64_t confirm_serial_ = 0;  ///< the session the near-field confirmation was given to
  uint64_t next_serial_ = 1;
  TherapyParams pre_emergency_;  ///< the therapy when the emergency window opened
  std::array<bool, kParamCount> emergency_changed_{};  ///< parameters an emergency session set
  bool emergency_expiry_logged_ = false;  ///< the window's end is logged (revert and close due)
  uint64_t work_ms_ = ~uint64_t{0};
  uint32_t work_in_ms_ = 0;
  uint64_t m2_sent_ = 0;
  uint64_t patient_alerts_ = 0;
  Bytes rx_plaintext_;  ///< the opened frame, reused across frames
  std::array<uint64_t, kRejectKinds> rejects_{};
  std::array<uint32_t, kRejectKinds> window_rejects_{};
  uint64_t window_start_ms_ = 0;
};

}  // namespace medtra::link
