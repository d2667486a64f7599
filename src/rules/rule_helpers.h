// What the built-in rules share: their base class and small predicates over the model vocabulary.
#pragma once

#include <string_view>
#include <utility>

#include "medtra/rules/rule_context.h"
#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// The base of every built-in rule: it holds the rule's metadata, made once with the rule; the
/// rule adds Check(). Rules live in anonymous namespaces; their group header declares a factory.
class BuiltinRule : public ThreatRule {
 public:
  explicit BuiltinRule(RuleInfo info) : info_(std::move(info)) {}
  const RuleInfo& Info() const final { return info_; }

 private:
  RuleInfo info_;
};

/// Radio and near-field media: rf, mics, ble, nfc, inductive, wifi, cellular.
bool IsWireless(std::string_view medium);
/// Packet networks: wifi, ethernet, internet, cellular.
bool IsNetwork(std::string_view medium);
/// Wireless or network: a medium an attacker can reach without opening a device.
bool IsExternal(std::string_view medium);
/// How an attacker reaches a flow on this medium.
Exposure MediumExposure(std::string_view medium);
/// Authentication by a cryptographic key: mac, signature, certificate.
bool IsStrongAuthentication(std::string_view authentication);
/// Cryptographic integrity: mac, signature.
bool IsStrongIntegrity(std::string_view integrity);
/// Kinds of component that people operate through a user interface (programmer, workstation,
/// mobile-app, home-monitor, hub, server, database, ehr, cloud and the bedside therapy devices).
bool OperatedByUsers(std::string_view kind);
/// "true" / "false" for evidence.
std::string_view BoolText(bool value);

/// Whether the component serves the patient: it performs an essential function (a part the
/// patient's treatment or monitoring relies on, whatever its kind) or it sits in a zone of kind
/// body (it goes wherever the patient goes).
bool ServesPatient(const RuleContext& context, const model::Component& component);
/// Cites why ServesPatient() holds: the zone's kind, or the essential function it performs.
void CiteServesPatient(const RuleContext& context, const model::Component& component, Match& match);

/// Appends a match on `targets` and returns it for Because().
Match& Fire(MatchList& out, std::string title, const model::Element& at,
            std::initializer_list<std::string_view> targets);
/// Like Fire(), on a flow, with the exposure its medium gives.
Match& FireOnFlow(MatchList& out, std::string title, const model::Flow& flow);

/// The names of the flow's carried assets that satisfy `predicate`, joined with ", ".
template <typename Predicate>
std::string CarriedNames(const RuleContext& context, const model::Flow& flow, Predicate predicate) {
  std::string names;
  context.ForEachCarried(flow, [&](const model::Asset& asset) {
    if (!predicate(asset)) return;
    if (!names.empty()) names += ", ";
    names += asset.name.empty() ? asset.id : asset.name;
  });
  return names;
}

/// Cites every carried asset that satisfies `predicate` as `flow.carries = asset`.
template <typename Predicate>
void CiteCarried(const RuleContext& context, const model::Flow& flow, Predicate predicate,
                 Match& match) {
  context.ForEachCarried(flow, [&](const model::Asset& asset) {
    if (predicate(asset)) match.Because(flow.id, "carries", asset.id);
  });
}

}  // namespace medtra::rules
