// Test helpers for the link tests: a provisioned device, a deterministic RNG, an open session.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "medtra/link/crypto.h"
#include "medtra/link/keys.h"
#include "medtra/link/secure_implant.h"
#include "medtra/link/secure_programmer.h"
#include "medtra/sim/rng.h"

namespace medtra::link::testing {

/// Fewer frames under sanitizers keep the CI budget; the full counts run in normal builds.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kFramesPerClass = 10'000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr int kFramesPerClass = 10'000;
#else
inline constexpr int kFramesPerClass = 100'000;
#endif
#else
inline constexpr int kFramesPerClass = 100'000;
#endif

inline DeviceSecrets MakeDevice(sim::Rng& rng, uint8_t tag) {
  DeviceSecrets d;
  d.device_id = {'I', 'C', 'D', tag, 1, 2, 3, 4};
  rng.Fill(d.k_dev);
  return d;
}

inline IssuedTicket MakeTicket(const Crypto& crypto, const DeviceSecrets& device, uint32_t id,
                               Role role = Role::kClinician) {
  TicketClaims claims;
  claims.tkt_id = id;
  claims.role = role;
  claims.programmer_id = 0x1001;
  claims.not_before_s = SecureImplantConfig{}.rtc_base_s - 60;
  claims.not_after_s = SecureImplantConfig{}.rtc_base_s + 86'400;
  Result<IssuedTicket> t = IssueTicket(crypto, device, claims);
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

/// An implant with one programmer session keyed and confirmed.
struct LinkFixture {
  explicit LinkFixture(uint64_t seed = 7, uint8_t tag = 'A', const Crypto* backend = nullptr)
      : own_crypto(backend ? nullptr : MakeMbedTlsCrypto()),
        crypto(backend ? backend : own_crypto.get()),
        rng(seed),
        device(MakeDevice(rng, tag)),
        config(MakeConfig(device)),
        implant(*crypto, rng, config),
        programmer(*crypto, rng) {}

  static SecureImplantConfig MakeConfig(const DeviceSecrets& device) {
    SecureImplantConfig c;
    c.secrets = device;
    c.max_frames_per_ms = 1'000'000;  // the per-ms work bound is tested separately
    return c;
  }

  /// Handshake + a first read that confirms the session; returns false on failure.
  bool Open(uint32_t ticket_id = 1, Role role = Role::kClinician) {
    implant.NearFieldActivate(now);
    const Bytes m1 = programmer.StartHandshake(MakeTicket(*crypto, device, ticket_id, role), role);
    Reception r = implant.Receive(m1, now);
    if (!r.reply) return false;
    handshake_bytes = m1.size() + r.reply->size();
    if (!programmer.HandleM2(*r.reply, now).ok()) return false;
    return Exchange(static_cast<uint8_t>(Opcode::kReadStatus), 0x8000, {}).ok();
  }

  /// Seals a command, delivers it, opens the response.
  Result<Response> Exchange(uint8_t opcode, uint16_t tid, ByteView args) {
    Result<Bytes> frame = programmer.SealCommand(opcode, tid, args, now);
    if (!frame.ok()) return frame.status();
    last = implant.Receive(*frame, now);
    if (!last.reply) return Result<Response>::Error("no reply");
    return programmer.OpenResponse(*last.reply);
  }

  Bytes SetParamArgs(Param p, uint16_t v) {
    Bytes args{static_cast<uint8_t>(p)};
    PutBe(args, v, 2);
    return args;
  }

  std::unique_ptr<Crypto> own_crypto;
  const Crypto* crypto;
  sim::Rng rng;
  DeviceSecrets device;
  SecureImplantConfig config;
  SecureImplant implant;
  SecureProgrammer programmer;
  uint64_t now = 1000;
  size_t handshake_bytes = 0;
  Reception last;
};

/// A device whose implant boots from an NVM: provisioning, and boots with a random source that
/// repeats after every restart (the worst case for nonces).
struct BootRig {
  static constexpr uint64_t kImplantSeed = 500;
  BootRig() : crypto(MakeMbedTlsCrypto()), device_rng(3), device(MakeDevice(device_rng, 'A')) {
    config.secrets = device;
    config.max_frames_per_ms = 1'000'000;
  }
  /// The factory's blank NVM, provisioned.
  void Provision(NonVolatileStore& store) {
    ASSERT_TRUE(SecureImplant::Provision(*crypto, config, store).ok());
  }
  /// Boots a fresh implant object on `store` with the random source in its initial state.
  Result<std::unique_ptr<SecureImplant>> Boot(NonVolatileStore& store) {
    implant_rng = sim::Rng(kImplantSeed);
    return SecureImplant::Boot(*crypto, implant_rng, config, store);
  }
  std::unique_ptr<Crypto> crypto;
  sim::Rng device_rng;
  DeviceSecrets device;
  SecureImplantConfig config;
  sim::Rng implant_rng{kImplantSeed};
};

}  // namespace medtra::link::testing
