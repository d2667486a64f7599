// Sub-key derivation, tickets and the handshake key schedule.
#include "medtra/link/keys.h"

#include <algorithm>

#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

Bytes Expand(const Crypto& crypto, ByteView key, std::string_view label, size_t length) {
  const Bytes prk = crypto.HkdfExtract({}, key);
  return crypto.HkdfExpand(prk, ToBytes(label), length);
}

std::array<uint8_t, kNonceSize> TicketNonce(uint32_t tkt_id) {
  std::array<uint8_t, kNonceSize> nonce{};
  nonce.fill('T');
  for (int i = 0; i < 4; ++i) nonce[9 + i] = static_cast<uint8_t>(tkt_id >> (8 * (3 - i)));
  return nonce;
}

}  // namespace

Bytes DeriveTicketKey(const Crypto& crypto, const DeviceSecrets& device) {
  return Expand(crypto, device.k_dev, "medtra K_tkt", kKeySize);
}

Bytes DeriveLogKey(const Crypto& crypto, const DeviceSecrets& device) {
  return Expand(crypto, device.k_dev, "medtra K_log0", 32);
}

Bytes DeriveStateKey(const Crypto& crypto, const DeviceSecrets& device) {
  return Expand(crypto, device.k_dev, "medtra K_nvm", 32);
}

Bytes SignEpochRaise(const Crypto& crypto, const DeviceSecrets& device, uint16_t epoch) {
  Bytes data = ToBytes("epoch");
  Append(data, device.device_id);
  PutBe(data, epoch, 2);
  Bytes mac = crypto.HmacSha256(Expand(crypto, device.k_dev, "medtra K_rev", 32), data);
  mac.resize(8);
  return mac;
}

Bytes DerivePsk(const Crypto& crypto, ByteView k_tkt, uint32_t tkt_id) {
  Bytes info = ToBytes("psk");
  PutBe(info, tkt_id, 4);
  return crypto.HkdfExpand(crypto.HkdfExtract({}, k_tkt), info, kKeySize);
}

Result<IssuedTicket> IssueTicket(const Crypto& crypto, const DeviceSecrets& device,
                                 const TicketClaims& claims) {
  const Bytes k_tkt = DeriveTicketKey(crypto, device);
  Bytes body;
  body.push_back(static_cast<uint8_t>(claims.role));
  PutBe(body, claims.programmer_id, 4);
  PutBe(body, claims.not_before_s, 4);
  PutBe(body, claims.not_after_s, 4);
  PutBe(body, claims.epoch, 2);
  Bytes aad;
  PutBe(aad, claims.tkt_id, 4);
  Result<Bytes> sealed = crypto.Seal(k_tkt, TicketNonce(claims.tkt_id), aad, body);
  if (!sealed.ok()) return sealed.status();
  IssuedTicket issued;
  issued.ticket = aad;
  Append(issued.ticket, *sealed);
  issued.psk = DerivePsk(crypto, k_tkt, claims.tkt_id);
  issued.device_id = device.device_id;
  return issued;
}

Result<TicketClaims> OpenTicket(const Crypto& crypto, ByteView k_tkt, ByteView ticket) {
  if (ticket.size() != kTicketSize) return Result<TicketClaims>::Error("ticket: bad length");
  TicketClaims claims;
  claims.tkt_id = static_cast<uint32_t>(GetBe(ticket, 0, 4));
  Result<Bytes> body =
      crypto.Open(k_tkt, TicketNonce(claims.tkt_id), ticket.first(4), ticket.subspan(4));
  if (!body.ok()) return Result<TicketClaims>::Error("ticket: authentication failed");
  const Bytes& b = *body;
  if (!IsValidRole(b[0])) return Result<TicketClaims>::Error("ticket: bad role");
  claims.role = static_cast<Role>(b[0]);
  claims.programmer_id = static_cast<uint32_t>(GetBe(b, 1, 4));
  claims.not_before_s = static_cast<uint32_t>(GetBe(b, 5, 4));
  claims.not_after_s = static_cast<uint32_t>(GetBe(b, 9, 4));
  claims.epoch = static_cast<uint16_t>(GetBe(b, 13, 2));
  return claims;
}

Result<SessionKeys> DeriveSessionKeys(const Crypto& crypto, ByteView psk, ByteView m1,
                                      ByteView m2_without_confirm, ByteView device_id) {
  const size_t m2_part = m2_without_confirm.size();
  if (m1.size() < 1 + kHandshakeNonceSize ||
      (m2_part != kM2Size - kTagSize && m2_part != kX25519M2Size - kTagSize)) {
    return Result<SessionKeys>::Error("handshake: bad transcript");
  }
  Bytes salt(m1.begin() + 1, m1.begin() + 1 + kHandshakeNonceSize);
  salt.insert(salt.end(), m2_without_confirm.begin() + 2,
              m2_without_confirm.begin() + 2 + kHandshakeNonceSize);  // N_P ‖ N_I
  const Bytes prk = crypto.HkdfExtract(salt, psk);
  Bytes transcript(m1.begin(), m1.end());
  Append(transcript, m2_without_confirm);
  const Bytes th = crypto.Sha256(transcript);

  Bytes conf_info = ToBytes("conf");
  Append(conf_info, th);
  const Bytes k_conf = crypto.HkdfExpand(prk, conf_info, kKeySize);
  const std::array<uint8_t, kNonceSize> zero_nonce{};  // K_conf is used exactly once
  Result<Bytes> tag = crypto.Seal(k_conf, zero_nonce, th, {});
  if (!tag.ok()) return tag.status();

  Bytes key_info = ToBytes("slh1 keys");
  Append(key_info, device_id);
  Append(key_info, th);
  const Bytes okm = crypto.HkdfExpand(prk, key_info, 2 * (kKeySize + kNonceSize));
  SessionKeys keys;
  auto it = okm.begin();
  std::copy_n(it, kKeySize, keys.k_p2i.begin());
  it += kKeySize;
  std::copy_n(it, kNonceSize, keys.iv_p2i.begin());
  it += kNonceSize;
  std::copy_n(it, kKeySize, keys.k_i2p.begin());
  it += kKeySize;
  std::copy_n(it, kNonceSize, keys.iv_i2p.begin());
  std::copy_n(tag->begin(), kTagSize, keys.confirm.begin());
  return keys;
}

std::array<uint8_t, kNonceSize> MakeNonce(const std::array<uint8_t, kNonceSize>& iv, uint64_t seq) {
  std::array<uint8_t, kNonceSize> nonce = iv;
  for (int i = 0; i < 8; ++i) nonce[5 + i] ^= static_cast<uint8_t>(seq >> (8 * (7 - i)));
  return nonce;
}

}  // namespace medtra::link
