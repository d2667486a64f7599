// The indexes rules use for linear lookups, and the environment of each part.
#include "medtra/rules/rule_context.h"

#include <functional>

#include "medtra/base/compressed_runs.h"
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

namespace {

uint32_t IndexIn(const std::vector<model::Component>& all, const model::Component* c) {
  return c == nullptr ? ModelIndex::kNone : static_cast<uint32_t>(c - all.data());
}

}  // namespace

ModelIndex::ModelIndex(const model::SystemModel& model) : model_(model), environments_(model) {
  const std::vector<model::Component>& components = model.components;
  ends_.resize(model.flows.size());
  at_begin_.assign(components.size() + 1, 0);
  carried_begin_.assign(model.flows.size() + 1, 0);
  for (size_t i = 0; i < model.flows.size(); ++i) {
    const model::Flow& flow = model.flows[i];
    Ends& ends = ends_[i];
    ends = {IndexIn(components, model.FindComponent(flow.from)),
            IndexIn(components, model.FindComponent(flow.to))};
    if (ends.from != kNone) ++at_begin_[ends.from + 1];
    if (ends.to != kNone) ++at_begin_[ends.to + 1];
    for (const std::string& asset : flow.carries) {
      carried_ids_.insert(asset);
      if (const model::Asset* a = model.FindAsset(asset)) {
        carried_.push_back(static_cast<uint32_t>(a - model.assets.data()));
      }
    }
    carried_begin_[i + 1] = static_cast<uint32_t>(carried_.size());
  }
  Accumulate(at_begin_);
  at_flows_.resize(at_begin_.back());
  std::vector<uint32_t> at(at_begin_.begin(), at_begin_.end() - 1);
  for (size_t i = 0; i < ends_.size(); ++i) {
    if (ends_[i].from != kNone) at_flows_[at[ends_[i].from]++] = static_cast<uint32_t>(i);
    if (ends_[i].to != kNone) at_flows_[at[ends_[i].to]++] = static_cast<uint32_t>(i);
  }
  for (const model::Asset& asset : model.assets) {
    if (!asset.essential_function.empty()) functions_.insert(asset.essential_function);
  }
  performs_.assign(components.size(), 0);
  for (const model::EssentialFunction& function : model.system.essential_functions) {
    const uint32_t c = IndexIn(components, model.FindComponent(function.component));
    if (c != kNone) performs_[c] = 1;
  }
  zone_kind_.resize(components.size());
  for (size_t c = 0; c < components.size(); ++c) {
    if (components[c].zone.empty()) continue;
    if (const model::Zone* zone = model.FindZone(components[c].zone)) zone_kind_[c] = zone->kind;
  }
  introduced_at_.assign(model.assets.size(), 0);
  for (const model::Measure& measure : model.measures) {
    introduced_.insert(measure.introduces.begin(), measure.introduces.end());
    for (const std::string& id : measure.introduces) {
      if (const model::Asset* a = model.FindAsset(id)) introduced_at_[a - model.assets.data()] = 1;
    }
  }
}

uint32_t ModelIndex::IndexOf(const model::Component& component) const {
  const std::vector<model::Component>& all = model_.components;
  if (Holds(std::span<const model::Component>(all), component)) {
    return static_cast<uint32_t>(&component - all.data());
  }
  return IndexIn(all, model_.FindComponent(component.id));
}

std::span<const uint32_t> ModelIndex::FlowsAt(std::string_view component) const {
  const model::Component* c = model_.FindComponent(component);
  return c == nullptr ? std::span<const uint32_t>() : FlowsAt(*c);
}

std::span<const uint32_t> ModelIndex::FlowsAt(const model::Component& component) const {
  const uint32_t c = IndexOf(component);
  if (c == kNone) return {};
  return {at_flows_.data() + at_begin_[c], at_begin_[c + 1] - at_begin_[c]};
}

bool ModelIndex::PerformsFunction(const model::Component& component) const {
  const uint32_t c = IndexOf(component);
  return c != kNone && performs_[c] != 0;
}

std::string_view ModelIndex::ZoneKind(const model::Component& component) const {
  const uint32_t c = IndexOf(component);
  return c == kNone ? std::string_view() : zone_kind_[c];
}

const model::Component* RuleContext::End(const model::Flow& flow, bool from) const {
  if (!Owns(flow)) return model_.FindComponent(from ? flow.from : flow.to);
  const size_t i = static_cast<size_t>(&flow - flows_.data());
  const uint32_t c = from ? index_.From(i) : index_.To(i);
  return c == ModelIndex::kNone ? nullptr : &model_.components[c];
}

const EnvironmentProfile& RuleContext::EnvironmentOf(const model::Component& component) const {
  const uint32_t c = index_.IndexOf(component);
  return c == ModelIndex::kNone ? environment() : index_.environments().OfComponent(c);
}

std::shared_ptr<const paths::AttackGraph> RuleContext::Graph() const {
  if (views_ != nullptr) return views_->Graph(residual_);
  return std::make_shared<const paths::AttackGraph>(paths::AttackGraph::Build(*this));
}

}  // namespace medtra::rules
