// The legacy programmer (fire and forget: shows "applied" once sent) and the legacy implant.
#include <algorithm>

#include "medtra/link/legacy.h"
#include "sim/nodes.h"

namespace medtra::sim {
namespace {

constexpr uint64_t kFrameGapMs = 5;
constexpr uint64_t kSessionGapMs = 300;

class LegacyProgrammer final : public ProgrammerNode {
 public:
  LegacyProgrammer(const Workload& workload, uint32_t device_id)
      : ops_(workload.ops), device_id_(device_id), records_(workload.commands) {}

  void Poll(uint64_t now_ms, std::vector<Outgoing>& out) override {
    if (next_ >= ops_.size() || now_ms < next_ms_) return;
    const Op& op = ops_[next_];
    if (op.session != session_) {
      session_ = op.session;
      next_ms_ = now_ms + kSessionGapMs;
      return;
    }
    if (op.is_read) {
      out.push_back({link::LegacyRead(device_id_, op.read_op), -1});
    } else {
      out.push_back({link::LegacySetParam(device_id_, op.param, op.value), op.tag});
      // No acknowledgement, no retry: the legacy programmer shows "applied" as soon as it sent.
      records_[op.tag] = {Outcome::kApplied, now_ms, now_ms};
    }
    ++next_;
    next_ms_ = now_ms + kFrameGapMs;
  }

  bool Receive(link::ByteView frame, uint64_t) override {
    Result<link::LegacyFrame> decoded = link::DecodeLegacyFrame(frame);
    return decoded.ok() && decoded->device_id == device_id_ &&
           (decoded->opcode & link::kLegacyReplyFlag) != 0;
  }

  bool done() const override { return next_ >= ops_.size(); }
  int session() const override { return session_; }
  const std::vector<CommandRecord>& records() const override { return records_; }

 private:
  std::vector<Op> ops_;
  uint32_t device_id_;
  std::vector<CommandRecord> records_;
  size_t next_ = 0;
  uint64_t next_ms_ = 0;
  int session_ = 0;
};

class LegacyImplantNode final : public ImplantNode {
 public:
  explicit LegacyImplantNode(uint32_t device_id) : implant_(device_id) {}
  link::Reception Receive(link::ByteView frame, uint64_t) override {
    return implant_.Receive(frame);
  }
  const link::TherapyParams& therapy() const override { return implant_.therapy(); }
  // One cooperative loop: building and transmitting a reply blocks the loop for ~2 ms.
  double ProcessingCostMs(const link::Reception& r) const override { return r.reply ? 2.0 : 0.3; }
  bool therapy_preempts_comms() const override { return false; }
  uint32_t standby_ms() const override { return 5000; }  // stays awake after each message
  uint64_t audit_entries() const override { return 0; }

 private:
  link::LegacyImplant implant_;
};

}  // namespace

Workload MakeWorkload(uint32_t commands, Rng& rng) {
  static constexpr link::Param kCycle[] = {
      link::Param::kPacingRateBpm, link::Param::kVfThresholdBpm, link::Param::kShockEnergyJ,
      link::Param::kVtThresholdBpm, link::Param::kPacingAmplitudeDv};
  Workload w;
  w.commands = static_cast<int>(commands);
  link::TherapyParams params;
  const uint32_t first_half = (commands + 1) / 2;
  for (int session = 0; session < 2; ++session) {
    Op read;
    read.is_read = true;
    read.read_op = session == 0 ? link::Opcode::kReadPatientData : link::Opcode::kReadStatus;
    read.session = session;
    w.ops.push_back(read);
    const uint32_t begin = session == 0 ? 0 : first_half;
    const uint32_t end = session == 0 ? first_half : commands;
    for (uint32_t i = begin; i < end; ++i) {
      const link::Param param = kCycle[i % 5];
      const link::ParamBounds& b = link::SafetyBounds()[static_cast<size_t>(param) - 1];
      const int current = params.Get(param);
      const int delta = 1 + static_cast<int>(rng.Below(5));
      int value = rng.Chance(0.5) ? current + delta : current - delta;
      value = std::clamp(value, static_cast<int>(b.min), static_cast<int>(b.max));
      if (value == current) value = current > b.min ? current - 1 : current + 1;
      params.Set(param, static_cast<uint16_t>(value));
      Op op;
      op.param = param;
      op.value = static_cast<uint16_t>(value);
      op.tag = static_cast<int>(i);
      op.session = session;
      w.ops.push_back(op);
    }
  }
  return w;
}

std::unique_ptr<ProgrammerNode> MakeLegacyProgrammer(const Workload& workload, uint32_t device_id) {
  return std::make_unique<LegacyProgrammer>(workload, device_id);
}

std::unique_ptr<ImplantNode> MakeLegacyImplant(uint32_t device_id) {
  return std::make_unique<LegacyImplantNode>(device_id);
}

}  // namespace medtra::sim
