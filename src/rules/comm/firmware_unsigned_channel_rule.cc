// comm-firmware-unsigned-channel: Firmware over a channel without signatures. Documented in
// docs/rules/comm-firmware-unsigned-channel.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-firmware-unsigned-channel";
  info.group = "comm";
  info.title = "Firmware over a channel without signatures";
  info.stride = {"Tampering"};
  info.capec = {refs::kCapec186};
  info.cwe = {refs::kCwe494};
  info.emb3d = {"TID-211", "TID-212"};
  info.detects =
      "A flow that carries an asset of kind firmware with integrity other than signature.";
  info.rationale =
      "Firmware that is not signed end to end can be replaced in transit; a MAC with a shared key "
      "proves only that someone with the key sent it.";
  info.mitigation =
      "Sign firmware images at the manufacturer and verify the signature on the device before "
      "installing (integrity: signature).";
  info.fda_category = "updatability-patchability";
  info.iec62443 = {"EDR 3.10", "CR 3.4"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow that carries an asset of kind firmware with integrity other than signature.
class CommFirmwareUnsignedChannelRule final : public BuiltinRule {
 public:
  CommFirmwareUnsignedChannelRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommFirmwareUnsignedChannelRule::Check(const RuleContext& context, MatchList& out) const {
  const auto firmware = [](const model::Asset& a) { return a.kind == "firmware"; };
  for (const model::Flow& flow : context.flows()) {
    if (flow.integrity == "signature") continue;
    const std::string assets = CarriedNames(context, flow, firmware);
    if (assets.empty()) continue;
    Match& m = FireOnFlow(out, "Tampered " + assets + " over " + flow.id, flow);
    m.Because(flow.id, "integrity", flow.integrity);
    CiteCarried(context, flow, firmware, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommFirmwareUnsignedChannelRule() {
  return std::make_unique<CommFirmwareUnsignedChannelRule>();
}

}  // namespace medtra::rules
