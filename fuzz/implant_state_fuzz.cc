// libFuzzer target: the implant's persistent state on a hostile NVM. The first input byte picks the
// record it replaces (state.0, state.1 or an audit entry) in a store holding a real visit; the rest
// is the record. Invariants: no crash; a boot either fails with a message or yields therapy within
// the hard safety bounds and a log as long as the committed audit counter.
#include <cstdlib>
#include <memory>

#include "medtra/link/implant_state.h"
#include "medtra/link/secure_implant.h"
#include "medtra/link/secure_programmer.h"
#include "medtra/sim/rng.h"

namespace {

namespace link = medtra::link;

struct Harness {
  Harness() : crypto(link::MakeMbedTlsCrypto()), rng(1) {
    config.secrets.device_id = {'I', 'C', 'D', 'F', 1, 2, 3, 4};
    rng.Fill(config.secrets.k_dev);
    if (!link::SecureImplant::Provision(*crypto, config, good).ok()) std::abort();
    auto implant = link::SecureImplant::Boot(*crypto, rng, config, good);
    if (!implant.ok()) std::abort();
    link::SecureProgrammer programmer(*crypto, rng);
    link::TicketClaims claims;
    claims.tkt_id = 1;
    claims.not_before_s = config.rtc_base_s - 10;
    claims.not_after_s = config.rtc_base_s + 100'000;
    const auto ticket = link::IssueTicket(*crypto, config.secrets, claims);
    (*implant)->NearFieldActivate(0);
    const auto r = (*implant)->Receive(programmer.StartHandshake(*ticket, claims.role), 0);
    if (!r.reply || !programmer.HandleM2(*r.reply, 0).ok()) std::abort();
    const link::Bytes args{static_cast<uint8_t>(link::Param::kPacingRateBpm), 0, 70};
    auto frame = programmer.SealCommand(static_cast<uint8_t>(link::Opcode::kSetParam), 1, args, 0);
    if (!frame.ok() || !(*implant)->Receive(*frame, 0).applied) std::abort();
    k_nvm = link::DeriveStateKey(*crypto, config.secrets);
  }
  std::unique_ptr<link::Crypto> crypto;
  medtra::sim::Rng rng;
  link::SecureImplantConfig config;
  link::MemoryStore good;
  link::Bytes k_nvm;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Harness* harness = new Harness();  // fuzz harness only: one provisioned store
  if (size == 0) return 0;
  const link::ByteView record(data + 1, size - 1);
  (void)link::DecodeAuditEntry(record);
  (void)link::DecodeImplantState(*harness->crypto, harness->k_nvm, record);
  link::MemoryStore store = harness->good;
  const std::string name = data[0] % 4 == 0   ? "state.0"
                           : data[0] % 4 == 1 ? "state.1"
                                              : link::LogRecordName(data[0] % 3);
  store.records()[name] = link::Bytes(record.begin(), record.end());
  medtra::sim::Rng rng(2);
  auto implant = link::SecureImplant::Boot(*harness->crypto, rng, harness->config, store);
  if (!implant.ok()) {
    if (implant.message().empty()) std::abort();
    return 0;
  }
  const link::TherapyParams& therapy = (*implant)->therapy();
  for (const link::ParamBounds& b : link::SafetyBounds()) {
    const uint16_t v = therapy.Get(b.param);
    if (v < b.min || v > b.max) std::abort();
  }
  if ((*implant)->audit_log().Anchor().next_idx != (*implant)->audit_log().entries().size()) {
    std::abort();
  }
  return 0;
}
