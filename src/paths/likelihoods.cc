// ThreatLikelihoods: the likelihood of the derived threats that the steps of attack graphs name,
// by reason rather than by threat id.
#include <algorithm>

#include "medtra/paths/paths.h"

namespace medtra::paths {

ThreatLikelihoods::ThreatLikelihoods(const model::SystemModel& model,
                                     const std::vector<rules::Threat>& threats,
                                     std::span<const std::string_view> cited) {
  for (const std::string_view rule : cited) tables_.push_back({rule, {}, {}});
  const model::RiskMethod& method = model.risk_method;
  for (const rules::Threat& t : threats) {
    // A reason's threat id is `rule@element`, and a cited rule has no '@'.
    const std::string_view id = t.id;
    const size_t at = id.find('@');
    if (at == std::string_view::npos) continue;
    const std::string_view rule = id.substr(0, at);
    const auto table = std::find_if(tables_.begin(), tables_.end(),
                                    [&](const Table& candidate) { return candidate.rule == rule; });
    if (table == tables_.end()) continue;
    const int l = method.LikelihoodIndex(t.likelihood);
    if (l < 0) continue;
    const std::string_view element = id.substr(at + 1);
    auto keep = [l](std::vector<int>& slots, size_t size, size_t index) {
      if (slots.empty()) slots.assign(size, -1);
      if (slots[index] < 0) slots[index] = l;
    };
    if (const model::Flow* f = model.FindFlow(element))
      keep(table->flows, model.flows.size(), static_cast<size_t>(f - model.flows.data()));
    if (const model::Component* c = model.FindComponent(element)) {
      keep(table->components, model.components.size(),
           static_cast<size_t>(c - model.components.data()));
    }
  }
}

int ThreatLikelihoods::Of(const Reason& reason) const {
  for (const Table& table : tables_) {
    if (table.rule != reason.rule) continue;
    const std::vector<int>& slots = reason.on_flow ? table.flows : table.components;
    return reason.element < slots.size() ? slots[reason.element] : -1;
  }
  return -1;
}

std::vector<std::string_view> CitedRules(std::span<const AttackGraph* const> graphs) {
  std::vector<std::string_view> rules;
  for (const AttackGraph* graph : graphs) {
    std::string_view last;  // most edges of a run cite the rule of the edge before
    for (const Edge& e : graph->edges()) {
      for (const Reason& r : graph->Reasons(e)) {
        if (r.rule == last) continue;
        last = r.rule;
        if (std::find(rules.begin(), rules.end(), r.rule) == rules.end()) rules.push_back(r.rule);
      }
    }
  }
  return rules;
}

}  // namespace medtra::paths
