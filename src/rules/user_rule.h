// A rule written by the user in YAML: declarative conditions over one kind of element (no eval).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/yaml_tree.h"
#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// One condition: the element's attribute (or any of its values) is one of `values`, or with
/// `negate`, none of them.
struct Condition {
  std::string attribute;  ///< "medium", "to.kind", "carries.personal_health_data", ...
  std::vector<std::string> values;
  bool negate = false;
};

class UserRule final : public ThreatRule {
 public:
  UserRule(RuleInfo info, std::string element, std::vector<Condition> conditions)
      : info_(std::move(info)), element_(std::move(element)), conditions_(std::move(conditions)) {}
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  RuleInfo info_;
  std::string element_;  ///< flow | component | asset
  std::vector<Condition> conditions_;
};

/// Parses one user-rules file (`rules: [...]`) into rules, reporting located errors. Rules with
/// errors are left out.
std::vector<std::unique_ptr<UserRule>> ParseUserRules(model::Node root, DiagnosticSink& sink);

/// The attributes a condition may name for an element kind ("flow", "component", "asset").
std::vector<std::string> UserRuleAttributes(std::string_view element);

}  // namespace medtra::rules
