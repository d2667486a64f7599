// Simulated endpoints (internal to sim/): the clinic programmer and the implant, legacy and secure.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "medtra/link/bytes.h"
#include "medtra/link/crypto.h"
#include "medtra/link/keys.h"
#include "medtra/link/reception.h"
#include "medtra/link/secure_implant.h"
#include "medtra/link/therapy.h"
#include "medtra/sim/rng.h"

namespace medtra::sim {

inline constexpr uint32_t kLegacyStaticId = 0x4D1C0A57;  // printed on the legacy device's label

/// One step of the clinician's programming workload.
struct Op {
  bool is_read = false;
  link::Opcode read_op = link::Opcode::kReadStatus;
  link::Param param = link::Param::kPacingRateBpm;
  uint16_t value = 0;
  int tag = -1;  ///< command index (state-changing ops only)
  int session = 0;
};

/// Two programming sessions: interrogate, then half the commands each; all values within bounds.
struct Workload {
  std::vector<Op> ops;
  int commands = 0;
};
Workload MakeWorkload(uint32_t commands, Rng& rng);

enum class Outcome : uint8_t { kPending, kApplied, kFailed };
struct CommandRecord {
  Outcome outcome = Outcome::kPending;
  uint64_t issued_ms = 0;
  uint64_t resolved_ms = 0;
};

struct Outgoing {
  link::Bytes bytes;
  int tag = -1;
};

class ProgrammerNode {
 public:
  virtual ~ProgrammerNode() = default;
  /// Frames the programmer transmits at `now_ms`.
  virtual void Poll(uint64_t now_ms, std::vector<Outgoing>& out) = 0;
  /// Returns true when the frame was accepted as a genuine implant response.
  virtual bool Receive(link::ByteView frame, uint64_t now_ms) = 0;
  virtual bool done() const = 0;
  virtual int session() const = 0;
  virtual const std::vector<CommandRecord>& records() const = 0;
};

class ImplantNode {
 public:
  virtual ~ImplantNode() = default;
  virtual link::Reception Receive(link::ByteView frame, uint64_t now_ms) = 0;
  virtual const link::TherapyParams& therapy() const = 0;
  /// CPU time the frame cost the implant, and whether that work can delay the therapy task.
  virtual double ProcessingCostMs(const link::Reception& reception) const = 0;
  virtual bool therapy_preempts_comms() const = 0;
  /// How long the radio stays on after an accepted frame (legacy "standby").
  virtual uint32_t standby_ms() const = 0;
  virtual uint64_t audit_entries() const = 0;
};

std::unique_ptr<ProgrammerNode> MakeLegacyProgrammer(const Workload& workload, uint32_t device_id);
std::unique_ptr<ImplantNode> MakeLegacyImplant(uint32_t device_id);

/// Provisioning for the secure scenarios: the implant's secrets and one ticket per session.
struct SecureWorld {
  link::DeviceSecrets device;
  std::vector<link::IssuedTicket> tickets;
};
SecureWorld MakeSecureWorld(const link::Crypto& crypto, Rng& rng, uint8_t device_tag,
                            uint32_t first_ticket_id);

std::unique_ptr<ProgrammerNode> MakeSecureProgrammer(const Workload& workload,
                                                     const link::Crypto& crypto, Rng& rng,
                                                     const SecureWorld& world,
                                                     std::function<void(uint64_t)> near_field);
/// The implant node; `implant` receives a pointer to the protocol object for near-field calls.
std::unique_ptr<ImplantNode> MakeSecureImplant(const link::Crypto& crypto, Rng& rng,
                                               const SecureWorld& world,
                                               link::SecureImplant** implant);

}  // namespace medtra::sim
