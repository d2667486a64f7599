// FlowTopology: what the making of an attack graph reads of the flows' ends and carried assets
// and of where each component is, indexed once. Both designs of a model share it when no measure
// introduces an asset (rules::DesignViews), so it is made once for the two graphs.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "medtra/base/compressed_runs.h"
#include "medtra/paths/attack_graph.h"
#include "medtra/rules/rule_context.h"

namespace medtra::paths {

struct FlowEnds {
  uint32_t from = kNone;  ///< the initiator's component index, or kNone
  uint32_t to = kNone;
};

/// Where a component is, for the entry points that reach it.
struct Place {
  bool internet = false;  ///< on the internet side
  bool hospital = false;  ///< on the hospital network
  bool physical = false;  ///< physically reachable
};

/// The keys are the (component, asset) pairs at which a carried asset arrives: every asset a flow
/// carries arrives at both its ends, so every kDeliver node of an asset is one of them.
struct FlowTopology {
  std::vector<FlowEnds> ends;      ///< per flow
  std::vector<uint32_t> at_begin;  ///< per component: its first entry in at_flows (and one past)
  std::vector<uint32_t> at_flows;  ///< each component's flows (either end), in model order
  std::vector<uint32_t> carried_begin;     ///< per flow: its first slot in carried (and one past)
  std::vector<uint32_t> carried;           ///< per slot: the index of an asset the flow carries
  std::vector<uint32_t> key_from, key_to;  ///< per slot: the key at the from / to end
  std::vector<uint32_t> key_component, key_asset;  ///< per key
  std::vector<uint32_t> relay_begin;               ///< per key: its first relay (and one past)
  /// Per relay: a flow at the key's component that carries its asset (model order per key), and
  /// the key at the flow's other end (kNone when that end is missing or the same component).
  std::vector<uint32_t> relay_flow, relay_other;
  std::vector<Place> places;  ///< per component

  std::span<const uint32_t> FlowsAt(uint32_t c) const {
    return {at_flows.data() + at_begin[c], at_begin[c + 1] - at_begin[c]};
  }
  /// The slots of flow f: [first, last).
  std::pair<uint32_t, uint32_t> Slots(uint32_t f) const {
    return {carried_begin[f], carried_begin[f + 1]};
  }
};

/// Indexes the view's flows, components and assets; linear (one lookup per id).
FlowTopology MakeFlowTopology(const rules::RuleContext& view);

}  // namespace medtra::paths
