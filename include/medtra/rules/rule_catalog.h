// RuleCatalog: the rules of one run, registered explicitly (no static registrars), sorted by id.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

class RuleCatalog {
 public:
  RuleCatalog() = default;
  RuleCatalog(const RuleCatalog&) = delete;
  RuleCatalog& operator=(const RuleCatalog&) = delete;
  RuleCatalog(RuleCatalog&&) = default;
  RuleCatalog& operator=(RuleCatalog&&) = default;

  /// Adds a rule; fails when its id is empty or already taken.
  Status Register(std::unique_ptr<ThreatRule> rule);
  /// The rule with this id, or nullptr.
  const ThreatRule* Find(std::string_view id) const;
  /// The rule with this id, or an error "unknown rule 'x' (did you mean 'y'?)".
  Result<const ThreatRule*> Lookup(std::string_view id) const;
  /// Every rule, sorted by id.
  const std::vector<const ThreatRule*>& Sorted() const { return sorted_; }
  std::vector<std::string> Ids() const;
  size_t size() const { return rules_.size(); }

 private:
  std::vector<std::unique_ptr<ThreatRule>> rules_;
  std::vector<const ThreatRule*> sorted_;
};

/// Registers every built-in rule (src/rules/builtin_rules.cc calls each group's function).
void RegisterBuiltinRules(RuleCatalog& catalog);

/// A catalog with the built-in rules.
RuleCatalog BuiltinCatalog();

}  // namespace medtra::rules
