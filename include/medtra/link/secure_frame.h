// Secure-link frame layouts: the header byte, handshake messages M1/M2 and the data frame.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "medtra/base/status.h"
#include "medtra/link/bytes.h"
#include "medtra/link/crypto.h"

namespace medtra::link {

inline constexpr uint8_t kSecureVersion = 1;  ///< 2 bits; legacy sync 0xA7 has version bits 2
inline constexpr uint8_t kSuiteCcm8Hkdf = 1;  ///< AES-128-CCM-8 + HKDF-SHA256 (crypto agility)
/// Flag bit 1 of the M1/M2 header (unused before): the optional X25519 mode, in which M1 carries
/// e_P and M2 e_I (32 B each) and the IKM is PSK ‖ X25519(e, e'). Without it the bytes are as ever.
inline constexpr uint8_t kFlagX25519 = 2;

enum class FrameType : uint8_t {
  kM1 = 1,           ///< handshake request with a ticket
  kM2 = 2,           ///< handshake response
  kData = 3,         ///< protected data frame
  kEmergencyM1 = 4,  ///< handshake request of an emergency session (near-field credential)
};

/// hdr = ver(2b) ‖ type(3b) ‖ flags(3b).
inline uint8_t MakeHeader(FrameType type, uint8_t flags = 0) {
  return static_cast<uint8_t>((kSecureVersion << 6) | (static_cast<uint8_t>(type) << 3) |
                              (flags & 7));
}
inline uint8_t HeaderVersion(uint8_t hdr) { return hdr >> 6; }
inline uint8_t HeaderType(uint8_t hdr) { return (hdr >> 3) & 7; }

inline constexpr size_t kHandshakeNonceSize = 16;
inline constexpr size_t kTicketSize = 4 + 15 + kTagSize;  ///< tkt_id ‖ CCM(15 B body) ‖ tag = 27
inline constexpr size_t kM1Size = 1 + kHandshakeNonceSize + kTicketSize;       ///< 44
inline constexpr size_t kEmergencyM1Size = 1 + kHandshakeNonceSize + 4;        ///< 21
inline constexpr size_t kM2Size = 1 + 1 + kHandshakeNonceSize + 4 + kTagSize;  ///< 30
inline constexpr size_t kX25519M1Size = kM1Size + kX25519Size;                 ///< 76
inline constexpr size_t kX25519M2Size = kM2Size + kX25519Size;                 ///< 62
inline constexpr size_t kDataHeaderSize = 4;                         ///< hdr ‖ sid ‖ seq_lo
inline constexpr size_t kDataOverhead = kDataHeaderSize + kTagSize;  ///< 12 (target T1)
inline constexpr size_t kCommandFieldsSize = 5;  ///< opcode ‖ tid(2) ‖ t_issue(2)
inline constexpr size_t kMaxFrameSize = 255;

/// M1 = hdr ‖ N_P(16) ‖ ticket(27) [‖ e_P(32)]; an emergency M1 carries em_id(4) in place of the
/// ticket.
struct M1 {
  FrameType type = FrameType::kM1;
  std::array<uint8_t, kHandshakeNonceSize> nonce{};
  Bytes ticket;  ///< 27 B ticket, or the 4 B emergency ID
  std::optional<std::array<uint8_t, kX25519Size>> ephemeral;  ///< e_P: the X25519 mode
};
Bytes EncodeM1(const M1& m1);
Result<M1> DecodeM1(ByteView data);

/// M2 = hdr ‖ sid ‖ N_I(16) ‖ audit_idx(4) [‖ e_I(32)] ‖ confirm(8). audit_idx is the implant's
/// monotonic audit counter (the anchor's next_idx), bound by the transcript hash, for rollback
/// detection.
struct M2 {
  uint8_t sid = 0;
  std::array<uint8_t, kHandshakeNonceSize> nonce{};
  uint32_t audit_idx = 0;
  std::optional<std::array<uint8_t, kX25519Size>> ephemeral;  ///< e_I: the X25519 mode
  std::array<uint8_t, kTagSize> confirm{};
};
Bytes EncodeM2(const M2& m2);
Result<M2> DecodeM2(ByteView data);
/// The M2 bytes covered by the transcript hash (everything except confirm).
Bytes M2TranscriptPart(const M2& m2);

/// Data frame = hdr ‖ sid ‖ seq_lo(2) ‖ ciphertext ‖ tag(8).
struct DataFrameView {
  uint8_t hdr = 0;
  uint8_t sid = 0;
  uint16_t seq_lo = 0;
  ByteView sealed;  ///< ciphertext ‖ tag, a view into the parsed input
};
/// Length and header sanity checks only (step 1 of the receive order); no crypto.
Result<DataFrameView> ParseDataFrame(ByteView data);

/// Reconstructs the 48-bit sequence number nearest to `highest + 1` from its low 16 bits.
uint64_t ReconstructSeq(uint64_t highest, bool any_received, uint16_t seq_lo);

}  // namespace medtra::link
