// Data-frame protection: nonce = IV_dir XOR seq, AAD binds header, session, seq, device and role.
#include "medtra/link/secure_channel.h"

#include "medtra/link/secure_frame.h"

namespace medtra::link {

const char* RejectName(Reject reason) {
  static const char* const kNames[kRejectKinds] = {"none",   "malformed", "no_session", "replay",
                                                   "auth",   "ticket",    "role",       "ttl",
                                                   "bounds", "order",     "rate_limit", "expired"};
  return kNames[static_cast<int>(reason)];
}

SecureChannel::SecureChannel(const Crypto& crypto, Side side, uint8_t sid, const SessionKeys& keys,
                             ByteView device_id, Role role)
    : crypto_(&crypto),
      side_(side),
      sid_(sid),
      keys_(keys),
      device_id_(device_id.begin(), device_id.end()),
      role_(role) {}

Bytes SecureChannel::Aad(uint8_t hdr, uint64_t seq) const {
  Bytes aad;
  aad.push_back(hdr);
  aad.push_back(sid_);
  PutBe(aad, seq, 6);
  Append(aad, device_id_);
  aad.push_back(static_cast<uint8_t>(role_));
  return aad;
}

Result<Bytes> SecureChannel::Seal(ByteView plaintext) {
  if (send_seq_ >= (uint64_t{1} << 48)) return Result<Bytes>::Error("session: seq exhausted");
  if (plaintext.empty() || plaintext.size() + kDataOverhead > kMaxFrameSize) {
    return Result<Bytes>::Error("session: bad plaintext size");
  }
  const uint64_t seq = send_seq_++;
  const bool p2i = side_ == Side::kProgrammer;
  const auto& key = p2i ? keys_.k_p2i : keys_.k_i2p;
  const auto& iv = p2i ? keys_.iv_p2i : keys_.iv_i2p;
  const uint8_t hdr = MakeHeader(FrameType::kData);
  Result<Bytes> sealed = crypto_->Seal(key, MakeNonce(iv, seq), Aad(hdr, seq), plaintext);
  if (!sealed.ok()) return sealed.status();
  Bytes frame{hdr, sid_};
  PutBe(frame, seq & 0xFFFF, 2);
  Append(frame, *sealed);
  return frame;
}

Opened SecureChannel::Open(ByteView frame) {
  Opened out;
  Result<DataFrameView> view = ParseDataFrame(frame);
  if (!view.ok()) {
    out.reject = Reject::kMalformed;
    return out;
  }
  if (view->sid != sid_) {
    out.reject = Reject::kNoSession;
    return out;
  }
  const uint64_t seq = ReconstructSeq(window_.highest(), window_.any(), view->seq_lo);
  out.seq = seq;
  if (seq >= (uint64_t{1} << 48) || !window_.Check(seq)) {
    out.reject = Reject::kReplay;
    return out;
  }
  // Frames this side receives travel in the other direction: a reflected frame fails here.
  const bool p2i = side_ == Side::kImplant;
  const auto& key = p2i ? keys_.k_p2i : keys_.k_i2p;
  const auto& iv = p2i ? keys_.iv_p2i : keys_.iv_i2p;
  Result<Bytes> plain = crypto_->Open(key, MakeNonce(iv, seq), Aad(view->hdr, seq), view->sealed);
  if (!plain.ok()) {
    out.reject = Reject::kAuth;
    return out;
  }
  window_.Update(seq);
  out.plaintext = std::move(plain).value();
  return out;
}

}  // namespace medtra::link
