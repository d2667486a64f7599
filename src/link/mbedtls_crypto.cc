// The Mbed TLS 2.28 implementation of the link's Crypto interface.
#include <mbedtls/ccm.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>

#include <cassert>

#include "medtra/link/crypto.h"

namespace medtra::link {
namespace {

const mbedtls_md_info_t* Sha256Info() { return mbedtls_md_info_from_type(MBEDTLS_MD_SHA256); }

class CcmContext {
 public:
  CcmContext() { mbedtls_ccm_init(&ctx_); }
  ~CcmContext() { mbedtls_ccm_free(&ctx_); }
  CcmContext(const CcmContext&) = delete;
  CcmContext& operator=(const CcmContext&) = delete;
  mbedtls_ccm_context* get() { return &ctx_; }

 private:
  mbedtls_ccm_context ctx_;
};

class MbedTlsCrypto final : public Crypto {
 public:
  Result<Bytes> Seal(ByteView key, ByteView nonce, ByteView aad,
                     ByteView plaintext) const override {
    if (key.size() != kKeySize || nonce.size() != kNonceSize) {
      return Result<Bytes>::Error("ccm: bad key or nonce size");
    }
    CcmContext ctx;
    if (mbedtls_ccm_setkey(ctx.get(), MBEDTLS_CIPHER_ID_AES, key.data(), 128) != 0) {
      return Result<Bytes>::Error("ccm: setkey failed");
    }
    Bytes out(plaintext.size() + kTagSize);
    const int rc = mbedtls_ccm_encrypt_and_tag(
        ctx.get(), plaintext.size(), nonce.data(), nonce.size(), aad.data(), aad.size(),
        plaintext.data(), out.data(), out.data() + plaintext.size(), kTagSize);
    if (rc != 0) return Result<Bytes>::Error("ccm: encrypt failed");
    return out;
  }

  Result<Bytes> Open(ByteView key, ByteView nonce, ByteView aad, ByteView sealed) const override {
    if (key.size() != kKeySize || nonce.size() != kNonceSize || sealed.size() < kTagSize) {
      return Result<Bytes>::Error("ccm: bad key, nonce or input size");
    }
    CcmContext ctx;
    if (mbedtls_ccm_setkey(ctx.get(), MBEDTLS_CIPHER_ID_AES, key.data(), 128) != 0) {
      return Result<Bytes>::Error("ccm: setkey failed");
    }
    const size_t length = sealed.size() - kTagSize;
    Bytes out(length);
    // mbedtls_ccm_auth_decrypt compares the tag in constant time and wipes the output on failure.
    const int rc = mbedtls_ccm_auth_decrypt(ctx.get(), length, nonce.data(), nonce.size(),
                                            aad.data(), aad.size(), sealed.data(), out.data(),
                                            sealed.data() + length, kTagSize);
    if (rc != 0) return Result<Bytes>::Error("ccm: authentication failed");
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
