// The implant's persistent state (boot counter, revocation epoch, therapy, audit chain, energy
// budget, handshake counters, emergency window) and its authenticated A/B records in NVM.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/link/audit_log.h"
#include "medtra/link/crypto.h"
#include "medtra/link/energy.h"
#include "medtra/link/nv_store.h"
#include "medtra/link/therapy.h"

namespace medtra::link {

/// An emergency window in force (§6.7): it continues after a restart until its own end.
struct EmergencyWindow {
  uint32_t em_id = 0;
  std::array<uint8_t, kKeySize> k_em{};  ///< as protected as the audit chain key beside it
  uint64_t until_ms = 0;
  TherapyParams pre_emergency;  ///< the therapy when the window opened (the revert target)
  uint16_t changed_mask = 0;    ///< bit p-1: parameter p was set by an emergency session
  bool expiry_logged = false;   ///< its end is logged; the revert and close are still due
  bool operator==(const EmergencyWindow&) const = default;
};

/// What survives a restart. One record is one commit: every audit append, boot, epoch change, M2
/// and energy reservation writes it before anything depends on it.
struct ImplantState {
  uint64_t generation = 0;  ///< incremented by every save; the higher valid A/B record wins
  uint32_t boot_count = 0;  ///< enters every N_I, so a repeating random source cannot repeat one
  uint16_t min_ticket_epoch = 0;
  TherapyParams therapy;
  uint32_t audit_next_idx = 0;  ///< the monotonic audit counter (rollback detection)
  std::array<uint8_t, 8> audit_head{};
  Bytes audit_key;                       ///< K_next of the chain (32 B)
  std::optional<AuditEntry> last_entry;  ///< the entry of this commit (repairs a torn log record)
  EnergyCheckpoint energy;               ///< the day's radio budget, reserved before it is spent
  uint64_t activation_start_ms = 0;      ///< the near-field activation window (its ID) ...
  uint64_t activation_until_ms = 0;      ///< ... and its end
  std::map<uint32_t, HandshakeCounters> handshakes;  ///< per ticket, committed before each M2
  std::optional<EmergencyWindow> emergency;
  bool operator==(const ImplantState&) const = default;
};

/// "MDS2" ‖ generation(8) ‖ boot(4) ‖ epoch(2) ‖ therapy(12) ‖ next_idx(4) ‖ head(8) ‖ key(32) ‖
/// energy day(8) ‖ reserved_us(8) ‖ activation start(8) ‖ until(8) ‖
/// count(2) ‖ count × (key(4) ‖ any(1) ‖ last(8) ‖ day(8) ‖ today(4) ‖ window(8) ‖ in_window(4)) ‖
/// has_emergency(1) [‖ em_id(4) ‖ k_em(16) ‖ until(8) ‖ pre_therapy(12) ‖ changed(2) ‖ logged(1)] ‖
/// has_last(1) [‖ entry(32)] ‖ trunc16(HMAC(K_nvm, everything before)).
Bytes EncodeImplantState(const Crypto& crypto, ByteView k_nvm, const ImplantState& state);
/// Rejects wrong lengths, tags, MACs and therapy values (current or revert target) outside the hard
/// safety bounds.
Result<ImplantState> DecodeImplantState(const Crypto& crypto, ByteView k_nvm, ByteView record);

/// The record names: "state.0" / "state.1" (A/B) and "log.<slot>" (one audit entry each, in the
/// ring's slot idx mod kAuditRingCapacity: a wrapped ring overwrites its oldest records).
std::string StateRecordName(uint64_t generation);
std::string LogRecordName(uint32_t idx);

/// The newest valid state, nullopt on a blank medium. An error names why every record present was
/// refused (torn, corrupt or forged), so a hostile medium never boots with made-up state.
Result<std::optional<ImplantState>> LoadImplantState(const NonVolatileStore& store,
                                                     const Crypto& crypto, ByteView k_nvm);
/// Increments the generation and writes the record into the older slot.
Status SaveImplantState(NonVolatileStore& store, const Crypto& crypto, ByteView k_nvm,
                        ImplantState& state);
/// The audit entries the ring holds (AuditWindowStart(next_idx) .. next_idx-1); the last is taken
/// from the state when its record is torn or missing (and rewritten). Any other missing or
/// malformed entry is an error.
Result<std::vector<AuditEntry>> LoadAuditEntries(NonVolatileStore& store,
                                                 const ImplantState& state);

}  // namespace medtra::link
