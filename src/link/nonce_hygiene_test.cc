// T10: no (key, nonce) pair is ever used twice to seal, across 10^6 frames, restarts and retries.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "link/link_test_util.h"

namespace medtra::link {
namespace {

/// A Crypto decorator that records the (key, nonce) of every seal, through Seal or a scheduled
/// AeadKey, and a digest of what it sealed. Reuse = one (key, nonce) sealing two different (aad,
/// plaintext); recomputing the same tag (the programmer re-deriving the M2 confirmation) is not
/// reuse.
class RecordingCrypto final : public Crypto {
 public:
  RecordingCrypto() : inner_(MakeMbedTlsCrypto()) { pairs_.reserve(1'100'000); }
  std::unique_ptr<AeadKey> NewAeadKey(ByteView key) const override {
    std::unique_ptr<AeadKey> inner = inner_->NewAeadKey(key);
    if (!inner) return nullptr;
    return std::make_unique<RecordingKey>(*this, key, std::move(inner));
  }
  Result<Bytes> Seal(ByteView key, ByteView nonce, ByteView aad, ByteView pt) const override {
    RecordSeal(key, nonce, aad, pt);
    return inner_->Seal(key, nonce, aad, pt);
  }
  Result<Bytes> Open(ByteView k, ByteView n, ByteView a, ByteView s) const override {
    return inner_->Open(k, n, a, s);
  }
  Bytes HkdfExtract(ByteView s, ByteView i) const override { return inner_->HkdfExtract(s, i); }
  Bytes HkdfExpand(ByteView p, ByteView i, size_t l) const override {
    return inner_->HkdfExpand(p, i, l);
  }
  Bytes HmacSha256(ByteView k, ByteView d) const override { return inner_->HmacSha256(k, d); }
  Bytes Sha256(ByteView d) const override { return inner_->Sha256(d); }
  Result<Bytes> X25519(ByteView k, ByteView u) const override { return inner_->X25519(k, u); }

  size_t CountReuse() const {
    auto sorted = pairs_;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());  // identical recomputes
    size_t reuse = 0;
    for (size_t i = 1; i < sorted.size(); ++i) reuse += sorted[i].pair == sorted[i - 1].pair;
    return reuse;
  }
  size_t seals() const { return pairs_.size(); }

 private:
  class RecordingKey final : public AeadKey {
   public:
    RecordingKey(const RecordingCrypto& owner, ByteView key, std::unique_ptr<AeadKey> inner)
        : owner_(&owner), key_(key.begin(), key.end()), inner_(std::move(inner)) {}
    Status Seal(ByteView nonce, ByteView aad, ByteView pt, std::span<uint8_t> ct,
                std::span<uint8_t> tag) override {
      owner_->RecordSeal(key_, nonce, aad, pt);
      return inner_->Seal(nonce, aad, pt, ct, tag);
    }
    Status Open(ByteView nonce, ByteView aad, ByteView ct, ByteView tag,
                std::span<uint8_t> pt) override {
      return inner_->Open(nonce, aad, ct, tag, pt);
    }

   private:
    const RecordingCrypto* owner_;
    Bytes key_;
    std::unique_ptr<AeadKey> inner_;
  };

  void RecordSeal(ByteView key, ByteView nonce, ByteView aad, ByteView pt) const {
    Record record{};
    std::copy(key.begin(), key.end(), record.pair.begin());
    std::copy(nonce.begin(), nonce.end(), record.pair.begin() + kKeySize);
    std::string content(aad.begin(), aad.end());
    content.append(pt.begin(), pt.end());
    record.digest = std::hash<std::string>{}(content);
    pairs_.push_back(record);
  }

  struct Record {
    std::array<uint8_t, kKeySize + kNonceSize> pair;
    size_t digest;
    auto operator<=>(const Record&) const = default;
  };
  std::unique_ptr<Crypto> inner_;
  mutable std::vector<Record> pairs_;
};

TEST(LinkNonceTest, NoKeyNonceReuseAcrossFramesRestartsAndRetransmissions) {
  RecordingCrypto crypto;
  const int total = testing::kFramesPerClass * 10;  // 10^6 (10^5 under sanitizers)
  const int sessions = 10;
  sim::Rng device_rng(1);
  const DeviceSecrets device = testing::MakeDevice(device_rng, 'A');
  int sealed_frames = 0;
  const IssuedTicket ticket = testing::MakeTicket(crypto, device, 1);  // one pre-fetched ticket
  for (int s = 0; s < sessions; ++s) {
    // Each session the implant "reboots" with the same RNG state (same N_I and sid); the programmer
    // restarts with the same ticket. Its fresh N_P still gives fresh session keys.
    sim::Rng implant_rng(500);
    sim::Rng programmer_rng(1000 + static_cast<uint64_t>(s));
    SecureImplantConfig config;
    config.secrets = device;
    config.max_frames_per_ms = 1'000'000;
    SecureImplant implant(crypto, implant_rng, config);
    SecureProgrammer programmer(crypto, programmer_rng);
    implant.NearFieldActivate(0);
    const Reception m2 = implant.Receive(programmer.StartHandshake(ticket, Role::kClinician), 0);
    ASSERT_TRUE(m2.reply && programmer.HandleM2(*m2.reply, 0).ok());
    uint16_t tid = 1;
    Bytes args{uint8_t(Param::kPacingRateBpm), 0, 60};
    for (int i = 0; sealed_frames < total * (s + 1) / sessions; ++i) {
      // Each command is sent twice (a retransmission: same tid, new frame); replies are sealed too.
      args[2] = static_cast<uint8_t>(60 + (tid % 2));
      for (int attempt = 0; attempt < 2; ++attempt) {
        Result<Bytes> frame = programmer.SealCommand(uint8_t(Opcode::kSetParam), tid, args, 0);
        ASSERT_TRUE(frame.ok());
        const Reception r = implant.Receive(*frame, 0);
        ASSERT_TRUE(r.reply.has_value());
        sealed_frames += 2;  // the command and the implant's response
      }
      ++tid;
    }
  }
  EXPECT_GE(crypto.seals(), static_cast<size_t>(total));
  EXPECT_GE(sealed_frames, total);
  EXPECT_EQ(crypto.CountReuse(), 0u);
}

}  // namespace
}  // namespace medtra::link
