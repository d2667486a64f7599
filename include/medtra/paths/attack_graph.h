// The attack graph of one design view: where an attacker starts (entry points), what each flow
// and component lets through, and which essential functions that reaches. Semantics in
// docs/attack-paths.md. Monotonic (a capability once gained is kept), built in linear time.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/rules/rule_context.h"

namespace medtra::paths {

/// Where an attacker starts.
enum class EntryKind : uint8_t { kInternet, kHospitalNetwork, kRadio, kPhysical, kSupplyChain };
inline constexpr uint32_t kEntryKinds = 5;
/// "internet", "hospital-network", "radio", "physical", "supply-chain".
std::string_view EntryKindName(EntryKind kind);

/// What a node of the graph stands for; `element` indexes the entry kind, the model's flows, its
/// components or `system.essential_functions`.
enum class NodeKind : uint8_t {
  kEntry,     ///< an entry point
  kExposed,   ///< the attacker reaches a flow (radio range, network, port)
  kInject,    ///< the attacker's messages on a flow are taken as genuine
  kDeliver,   ///< content of the attacker's choosing arrives at a component as an asset
  kInstall,   ///< a component installs software of the attacker's choosing
  kLogin,     ///< the attacker reaches a component's user interface
  kFleetKey,  ///< the attacker holds a component's fleet-wide key
  kControl,   ///< the attacker operates a component as its users may
  kCode,      ///< code of the attacker's choosing runs on a component
  kFunction,  ///< an essential function is impaired: the target
};
/// "entry", "exposed", "inject", "deliver", "install", "login", "fleet-key", "control", "code",
/// "function".
std::string_view NodeKindName(NodeKind kind);

/// The asset of a kDeliver node that stands for therapy commands (`therapy_commands: true`).
inline constexpr uint32_t kCommands = 0xFFFFFFFEu;
inline constexpr uint32_t kNone = 0xFFFFFFFFu;

struct Node {
  NodeKind kind = NodeKind::kEntry;
  uint32_t element = kNone;
  uint32_t asset = kNone;  ///< kDeliver: an index into the model's assets, or kCommands
};

/// A design change that removes edges of the graph: a candidate of a cut.
enum class CutKind : uint8_t {
  kStructural,        ///< structural: no single design property removes the edge
  kProtectFlow,       ///< a flow: authentication mac, integrity mac, freshness counter
  kAuthorizeTherapy,  ///< a flow: authorization role-based for its therapy commands
  kSignUpdates,       ///< a component: update signed
  kDisableDebugPort,  ///< a component: debug_port disabled
  kUserCredentials,   ///< a component: credentials unique (user authentication)
  kPerDeviceKeys,     ///< a component: keys per-device
};
inline constexpr uint32_t kCutKinds = 7;
/// "", "protect-flow", "authorize-therapy", "sign-updates", "disable-debug-port",
/// "user-credentials", "per-device-keys".
std::string_view CutKindName(CutKind kind);
/// Whether the cut's element is a flow (else a component).
bool CutOnFlow(CutKind kind);

/// A threat the rules derive that justifies an edge: its rule and the element it is derived on.
struct Reason {
  std::string_view rule;
  uint32_t element = 0;
  bool on_flow = false;  ///< element is a flow index, else a component index
};

struct Edge {
  uint32_t from = 0;
  uint32_t to = 0;
  uint32_t reasons_begin = 0;
  uint32_t reasons_count = 0;
  CutKind cut = CutKind::kStructural;
  uint32_t cut_element = kNone;  ///< the flow or component the cut changes
};

/// The reach of the graph's many-instance components, worked out once per graph (paths.h,
/// ManyInstanceReaches): the multi-patient harm rule and the paths use the same.
struct ReachCache;
std::shared_ptr<ReachCache> NewReachCache();

/// The flows' ends, carried assets and relays and the components' places that a graph's making
/// reads (src/paths/flow_topology.h).
struct FlowTopology;

class AttackGraph {
 public:
  /// The graph of one view (rules::DesignViews::Inherent() or Residual()).
  static AttackGraph Build(const rules::RuleContext& view);
  /// The same, with the topology of flows that have the view's ends and carried assets (made
  /// once for both designs by rules::DesignViews).
  static AttackGraph Build(const rules::RuleContext& view, const FlowTopology& topology);

  const model::SystemModel& model() const { return *model_; }
  std::span<const Node> nodes() const { return nodes_; }
  std::span<const Edge> edges() const { return edges_; }
  std::span<const Reason> Reasons(const Edge& edge) const {
    return {reasons_.data() + edge.reasons_begin, edge.reasons_count};
  }
  /// Edge indices leaving / entering a node, in the order they were added.
  std::span<const uint32_t> Out(uint32_t node) const {
    return {out_.data() + out_begin_[node], out_begin_[node + 1] - out_begin_[node]};
  }
  std::span<const uint32_t> In(uint32_t node) const {
    return {in_.data() + in_begin_[node], in_begin_[node + 1] - in_begin_[node]};
  }
  /// The node of an entry kind (always present; without edges when nothing is exposed to it).
  uint32_t EntryNode(EntryKind kind) const { return static_cast<uint32_t>(kind); }
  /// The node of an essential function (an index into system.essential_functions).
  uint32_t FunctionNode(size_t function) const { return function_nodes_[function]; }
  /// The node of code execution on a component (an index into components).
  uint32_t CodeNode(size_t component) const { return code_nodes_[component]; }
  /// The node of operating a component.
  uint32_t ControlNode(size_t component) const { return control_nodes_[component]; }
  /// The component a node is on (kDeliver .. kCode), or kNone.
  uint32_t ComponentOf(uint32_t node) const;

  /// A stable id: "entry:radio", "inject:F-1", "deliver:pump:A-config", "deliver:pump:commands",
  /// "code:pump", "function:EF-1".
  std::string NodeId(uint32_t node) const;
  /// What the attacker has at the node, for a reader.
  std::string NodeText(uint32_t node) const;
  /// The threat id of a reason: `rule@element`.
  std::string ThreatId(const Reason& reason) const;

  /// Filled on first use by ManyInstanceReaches (thread-safe); shared by copies of the graph.
  ReachCache& reach_cache() const { return *reach_cache_; }

 private:
  friend class GraphBuilder;
  const model::SystemModel* model_ = nullptr;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<Reason> reasons_;
  std::vector<uint32_t> out_begin_, out_, in_begin_, in_;
  std::vector<uint32_t> function_nodes_, code_nodes_, control_nodes_;
  std::shared_ptr<ReachCache> reach_cache_ = NewReachCache();
};

}  // namespace medtra::paths
