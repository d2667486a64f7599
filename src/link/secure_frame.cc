// Codecs of the secure-link frames; parsers check every length before reading.
#include "medtra/link/secure_frame.h"

#include <algorithm>

namespace medtra::link {

namespace {

uint8_t HandshakeFlags(bool x25519) { return kSuiteCcm8Hkdf | (x25519 ? kFlagX25519 : 0); }

}  // namespace

Bytes EncodeM1(const M1& m1) {
  Bytes out;
  out.push_back(MakeHeader(m1.type, HandshakeFlags(m1.ephemeral.has_value())));
  Append(out, m1.nonce);
  Append(out, m1.ticket);
  if (m1.ephemeral) Append(out, *m1.ephemeral);
  return out;
}

Result<M1> DecodeM1(ByteView data) {
  if (data.empty() || HeaderVersion(data[0]) != kSecureVersion) {
    return Result<M1>::Error("m1: bad version");
  }
  const auto type = static_cast<FrameType>(HeaderType(data[0]));
  const size_t expected = type == FrameType::kM1            ? kM1Size
                          : type == FrameType::kEmergencyM1 ? kEmergencyM1Size
                                                            : 0;
  if (expected == 0) return Result<M1>::Error("m1: bad type");
  const bool x25519 = (data[0] & kFlagX25519) != 0;
  if ((data[0] & 7) != HandshakeFlags(x25519)) return Result<M1>::Error("m1: unknown suite");
  if (data.size() != expected + (x25519 ? kX25519Size : 0)) {
    return Result<M1>::Error("m1: bad length");
  }
  M1 m1;
  m1.type = type;
  std::copy_n(data.begin() + 1, kHandshakeNonceSize, m1.nonce.begin());
  m1.ticket.assign(data.begin() + 1 + kHandshakeNonceSize, data.begin() + expected);
  if (x25519) {
    m1.ephemeral.emplace();
    std::copy_n(data.begin() + expected, kX25519Size, m1.ephemeral->begin());
  }
  return m1;
}

Bytes M2TranscriptPart(const M2& m2) {
  Bytes out;
  out.push_back(MakeHeader(FrameType::kM2, HandshakeFlags(m2.ephemeral.has_value())));
  out.push_back(m2.sid);
  Append(out, m2.nonce);
  PutBe(out, m2.audit_idx, 4);
  if (m2.ephemeral) Append(out, *m2.ephemeral);
  return out;
}

Bytes EncodeM2(const M2& m2) {
  Bytes out = M2TranscriptPart(m2);
  Append(out, m2.confirm);
  return out;
}

Result<M2> DecodeM2(ByteView data) {
  const bool x25519 = data.size() == kX25519M2Size;
  if (data.size() != kM2Size && !x25519) return Result<M2>::Error("m2: bad length");
  if (data[0] != MakeHeader(FrameType::kM2, HandshakeFlags(x25519)))
    return Result<M2>::Error("m2: bad hdr");
  M2 m2;
  m2.sid = data[1];
  std::copy_n(data.begin() + 2, kHandshakeNonceSize, m2.nonce.begin());
  m2.audit_idx = static_cast<uint32_t>(GetBe(data, 2 + kHandshakeNonceSize, 4));
  size_t at = 6 + kHandshakeNonceSize;
  if (x25519) {
    m2.ephemeral.emplace();
    std::copy_n(data.begin() + static_cast<ptrdiff_t>(at), kX25519Size, m2.ephemeral->begin());
    at += kX25519Size;
  }
  std::copy_n(data.begin() + static_cast<ptrdiff_t>(at), kTagSize, m2.confirm.begin());
  return m2;
}

Result<DataFrameView> ParseDataFrame(ByteView data) {
  if (data.size() < kDataOverhead + 1 || data.size() > kMaxFrameSize) {
    return Result<DataFrameView>::Error("data: bad length");
  }
  if (data[0] != MakeHeader(FrameType::kData)) return Result<DataFrameView>::Error("data: bad hdr");
  DataFrameView view;
  view.hdr = data[0];
  view.sid = data[1];
  view.seq_lo = static_cast<uint16_t>(GetBe(data, 2, 2));
  view.sealed = data.subspan(kDataHeaderSize);
  return view;
}

uint64_t ReconstructSeq(uint64_t highest, bool any_received, uint16_t seq_lo) {
  const uint64_t expected = any_received ? highest + 1 : 0;
  // Candidate in the same 2^16 block as `expected`, then pick the nearest of the neighbours.
  const uint64_t base = expected & ~uint64_t{0xFFFF};
  uint64_t best = base | seq_lo;
  auto distance = [expected](uint64_t c) { return c > expected ? c - expected : expected - c; };
  if (base >= 0x10000) {
    const uint64_t lower = (base - 0x10000) | seq_lo;
    if (distance(lower) < distance(best)) best = lower;
  }
  const uint64_t upper = (base + 0x10000) | seq_lo;
  if (upper < (uint64_t{1} << 48) && distance(upper) < distance(best)) best = upper;
  return best;
}

}  // namespace medtra::link
