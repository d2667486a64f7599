// device-debug-port: Enabled debug port. Documented in docs/rules/device-debug-port.md.
#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-debug-port";
  info.group = "device";
  info.title = "Enabled debug port";
  info.stride = {"Tampering", "Elevation of privilege"};
  info.capec = {refs::kCapec121};
  info.cwe = {{"CWE-1191", "On-Chip Debug and Test Interface With Improper Access Control"}};
  info.emb3d = {"TID-115", "TID-116", "TID-119"};
  info.detects = "A component with debug_port: enabled.";
  info.rationale =
      "A debug port (JTAG, SWD, a service UART) gives whoever holds the device full control of "
      "memory and firmware.";
  info.mitigation =
      "Disable or lock the debug port in production (debug_port: disabled), or require "
      "authenticated access to it.";
  info.fda_category = "authorization";
  info.iec62443 = {"EDR 2.13"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

/// A component with debug_port: enabled.
class DeviceDebugPortRule final : public BuiltinRule {
 public:
  DeviceDebugPortRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceDebugPortRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.debug_port == "enabled")) continue;
    Fire(out, "Debug port enabled on " + c.id, c, {c.id}).Because(c.id, "debug_port", c.debug_port);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceDebugPortRule() {
  return std::make_unique<DeviceDebugPortRule>();
}

}  // namespace medtra::rules
