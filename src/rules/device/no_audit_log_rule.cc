// device-no-audit-log: No audit log of security events. Documented in
// docs/rules/device-no-audit-log.md.
#include <set>
#include <string_view>

#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-no-audit-log";
  info.group = "device";
  info.title = "No audit log of security events";
  info.stride = {"Repudiation"};
  info.capec = {};
  info.cwe = {{"CWE-778", "Insufficient Logging"}};
  info.emb3d = {};
  info.detects =
      "A component with audit_log: false that receives therapy commands or memory access, or that "
      "is operated by users (programmer, workstation, server, database, ehr, cloud, gateway, hub, "
      "home monitor, and the clinical devices: infusion pump, ventilator, patient monitor, "
      "imaging).";
  info.rationale =
      "Without a log nobody can tell who changed therapy or when an attack happened; post-market "
      "investigation and incident response have nothing to work with.";
  info.mitigation =
      "Record security-relevant events (therapy changes, authentication failures, updates) with "
      "timestamps in a protected log (audit_log: true).";
  info.fda_category = "event-detection-logging";
  info.iec62443 = {"CR 2.8", "CR 6.1"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 1;
  return info;
}

/// A component with audit_log: false that receives therapy commands or memory access, or that is
/// operated by users.
class DeviceNoAuditLogRule final : public BuiltinRule {
 public:
  DeviceNoAuditLogRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceNoAuditLogRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (c.audit_log) continue;
    const bool operated =
        std::set<std::string_view>{"programmer",   "workstation",   "server",     "database",
                                   "ehr",          "cloud",         "gateway",    "hub",
                                   "home-monitor", "infusion-pump", "ventilator", "patient-monitor",
                                   "imaging"}
            .contains(c.kind);
    const model::Flow* commanded = nullptr;
    for (const uint32_t i : context.index().FlowsAt(c)) {
      const model::Flow& flow = context.flows()[i];
      if (flow.to == c.id && (flow.therapy_commands || flow.memory_access)) commanded = &flow;
    }
    if (!operated && commanded == nullptr) continue;
    Match& m = Fire(out, "No audit log on " + c.id + ": security-relevant actions leave no trace",
                    c, {c.id});
    m.Because(c.id, "audit_log", "false");
    if (commanded != nullptr) m.Because(commanded->id, "therapy_commands", "true");
    if (operated) m.Because(c.id, "kind", c.kind);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceNoAuditLogRule() {
  return std::make_unique<DeviceNoAuditLogRule>();
}

}  // namespace medtra::rules
