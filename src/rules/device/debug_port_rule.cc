// device-debug-port: Enabled debug port. Documented in docs/rules/device-debug-port.md.
#include "rules/device/debug_port_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo DeviceDebugPortRule::MakeInfo() {
  RuleInfo info;
  info.id = "device-debug-port";
  info.group = "device";
  info.title = "Enabled debug port";
  info.stride = {"Tampering", "Elevation of privilege"};
  info.capec = {{"CAPEC-121", "Exploit Non-Production Interfaces"}};
  info.cwe = {{"CWE-1191", "On-Chip Debug and Test Interface With Improper Access Control"}};
  info.detects = "A component with debug_port: enabled.";
  info.rationale =
      "A debug port (JTAG, SWD, a service UART) gives whoever holds the device full control of "
      "memory and firmware.";
  info.mitigation =
      "Disable or lock the debug port in production (debug_port: disabled), or require "
      "authenticated access to it.";
  info.fda_category = "authorization";
  info.iec62443 = {"EDR 2.13"};
  info.references = {
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

void DeviceDebugPortRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.debug_port == "enabled")) continue;
    Fire(out, "Debug port enabled on " + c.id, c, {c.id}).Because(c.id, "debug_port", c.debug_port);
  }
}

}  // namespace medtra::rules
