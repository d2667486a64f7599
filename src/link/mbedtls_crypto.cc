// The Mbed TLS 2.28 implementation of the link's Crypto interface.
#include <mbedtls/ccm.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>

#include <mbedtls/platform_util.h>

#include <algorithm>
#include <array>
#include <cassert>

#include "medtra/link/crypto.h"

namespace medtra::link {
namespace {

const mbedtls_md_info_t* Sha256Info() { return mbedtls_md_info_from_type(MBEDTLS_MD_SHA256); }

/// A CCM context keyed once. mbedtls_ccm_free wipes the context and the AES key schedule it owns
/// (mbedtls_platform_zeroize), so no key material outlives the object.
class MbedTlsAeadKey final : public AeadKey {
 public:
  MbedTlsAeadKey() { mbedtls_ccm_init(&ctx_); }
  ~MbedTlsAeadKey() override { mbedtls_ccm_free(&ctx_); }
  MbedTlsAeadKey(const MbedTlsAeadKey&) = delete;
  MbedTlsAeadKey& operator=(const MbedTlsAeadKey&) = delete;

  /// nullptr when the key has the wrong size or cannot be scheduled.
  static std::unique_ptr<MbedTlsAeadKey> Make(ByteView key) {
    if (key.size() != kKeySize) return nullptr;
    auto aead = std::make_unique<MbedTlsAeadKey>();
    if (mbedtls_ccm_setkey(&aead->ctx_, MBEDTLS_CIPHER_ID_AES, key.data(), kKeySize * 8) != 0) {
      return nullptr;
    }
    return aead;
  }

  Status Seal(ByteView nonce, ByteView aad, ByteView plaintext, std::span<uint8_t> ciphertext,
              std::span<uint8_t> tag) override {
    if (nonce.size() != kNonceSize || ciphertext.size() != plaintext.size() ||
        tag.size() != kTagSize) {
      return Status::Error("ccm: bad nonce or buffer size");
    }
    const int rc = mbedtls_ccm_encrypt_and_tag(&ctx_, plaintext.size(), nonce.data(), nonce.size(),
                                               aad.data(), aad.size(), plaintext.data(),
                                               ciphertext.data(), tag.data(), kTagSize);
    if (rc != 0) return Status::Error("ccm: encrypt failed");
    return Status::Ok();
  }

  Status Open(ByteView nonce, ByteView aad, ByteView ciphertext, ByteView tag,
              std::span<uint8_t> plaintext) override {
    if (nonce.size() != kNonceSize || plaintext.size() != ciphertext.size() ||
        tag.size() != kTagSize) {
      return Status::Error("ccm: bad nonce or buffer size");
    }
    // mbedtls_ccm_auth_decrypt compares the tag in constant time and wipes the output on failure.
    const int rc = mbedtls_ccm_auth_decrypt(&ctx_, ciphertext.size(), nonce.data(), nonce.size(),
                                            aad.data(), aad.size(), ciphertext.data(),
                                            plaintext.data(), tag.data(), kTagSize);
    if (rc != 0) return Status::Error("ccm: authentication failed");
    return Status::Ok();
  }

 private:
  mbedtls_ccm_context ctx_;
};

/// The ECDH working set; mbedtls_mpi_free and mbedtls_ecp_*_free wipe what they held.
struct Ecdh {
  Ecdh() {
    mbedtls_ecp_group_init(&grp);
    mbedtls_ecp_point_init(&q);
    mbedtls_mpi_init(&d);
    mbedtls_mpi_init(&z);
  }
  ~Ecdh() {
    mbedtls_mpi_free(&z);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_point_free(&q);
    mbedtls_ecp_group_free(&grp);
  }
  Ecdh(const Ecdh&) = delete;
  Ecdh& operator=(const Ecdh&) = delete;
  mbedtls_ecp_group grp;
  mbedtls_ecp_point q;
  mbedtls_mpi d;
  mbedtls_mpi z;
};

class MbedTlsCrypto final : public Crypto {
 public:
  std::unique_ptr<AeadKey> NewAeadKey(ByteView key) const override {
    return MbedTlsAeadKey::Make(key);
  }

  Result<Bytes> Seal(ByteView key, ByteView nonce, ByteView aad,
                     ByteView plaintext) const override {
    const std::unique_ptr<MbedTlsAeadKey> aead = MbedTlsAeadKey::Make(key);
    if (!aead || nonce.size() != kNonceSize) {
      return Result<Bytes>::Error("ccm: bad key or nonce size");
    }
    Bytes out(plaintext.size() + kTagSize);
    const std::span<uint8_t> sealed(out);
    const Status status =
        aead->Seal(nonce, aad, plaintext, sealed.first(plaintext.size()), sealed.last(kTagSize));
    if (!status.ok()) return status;
    return out;
  }

  Result<Bytes> Open(ByteView key, ByteView nonce, ByteView aad, ByteView sealed) const override {
    const std::unique_ptr<MbedTlsAeadKey> aead = MbedTlsAeadKey::Make(key);
    if (!aead || nonce.size() != kNonceSize || sealed.size() < kTagSize) {
      return Result<Bytes>::Error("ccm: bad key, nonce or input size");
    }
    const size_t length = sealed.size() - kTagSize;
    Bytes out(length);
    const Status status = aead->Open(nonce, aad, sealed.first(length), sealed.last(kTagSize), out);
    if (!status.ok()) return status;
    return out;
  }

  Bytes HkdfExtract(ByteView salt, ByteView ikm) const override {
    Bytes prk(32);
    const int rc = mbedtls_hkdf_extract(Sha256Info(), salt.data(), salt.size(), ikm.data(),
                                        ikm.size(), prk.data());
    assert(rc == 0);
    (void)rc;
    return prk;
  }

  Bytes HkdfExpand(ByteView prk, ByteView info, size_t length) const override {
    Bytes okm(length);
    const int rc = mbedtls_hkdf_expand(Sha256Info(), prk.data(), prk.size(), info.data(),
                                       info.size(), okm.data(), okm.size());
    assert(rc == 0);
    (void)rc;
    return okm;
  }

  Bytes HmacSha256(ByteView key, ByteView data) const override {
    Bytes mac(32);
    const int rc =
        mbedtls_md_hmac(Sha256Info(), key.data(), key.size(), data.data(), data.size(), mac.data());
    assert(rc == 0);
    (void)rc;
    return mac;
  }

  Result<Bytes> X25519(ByteView private_key, ByteView peer_public) const override {
    if (private_key.size() != kX25519Size ||
        (!peer_public.empty() && peer_public.size() != kX25519Size)) {
      return Result<Bytes>::Error("x25519: bad key size");
    }
    Ecdh ecdh;
    std::array<uint8_t, kX25519Size> scalar;
    std::copy(private_key.begin(), private_key.end(), scalar.begin());
    scalar[0] &= 248;  // RFC 7748 §5 clamping
    scalar[31] &= 127;
    scalar[31] |= 64;
    int rc = mbedtls_ecp_group_load(&ecdh.grp, MBEDTLS_ECP_DP_CURVE25519);
    if (rc == 0) rc = mbedtls_mpi_read_binary_le(&ecdh.d, scalar.data(), scalar.size());
    mbedtls_platform_zeroize(scalar.data(), scalar.size());
    if (rc == 0 && !peer_public.empty()) {
      rc =
          mbedtls_ecp_point_read_binary(&ecdh.grp, &ecdh.q, peer_public.data(), peer_public.size());
    }
    const mbedtls_ecp_point* u = peer_public.empty() ? &ecdh.grp.G : &ecdh.q;
    // Rejects low-order peer points and an all-zero shared secret.
    if (rc == 0) rc = mbedtls_ecdh_compute_shared(&ecdh.grp, &ecdh.z, u, &ecdh.d, nullptr, nullptr);
    Bytes out(kX25519Size);
    if (rc == 0) rc = mbedtls_mpi_write_binary_le(&ecdh.z, out.data(), out.size());
    if (rc != 0) return Result<Bytes>::Error("x25519: bad peer key");
    return out;
  }

  Bytes Sha256(ByteView data) const override {
    Bytes digest(32);
    const int rc = mbedtls_md(Sha256Info(), data.data(), data.size(), digest.data());
    assert(rc == 0);
    (void)rc;
    return digest;
  }
};

}  // namespace

std::unique_ptr<Crypto> MakeMbedTlsCrypto() { return std::make_unique<MbedTlsCrypto>(); }

bool ConstantTimeEqual(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<uint8_t>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace medtra::link
