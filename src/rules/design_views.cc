// DesignViews: the flows as designed and with the measures applied.
#include "medtra/rules/design_views.h"

#include "medtra/paths/attack_graph.h"
#include "paths/flow_topology.h"

namespace medtra::rules {
namespace {

template <typename FlowT>
auto* PropertyOf(FlowT& flow, std::string_view property) {
  using Field = decltype(&flow.authentication);
  if (property == "authentication") return &flow.authentication;
  if (property == "confidentiality") return &flow.confidentiality;
  if (property == "integrity") return &flow.integrity;
  if (property == "freshness") return &flow.freshness;
  if (property == "authorization") return &flow.authorization;
  if (property == "availability") return &flow.availability;
  return static_cast<Field>(nullptr);
}

}  // namespace

std::string* FlowProperty(model::Flow& flow, std::string_view property) {
  return PropertyOf(flow, property);
}

const std::string* FlowProperty(const model::Flow& flow, std::string_view property) {
  return PropertyOf(flow, property);
}

DesignViews::DesignViews(const model::SystemModel& model, const ModelIndex& index)
    : model_(model), index_(index), residual_(model.flows) {
  // Assets that measures introduce are not carried in the design before measures.
  if (index.HasIntroduced()) {
    design_ = model.flows;
    for (model::Flow& flow : design_) {
      std::erase_if(flow.carries, [&](const std::string& a) { return index.IsIntroduced(a); });
    }
  }
  for (const model::Measure& measure : model.measures) {
    for (const model::Provision& provision : measure.provides) {
      const model::Flow* flow = model.FindFlow(provision.flow);
      if (flow == nullptr) continue;
      model::Flow& changed = residual_[static_cast<size_t>(flow - model.flows.data())];
      for (const auto& [property, value] : provision.properties) {
        if (std::string* field = FlowProperty(changed, property)) *field = value;
      }
    }
  }
}

const paths::FlowTopology& DesignViews::Topology() const {
  std::call_once(topology_built_, [&] {
    topology_ = std::make_shared<const paths::FlowTopology>(paths::MakeFlowTopology(Residual()));
  });
  return *topology_;
}

std::shared_ptr<const paths::AttackGraph> DesignViews::Graph(bool residual) const {
  const int view = residual ? 1 : 0;
  std::call_once(graph_built_[view], [&] {
    // Both designs have the model's flow ends; the inherent one carries fewer assets only when
    // measures introduce some.
    graphs_[view] = std::make_shared<const paths::AttackGraph>(
        residual          ? paths::AttackGraph::Build(Residual(), Topology())
        : design_.empty() ? paths::AttackGraph::Build(Inherent(), Topology())
                          : paths::AttackGraph::Build(Inherent()));
  });
  return graphs_[view];
}

}  // namespace medtra::rules
