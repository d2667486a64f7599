// What a rule sees: the model, one view of its flows (as designed, or with the measures applied),
// indexes for linear-time lookups, and the environment profile of each part.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "medtra/model/system_model.h"
#include "medtra/rules/environment_profile.h"
#include "medtra/rules/threat_rule.h"

namespace medtra::paths {
class AttackGraph;
}

namespace medtra::rules {

class DesignViews;

/// Lookups built once per derivation, shared by the inherent and the residual pass.
class ModelIndex {
 public:
  explicit ModelIndex(const model::SystemModel& model);

  /// Indices into the flows of the component (either end), in model order.
  std::span<const uint32_t> FlowsAt(std::string_view component) const;
  bool IsCarried(std::string_view asset) const { return carried_.contains(asset); }
  bool IsNamedByAsset(std::string_view function) const { return functions_.contains(function); }
  /// True when the component performs at least one essential function.
  bool PerformsFunction(std::string_view component) const {
    return performers_.contains(component);
  }
  /// True for an asset that a measure introduces (`introduces:`): it exists in the residual
  /// design only.
  bool IsIntroduced(std::string_view asset) const { return introduced_.contains(asset); }
  bool HasIntroduced() const { return !introduced_.empty(); }
  /// The environment profile of every part.
  const EnvironmentProfiles& environments() const { return environments_; }

 private:
  EnvironmentProfiles environments_;
  std::unordered_map<std::string_view, std::vector<uint32_t>> flows_at_;
  std::unordered_set<std::string_view> carried_;
  std::unordered_set<std::string_view> functions_;
  std::unordered_set<std::string_view> performers_;
  std::unordered_set<std::string_view> introduced_;
};

/// One evaluation view. The flows are either the model's (inherent) or a copy with every
/// measure's `provides` applied (residual); indices and ids are the same in both.
class RuleContext {
 public:
  RuleContext(const model::SystemModel& model, const ModelIndex& index,
              std::span<const model::Flow> flows, bool residual = false,
              const DesignViews* views = nullptr)
      : model_(model), index_(index), flows_(flows), residual_(residual), views_(views) {}

  const model::SystemModel& model() const { return model_; }
  const ModelIndex& index() const { return index_; }
  std::span<const model::Flow> flows() const { return flows_; }
  /// The profile of every intended environment: for rules about the whole system.
  const EnvironmentProfile& environment() const { return index_.environments().System(); }
  /// The profile of one component of model().components: the environments it is in.
  const EnvironmentProfile& EnvironmentOf(const model::Component& component) const;
  /// The profile of the i-th flow: the most exposed of its two ends' environments.
  const EnvironmentProfile& FlowEnvironment(size_t flow) const {
    return index_.environments().OfFlow(flow);
  }

  const model::Component* Component(std::string_view id) const { return model_.FindComponent(id); }
  const model::Asset* Asset(std::string_view id) const { return model_.FindAsset(id); }
  /// Whether this view is the residual design (measures applied).
  bool residual() const { return residual_; }
  /// Whether an asset exists in this view: assets that measures introduce exist only in the
  /// residual design. Rules that iterate the model's assets skip the others.
  bool InDesign(std::string_view asset) const { return residual_ || !index_.IsIntroduced(asset); }
  /// The kind of the component's zone, or "" when it has none.
  std::string_view ZoneKind(std::string_view component) const;
  /// The attack graph of this view (docs/attack-paths.md): the one its DesignViews shares, or one
  /// built for this call when the view has none.
  std::shared_ptr<const paths::AttackGraph> Graph() const;

 private:
  const model::SystemModel& model_;
  const ModelIndex& index_;
  std::span<const model::Flow> flows_;
  bool residual_ = false;
  const DesignViews* views_ = nullptr;
};

}  // namespace medtra::rules
