// User rules: conditions over element attributes, evaluated like any built-in rule.
#include "rules/user_rule.h"

#include <algorithm>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "medtra/model/schema.h"
#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {
namespace {

using Values = std::vector<std::string_view>;

const std::vector<std::string> kComponentAttributes = {
    "id",          "kind", "zone",      "zone.kind",    "debug_port", "update",
    "credentials", "keys", "audit_log", "wakeup_limit", "instances"};
const std::vector<std::string> kAssetAttributes = {
    "id", "kind", "personal_health_data", "protect", "essential_function", "carried"};
const std::vector<std::string> kFlowAttributes = {
    "id",        "medium",        "authentication", "confidentiality", "integrity",
    "freshness", "authorization", "availability",   "memory_access",   "therapy_commands",
    "wakeup",    "crosses_zones"};
const std::vector<std::string> kStride = {"Spoofing",          "Tampering",
                                          "Repudiation",       "Information disclosure",
                                          "Denial of service", "Elevation of privilege"};
const std::vector<std::string> kElements = {"flow", "component", "asset"};
const std::vector<std::string> kExposures = {"design", "proximity", "network", "remote",
                                             "physical"};
const std::vector<std::string> kLikelihoods = {"low", "medium", "high"};

void ComponentValues(const RuleContext& ctx, const model::Component& c, std::string_view a,
                     Values& out) {
  if (a == "id") out.push_back(c.id);
  if (a == "kind") out.push_back(c.kind);
  if (a == "zone") out.push_back(c.zone);
  if (a == "zone.kind") out.push_back(ctx.ZoneKind(c));
  if (a == "debug_port") out.push_back(c.debug_port);
  if (a == "update") out.push_back(c.update);
  if (a == "credentials") out.push_back(c.credentials);
  if (a == "keys") out.push_back(c.keys);
  if (a == "audit_log") out.push_back(BoolText(c.audit_log));
  if (a == "wakeup_limit") out.push_back(BoolText(c.wakeup_limit));
  if (a == "instances") out.push_back(c.instances);
}

void AssetValues(const RuleContext& ctx, const model::Asset& s, std::string_view a, Values& out) {
  if (a == "id") out.push_back(s.id);
  if (a == "kind") out.push_back(s.kind);
  if (a == "personal_health_data") out.push_back(BoolText(s.personal_health_data));
  if (a == "protect") out.insert(out.end(), s.protect.begin(), s.protect.end());
  if (a == "essential_function") out.push_back(s.essential_function);
  if (a == "carried") out.push_back(BoolText(ctx.index().IsCarried(s.id)));
}

void FlowValues(const RuleContext& ctx, const model::Flow& f, std::string_view a, Values& out) {
  if (StartsWith(a, "from.") || StartsWith(a, "to.")) {
    const bool from = StartsWith(a, "from.");
    const model::Component* c = from ? ctx.From(f) : ctx.To(f);
    if (c != nullptr) ComponentValues(ctx, *c, a.substr(from ? 5 : 3), out);
    return;
  }
  if (StartsWith(a, "carries.")) {
    for (const std::string& id : f.carries) {
      if (const model::Asset* s = ctx.Asset(id)) AssetValues(ctx, *s, a.substr(8), out);
    }
    return;
  }
  if (a == "id") out.push_back(f.id);
  if (a == "medium") out.push_back(f.medium);
  if (a == "authentication") out.push_back(f.authentication);
  if (a == "confidentiality") out.push_back(f.confidentiality);
  if (a == "integrity") out.push_back(f.integrity);
  if (a == "freshness") out.push_back(f.freshness);
  if (a == "authorization") out.push_back(f.authorization);
  if (a == "availability") out.push_back(f.availability);
  if (a == "memory_access") out.push_back(BoolText(f.memory_access));
  if (a == "therapy_commands") out.push_back(BoolText(f.therapy_commands));
  if (a == "wakeup") out.push_back(BoolText(f.wakeup));
  if (a == "crosses_zones") {
    const model::Component* x = ctx.From(f);
    const model::Component* y = ctx.To(f);
    out.push_back(BoolText(x != nullptr && y != nullptr && x->zone != y->zone));
  }
}

bool Holds(const Condition& c, const Values& actual) {
  bool any = false;
  for (std::string_view v : actual) {
    any = any || std::find(c.values.begin(), c.values.end(), v) != c.values.end();
  }
  return c.negate ? !any : any;
}

/// Evaluates every condition on one element; on success fires with the values as evidence.
template <typename Element, typename Getter>
void Evaluate(const RuleContext& ctx, const RuleInfo& info, const std::vector<Condition>& all,
              const Element& e, Getter get, MatchList& out) {
  std::vector<Values> seen(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    get(ctx, e, all[i].attribute, seen[i]);
    if (!Holds(all[i], seen[i])) return;
  }
  Match& m = Fire(out, info.title + " on " + e.id, e, {e.id});
  for (size_t i = 0; i < all.size(); ++i) {
    for (std::string_view v : seen[i]) m.Because(e.id, all[i].attribute, v);
  }
}

}  // namespace

std::vector<std::string> UserRuleAttributes(std::string_view element) {
  if (element == "component") return kComponentAttributes;
  if (element == "asset") return kAssetAttributes;
  std::vector<std::string> all = kFlowAttributes;
  for (const std::string& a : kComponentAttributes) {
    all.push_back("from." + a);
    all.push_back("to." + a);
  }
  for (const std::string& a : kAssetAttributes) all.push_back("carries." + a);
  return all;
}

void UserRule::Check(const RuleContext& ctx, MatchList& out) const {
  if (element_ == "flow") {
    for (const model::Flow& f : ctx.flows()) Evaluate(ctx, info_, conditions_, f, FlowValues, out);
  } else if (element_ == "component") {
    for (const model::Component& c : ctx.model().components) {
      Evaluate(ctx, info_, conditions_, c, ComponentValues, out);
    }
  } else {
    for (const model::Asset& s : ctx.model().assets) {
      if (!ctx.InDesign(s.id)) continue;
      Evaluate(ctx, info_, conditions_, s, AssetValues, out);
    }
  }
}

namespace {

/// The ids listed under `key`: `prefix` and a number (of exactly `width` digits if width > 0).
std::vector<std::string> Ids(model::MapReader& reader, std::string_view key,
                             std::string_view prefix, size_t width, DiagnosticSink& sink) {
  std::vector<std::string> valid;
  const auto ids = reader.StringList(key);
  if (!ids) return valid;
  for (const std::string& id : *ids) {
    const std::string digits = StartsWith(id, prefix) ? id.substr(prefix.size()) : "";
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ::isdigit) ||
        (width > 0 && digits.size() != width)) {
      const std::string form = width > 0 ? std::string(width, 'N') : "<number>";
      sink.Error(reader.LocationOf(key), "user-rule",
                 "'" + id + "' is not a " + std::string(prefix) + form + " id");
      continue;
    }
    valid.push_back(id);
  }
  return valid;
}

std::vector<CatalogRef> Refs(model::MapReader& reader, std::string_view key,
                             std::string_view prefix, DiagnosticSink& sink) {
  std::vector<CatalogRef> refs;
  for (std::string& id : Ids(reader, key, prefix, 0, sink)) refs.push_back({std::move(id), ""});
  return refs;
}

std::unique_ptr<UserRule> ParseRule(model::Node node, DiagnosticSink& sink) {
  model::MapReader reader(node, "user rule", sink);
  if (!reader.ok()) return nullptr;
  const int errors = sink.error_count();
  RuleInfo info;
  info.group = "user";
  info.id = reader.String("id", true).value_or("");
  const bool kebab = !info.id.empty() && std::all_of(info.id.begin(), info.id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!info.id.empty() && !kebab) {
    sink.Error(reader.LocationOf("id"), "user-rule",
               "a rule id is kebab-case (a-z, 0-9, '-'), found '" + info.id + "'");
  }
  info.title = reader.String("title", true).value_or("");
  const std::string element = reader.Enum("element", kElements).value_or("flow");
  info.stride = reader.EnumList("stride", kStride, true).value_or(std::vector<std::string>{});
  info.capec = Refs(reader, "capec", "CAPEC-", sink);
  info.cwe = Refs(reader, "cwe", "CWE-", sink);
  info.emb3d = Ids(reader, "emb3d", "TID-", 3, sink);
  if (info.capec.empty() && info.cwe.empty() && sink.error_count() == errors) {
    sink.Error(node.location(), "user-rule", "a rule cites at least one CAPEC or CWE id");
  }
  info.detects = reader.String("detects").value_or("");
  info.rationale = reader.String("rationale").value_or("");
  info.mitigation = reader.String("mitigation").value_or("");
  info.fda_category = reader.String("fda_category").value_or("");
  info.iec62443 = reader.StringList("iec62443").value_or(std::vector<std::string>{});
  info.references = reader.StringList("references").value_or(std::vector<std::string>{});
  const std::string exposure = reader.Enum("exposure", kExposures).value_or("design");
  info.exposure = static_cast<Exposure>(std::find(kExposures.begin(), kExposures.end(), exposure) -
                                        kExposures.begin());
  const std::string likelihood = reader.Enum("likelihood", kLikelihoods).value_or("medium");
  info.base_likelihood = static_cast<int>(
      std::find(kLikelihoods.begin(), kLikelihoods.end(), likelihood) - kLikelihoods.begin());

  std::vector<Condition> conditions;
  const model::Node when = reader.Raw("when", true);
  const std::vector<std::string> attributes = UserRuleAttributes(element);
  if (when.valid() && !when.is_mapping()) {
    model::ReportWrongType(sink, when, "a mapping of attribute: value", "when");
  } else if (when.valid()) {
    for (size_t i = 0; i < when.size(); ++i) {
      Condition c;
      c.attribute = std::string(when.key(i).scalar());
      if (std::find(attributes.begin(), attributes.end(), c.attribute) == attributes.end()) {
        sink.Error(when.key(i).location(), "user-rule",
                   "unknown " + element + " attribute '" + c.attribute + "'" +
                       DidYouMean(c.attribute, attributes));
        continue;
      }
      model::Node value = when.value(i);
      if (value.is_mapping()) {
        model::MapReader negation(value, "condition on '" + c.attribute + "'", sink);
        c.values = negation.StringList("not", true).value_or(std::vector<std::string>{});
        c.negate = true;
        negation.Finish();
      } else if (value.is_sequence()) {
        for (size_t j = 0; j < value.size(); ++j) c.values.emplace_back(value.item(j).scalar());
      } else {
        c.values.emplace_back(value.scalar());
      }
      for (std::string& v : c.values) {
        if (v == "True" || v == "TRUE") v = "true";
        if (v == "False" || v == "FALSE") v = "false";
      }
      conditions.push_back(std::move(c));
    }
  }
  reader.Finish();
  if (sink.error_count() != errors) return nullptr;
  return std::make_unique<UserRule>(std::move(info), element, std::move(conditions));
}

}  // namespace

std::vector<std::unique_ptr<UserRule>> ParseUserRules(model::Node root, DiagnosticSink& sink) {
  std::vector<std::unique_ptr<UserRule>> rules;
  model::MapReader reader(root, "user rules file", sink);
  if (!reader.ok()) return rules;
  const model::Node list = reader.Raw("rules", true);
  reader.Finish();
  if (!list.valid()) return rules;
  if (!list.is_sequence()) {
    model::ReportWrongType(sink, list, "a list", "rules");
    return rules;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    if (auto rule = ParseRule(list.item(i), sink)) rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace medtra::rules
