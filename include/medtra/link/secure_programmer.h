// The programmer side of the secure link: M1/M2 handshake and sealing commands, opening responses.
#pragma once

#include <memory>

#include "medtra/base/status.h"
#include "medtra/link/audit_log.h"
#include "medtra/link/crypto.h"
#include "medtra/link/keys.h"
#include "medtra/link/messages.h"
#include "medtra/link/secure_channel.h"
#include "medtra/link/secure_frame.h"
#include "medtra/link/secure_implant.h"

namespace medtra::link {

/// The handshake's key exchange: PSK only (the default, 74 B), or PSK plus X25519 ephemerals (138
/// B, forward secrecy if the ticket PSK leaks later).
enum class HandshakeMode : uint8_t { kPsk, kX25519 };

class SecureProgrammer {
 public:
  SecureProgrammer(const Crypto& crypto, RandomSource& random)
      : crypto_(&crypto), random_(&random) {}

  /// Starts a session with a backend-issued ticket; returns M1 (retransmit these same bytes).
  Bytes StartHandshake(const IssuedTicket& ticket, Role role,
                       HandshakeMode mode = HandshakeMode::kPsk);
  /// Starts an emergency session with the credential received over the near-field channel.
  Bytes StartEmergencyHandshake(const EmergencyCredential& credential,
                                HandshakeMode mode = HandshakeMode::kPsk);
  /// Verifies M2's key confirmation, checks its audit index against the highest this programmer
  /// has seen for the device (a lower one is a rollback: an error, no session), and keys the
  /// session.
  Status HandleM2(ByteView m2, uint64_t now_ms);

  bool established() const { return channel_ != nullptr; }
  /// Seals a command; t_issue is taken from now_ms relative to the handshake.
  Result<Bytes> SealCommand(uint8_t opcode, uint16_t tid, ByteView args, uint64_t now_ms);
  /// Opens a response frame (window, AEAD, decode). A status response's audit anchor raises the
  /// watermark; one below it is a rollback error.
  Result<Response> OpenResponse(ByteView frame);
  /// Ends the session and erases its keys.
  void Close();
  const SecureChannel* channel() const { return channel_.get(); }
  const AuditWatermark& audit_watermark() const { return watermark_; }

 private:
  /// Adds e_P to `m1` in the X25519 mode and encodes it as the outstanding M1.
  void Begin(M1& m1, HandshakeMode mode);

  const Crypto* crypto_;
  RandomSource* random_;
  Bytes m1_;
  Bytes psk_;
  Bytes e_private_;  ///< e_P of the outstanding X25519 M1 (wiped once M2 is handled)
  Role role_ = Role::kClinician;
  Bytes device_id_;
  std::unique_ptr<SecureChannel> channel_;
  uint64_t established_ms_ = 0;
  AuditWatermark watermark_;
};

}  // namespace medtra::link
