// MakeFlowTopology: the ends, carried assets, (component, asset) keys and relays of the flows of a
// view, and where each component is.
#include "paths/flow_topology.h"

namespace medtra::paths {
namespace {

class TopologyBuilder {
 public:
  explicit TopologyBuilder(const rules::RuleContext& view)
      : view_(view), model_(view.model()), flows_(view.flows()) {}

  FlowTopology Build() {
    IndexEnds();
    IndexCarried();
    IndexRelays();
    ComputePlaces();
    return std::move(t_);
  }

 private:
  /// The components at the ends of each flow, and each component's flows in model order.
  void IndexEnds() {
    t_.ends.resize(flows_.size());
    t_.at_begin.assign(model_.components.size() + 1, 0);
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      FlowEnds& ends = t_.ends[f];
      ends = {view_.index().From(f), view_.index().To(f)};
      if (ends.from != kNone) ++t_.at_begin[ends.from + 1];
      if (ends.to != kNone && ends.to != ends.from) ++t_.at_begin[ends.to + 1];
    }
    Accumulate(t_.at_begin);
    t_.at_flows.resize(t_.at_begin.back());
    std::vector<uint32_t> at(t_.at_begin.begin(), t_.at_begin.end() - 1);
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      const FlowEnds& ends = t_.ends[f];
      if (ends.from != kNone) t_.at_flows[at[ends.from]++] = f;
      if (ends.to != kNone && ends.to != ends.from) t_.at_flows[at[ends.to]++] = f;
    }
  }

  /// The assets each flow carries, as indices, in order (one slot each).
  void IndexCarried() {
    t_.carried_begin.assign(flows_.size() + 1, 0);
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      view_.ForEachCarried(flows_[f], [&](const model::Asset& a) {
        t_.carried.push_back(static_cast<uint32_t>(&a - model_.assets.data()));
      });
      t_.carried_begin[f + 1] = static_cast<uint32_t>(t_.carried.size());
    }
  }

  /// Numbers the keys, gives each slot the keys of its two ends, and lists per key the flows at
  /// the component that carry the asset, in model order, with the key at their other end: linear,
  /// so that a hub with many flows and many assets costs what it relays, not their product.
  void IndexRelays() {
    t_.key_from.assign(t_.carried.size(), kNone);
    t_.key_to.assign(t_.carried.size(), kNone);
    std::vector<uint32_t> mark(model_.assets.size(), kNone);  // the last component seen
    std::vector<uint32_t> key_of(model_.assets.size(), kNone);
    std::vector<uint32_t> last_flow;  // per key
    struct Relay {
      uint32_t key, flow, slot;
    };
    std::vector<Relay> relays;
    for (uint32_t c = 0; c < model_.components.size(); ++c) {
      for (const uint32_t f : t_.FlowsAt(c)) {
        const auto [first, last] = t_.Slots(f);
        for (uint32_t s = first; s < last; ++s) {
          const uint32_t a = t_.carried[s];
          if (mark[a] != c) {
            mark[a] = c;
            key_of[a] = static_cast<uint32_t>(t_.key_component.size());
            t_.key_component.push_back(c);
            t_.key_asset.push_back(a);
            last_flow.push_back(kNone);
          }
          const uint32_t k = key_of[a];
          if (t_.ends[f].from == c) t_.key_from[s] = k;
          if (t_.ends[f].to == c) t_.key_to[s] = k;
          if (last_flow[k] != f) {
            last_flow[k] = f;
            relays.push_back({k, f, s});
          }
        }
      }
    }
    t_.relay_begin.assign(t_.key_component.size() + 1, 0);
    for (const Relay& r : relays) ++t_.relay_begin[r.key + 1];
    Accumulate(t_.relay_begin);
    t_.relay_other.resize(relays.size());
    t_.relay_flow.resize(relays.size());
    std::vector<uint32_t> at(t_.relay_begin.begin(), t_.relay_begin.end() - 1);
    for (const Relay& r : relays) {
      const uint32_t c = t_.key_component[r.key];
      const FlowEnds& ends = t_.ends[r.flow];
      const uint32_t other = ends.from == c ? ends.to : ends.from;
      const uint32_t i = at[r.key]++;
      t_.relay_flow[i] = r.flow;
      t_.relay_other[i] = other == kNone || other == c
                              ? kNone
                              : (ends.from == c ? t_.key_to[r.slot] : t_.key_from[r.slot]);
    }
  }

  /// Where each component is, computed once (the lookups behind it hash the ids).
  void ComputePlaces() {
    t_.places.resize(model_.components.size());
    for (uint32_t c = 0; c < model_.components.size(); ++c) {
      const model::Component& component = model_.components[c];
      const std::string_view zone = view_.ZoneKind(component);
      const rules::EnvironmentProfile& env = view_.EnvironmentOf(component);
      const bool cloud = component.kind == "cloud";
      Place& place = t_.places[c];
      // On the internet: a zone of kind internet, public or cloud, a cloud, or an intended
      // environment with network: internet.
      place.internet =
          zone == "internet" || zone == "public" || zone == "cloud" || cloud || env.network == 3;
      place.hospital = zone == "hospital-network" || env.network == 2;
      // Whoever is around it can lay hands on it: an intended environment with physical_access
      // patient or public, and neither inside the patient nor a service in a cloud or on the
      // internet (which runs in a data centre).
      place.physical =
          zone != "body" && zone != "cloud" && zone != "internet" && !cloud && env.physical >= 1;
    }
  }

  const rules::RuleContext& view_;
  const model::SystemModel& model_;
  std::span<const model::Flow> flows_;
  FlowTopology t_;
};

}  // namespace

FlowTopology MakeFlowTopology(const rules::RuleContext& view) {
  return TopologyBuilder(view).Build();
}

}  // namespace medtra::paths
