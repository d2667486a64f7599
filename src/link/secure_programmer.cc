// The programmer's protocol engine (retries and FAILED reporting live in the simulator's node).
#include "medtra/link/secure_programmer.h"

#include <algorithm>
#include <cassert>

#include "medtra/link/freshness.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {

void SecureProgrammer::Begin(M1& m1, HandshakeMode mode) {
  random_->Fill(m1.nonce);
  if (mode == HandshakeMode::kX25519) {
    e_private_.resize(kX25519Size);
    random_->Fill(e_private_);
    Result<Bytes> e_public = crypto_->X25519(e_private_, {});
    assert(e_public.ok());  // a 32-byte private key always has a public key
    std::copy_n(e_public->begin(), kX25519Size, m1.ephemeral.emplace().begin());
  }
  m1_ = EncodeM1(m1);
}

Bytes SecureProgrammer::StartHandshake(const IssuedTicket& ticket, Role role, HandshakeMode mode) {
  Close();
  M1 m1;
  m1.type = FrameType::kM1;
  m1.ticket = ticket.ticket;
  Begin(m1, mode);
  psk_ = ticket.psk;
  role_ = role;
  device_id_.assign(ticket.device_id.begin(), ticket.device_id.end());
  return m1_;
}

Bytes SecureProgrammer::StartEmergencyHandshake(const EmergencyCredential& credential,
                                                HandshakeMode mode) {
  Close();
  M1 m1;
  m1.type = FrameType::kEmergencyM1;
  PutBe(m1.ticket, credential.em_id, 4);
  Begin(m1, mode);
  psk_ = credential.k_em;
  role_ = Role::kEmergency;
  device_id_.assign(credential.device_id.begin(), credential.device_id.end());
  return m1_;
}

Status SecureProgrammer::HandleM2(ByteView data, uint64_t now_ms) {
  if (m1_.empty()) return Status::Error("handshake: no M1 outstanding");
  Result<M2> m2 = DecodeM2(data);
  if (!m2.ok()) return m2.status();
  if (m2->ephemeral.has_value() == e_private_.empty()) {
    return Status::Error("handshake: M2 is not in the mode of M1");
  }
  Bytes ikm = psk_;  // PSK, or PSK ‖ X25519(e_P, e_I)
  if (m2->ephemeral) {
    Result<Bytes> shared = crypto_->X25519(e_private_, *m2->ephemeral);
    if (!shared.ok()) return shared.status();
    Append(ikm, *shared);
    std::fill(shared.value().begin(), shared.value().end(), 0);
  }
  Result<SessionKeys> keys =
      DeriveSessionKeys(*crypto_, ikm, m1_, M2TranscriptPart(*m2), device_id_);
  std::fill(ikm.begin(), ikm.end(), 0);
  if (!keys.ok()) return keys.status();
  if (!ConstantTimeEqual(keys->confirm, m2->confirm)) {
    return Status::Error("handshake: key confirmation failed");
  }
  if (Status fresh = watermark_.Observe(device_id_, m2->audit_idx); !fresh.ok()) return fresh;
  channel_ = std::make_unique<SecureChannel>(*crypto_, Side::kProgrammer, m2->sid, *keys,
                                             device_id_, role_);
  established_ms_ = now_ms;
  m1_.clear();
  std::fill(e_private_.begin(), e_private_.end(), 0);
  e_private_.clear();
  return Status::Ok();
}

Result<Bytes> SecureProgrammer::SealCommand(uint8_t opcode, uint16_t tid, ByteView args,
                                            uint64_t now_ms) {
  if (!channel_) return Result<Bytes>::Error("session: not established");
  Command command;
  command.opcode = opcode;
  command.tid = tid;
  command.t_issue = IssueTicks(established_ms_, now_ms);
  command.args.assign(args.begin(), args.end());
  return channel_->Seal(EncodeCommand(command));
}

Result<Response> SecureProgrammer::OpenResponse(ByteView frame) {
  if (!channel_) return Result<Response>::Error("session: not established");
  Opened opened = channel_->Open(frame);
  if (opened.reject != Reject::kNone) {
    return Result<Response>::Error(std::string("response rejected: ") + RejectName(opened.reject));
  }
  Result<Response> response = DecodeResponse(opened.plaintext);
  // A status response carries tachy(1) ‖ the audit anchor (next_idx(4) ‖ head(8) ‖ mac(8)).
  if (response.ok() && response->opcode == static_cast<uint8_t>(Opcode::kReadStatus) &&
      response->status == ResponseStatus::kOk && response->data.size() == 21) {
    const auto next_idx = static_cast<uint32_t>(GetBe(response->data, 1, 4));
    if (Status fresh = watermark_.Observe(device_id_, next_idx); !fresh.ok()) return fresh;
  }
  return response;
}

void SecureProgrammer::Close() {
  channel_.reset();
  psk_.assign(psk_.size(), 0);
  psk_.clear();
  e_private_.assign(e_private_.size(), 0);
  e_private_.clear();
}

}  // namespace medtra::link
