// The indexes rules use for linear lookups, and the environment of each part.
#include "medtra/rules/rule_context.h"

#include <functional>

#include "medtra/paths/attack_graph.h"
#include "medtra/rules/design_views.h"

namespace medtra::rules {
std::string_view ExposureName(Exposure exposure) {
  switch (exposure) {
    case Exposure::kDesign:
      return "design";
    case Exposure::kProximity:
      return "proximity";
    case Exposure::kNetwork:
      return "network";
    case Exposure::kRemote:
      return "remote";
    case Exposure::kPhysical:
      return "physical";
  }
  return "design";
}

ModelIndex::ModelIndex(const model::SystemModel& model) : environments_(model) {
  flows_at_.reserve(model.components.size());
  for (size_t i = 0; i < model.flows.size(); ++i) {
    const model::Flow& flow = model.flows[i];
    flows_at_[flow.from].push_back(static_cast<uint32_t>(i));
    flows_at_[flow.to].push_back(static_cast<uint32_t>(i));
    for (const std::string& asset : flow.carries) carried_.insert(asset);
  }
  for (const model::Asset& asset : model.assets) {
    if (!asset.essential_function.empty()) functions_.insert(asset.essential_function);
  }
  for (const model::EssentialFunction& function : model.system.essential_functions) {
    performers_.insert(function.component);
  }
  for (const model::Measure& measure : model.measures) {
    introduced_.insert(measure.introduces.begin(), measure.introduces.end());
  }
}

std::span<const uint32_t> ModelIndex::FlowsAt(std::string_view component) const {
  const auto it = flows_at_.find(component);
  if (it == flows_at_.end()) return {};
  return it->second;
}

const EnvironmentProfile& RuleContext::EnvironmentOf(const model::Component& component) const {
  const std::vector<model::Component>& all = model_.components;
  const model::Component* at_ptr = &component;
  if (std::less_equal<>()(all.data(), at_ptr) && std::less<>()(at_ptr, all.data() + all.size())) {
    return index_.environments().OfComponent(static_cast<size_t>(&component - all.data()));
  }
  const int64_t at = index_.environments().map().ComponentIndex(component.id);  // a copy
  return at < 0 ? environment() : index_.environments().OfComponent(static_cast<size_t>(at));
}

std::string_view RuleContext::ZoneKind(std::string_view component) const {
  const model::Component* c = model_.FindComponent(component);
  if (c == nullptr || c->zone.empty()) return {};
  const model::Zone* zone = model_.FindZone(c->zone);
  return zone == nullptr ? std::string_view() : std::string_view(zone->kind);
}

std::shared_ptr<const paths::AttackGraph> RuleContext::Graph() const {
  if (views_ != nullptr) return views_->Graph(residual_);
  return std::make_shared<const paths::AttackGraph>(paths::AttackGraph::Build(*this));
}

}  // namespace medtra::rules
