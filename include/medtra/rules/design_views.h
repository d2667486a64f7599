// The two views of a model's flows that the rules and the attack graph evaluate: as designed, and
// with every measure's `provides` applied.
#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/model/system_model.h"
#include "medtra/rules/rule_context.h"

namespace medtra::paths {
class AttackGraph;
struct FlowTopology;
}  // namespace medtra::paths

namespace medtra::rules {

/// The flow property a measure may provide (`authentication`, `confidentiality`, `integrity`,
/// `freshness`, `authorization`, `availability`), or nullptr for any other name.
std::string* FlowProperty(model::Flow& flow, std::string_view property);
const std::string* FlowProperty(const model::Flow& flow, std::string_view property);

/// The flows as designed (without the assets that measures introduce) and with the measures'
/// provisions applied; indices and ids are the model's in both. Built once in linear time.
class DesignViews {
 public:
  DesignViews(const model::SystemModel& model, const ModelIndex& index);

  const model::SystemModel& model() const { return model_; }
  const ModelIndex& index() const { return index_; }
  std::span<const model::Flow> inherent() const {
    return design_.empty() ? std::span<const model::Flow>(model_.flows) : design_;
  }
  std::span<const model::Flow> residual() const { return residual_; }
  /// The rule views of both designs.
  RuleContext Inherent() const { return RuleContext(model_, index_, inherent(), false, this); }
  RuleContext Residual() const { return RuleContext(model_, index_, residual_, true, this); }
  /// The attack graph of one design, built on first use and shared after (by the rules that need
  /// it and by the paths analysis). Safe to call from several threads.
  std::shared_ptr<const paths::AttackGraph> Graph(bool residual) const;

 private:
  /// The flow topology of the residual design, made on first use: also the inherent design's
  /// when no measure introduces an asset (the two then differ only in flow properties).
  const paths::FlowTopology& Topology() const;

  const model::SystemModel& model_;
  const ModelIndex& index_;
  std::vector<model::Flow> design_;  ///< the flows without introduced assets, when any
  std::vector<model::Flow> residual_;
  mutable std::once_flag graph_built_[2];
  mutable std::shared_ptr<const paths::AttackGraph> graphs_[2];
  mutable std::once_flag topology_built_;
  mutable std::shared_ptr<const paths::FlowTopology> topology_;
};

}  // namespace medtra::rules
