// Link benchmarks: overhead and handshake bytes against the targets, seal+open throughput against
// raw Mbed TLS CCM calls (keyed per iteration, and keyed once like a session), and radio-on
// milliseconds per command (legacy vs secure).
#include <benchmark/benchmark.h>
#include <mbedtls/ccm.h>

#include "medtra/link/legacy.h"
#include "medtra/link/secure_channel.h"
#include "medtra/link/secure_frame.h"
#include "medtra/link/secure_implant.h"
#include "medtra/link/secure_programmer.h"
#include "medtra/sim/channel.h"
#include "medtra/sim/rng.h"

namespace {

using medtra::link::Bytes;

medtra::link::SessionKeys RandomKeys(medtra::sim::Rng& rng) {
  medtra::link::SessionKeys keys;
  rng.Fill(keys.k_p2i);
  rng.Fill(keys.iv_p2i);
  rng.Fill(keys.k_i2p);
  rng.Fill(keys.iv_i2p);
  return keys;
}

// A SetParam command plaintext: opcode ‖ tid ‖ t_issue ‖ param ‖ value (8 B).
const Bytes kCommand = {0x10, 0x00, 0x01, 0x00, 0x20, 0x04, 0x00, 0x46};

/// Both ends of one session (programmer → implant), keyed from a fixed seed.
struct ChannelPair {
  ChannelPair()
      : crypto(medtra::link::MakeMbedTlsCrypto()),
        rng(1),
        keys(RandomKeys(rng)),
        tx(*crypto, medtra::link::Side::kProgrammer, 7, keys, Bytes(8, 0x42),
           medtra::link::Role::kClinician),
        rx(*crypto, medtra::link::Side::kImplant, 7, keys, Bytes(8, 0x42),
           medtra::link::Role::kClinician) {}
  std::unique_ptr<medtra::link::Crypto> crypto;
  medtra::sim::Rng rng;
  medtra::link::SessionKeys keys;
  medtra::link::SecureChannel tx;
  medtra::link::SecureChannel rx;
};

// Seal returns a new frame and Open a new plaintext: two allocations per frame.
void BM_SecureSealOpen(benchmark::State& state) {
  ChannelPair p;
  auto& tx = p.tx;
  auto& rx = p.rx;
  for (auto _ : state) {
    auto frame = tx.Seal(kCommand);
    auto opened = rx.Open(*frame);
    benchmark::DoNotOptimize(opened);
    if (opened.reject != medtra::link::Reject::kNone) state.SkipWithError("open failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SecureSealOpen);

// The same through SealInto/OpenInto with buffers kept across frames (no allocation per frame).
void BM_SecureSealOpenReusingBuffers(benchmark::State& state) {
  ChannelPair p;
  auto& tx = p.tx;
  auto& rx = p.rx;
  Bytes frame, plaintext;
  uint64_t seq = 0;
  for (auto _ : state) {
    const medtra::Status sealed = tx.SealInto(kCommand, frame);
    const medtra::link::Reject reject = rx.OpenInto(frame, plaintext, seq);
    benchmark::DoNotOptimize(plaintext.data());
    if (!sealed.ok() || reject != medtra::link::Reject::kNone) state.SkipWithError("open failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SecureSealOpenReusingBuffers);

// Raw CCM inputs of the same sizes as BM_SecureSealOpen: 8 B plaintext, 13 B nonce, 17 B AAD.
struct RawCcm {
  RawCcm() {
    medtra::sim::Rng rng(1);
    rng.Fill(key);
    rng.Fill(nonce);
    rng.Fill(aad);
  }
  uint8_t key[16], nonce[13], aad[17];
  uint8_t ct[8], pt[8], tag[8];
};

// The honest baseline of a session: each direction's key scheduled once, then encrypt + decrypt.
void BM_RawMbedtlsCcmKeyedOnce(benchmark::State& state) {
  RawCcm c;
  mbedtls_ccm_context enc, dec;
  mbedtls_ccm_init(&enc);
  mbedtls_ccm_init(&dec);
  mbedtls_ccm_setkey(&enc, MBEDTLS_CIPHER_ID_AES, c.key, 128);  // once, outside the loop
  mbedtls_ccm_setkey(&dec, MBEDTLS_CIPHER_ID_AES, c.key, 128);
  for (auto _ : state) {
    mbedtls_ccm_encrypt_and_tag(&enc, 8, c.nonce, 13, c.aad, 17, kCommand.data(), c.ct, c.tag, 8);
    const int rc = mbedtls_ccm_auth_decrypt(&dec, 8, c.nonce, 13, c.aad, 17, c.ct, c.pt, c.tag, 8);
    benchmark::DoNotOptimize(rc);
    benchmark::DoNotOptimize(c.pt);
  }
  mbedtls_ccm_free(&enc);
  mbedtls_ccm_free(&dec);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawMbedtlsCcmKeyedOnce);

// Keyed per iteration (a key schedule per seal and per open), as Crypto::Seal/Open are.
void BM_RawMbedtlsCcm(benchmark::State& state) {
  RawCcm c;
  for (auto _ : state) {
    mbedtls_ccm_context enc, dec;
    mbedtls_ccm_init(&enc);
    mbedtls_ccm_setkey(&enc, MBEDTLS_CIPHER_ID_AES, c.key, 128);
    mbedtls_ccm_encrypt_and_tag(&enc, 8, c.nonce, 13, c.aad, 17, kCommand.data(), c.ct, c.tag, 8);
    mbedtls_ccm_free(&enc);
    mbedtls_ccm_init(&dec);
    mbedtls_ccm_setkey(&dec, MBEDTLS_CIPHER_ID_AES, c.key, 128);
    const int rc = mbedtls_ccm_auth_decrypt(&dec, 8, c.nonce, 13, c.aad, 17, c.ct, c.pt, c.tag, 8);
    mbedtls_ccm_free(&dec);
    benchmark::DoNotOptimize(rc);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawMbedtlsCcm);

void BM_Handshake(benchmark::State& state) {
  const auto crypto = medtra::link::MakeMbedTlsCrypto();
  medtra::sim::Rng rng(2);
  medtra::link::SecureImplantConfig config;
  rng.Fill(config.secrets.k_dev);
  config.handshake.interval_active_ms = 0;
  config.handshake.max_per_window = UINT32_MAX;
  config.activation_window_ms = 1u << 31;
  medtra::link::TicketClaims claims;
  claims.tkt_id = 1;
  claims.not_before_s = config.rtc_base_s - 10;
  claims.not_after_s = config.rtc_base_s + 100'000;
  const auto ticket = medtra::link::IssueTicket(*crypto, config.secrets, claims);
  medtra::link::SecureImplant implant(*crypto, rng, config);
  medtra::link::SecureProgrammer programmer(*crypto, rng);
  implant.NearFieldActivate(0);
  size_t bytes = 0;
  uint64_t now = 1;
  for (auto _ : state) {
    const Bytes m1 = programmer.StartHandshake(*ticket, claims.role);
    const auto r = implant.Receive(m1, ++now);  // the implant checks at most 2 frames per ms
    if (!r.reply || !programmer.HandleM2(*r.reply, now).ok()) {
      state.SkipWithError("handshake");
      break;
    }
    bytes = m1.size() + r.reply->size();
  }
  state.counters["handshake_bytes"] = static_cast<double>(bytes);
  state.counters["handshake_target_bytes"] = 80;
  state.counters["messages"] = 2;
}
BENCHMARK(BM_Handshake);

void BM_Overhead(benchmark::State& state) {
  const auto crypto = medtra::link::MakeMbedTlsCrypto();
  medtra::sim::Rng rng(3);
  const auto keys = RandomKeys(rng);
  medtra::link::SecureChannel tx(*crypto, medtra::link::Side::kProgrammer, 7, keys, Bytes(8, 1),
                                 medtra::link::Role::kClinician);
  const Bytes args = {0x04, 0x00, 0x46};  // param ‖ value
  size_t secure = 0, legacy = 0;
  for (auto _ : state) {
    secure = tx.Seal(kCommand)->size();
    legacy = medtra::link::LegacySetParam(1, medtra::link::Param::kPacingRateBpm, 70).size();
  }
  state.counters["frame_security_overhead_bytes"] = medtra::link::kDataOverhead;  // target 12
  state.counters["command_protocol_overhead_bytes"] =
      static_cast<double>(secure - 1 - args.size());                               // target <= 16
  state.counters["net_over_legacy_bytes"] = static_cast<double>(secure - legacy);  // target <= 8
  state.counters["secure_setparam_frame_bytes"] = static_cast<double>(secure);
  state.counters["legacy_setparam_frame_bytes"] = static_cast<double>(legacy);
}
BENCHMARK(BM_Overhead);

// Radio-on time of one therapy command (command + response), ZL70102-like 200 kbit/s radio.
void BM_RadioOnPerCommand(benchmark::State& state) {
  const auto crypto = medtra::link::MakeMbedTlsCrypto();
  medtra::sim::Rng rng(4);
  const auto keys = RandomKeys(rng);
  medtra::link::SecureChannel p(*crypto, medtra::link::Side::kProgrammer, 7, keys, Bytes(8, 1),
                                medtra::link::Role::kClinician);
  medtra::link::SecureChannel i(*crypto, medtra::link::Side::kImplant, 7, keys, Bytes(8, 1),
                                medtra::link::Role::kClinician);
  double secure_ms = 0, legacy_ms = 0;
  for (auto _ : state) {
    const Bytes command = *p.Seal(kCommand);
    const Bytes response = *i.Seal(Bytes{0x90, 0x00, 0x01, 0x00});
    secure_ms = medtra::sim::AirtimeMs(command.size()) + medtra::sim::AirtimeMs(response.size());
    const Bytes legacy = medtra::link::LegacySetParam(1, medtra::link::Param::kPacingRateBpm, 70);
    legacy_ms = 2 * medtra::sim::AirtimeMs(legacy.size());  // command + echo reply
  }
  const double handshake_ms =
      medtra::sim::AirtimeMs(medtra::link::kM1Size) + medtra::sim::AirtimeMs(medtra::link::kM2Size);
  state.counters["secure_radio_ms_per_command"] = secure_ms;
  state.counters["legacy_radio_ms_per_command"] = legacy_ms;
  state.counters["secure_handshake_radio_ms"] = handshake_ms;
  state.counters["secure_radio_ms_per_command_10_per_session"] = secure_ms + handshake_ms / 10;
}
BENCHMARK(BM_RadioOnPerCommand);

}  // namespace
