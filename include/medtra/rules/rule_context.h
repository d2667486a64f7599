// What a rule sees: the model, one view of its flows (as designed, or with the measures applied),
// indexes for linear-time lookups, and the environment profile of each part.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
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

/// Whether `item` is one of the elements of `all`, by its address.
template <typename T>
bool Holds(std::span<const T> all, const T& item) {
  return std::less_equal<>()(all.data(), &item) && std::less<>()(&item, all.data() + all.size());
}

/// Lookups built once per derivation, shared by the inherent and the residual pass. The flows'
/// ends and carried assets are resolved to indices once, so that rules walk the model without a
/// lookup by id.
class ModelIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  explicit ModelIndex(const model::SystemModel& model);

  /// Indices into the flows of the component (either end; a flow to itself twice), in model order.
  std::span<const uint32_t> FlowsAt(std::string_view component) const;
  std::span<const uint32_t> FlowsAt(const model::Component& component) const;
  /// The index of the i-th flow's initiator (From) or receiver (To) in the model's components, or
  /// kNone when its id names none.
  uint32_t From(size_t flow) const { return ends_[flow].from; }
  uint32_t To(size_t flow) const { return ends_[flow].to; }
  /// The indices of the assets the i-th flow of the model carries, in order (ids that name no
  /// asset are left out).
  std::span<const uint32_t> Carried(size_t flow) const {
    return {carried_.data() + carried_begin_[flow],
            carried_begin_[flow + 1] - carried_begin_[flow]};
  }
  bool IsCarried(std::string_view asset) const { return carried_ids_.contains(asset); }
  bool IsNamedByAsset(std::string_view function) const { return functions_.contains(function); }
  /// True when the component performs at least one essential function.
  bool PerformsFunction(const model::Component& component) const;
  /// The kind of the component's zone, or "" when it has none.
  std::string_view ZoneKind(const model::Component& component) const;
  /// True for an asset that a measure introduces (`introduces:`): it exists in the residual
  /// design only.
  bool IsIntroduced(std::string_view asset) const { return introduced_.contains(asset); }
  bool IsIntroduced(size_t asset) const { return introduced_at_[asset] != 0; }
  bool HasIntroduced() const { return !introduced_.empty(); }
  /// The environment profile of every part.
  const EnvironmentProfiles& environments() const { return environments_; }
  /// The index of a component in the model's components (found by id when it is not one of
  /// them), or kNone.
  uint32_t IndexOf(const model::Component& component) const;

 private:
  struct Ends {
    uint32_t from = kNone, to = kNone;
  };

  const model::SystemModel& model_;
  EnvironmentProfiles environments_;
  std::vector<Ends> ends_;                         ///< per flow
  std::vector<uint32_t> at_begin_, at_flows_;      ///< per component: its flows, compressed
  std::vector<uint32_t> carried_begin_, carried_;  ///< per flow: its carried assets, compressed
  std::vector<char> performs_;                     ///< per component
  std::vector<std::string_view> zone_kind_;        ///< per component
  std::vector<char> introduced_at_;                ///< per asset
  std::unordered_set<std::string_view> carried_ids_;
  std::unordered_set<std::string_view> functions_;
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
  /// The components at the ends of a flow of flows() (found by id for any other flow), or nullptr.
  const model::Component* From(const model::Flow& flow) const { return End(flow, true); }
  const model::Component* To(const model::Flow& flow) const { return End(flow, false); }
  /// Calls `f` with every asset the flow of flows() carries in this view, in order.
  template <typename F>
  void ForEachCarried(const model::Flow& flow, F&& f) const {
    if (!Owns(flow)) {
      for (const std::string& id : flow.carries) {
        if (const model::Asset* a = model_.FindAsset(id)) f(*a);
      }
      return;
    }
    for (const uint32_t a : index_.Carried(static_cast<size_t>(&flow - flows_.data()))) {
      if (residual_ || !index_.IsIntroduced(a)) f(model_.assets[a]);
    }
  }
  const model::Asset* Asset(std::string_view id) const { return model_.FindAsset(id); }
  /// Whether this view is the residual design (measures applied).
  bool residual() const { return residual_; }
  /// Whether an asset exists in this view: assets that measures introduce exist only in the
  /// residual design. Rules that iterate the model's assets skip the others.
  bool InDesign(std::string_view asset) const { return residual_ || !index_.IsIntroduced(asset); }
  /// The kind of the component's zone, or "" when it has none.
  std::string_view ZoneKind(const model::Component& component) const {
    return index_.ZoneKind(component);
  }
  /// The attack graph of this view (docs/attack-paths.md): the one its DesignViews shares, or one
  /// built for this call when the view has none.
  std::shared_ptr<const paths::AttackGraph> Graph() const;

 private:
  bool Owns(const model::Flow& flow) const { return Holds(flows_, flow); }
  const model::Component* End(const model::Flow& flow, bool from) const;

  const model::SystemModel& model_;
  const ModelIndex& index_;
  std::span<const model::Flow> flows_;
  bool residual_ = false;
  const DesignViews* views_ = nullptr;
};

}  // namespace medtra::rules
