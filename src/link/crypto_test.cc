// The Mbed TLS backend against RFC 3610 / RFC 5869 vectors and against OpenSSL 3 as an oracle.
#include "medtra/link/crypto.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include "link/link_test_util.h"
#include "medtra/link/secure_frame.h"
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

/// X25519 with OpenSSL's EVP interface: the public key (peer empty) or the shared secret.
Bytes OpenSslX25519(ByteView private_key, ByteView peer_public) {
  EVP_PKEY* key = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, private_key.data(),
                                               private_key.size());
  Bytes out(kX25519Size);
  size_t length = out.size();
  if (peer_public.empty()) {
    EXPECT_EQ(EVP_PKEY_get_raw_public_key(key, out.data(), &length), 1);
  } else {
    EVP_PKEY* peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer_public.data(),
                                                 peer_public.size());
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key, nullptr);
    EXPECT_EQ(EVP_PKEY_derive_init(ctx), 1);
    EXPECT_EQ(EVP_PKEY_derive_set_peer(ctx, peer), 1);
    EXPECT_EQ(EVP_PKEY_derive(ctx, out.data(), &length), 1);
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(peer);
  }
  EVP_PKEY_free(key);
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

TEST(LinkCryptoTest, X25519Rfc7748Section61AndOpenSsl) {
  const auto crypto = MakeMbedTlsCrypto();
  const Bytes a = Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  const Bytes b = Hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  const Bytes a_public = Hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  const Bytes b_public = Hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  const Bytes shared = Hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  EXPECT_EQ(*crypto->X25519(a, {}), a_public);
  EXPECT_EQ(*crypto->X25519(b, {}), b_public);
  EXPECT_EQ(*crypto->X25519(a, b_public), shared);
  EXPECT_EQ(*crypto->X25519(b, a_public), shared);
  EXPECT_EQ(OpenSslX25519(a, {}), a_public);
  EXPECT_EQ(OpenSslX25519(a, b_public), shared);
  // Random keys against OpenSSL as the oracle.
  sim::Rng rng(7748);
  int matched = 0;
  for (int i = 0; i < 50; ++i) {
    Bytes x(kX25519Size), y(kX25519Size);
    rng.Fill(x);
    rng.Fill(y);
    const Bytes y_public = OpenSslX25519(y, {});
    matched += *crypto->X25519(x, {}) == OpenSslX25519(x, {}) &&
               *crypto->X25519(x, y_public) == OpenSslX25519(x, y_public);
  }
  EXPECT_EQ(matched, 50);
  // A low-order peer key (u = 0, u = 1) and bad sizes are errors, not an all-zero secret.
  EXPECT_EQ(crypto->X25519(a, Bytes(kX25519Size, 0)).message(), "x25519: bad peer key");
  Bytes one(kX25519Size, 0);
  one[0] = 1;
  EXPECT_FALSE(crypto->X25519(a, one).ok());
  EXPECT_EQ(crypto->X25519(Bytes(31), {}).message(), "x25519: bad key size");
}

// The implant's X25519 handshake against OpenSSL: e_P is RFC 7748's Alice key, and the M2's
// confirmation must be the one derived from IKM = PSK ‖ OpenSSL's X25519(a, e_I).
TEST(LinkCryptoTest, X25519HandshakeKeysMatchAnOpenSslDerivation) {
  testing::LinkFixture f;
  const IssuedTicket ticket = testing::MakeTicket(*f.crypto, f.device, 1);
  const Bytes a = Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  M1 m1;
  f.rng.Fill(m1.nonce);
  m1.ticket = ticket.ticket;
  const Bytes a_public = Hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  std::copy_n(a_public.begin(), kX25519Size, m1.ephemeral.emplace().begin());
  const Bytes m1_bytes = EncodeM1(m1);
  f.implant.NearFieldActivate(f.now);
  const Reception r = f.implant.Receive(m1_bytes, f.now);
  ASSERT_TRUE(r.reply.has_value());
  Result<M2> m2 = DecodeM2(*r.reply);
  ASSERT_TRUE(m2.ok() && m2->ephemeral.has_value());
  Bytes ikm = ticket.psk;
  Append(ikm, OpenSslX25519(a, *m2->ephemeral));
  Result<SessionKeys> keys =
      DeriveSessionKeys(*f.crypto, ikm, m1_bytes, M2TranscriptPart(*m2), f.device.device_id);
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(keys->confirm, m2->confirm);
  // The PSK alone (the default mode's IKM) does not give these keys.
  Result<SessionKeys> psk_only =
      DeriveSessionKeys(*f.crypto, ticket.psk, m1_bytes, M2TranscriptPart(*m2), f.device.device_id);
  EXPECT_NE(psk_only->confirm, m2->confirm);
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
