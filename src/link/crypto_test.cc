// The Mbed TLS backend against RFC 3610 / RFC 5869 vectors and against OpenSSL 3 as an oracle.
#include "medtra/link/crypto.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include "medtra/sim/rng.h"

namespace medtra::link {
namespace {

Bytes Hex(std::string_view hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

Bytes Range(uint8_t from, uint8_t to) {
  Bytes out;
  for (int b = from; b <= to; ++b) out.push_back(static_cast<uint8_t>(b));
  return out;
}

/// AES-128-CCM (8-byte tag, 13-byte nonce) with OpenSSL's EVP interface.
Bytes OpenSslCcmSeal(ByteView key, ByteView nonce, ByteView aad, ByteView plaintext) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  int len = 0;
  Bytes out(plaintext.size() + kTagSize);
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, EVP_aes_128_ccm(), nullptr, nullptr, nullptr), 1);
  EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(nonce.size()), nullptr);
  EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, kTagSize, nullptr);
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, nullptr, nullptr, key.data(), nonce.data()), 1);
  EVP_EncryptUpdate(ctx, nullptr, &len, nullptr, static_cast<int>(plaintext.size()));
  if (!aad.empty()) EVP_EncryptUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size()));
  EVP_EncryptUpdate(ctx, out.data(), &len, plaintext.data(), static_cast<int>(plaintext.size()));
  EVP_EncryptFinal_ex(ctx, out.data() + len, &len);
  EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, kTagSize, out.data() + plaintext.size());
  EVP_CIPHER_CTX_free(ctx);
  return out;
}

Bytes OpenSslHkdf(ByteView salt, ByteView ikm, ByteView info, size_t length) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr);
  Bytes out(length);
  size_t out_len = length;
  EXPECT_EQ(EVP_PKEY_derive_init(ctx), 1);
  EVP_PKEY_CTX_set_hkdf_md(ctx, EVP_sha256());
  EVP_PKEY_CTX_set1_hkdf_salt(ctx, salt.data(), static_cast<int>(salt.size()));
  EVP_PKEY_CTX_set1_hkdf_key(ctx, ikm.data(), static_cast<int>(ikm.size()));
  EVP_PKEY_CTX_add1_hkdf_info(ctx, info.data(), static_cast<int>(info.size()));
  EXPECT_EQ(EVP_PKEY_derive(ctx, out.data(), &out_len), 1);
  EVP_PKEY_CTX_free(ctx);
  return out;
}

TEST(LinkCryptoTest, Rfc3610PacketVector1) {
  const auto crypto = MakeMbedTlsCrypto();
  const Bytes key = Range(0xC0, 0xCF);
  const Bytes nonce = Hex("00000003020100a0a1a2a3a4a5");
  const Bytes aad = Range(0x00, 0x07);
  const Bytes plaintext = Range(0x08, 0x1E);
  const Bytes expected = Hex("588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0");
  Result<Bytes> sealed = crypto->Seal(key, nonce, aad, plaintext);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(*sealed, expected);
  EXPECT_EQ(OpenSslCcmSeal(key, nonce, aad, plaintext), expected);
  Result<Bytes> opened = crypto->Open(key, nonce, aad, *sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, plaintext);
  Bytes tampered = *sealed;
  tampered.back() ^= 1;  // a flipped tag bit
  EXPECT_FALSE(crypto->Open(key, nonce, aad, tampered).ok());
}

TEST(LinkCryptoTest, CcmMatchesOpenSslOnRandomInputs) {
  const auto crypto = MakeMbedTlsCrypto();
  sim::Rng rng(3610);
  for (int i = 0; i < 500; ++i) {
    Bytes key(kKeySize), nonce(kNonceSize), aad(rng.Below(40)), plaintext(1 + rng.Below(200));
    rng.Fill(key);
    rng.Fill(nonce);
    rng.Fill(aad);
    rng.Fill(plaintext);
    Result<Bytes> sealed = crypto->Seal(key, nonce, aad, plaintext);
    ASSERT_TRUE(sealed.ok());
    ASSERT_EQ(*sealed, OpenSslCcmSeal(key, nonce, aad, plaintext)) << "input " << i;
  }
}

TEST(LinkCryptoTest, AKeyScheduledOnceSealsAndOpensManyFramesLikeOpenSsl) {
  const auto crypto = MakeMbedTlsCrypto();
  sim::Rng rng(3611);
  Bytes key(kKeySize);
  rng.Fill(key);
  const std::unique_ptr<AeadKey> aead = crypto->NewAeadKey(key);
  ASSERT_NE(aead, nullptr);
  int matched = 0;
  for (int i = 0; i < 500; ++i) {  // one key schedule, 500 frames: no state carries over
    Bytes nonce(kNonceSize), aad(rng.Below(40)), plaintext(1 + rng.Below(200));
    rng.Fill(nonce);
    rng.Fill(aad);
    rng.Fill(plaintext);
    Bytes sealed(plaintext.size() + kTagSize);
    const std::span<uint8_t> out(sealed);
    ASSERT_TRUE(
        aead->Seal(nonce, aad, plaintext, out.first(plaintext.size()), out.last(kTagSize)).ok());
    ASSERT_EQ(sealed, OpenSslCcmSeal(key, nonce, aad, plaintext)) << "input " << i;
    Bytes opened(plaintext.size());
    ASSERT_TRUE(aead->Open(nonce, aad, ByteView(sealed).first(plaintext.size()),
                           ByteView(sealed).last(kTagSize), opened)
                    .ok());
    matched += opened == plaintext;
    sealed[rng.Below(sealed.size())] ^= 0x01;
    EXPECT_FALSE(aead->Open(nonce, aad, ByteView(sealed).first(plaintext.size()),
                            ByteView(sealed).last(kTagSize), opened)
                     .ok());
    EXPECT_EQ(opened, Bytes(plaintext.size(), 0)) << "no plaintext released on a bad tag";
  }
  EXPECT_EQ(matched, 500);
}

TEST(LinkCryptoTest, AKeyScheduledOnceMatchesRfc3610PacketVector1) {
  const auto crypto = MakeMbedTlsCrypto();
  const std::unique_ptr<AeadKey> aead = crypto->NewAeadKey(Range(0xC0, 0xCF));
  ASSERT_NE(aead, nullptr);
  const Bytes plaintext = Range(0x08, 0x1E);
  Bytes sealed(plaintext.size() + kTagSize);
  const std::span<uint8_t> out(sealed);
  ASSERT_TRUE(aead->Seal(Hex("00000003020100a0a1a2a3a4a5"), Range(0x00, 0x07), plaintext,
                         out.first(plaintext.size()), out.last(kTagSize))
                  .ok());
  EXPECT_EQ(sealed, Hex("588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0"));
  EXPECT_EQ(crypto->NewAeadKey(Bytes(15)), nullptr);
  Bytes small(3);
  EXPECT_FALSE(
      aead->Seal(Bytes(12), {}, Bytes(3), small, std::span<uint8_t>(sealed).first(8)).ok());
  EXPECT_FALSE(
      aead->Seal(Bytes(13), {}, Bytes(4), small, std::span<uint8_t>(sealed).first(8)).ok());
}

TEST(LinkCryptoTest, HkdfRfc5869Case1AndOpenSsl) {
  const auto crypto = MakeMbedTlsCrypto();
  const Bytes ikm(22, 0x0b);
  const Bytes salt = Range(0x00, 0x0c);
  const Bytes info = Range(0xf0, 0xf9);
  const Bytes prk = crypto->HkdfExtract(salt, ikm);
  EXPECT_EQ(prk, Hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"));
  const Bytes okm = crypto->HkdfExpand(prk, info, 42);
  EXPECT_EQ(okm, Hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5"
                     "b887185865"));
  EXPECT_EQ(okm, OpenSslHkdf(salt, ikm, info, 42));
}

TEST(LinkCryptoTest, RejectsBadSizesWithoutCrashing) {
  const auto crypto = MakeMbedTlsCrypto();
  const Bytes key(kKeySize), nonce(kNonceSize);
  EXPECT_FALSE(crypto->Seal(Bytes(15), nonce, {}, Bytes(4)).ok());
  EXPECT_FALSE(crypto->Open(key, Bytes(12), {}, Bytes(12)).ok());
  EXPECT_FALSE(crypto->Open(key, nonce, {}, Bytes(7)).ok());  // shorter than a tag
}

TEST(LinkCryptoTest, ConstantTimeEqual) {
  EXPECT_TRUE(ConstantTimeEqual(Bytes{1, 2}, Bytes{1, 2}));
  EXPECT_FALSE(ConstantTimeEqual(Bytes{1, 2}, Bytes{1, 3}));
  EXPECT_FALSE(ConstantTimeEqual(Bytes{1, 2}, Bytes{1}));
}

}  // namespace
}  // namespace medtra::link
