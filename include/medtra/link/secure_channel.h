// One side of an established secure session: seals and opens data frames with per-direction keys.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "medtra/link/bytes.h"
#include "medtra/link/crypto.h"
#include "medtra/link/keys.h"
#include "medtra/link/replay_window.h"
#include "medtra/link/therapy.h"

namespace medtra::link {

/// Why a frame was dropped. Counters are kept per reason; the implant never replies to a drop.
enum class Reject : uint8_t {
  kNone = 0,
  kMalformed,  ///< length, header, version or parse failure (incl. legacy frames)
  kNoSession,  ///< unknown session ID
  kReplay,     ///< seen before or older than the window
  kAuth,       ///< AEAD tag did not verify
  kTicket,     ///< ticket failed authentication, validity or epoch
  kRole,       ///< the role may not issue this opcode
  kTtl,        ///< command older than its TTL
  kBounds,     ///< therapy value outside hard safety bounds
  kOrder,      ///< transaction ID neither next nor the cached one
  kRateLimit,  ///< over the handshake / work budget
  kExpired,    ///< session or emergency session expired
};
inline constexpr int kRejectKinds = 12;
const char* RejectName(Reject reason);

enum class Side : uint8_t { kProgrammer, kImplant };

struct Opened {
  Reject reject = Reject::kNone;
  uint64_t seq = 0;
  Bytes plaintext;
};

/// Each direction's CCM key is scheduled once, when the channel is made, and wiped with it; frames
/// are sealed straight into the outgoing buffer and the AAD buffer is reused.
class SecureChannel {
 public:
  SecureChannel(const Crypto& crypto, Side side, uint8_t sid, const SessionKeys& keys,
                ByteView device_id, Role role);

  /// Seals `plaintext` as the next data frame of this side (a fresh seq every call).
  Result<Bytes> Seal(ByteView plaintext);
  /// Seal into `frame`, which is resized: a caller that keeps the buffer allocates nothing.
  Status SealInto(ByteView plaintext, Bytes& frame);
  /// The receive order of §6.5 steps 1–5: sanity, seq reconstruction, window check, one AEAD
  /// verify-and-decrypt, and only then the window update.
  Opened Open(ByteView frame);
  /// Open into `plaintext` (resized; empty unless kNone is returned) and `seq`, allocating nothing
  /// once the buffer is large enough.
  Reject OpenInto(ByteView frame, Bytes& plaintext, uint64_t& seq);

  uint8_t sid() const { return sid_; }
  Role role() const { return role_; }
  uint64_t next_send_seq() const { return send_seq_; }

 private:
  /// The AAD of frame `seq` (hdr ‖ sid ‖ seq48 ‖ device_id ‖ role), in the reused buffer.
  ByteView Aad(uint8_t hdr, uint64_t seq);

  uint8_t sid_;
  Role role_;
  std::unique_ptr<AeadKey> send_key_;
  std::unique_ptr<AeadKey> receive_key_;
  std::array<uint8_t, kNonceSize> send_iv_;
  std::array<uint8_t, kNonceSize> receive_iv_;
  Bytes aad_;  ///< device_id and role fixed; hdr, sid and seq48 rewritten per frame
  uint64_t send_seq_ = 0;
  ReplayWindow window_;
};

}  // namespace medtra::link
