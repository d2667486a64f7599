// The secure programmer (stop-and-wait per tid, retries, explicit FAILED, settle) and implant node.
#include <algorithm>

#include "medtra/link/secure_programmer.h"
#include "sim/nodes.h"

namespace medtra::sim {
namespace {

constexpr uint64_t kRtoMs = 100;
constexpr int kMaxAttempts = 16;        // R = 16
constexpr uint64_t kDeadlineMs = 4500;  // FAILED is shown within 5 s of the first transmission
constexpr uint64_t kThinkMs = 10;
constexpr uint64_t kSessionGapMs = 300;

enum class Step : uint8_t { kHandshake, kRead, kSettle, kCommand };

class SecureProgrammerNode final : public ProgrammerNode {
 public:
  SecureProgrammerNode(const Workload& workload, const link::Crypto& crypto, Rng& rng,
                       const SecureWorld& world, std::function<void(uint64_t)> near_field)
      : ops_(workload.ops),
        records_(workload.commands),
        programmer_(crypto, rng),
        world_(&world),
        near_field_(std::move(near_field)) {}

  void Poll(uint64_t now_ms, std::vector<Outgoing>& out) override {
    if (done_ || now_ms < wait_until_) return;
    if (active_) {
      if (now_ms < last_send_ + kRtoMs) return;
      if (attempts_ >= kMaxAttempts || now_ms >= first_send_ + kDeadlineMs) {
        Fail(now_ms);
        return;
      }
      Transmit(now_ms, out);
      return;
    }
    if (!in_session_) {
      if (index_ >= ops_.size()) {
        done_ = true;
        return;
      }
      session_ = ops_[index_].session;
      near_field_(now_ms);  // the clinician's wand over the implant opens the activation window
      m1_ = programmer_.StartHandshake(world_->tickets[static_cast<size_t>(session_)],
                                       link::Role::kClinician);
      Begin(Step::kHandshake, now_ms, out);
      return;
    }
    if (index_ >= ops_.size() || ops_[index_].session != session_) {
      programmer_.Close();
      in_session_ = false;
      wait_until_ = now_ms + kSessionGapMs;
      return;
    }
    const Op& op = ops_[index_];
    if (op.is_read) {
      Begin(Step::kRead, now_ms, out);
    } else if (needs_settle_) {
      Begin(Step::kSettle, now_ms, out);
    } else {
      if (records_[op.tag].issued_ms == 0) records_[op.tag].issued_ms = now_ms;
      Begin(Step::kCommand, now_ms, out);
    }
  }

  bool Receive(link::ByteView frame, uint64_t now_ms) override {
    if (active_ && step_ == Step::kHandshake) {
      if (!programmer_.HandleM2(frame, now_ms).ok()) return false;
      active_ = false;
      in_session_ = true;
      next_tid_ = 1;
      needs_settle_ = false;
      return true;
    }
    if (!programmer_.established()) return false;
    Result<link::Response> response = programmer_.OpenResponse(frame);
    if (!response.ok()) return false;
    if (!active_ || response->opcode != opcode_ || response->tid != tid_) return true;  // stale
    active_ = false;
    wait_until_ = now_ms + kThinkMs;
    const Op& op = ops_[index_];
    switch (step_) {
      case Step::kRead:
        ++index_;
        break;
      case Step::kSettle: {
        const auto last = response->data.size() >= 2
                              ? static_cast<uint16_t>(link::GetBe(response->data, 0, 2))
                              : uint16_t{0};
        if (failed_tag_ >= 0 && last >= failed_tid_) {  // it had been applied after all
          records_[failed_tag_] = {Outcome::kApplied, records_[failed_tag_].issued_ms, now_ms};
        }
        next_tid_ = static_cast<uint16_t>(last + 1);
        needs_settle_ = false;
        break;
      }
      case Step::kCommand: {
        CommandRecord& record = records_[op.tag];
        record.resolved_ms = now_ms;
        if (response->status == link::ResponseStatus::kOk) {
          record.outcome = Outcome::kApplied;
          ++next_tid_;
        } else if (response->status == link::ResponseStatus::kOrder) {
          record.outcome = Outcome::kFailed;
          MarkUnsettled(op.tag);
        } else {
          record.outcome = Outcome::kFailed;  // denied or out of bounds: explicit, tid consumed
          ++next_tid_;
        }
        ++index_;
        break;
      }
      case Step::kHandshake:
        break;
    }
    return true;
  }

  bool done() const override { return done_; }
  int session() const override { return session_; }
  const std::vector<CommandRecord>& records() const override { return records_; }

 private:
  void Begin(Step step, uint64_t now_ms, std::vector<Outgoing>& out) {
    step_ = step;
    active_ = true;
    attempts_ = 0;
    first_send_ = now_ms;
    const Op& op = ops_[std::min(index_, ops_.size() - 1)];
    tag_ = -1;
    args_.clear();
    if (step == Step::kRead) {
      opcode_ = static_cast<uint8_t>(op.read_op);
      tid_ = ++read_counter_;
    } else if (step == Step::kSettle) {
      opcode_ = static_cast<uint8_t>(link::Opcode::kReadLastTid);
      tid_ = ++read_counter_;
    } else if (step == Step::kCommand) {
      opcode_ = static_cast<uint8_t>(link::Opcode::kSetParam);
      tid_ = next_tid_;
      tag_ = op.tag;
      args_.push_back(static_cast<uint8_t>(op.param));
      link::PutBe(args_, op.value, 2);
    }
    Transmit(now_ms, out);
  }

  void Transmit(uint64_t now_ms, std::vector<Outgoing>& out) {
    ++attempts_;
    last_send_ = now_ms;
    if (step_ == Step::kHandshake) {
      out.push_back({m1_, -1});
      return;
    }
    // A retransmission is a new frame (new seq, new t_issue) with the same tid.
    Result<link::Bytes> frame = programmer_.SealCommand(opcode_, tid_, args_, now_ms);
    if (frame.ok()) out.push_back({std::move(frame).value(), tag_});
  }

  void MarkUnsettled(int tag) {
    needs_settle_ = true;
    failed_tag_ = tag;
    failed_tid_ = tid_;
  }

  void Fail(uint64_t now_ms) {
    active_ = false;
    wait_until_ = now_ms + kThinkMs;
    switch (step_) {
      case Step::kHandshake:  // no session: every command of this session is FAILED
        while (index_ < ops_.size() && ops_[index_].session == session_) {
          const Op& op = ops_[index_++];
          if (op.is_read) continue;
          records_[op.tag] = {Outcome::kFailed, now_ms, now_ms};
        }
        programmer_.Close();
        in_session_ = true;  // the session-end branch runs next
        break;
      case Step::kRead:
        ++index_;
        break;
      case Step::kSettle: {  // cannot learn the outcome: the next command is not sent
        const Op& op = ops_[index_++];
        records_[op.tag] = {Outcome::kFailed, now_ms, now_ms};
        break;
      }
      case Step::kCommand: {
        const Op& op = ops_[index_++];
        records_[op.tag].outcome = Outcome::kFailed;
        records_[op.tag].resolved_ms = now_ms;
        MarkUnsettled(op.tag);
        break;
      }
    }
  }

  std::vector<Op> ops_;
  std::vector<CommandRecord> records_;
  link::SecureProgrammer programmer_;
  const SecureWorld* world_;
  std::function<void(uint64_t)> near_field_;
  link::Bytes m1_;
  size_t index_ = 0;
  int session_ = 0;
  bool in_session_ = false;
  bool done_ = false;
  bool active_ = false;
  Step step_ = Step::kHandshake;
  int attempts_ = 0;
  uint64_t first_send_ = 0;
  uint64_t last_send_ = 0;
  uint64_t wait_until_ = 0;
  uint8_t opcode_ = 0;
  uint16_t tid_ = 0;
  int tag_ = -1;
  link::Bytes args_;
  uint16_t next_tid_ = 1;
  uint16_t read_counter_ = 0x8000;
  bool needs_settle_ = false;
  int failed_tag_ = -1;
  uint16_t failed_tid_ = 0;
};

class SecureImplantNode final : public ImplantNode {
 public:
  SecureImplantNode(const link::Crypto& crypto, Rng& rng, const SecureWorld& world)
      : implant_(crypto, rng, link::SecureImplantConfig{world.device}) {}
  link::Reception Receive(link::ByteView frame, uint64_t now_ms) override {
    return implant_.Receive(frame, now_ms);
  }
  const link::TherapyParams& therapy() const override { return implant_.therapy(); }
  // One AEAD check (~0.1 ms) per frame; replies are queued to the radio, never awaited.
  double ProcessingCostMs(const link::Reception& r) const override { return r.reply ? 0.15 : 0.1; }
  bool therapy_preempts_comms() const override { return true; }
  uint32_t standby_ms() const override { return 0; }
  uint64_t audit_entries() const override { return implant_.audit_log().entries().size(); }
  link::SecureImplant* implant() { return &implant_; }

 private:
  link::SecureImplant implant_;
};

}  // namespace

SecureWorld MakeSecureWorld(const link::Crypto& crypto, Rng& rng, uint8_t device_tag,
                            uint32_t first_ticket_id) {
  SecureWorld world;
  world.device.device_id = {'I', 'C', 'D', device_tag, 0, 0, 0, 0};
  rng.Fill(std::span<uint8_t>(world.device.device_id).subspan(4));
  rng.Fill(world.device.k_dev);
  const uint32_t now_s = link::SecureImplantConfig{}.rtc_base_s;
  for (uint32_t i = 0; i < 2; ++i) {
    link::TicketClaims claims;
    claims.tkt_id = first_ticket_id + i;
    claims.role = link::Role::kClinician;
    claims.programmer_id = 0x1001;
    claims.not_before_s = now_s - 3600;
    claims.not_after_s = now_s + 86'400;
    Result<link::IssuedTicket> ticket = link::IssueTicket(crypto, world.device, claims);
    if (ticket.ok()) world.tickets.push_back(std::move(ticket).value());
  }
  return world;
}

std::unique_ptr<ProgrammerNode> MakeSecureProgrammer(const Workload& workload,
                                                     const link::Crypto& crypto, Rng& rng,
                                                     const SecureWorld& world,
                                                     std::function<void(uint64_t)> near_field) {
  return std::make_unique<SecureProgrammerNode>(workload, crypto, rng, world,
                                                std::move(near_field));
}

std::unique_ptr<ImplantNode> MakeSecureImplant(const link::Crypto& crypto, Rng& rng,
                                               const SecureWorld& world,
                                               link::SecureImplant** implant) {
  auto node = std::make_unique<SecureImplantNode>(crypto, rng, world);
  *implant = node->implant();
  return node;
}

}  // namespace medtra::sim
