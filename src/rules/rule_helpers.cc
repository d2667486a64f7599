// Shared predicates over the model vocabulary.
#include "rules/rule_helpers.h"

#include <algorithm>
#include <array>

namespace medtra::rules {
namespace {

bool OneOf(std::string_view value, std::initializer_list<std::string_view> values) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

bool IsWireless(std::string_view medium) {
  return OneOf(medium, {"rf", "mics", "ble", "nfc", "inductive", "wifi", "cellular"});
}

bool IsNetwork(std::string_view medium) {
  return OneOf(medium, {"wifi", "ethernet", "internet", "cellular"});
}

bool IsExternal(std::string_view medium) { return IsWireless(medium) || IsNetwork(medium); }

Exposure MediumExposure(std::string_view medium) {
  if (OneOf(medium, {"internet", "cellular"})) return Exposure::kRemote;
  if (medium == "ethernet") return Exposure::kNetwork;
  if (IsWireless(medium)) return Exposure::kProximity;
  return Exposure::kPhysical;
}

bool IsStrongAuthentication(std::string_view authentication) {
  return OneOf(authentication, {"mac", "signature", "certificate"});
}

bool IsStrongIntegrity(std::string_view integrity) {
  return OneOf(integrity, {"mac", "signature"});
}

bool OperatedByUsers(std::string_view kind) {
  return OneOf(kind, {"programmer", "workstation", "mobile-app", "home-monitor", "hub", "server",
                      "database", "ehr", "cloud", "infusion-pump", "insulin-pump", "ventilator",
                      "patient-monitor", "imaging"});
}

std::string_view BoolText(bool value) { return value ? "true" : "false"; }

bool ServesPatient(const RuleContext& context, const model::Component& component) {
  return context.ZoneKind(component) == "body" || context.index().PerformsFunction(component);
}

void CiteServesPatient(const RuleContext& context, const model::Component& component,
                       Match& match) {
  if (context.ZoneKind(component) == "body") {
    match.Because(component.zone, "kind", "body");
    return;
  }
  for (const model::EssentialFunction& f : context.model().system.essential_functions) {
    if (f.component == component.id) {
      match.Because(f.id, "component", component.id);
      return;
    }
  }
}

Match& Fire(MatchList& out, std::string title, const model::Element& at,
            std::initializer_list<std::string_view> targets) {
  Match& match = out.emplace_back();
  match.targets.assign(targets.begin(), targets.end());
  match.title = std::move(title);
  match.location = &at.location;
  match.evidence.reserve(4);
  return match;
}

Match& FireOnFlow(MatchList& out, std::string title, const model::Flow& flow) {
  Match& match = Fire(out, std::move(title), flow, {flow.id});
  match.exposure = MediumExposure(flow.medium);
  return match;
}

}  // namespace medtra::rules
