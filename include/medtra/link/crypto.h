// The thin crypto interface of the link (AES-128-CCM-8, HKDF-SHA256, HMAC, SHA-256) and its
// backend.
#pragma once

#include <memory>

#include "medtra/base/status.h"
#include "medtra/link/bytes.h"

namespace medtra::link {

inline constexpr size_t kKeySize = 16;     ///< AES-128
inline constexpr size_t kNonceSize = 13;   ///< CCM with L = 2
inline constexpr size_t kTagSize = 8;      ///< CCM M = 8 (CCM_8)
inline constexpr size_t kX25519Size = 32;  ///< an X25519 key or u-coordinate (RFC 7748)

/// One AES-128-CCM-8 key, scheduled once (a session has one per direction). The key schedule is
/// wiped when the object is destroyed. Outputs are written straight into the caller's buffers.
class AeadKey {
 public:
  virtual ~AeadKey() = default;
  /// Encrypts `plaintext` into `ciphertext` (same size, not overlapping) and writes the kTagSize
  /// tag into `tag`.
  virtual Status Seal(ByteView nonce, ByteView aad, ByteView plaintext,
                      std::span<uint8_t> ciphertext, std::span<uint8_t> tag) = 0;
  /// Verifies `tag` and decrypts `ciphertext` into `plaintext` (same size, not overlapping); on
  /// failure `plaintext` holds no plaintext.
  virtual Status Open(ByteView nonce, ByteView aad, ByteView ciphertext, ByteView tag,
                      std::span<uint8_t> plaintext) = 0;
};

/// The primitives the link needs. Implementations are stateless and never print; a later move to
/// PSA or to radio AES hardware stays local to one implementation.
class Crypto {
 public:
  virtual ~Crypto() = default;
  /// A CCM key scheduled once, for the many frames of one session direction; nullptr when the key
  /// is not kKeySize bytes or cannot be scheduled.
  virtual std::unique_ptr<AeadKey> NewAeadKey(ByteView key) const = 0;
  /// AES-128-CCM with an 8-byte tag: returns ciphertext ‖ tag.
  virtual Result<Bytes> Seal(ByteView key, ByteView nonce, ByteView aad,
                             ByteView plaintext) const = 0;
  /// Verifies and decrypts ciphertext ‖ tag; no plaintext is released unless the tag verifies.
  virtual Result<Bytes> Open(ByteView key, ByteView nonce, ByteView aad, ByteView sealed) const = 0;
  /// HKDF-SHA256 extract (RFC 5869): a 32-byte PRK.
  virtual Bytes HkdfExtract(ByteView salt, ByteView ikm) const = 0;
  /// HKDF-SHA256 expand (RFC 5869); length ≤ 255 × 32.
  virtual Bytes HkdfExpand(ByteView prk, ByteView info, size_t length) const = 0;
  virtual Bytes HmacSha256(ByteView key, ByteView data) const = 0;
  virtual Bytes Sha256(ByteView data) const = 0;
  /// X25519 (RFC 7748) of a 32-byte private key (clamped here) and a peer's public u-coordinate,
  /// or of the base point when `peer_public` is empty (the public key). An error for a bad size,
  /// a low-order peer key or an all-zero result.
  virtual Result<Bytes> X25519(ByteView private_key, ByteView peer_public) const = 0;
};

/// The Mbed TLS 2.28 backend.
std::unique_ptr<Crypto> MakeMbedTlsCrypto();

/// Constant-time comparison of two equally long byte strings (false when lengths differ).
bool ConstantTimeEqual(ByteView a, ByteView b);

/// A source of random bytes, injected so that the simulator and the tests are deterministic.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void Fill(std::span<uint8_t> out) = 0;
};

}  // namespace medtra::link
