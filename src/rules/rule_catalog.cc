// RuleCatalog: explicit registration, lookup with did-you-mean, sorted listing.
#include "medtra/rules/rule_catalog.h"

#include <algorithm>

#include "medtra/base/strings.h"

namespace medtra::rules {

Status RuleCatalog::Register(std::unique_ptr<ThreatRule> rule) {
  const std::string& id = rule->Info().id;
  if (id.empty()) return Status::Error("a rule needs an id");
  if (Find(id) != nullptr) return Status::Error("duplicate rule id '" + id + "'");
  const ThreatRule* raw = rule.get();
  rules_.push_back(std::move(rule));
  const auto at = std::lower_bound(
      sorted_.begin(), sorted_.end(), id,
      [](const ThreatRule* r, const std::string& key) { return r->Info().id < key; });
  sorted_.insert(at, raw);
  return Status::Ok();
}

const ThreatRule* RuleCatalog::Find(std::string_view id) const {
  const auto at = std::lower_bound(
      sorted_.begin(), sorted_.end(), id,
      [](const ThreatRule* r, std::string_view key) { return r->Info().id < key; });
  return at != sorted_.end() && (*at)->Info().id == id ? *at : nullptr;
}

Result<const ThreatRule*> RuleCatalog::Lookup(std::string_view id) const {
  if (const ThreatRule* rule = Find(id)) return rule;
  return Result<const ThreatRule*>::Error("unknown rule '" + std::string(id) + "'" +
                                          DidYouMean(id, Ids()));
}

std::vector<std::string> RuleCatalog::Ids() const {
  std::vector<std::string> ids;
  ids.reserve(sorted_.size());
  for (const ThreatRule* rule : sorted_) ids.push_back(rule->Info().id);
  return ids;
}

RuleCatalog BuiltinCatalog() {
  RuleCatalog catalog;
  RegisterBuiltinRules(catalog);
  return catalog;
}

}  // namespace medtra::rules
