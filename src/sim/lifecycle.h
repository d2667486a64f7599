// The lifecycle attacks of issue 16 (internal to sim/): attacks across time, restarts, energy,
// emergency access and the audit log, each an event-driven run against the link library.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "medtra/link/nv_store.h"
#include "medtra/link/secure_implant.h"
#include "medtra/link/secure_programmer.h"
#include "medtra/sim/scenario.h"
#include "sim/nodes.h"

namespace medtra::sim {

/// True for the attacks RunLifecycleAttack runs (the others run in the 1-ms channel loop).
bool IsLifecycleAttack(Attack attack);
Result<SimMetrics> RunLifecycleAttack(const ScenarioConfig& config);

/// A provisioned secure implant on a simulated NVM, its tickets, and the metrics being filled.
class SecureRig {
 public:
  SecureRig(const ScenarioConfig& config, const link::Crypto& crypto);
  /// Boots (again) on the same NVM with the implant's random source back in its first state: the
  /// restart model in which the RNG repeats.
  Status Boot();
  link::SecureImplant& implant() { return *implant_; }
  link::IssuedTicket Ticket(uint32_t id, link::Role role) const;
  link::MemoryStore& store() { return store_; }
  const link::Crypto& crypto() const { return *crypto_; }
  const link::DeviceSecrets& device() const { return world_.device; }
  Rng& rng() { return rng_; }

  /// One legitimate frame to the implant (counted on air); returns the reply.
  std::optional<link::Bytes> Deliver(const link::Bytes& frame, uint64_t now_ms);
  /// One attacker frame to the implant: counted, judged, its reply's airtime charged.
  void Attack(const link::Bytes& frame, uint64_t now_ms);
  /// Handshake for `programmer` with `ticket`; false when the implant gave no usable M2.
  bool Handshake(link::SecureProgrammer& programmer, const link::IssuedTicket& ticket,
                 link::Role role, uint64_t now_ms, std::vector<link::Bytes>* capture = nullptr);
  /// Seals and delivers one command; `capture` records it, `jam` suppresses it after capture.
  std::optional<link::Response> Command(link::SecureProgrammer& programmer, link::Opcode opcode,
                                        uint16_t tid, const link::Bytes& args, uint64_t now_ms,
                                        std::vector<link::Bytes>* capture = nullptr,
                                        bool jam = false);
  /// A legitimate SetParam with retries (R = 16, RTO 100 ms) and explicit FAILED; a FAILED
  /// command is settled with ReadLastTid (and corrected to applied if it was).
  void Program(link::SecureProgrammer& programmer, uint16_t* tid, link::Param param, uint16_t value,
               uint64_t* now_ms, std::vector<link::Bytes>* capture = nullptr, bool jam = false);
  /// Fills the remaining metrics at the end of the run.
  SimMetrics Finish(uint64_t duration_ms);

  const ScenarioConfig scenario;
  SimMetrics m;
  link::TherapyParams intended;

 private:
  const link::Crypto* crypto_;
  uint64_t seed_;
  Rng rng_;
  SecureWorld world_;
  link::SecureImplantConfig config_;
  link::MemoryStore store_;
  std::unique_ptr<link::SecureImplant> implant_;
  std::unique_ptr<Rng> implant_rng_;
  double radio_ms_ = 0;
};

Result<SimMetrics> RunDelayedRelease(SecureRig& rig);
Result<SimMetrics> RunBankAndRelease(SecureRig& rig);
Result<SimMetrics> RunRestartReplay(SecureRig& rig);
Result<SimMetrics> RunAuditRollback(SecureRig& rig);
Result<SimMetrics> RunEnergyDay(SecureRig& rig);
Result<SimMetrics> RunEmergencyAbuse(SecureRig& rig);
Result<SimMetrics> RunTicketLockout(SecureRig& rig);
/// The legacy link under the same attacks: captured frames released later, after a restart or
/// into a later visit; a day of wake-ups; therapy-off with the sniffed ID.
Result<SimMetrics> RunLegacyLifecycle(const ScenarioConfig& config);

}  // namespace medtra::sim
