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

namespace {

constexpr size_t kAadSeqEnd = 2 + 6;  ///< hdr ‖ sid ‖ seq48 lead the AAD

}  // namespace

// Frames this side sends use its own direction's key; frames it receives travel in the other
// direction, so a reflected frame fails the AEAD.
SecureChannel::SecureChannel(const Crypto& crypto, Side side, uint8_t sid, const SessionKeys& keys,
                             ByteView device_id, Role role)
    : sid_(sid),
      role_(role),
      send_key_(crypto.NewAeadKey(side == Side::kProgrammer ? keys.k_p2i : keys.k_i2p)),
      receive_key_(crypto.NewAeadKey(side == Side::kProgrammer ? keys.k_i2p : keys.k_p2i)),
      send_iv_(side == Side::kProgrammer ? keys.iv_p2i : keys.iv_i2p),
      receive_iv_(side == Side::kProgrammer ? keys.iv_i2p : keys.iv_p2i),
      aad_(kAadSeqEnd) {
  Append(aad_, device_id);
  aad_.push_back(static_cast<uint8_t>(role_));
}

ByteView SecureChannel::Aad(uint8_t hdr, uint64_t seq) {
  aad_[0] = hdr;
  aad_[1] = sid_;
  for (size_t i = 0; i < 6; ++i) aad_[kAadSeqEnd - 1 - i] = static_cast<uint8_t>(seq >> (8 * i));
  return aad_;
}

Result<Bytes> SecureChannel::Seal(ByteView plaintext) {
  Bytes frame;
  const Status sealed = SealInto(plaintext, frame);
  if (!sealed.ok()) return sealed;
  return frame;
}

Status SecureChannel::SealInto(ByteView plaintext, Bytes& frame) {
  if (!send_key_) return Status::Error("session: no key");
  if (send_seq_ >= (uint64_t{1} << 48)) return Status::Error("session: seq exhausted");
  if (plaintext.empty() || plaintext.size() + kDataOverhead > kMaxFrameSize) {
    return Status::Error("session: bad plaintext size");
  }
  const uint64_t seq = send_seq_++;
  const uint8_t hdr = MakeHeader(FrameType::kData);
  // hdr ‖ sid ‖ seq_lo ‖ ciphertext ‖ tag, sealed straight into the frame.
  frame.resize(kDataHeaderSize + plaintext.size() + kTagSize);
  frame[0] = hdr;
  frame[1] = sid_;
  frame[2] = static_cast<uint8_t>(seq >> 8);
  frame[3] = static_cast<uint8_t>(seq);
  const std::span<uint8_t> body = std::span<uint8_t>(frame).subspan(kDataHeaderSize);
  return send_key_->Seal(MakeNonce(send_iv_, seq), Aad(hdr, seq), plaintext,
                         body.first(plaintext.size()), body.last(kTagSize));
}

Opened SecureChannel::Open(ByteView frame) {
  Opened out;
  out.reject = OpenInto(frame, out.plaintext, out.seq);
  return out;
}

Reject SecureChannel::OpenInto(ByteView frame, Bytes& plaintext, uint64_t& seq) {
  plaintext.clear();
  Result<DataFrameView> view = ParseDataFrame(frame);
  if (!view.ok()) return Reject::kMalformed;
  if (view->sid != sid_) return Reject::kNoSession;
  seq = ReconstructSeq(window_.highest(), window_.any(), view->seq_lo);
  if (seq >= (uint64_t{1} << 48) || !window_.Check(seq)) return Reject::kReplay;
  const size_t length = view->sealed.size() - kTagSize;
  plaintext.resize(length);
  if (!receive_key_ ||
      !receive_key_
           ->Open(MakeNonce(receive_iv_, seq), Aad(view->hdr, seq), view->sealed.first(length),
                  view->sealed.last(kTagSize), plaintext)
           .ok()) {
    plaintext.clear();
    return Reject::kAuth;
  }
  window_.Update(seq);
  return Reject::kNone;
}

}  // namespace medtra::link
