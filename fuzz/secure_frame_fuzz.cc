// libFuzzer target: every secure-link parser, and an implant with a live session, on arbitrary
// bytes. Invariants: no crash, nothing accepted, never a reply to an unauthenticated frame.
#include <cstdlib>
#include <memory>

#include "medtra/link/messages.h"
#include "medtra/link/secure_frame.h"
#include "medtra/link/secure_implant.h"
#include "medtra/link/secure_programmer.h"
#include "medtra/sim/rng.h"

namespace {

struct Harness {
  Harness() : crypto(medtra::link::MakeMbedTlsCrypto()), rng(1) {
    config.secrets.device_id = {'I', 'C', 'D', 'F', 1, 2, 3, 4};
    rng.Fill(config.secrets.k_dev);
    config.max_frames_per_ms = 1u << 30;
    implant = std::make_unique<medtra::link::SecureImplant>(*crypto, rng, config);
    programmer = std::make_unique<medtra::link::SecureProgrammer>(*crypto, rng);
    medtra::link::TicketClaims claims;
    claims.tkt_id = 1;
    claims.not_before_s = config.rtc_base_s - 10;
    claims.not_after_s = config.rtc_base_s + 100'000;
    const auto ticket = medtra::link::IssueTicket(*crypto, config.secrets, claims);
    implant->NearFieldActivate(0);
    const auto r = implant->Receive(programmer->StartHandshake(*ticket, claims.role), 0);
    if (!r.reply || !programmer->HandleM2(*r.reply, 0).ok()) std::abort();
  }
  std::unique_ptr<medtra::link::Crypto> crypto;
  medtra::sim::Rng rng;
  medtra::link::SecureImplantConfig config;
  std::unique_ptr<medtra::link::SecureImplant> implant;
  std::unique_ptr<medtra::link::SecureProgrammer> programmer;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Harness* harness = new Harness();  // fuzz harness only: one implant for all inputs
  const medtra::link::ByteView input(data, size);
  (void)medtra::link::DecodeM1(input);
  (void)medtra::link::DecodeM2(input);
  (void)medtra::link::DecodeCommand(input);
  (void)medtra::link::DecodeResponse(input);
  medtra::Result<medtra::link::DataFrameView> view = medtra::link::ParseDataFrame(input);
  if (view.ok() && view->sealed.size() + medtra::link::kDataHeaderSize != size) std::abort();
  // Aim inputs at the live session half of the time, so they reach the AEAD.
  medtra::link::Bytes frame(input.begin(), input.end());
  if (frame.size() > 1 && frame.size() % 2 == 0) frame[1] = harness->programmer->channel()->sid();
  const medtra::link::Reception r = harness->implant->Receive(frame, 1);
  if (r.accepted || r.applied) std::abort();  // forging a CCM-8 tag is out of a fuzzer's reach
  if (r.reply && !r.authenticated) std::abort();
  (void)harness->programmer->OpenResponse(input);
  return 0;
}
