// comm-firmware-unsigned-channel: Firmware over a channel without signatures. Documented in
// docs/rules/comm-firmware-unsigned-channel.md.
#include "rules/comm/firmware_unsigned_channel_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommFirmwareUnsignedChannelRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-firmware-unsigned-channel";
  info.group = "comm";
  info.title = "Firmware over a channel without signatures";
  info.stride = {"Tampering"};
  info.capec = {{"CAPEC-186", "Malicious Software Update"}};
  info.cwe = {{"CWE-494", "Download of Code Without Integrity Check"}};
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
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

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

}  // namespace medtra::rules
