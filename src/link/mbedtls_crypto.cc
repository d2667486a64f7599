// The Mbed TLS 2.28 implementation of the link's Crypto interface.
#include <mbedtls/ccm.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>

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
