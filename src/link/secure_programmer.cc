// The programmer's protocol engine (retries and FAILED reporting live in the simulator's node).
#include "medtra/link/secure_programmer.h"

#include "medtra/link/freshness.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {

Bytes SecureProgrammer::StartHandshake(const IssuedTicket& ticket, Role role) {
  Close();
  M1 m1;
  m1.type = FrameType::kM1;
  random_->Fill(m1.nonce);
  m1.ticket = ticket.ticket;
  m1_ = EncodeM1(m1);
  psk_ = ticket.psk;
  role_ = role;
  device_id_.assign(ticket.device_id.begin(), ticket.device_id.end());
  return m1_;
}

Bytes SecureProgrammer::StartEmergencyHandshake(const EmergencyCredential& credential) {
  Close();
  M1 m1;
  m1.type = FrameType::kEmergencyM1;
  random_->Fill(m1.nonce);
  PutBe(m1.ticket, credential.em_id, 4);
  m1_ = EncodeM1(m1);
  psk_ = credential.k_em;
  role_ = Role::kEmergency;
  device_id_.assign(credential.device_id.begin(), credential.device_id.end());
  return m1_;
}

Status SecureProgrammer::HandleM2(ByteView data, uint64_t now_ms) {
  if (m1_.empty()) return Status::Error("handshake: no M1 outstanding");
  Result<M2> m2 = DecodeM2(data);
  if (!m2.ok()) return m2.status();
  Result<SessionKeys> keys =
      DeriveSessionKeys(*crypto_, psk_, m1_, M2TranscriptPart(*m2), device_id_);
  if (!keys.ok()) return keys.status();
  if (!ConstantTimeEqual(keys->confirm, m2->confirm)) {
    return Status::Error("handshake: key confirmation failed");
  }
  if (Status fresh = watermark_.Observe(device_id_, m2->audit_idx); !fresh.ok()) return fresh;
  channel_ = std::make_unique<SecureChannel>(*crypto_, Side::kProgrammer, m2->sid, *keys,
                                             device_id_, role_);
  established_ms_ = now_ms;
  m1_.clear();
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
}

}  // namespace medtra::link
