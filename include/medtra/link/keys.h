// Key provisioning: per-device master keys, sub-keys, role-scoped tickets and session key schedule.
#pragma once

#include <array>
#include <cstdint>

#include "medtra/base/status.h"
#include "medtra/link/bytes.h"
#include "medtra/link/crypto.h"
#include "medtra/link/therapy.h"

namespace medtra::link {

/// What the manufacturer provisions into one implant (and keeps in its HSM). No fleet key.
struct DeviceSecrets {
  std::array<uint8_t, 8> device_id{};  ///< implicit in every AAD, never sent on air
  std::array<uint8_t, kKeySize> k_dev{};
};

/// K_tkt = HKDF(K_dev, "medtra K_tkt"); K_log0 = HKDF(K_dev, "medtra K_log0").
Bytes DeriveTicketKey(const Crypto& crypto, const DeviceSecrets& device);
Bytes DeriveLogKey(const Crypto& crypto, const DeviceSecrets& device);
/// K_nvm = HKDF(K_dev, "medtra K_nvm"): authenticates the implant's persistent state records.
Bytes DeriveStateKey(const Crypto& crypto, const DeviceSecrets& device);

/// Backend side: the MAC that authorises raising `device`'s minimum ticket epoch to `epoch`:
/// trunc8(HMAC(K_rev, "epoch" ‖ device_id ‖ epoch)), K_rev = HKDF(K_dev, "medtra K_rev"). A
/// programmer relays it and cannot make one.
Bytes SignEpochRaise(const Crypto& crypto, const DeviceSecrets& device, uint16_t epoch);

/// The ticket body the backend seals for one programmer.
struct TicketClaims {
  uint32_t tkt_id = 0;  ///< never reused by the backend (the ticket's CCM nonce derives from it)
  Role role = Role::kClinician;
  uint32_t programmer_id = 0;
  uint32_t not_before_s = 0;
  uint32_t not_after_s = 0;
  uint16_t epoch = 0;  ///< revocation: the implant rejects tickets below its min epoch
};

/// What the backend hands a programmer: the ticket (opaque) and its PSK. Never K_dev.
struct IssuedTicket {
  Bytes ticket;                        ///< kTicketSize bytes
  Bytes psk;                           ///< PSK_t = HKDF(K_tkt, "psk" ‖ tkt_id), 16 B
  std::array<uint8_t, 8> device_id{};  ///< which implant (the backend knows; never sent on air)
};

/// Backend side: issue a ticket for `device`.
Result<IssuedTicket> IssueTicket(const Crypto& crypto, const DeviceSecrets& device,
                                 const TicketClaims& claims);
/// Implant side: open and authenticate a ticket with K_tkt (validity times are checked by the
/// caller).
Result<TicketClaims> OpenTicket(const Crypto& crypto, ByteView k_tkt, ByteView ticket);
/// PSK_t for a ticket ID.
Bytes DerivePsk(const Crypto& crypto, ByteView k_tkt, uint32_t tkt_id);

/// Per-direction keys and IVs of one session (programmer→implant and implant→programmer).
struct SessionKeys {
  std::array<uint8_t, kKeySize> k_p2i{};
  std::array<uint8_t, kNonceSize> iv_p2i{};
  std::array<uint8_t, kKeySize> k_i2p{};
  std::array<uint8_t, kNonceSize> iv_i2p{};
  std::array<uint8_t, kTagSize> confirm{};  ///< the M2 key confirmation
};

/// The key schedule of the 1-RTT handshake (secure-link.md §6.4):
/// PRK = Extract(N_P‖N_I, IKM); TH = SHA-256(M1 ‖ M2 without confirm), IKM = PSK, or PSK ‖
/// X25519(e, e') in the X25519 mode;
/// confirm = CCM-8 tag under Expand(PRK, "conf"‖TH) over an empty plaintext with AAD = TH;
/// keys = Expand(PRK, "slh1 keys" ‖ device_id ‖ TH, 2 × (16 + 13)).
Result<SessionKeys> DeriveSessionKeys(const Crypto& crypto, ByteView psk, ByteView m1,
                                      ByteView m2_without_confirm, ByteView device_id);

/// nonce = IV XOR (0^5 ‖ seq as 8 bytes).
std::array<uint8_t, kNonceSize> MakeNonce(const std::array<uint8_t, kNonceSize>& iv, uint64_t seq);

}  // namespace medtra::link
