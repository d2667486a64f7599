// AttackGraph::Build: entry points, flows and components of one design view as capability nodes
// and the edges between them, each with the threats that justify it (docs/attack-paths.md).
#include "medtra/paths/attack_graph.h"

#include <algorithm>
#include <initializer_list>
#include <span>

#include "paths/flow_topology.h"
#include "rules/rule_helpers.h"

namespace medtra::paths {

std::string_view EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kInternet:
      return "internet";
    case EntryKind::kHospitalNetwork:
      return "hospital-network";
    case EntryKind::kRadio:
      return "radio";
    case EntryKind::kPhysical:
      return "physical";
    case EntryKind::kSupplyChain:
      return "supply-chain";
  }
  return "";
}

std::string_view NodeKindName(NodeKind kind) {
  static constexpr std::string_view kNames[] = {"entry",   "exposed", "inject",    "deliver",
                                                "install", "login",   "fleet-key", "control",
                                                "code",    "function"};
  return kNames[static_cast<size_t>(kind)];
}

std::string_view CutKindName(CutKind kind) {
  static constexpr std::string_view kNames[] = {"",
                                                "protect-flow",
                                                "authorize-therapy",
                                                "sign-updates",
                                                "disable-debug-port",
                                                "user-credentials",
                                                "per-device-keys"};
  return kNames[static_cast<size_t>(kind)];
}

bool CutOnFlow(CutKind kind) {
  return kind == CutKind::kProtectFlow || kind == CutKind::kAuthorizeTherapy;
}

namespace {

bool Protects(const model::Asset& asset, std::string_view property) {
  return std::find(asset.protect.begin(), asset.protect.end(), property) != asset.protect.end();
}

/// What the edges of other elements ask of a flow, one bit each: read out of model order, so kept
/// apart from the flow's strings.
enum FlowFact : uint8_t {
  kTherapy = 1,        ///< therapy_commands
  kSigned = 2,         ///< integrity: signature
  kFleetKeyed = 4,     ///< protected by a fleet-wide key of one of its ends
  kNetworkMedium = 8,  ///< rules::IsNetwork(medium)
  kLanMedium = 16,     ///< medium wifi or ethernet
};

/// What an asset's integrity protects, for the tampering threats of the flows that carry it.
enum Integrity : uint8_t { kNoIntegrity, kFunctionIntegrity, kDataIntegrity };

/// A bit per entry kind; read in kind order, the order in which the entry edges are added.
using EntrySet = uint8_t;
constexpr EntrySet Bit(EntryKind kind) {
  return static_cast<EntrySet>(1u << static_cast<int>(kind));
}

}  // namespace

/// Builds the nodes and edges in model order, so that node ids and edge order are deterministic.
/// Every lookup by id happens once, in a first pass; the edges then follow indices only.
class GraphBuilder {
 public:
  GraphBuilder(const rules::RuleContext& view, const FlowTopology& topology)
      : model_(view.model()), flows_(view.flows()), topology_(topology) {}

  AttackGraph Build() {
    graph_.model_ = &model_;
    const size_t components = model_.components.size();
    const auto& functions = model_.system.essential_functions;
    ComputeFacts();
    Reserve();
    for (uint32_t e = 0; e < kEntryKinds; ++e) AddNode(NodeKind::kEntry, e);
    performed_.resize(components);
    performer_.assign(functions.size(), kNone);
    for (uint32_t f = 0; f < functions.size(); ++f) {
      graph_.function_nodes_.push_back(AddNode(NodeKind::kFunction, f));
      const model::Component* c = model_.FindComponent(functions[f].component);
      if (c == nullptr) continue;
      performer_[f] = ComponentIndex(*c);
      performed_[performer_[f]].push_back(f);
    }
    named_by_function_.assign(functions.size(), 0);
    asset_function_.assign(model_.assets.size(), kNone);
    for (uint32_t a = 0; a < model_.assets.size(); ++a) {
      const model::Asset& asset = model_.assets[a];
      if (asset.essential_function.empty()) continue;
      const model::EssentialFunction* f = model_.FindEssentialFunction(asset.essential_function);
      if (f == nullptr) continue;
      const uint32_t index = static_cast<uint32_t>(f - functions.data());
      if (asset.kind == "function") named_by_function_[index] = 1;
      if (Protects(asset, "integrity")) asset_function_[a] = index;
    }
    for (uint32_t c = 0; c < components; ++c) {
      graph_.control_nodes_.push_back(AddNode(NodeKind::kControl, c));
      graph_.code_nodes_.push_back(AddNode(NodeKind::kCode, c));
    }
    inject_.assign(flows_.size(), kNone);
    deliver_.assign(key_component_.size(), kNone);
    commands_.assign(components, kNone);
    install_.assign(components, kNone);
    for (uint32_t f = 0; f < flows_.size(); ++f) AddFlow(f);
    for (uint32_t c = 0; c < components; ++c) AddComponent(c);
    // Deliver nodes made while relaying get their own edges until none is new.
    for (size_t next = 0; next < pending_.size(); ++next) AddDeliverEdges(pending_[next]);
    DropRepeatedStructuralEdgesAndIndex();
    return std::move(graph_);
  }

 private:
  using Ends = FlowEnds;
  /// A kDeliver node still without its own edges, and its (component, asset) key (kNone for
  /// therapy commands).
  struct Pending {
    uint32_t node;
    uint32_t key;
  };

  uint32_t ComponentIndex(const model::Component& c) const {
    return static_cast<uint32_t>(&c - model_.components.data());
  }
  const model::Component& ComponentAt(uint32_t c) const { return model_.components[c]; }
  std::span<const uint32_t> FlowsAt(uint32_t c) const { return topology_.FlowsAt(c); }
  std::pair<uint32_t, uint32_t> Slots(uint32_t f) const { return topology_.Slots(f); }
  bool InternetSide(uint32_t c) const { return places_[c].internet; }
  bool HospitalSide(uint32_t c) const { return places_[c].hospital; }
  bool PhysicallyReachable(uint32_t c) const { return places_[c].physical; }
  bool EitherEnd(const Ends& ends, bool (GraphBuilder::*test)(uint32_t) const) const {
    return (ends.from != kNone && (this->*test)(ends.from)) ||
           (ends.to != kNone && (this->*test)(ends.to));
  }

  uint32_t AddNode(NodeKind kind, uint32_t element, uint32_t asset = kNone) {
    graph_.nodes_.push_back({kind, element, asset});
    return static_cast<uint32_t>(graph_.nodes_.size() - 1);
  }

  void AddEdge(uint32_t from, uint32_t to, std::span<const Reason> reasons,
               CutKind cut = CutKind::kStructural, uint32_t cut_element = kNone) {
    graph_.edges_.push_back({from, to, static_cast<uint32_t>(graph_.reasons_.size()),
                             static_cast<uint32_t>(reasons.size()), cut, cut_element});
    graph_.reasons_.insert(graph_.reasons_.end(), reasons.begin(), reasons.end());
  }
  void AddEdge(uint32_t from, uint32_t to, std::initializer_list<Reason> reasons,
               CutKind cut = CutKind::kStructural, uint32_t cut_element = kNone) {
    AddEdge(from, to, std::span<const Reason>(reasons.begin(), reasons.size()), cut, cut_element);
  }
  /// A structural edge: no threat, no change removes it.
  void AddEdge(uint32_t from, uint32_t to) {
    graph_.edges_.push_back(
        {from, to, static_cast<uint32_t>(graph_.reasons_.size()), 0, CutKind::kStructural, kNone});
  }

  /// The facts of every flow, component and asset that edges read out of model order.
  void ComputeFacts() {
    fleet_keys_.resize(model_.components.size());
    unsigned_update_.resize(model_.components.size());
    for (uint32_t c = 0; c < model_.components.size(); ++c) {
      fleet_keys_[c] = ComponentAt(c).keys == "fleet";
      unsigned_update_[c] = ComponentAt(c).update == "unsigned";
    }
    firmware_.resize(model_.assets.size());
    integrity_.resize(model_.assets.size());
    for (uint32_t a = 0; a < model_.assets.size(); ++a) {
      const model::Asset& asset = model_.assets[a];
      firmware_[a] = asset.kind == "firmware";
      integrity_[a] = !Protects(asset, "integrity") ? kNoIntegrity
                      : asset.kind == "function"    ? kFunctionIntegrity
                                                    : kDataIntegrity;
    }
    flow_facts_.resize(flows_.size());
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      const model::Flow& flow = flows_[f];
      const Ends& ends = ends_[f];
      uint8_t facts = 0;
      if (flow.therapy_commands) facts |= kTherapy;
      if (flow.integrity == "signature") facts |= kSigned;
      if ((flow.authentication == "shared-key" || flow.authentication == "mac") &&
          ((ends.from != kNone && fleet_keys_[ends.from]) ||
           (ends.to != kNone && fleet_keys_[ends.to]))) {
        facts |= kFleetKeyed;
      }
      if (rules::IsNetwork(flow.medium)) facts |= kNetworkMedium;
      if (flow.medium == "wifi" || flow.medium == "ethernet") facts |= kLanMedium;
      flow_facts_[f] = facts;
    }
  }
  bool Has(uint32_t f, FlowFact fact) const { return (flow_facts_[f] & fact) != 0; }

  /// Room for the most nodes, edges and reasons the graph can have, so that they are not moved
  /// while they grow (only the part used is ever touched).
  void Reserve() {
    const size_t flows = flows_.size();
    const size_t components = model_.components.size();
    const size_t functions = model_.system.essential_functions.size();
    const size_t keys = key_component_.size();
    graph_.nodes_.reserve(kEntryKinds + functions + 2 * flows + 6 * components + keys);
    graph_.edges_.reserve(5 * carried_.size() + 9 * flows + (9 + functions) * components +
                          2 * keys + relay_flow_.size() + 2 * at_flows_.size());
    graph_.reasons_.reserve(12 * flows + 4 * components);
  }

  /// The entry points a flow is exposed to.
  EntrySet ExposureOf(uint32_t f) const {
    const model::Flow& flow = flows_[f];
    const Ends& ends = ends_[f];
    EntrySet entries = 0;
    const std::string_view medium = flow.medium;
    if ((medium == "internet" || medium == "cellular") ||
        (rules::IsNetwork(medium) && EitherEnd(ends, &GraphBuilder::InternetSide))) {
      entries |= Bit(EntryKind::kInternet);
    }
    if ((medium == "wifi" || medium == "ethernet") && EitherEnd(ends, &GraphBuilder::HospitalSide))
      entries |= Bit(EntryKind::kHospitalNetwork);
    if (rules::IsWireless(medium)) entries |= Bit(EntryKind::kRadio);
    if ((medium == "usb" || medium == "serial") &&
        EitherEnd(ends, &GraphBuilder::PhysicallyReachable)) {
      entries |= Bit(EntryKind::kPhysical);
    }
    return entries;
  }

  /// Edges from every entry point in `entries` to `node`, in kind order.
  void AddEntryEdges(EntrySet entries, uint32_t node) {
    for (uint32_t e = 0; e < kEntryKinds; ++e) {
      if (entries & Bit(static_cast<EntryKind>(e)))
        AddEdge(graph_.EntryNode(static_cast<EntryKind>(e)), node);
    }
  }

  /// The threats that let an attacker who reaches the flow have messages taken as genuine (the
  /// conditions of the comm rules named), into weak_.
  void WeakFlow(uint32_t f) {
    const model::Flow& flow = flows_[f];
    const bool external = rules::IsExternal(flow.medium);
    bool function_asset = false;
    bool data_asset = false;
    const auto [first, last] = Slots(f);
    for (uint32_t s = first; s < last; ++s) {
      function_asset = function_asset || integrity_[carried_[s]] == kFunctionIntegrity;
      data_asset = data_asset || integrity_[carried_[s]] == kDataIntegrity;
    }
    std::vector<Reason>& reasons = weak_;
    reasons.clear();
    auto add = [&](std::string_view rule) { reasons.push_back({rule, f, true}); };
    if (flow.authentication == "none" && external) add("comm-missing-authentication");
    if (flow.authentication == "static-identifier") add("comm-static-identifier");
    if (flow.authentication == "password" && flow.confidentiality != "encrypted" && external)
      add("comm-cleartext-password");
    if (flow.freshness == "none" && external && (!flow.carries.empty() || flow.therapy_commands))
      add("comm-replay");
    if ((flow.medium == "internet" || flow.medium == "cellular") &&
        flow.authentication != "certificate" && flow.authentication != "signature") {
      add("comm-remote-aitm");
    }
    if (flow.integrity == "none" && flow.medium != "internal") {
      if (flow.therapy_commands || function_asset) add("comm-therapy-tampering");
      if (data_asset) add("comm-data-tampering");
    }
    if (flow.integrity == "crc" && (flow.therapy_commands || function_asset || data_asset))
      add("comm-checksum-spoofing");
    if (MemoryAccessOpen(flow)) add("comm-memory-access");
    std::sort(reasons.begin(), reasons.end(),
              [](const Reason& a, const Reason& b) { return a.rule < b.rule; });
  }

  static bool MemoryAccessOpen(const model::Flow& flow) {
    return flow.memory_access &&
           !(rules::IsStrongAuthentication(flow.authentication) && flow.authorization != "none");
  }

  /// Edges of one flow: exposure, injection, what injected and legitimate messages deliver.
  void AddFlow(uint32_t f) {
    const model::Flow& flow = flows_[f];
    const Ends& ends = ends_[f];
    if (ends.from == kNone || ends.to == kNone) return;
    const EntrySet entries = ExposureOf(f);
    WeakFlow(f);
    if (entries != 0 && (!weak_.empty() || Has(f, kFleetKeyed))) {
      const uint32_t exposed = AddNode(NodeKind::kExposed, f);
      AddEntryEdges(entries, exposed);
      inject_[f] = AddNode(NodeKind::kInject, f);
      if (!weak_.empty()) AddEdge(exposed, inject_[f], weak_, CutKind::kProtectFlow, f);
      DeliverFrom(inject_[f], f, true);
      DeliverFrom(inject_[f], f, false);
      if (MemoryAccessOpen(flow)) {
        AddEdge(inject_[f], graph_.code_nodes_[ends.to], {{"comm-memory-access", f, true}});
      }
    }
    // A compromised end is a genuine peer: it holds the keys, its messages are taken as its own.
    DeliverFrom(graph_.code_nodes_[ends.from], f, true);
    DeliverFrom(graph_.code_nodes_[ends.to], f, false);
    // Whoever operates the initiator sends what its users may send; therapy commands only where
    // nothing checks the user's role.
    const uint32_t control = graph_.control_nodes_[ends.from];
    const auto [first, last] = Slots(f);
    for (uint32_t s = first; s < last; ++s) AddEdge(control, Deliver(key_to_[s]));
    if (flow.therapy_commands && flow.authorization == "none") {
      AddEdge(control, Commands(ends.to), {{"comm-therapy-no-authorization", f, true}},
              CutKind::kAuthorizeTherapy, f);
    }
  }

  /// Edges from `source` to what the flow carries, arriving at its receiver (`to_receiver`) or
  /// its initiator; therapy commands only towards the receiver.
  void DeliverFrom(uint32_t source, uint32_t f, bool to_receiver) {
    const std::vector<uint32_t>& keys = to_receiver ? key_to_ : key_from_;
    const auto [first, last] = Slots(f);
    for (uint32_t s = first; s < last; ++s) AddEdge(source, Deliver(keys[s]));
    if (to_receiver && Has(f, kTherapy)) AddEdge(source, Commands(ends_[f].to));
  }

  /// The node "content of the attacker's choosing arrives at a component as an asset" of a key,
  /// made on first use; its own edges are added later (pending_).
  uint32_t Deliver(uint32_t key) {
    uint32_t& node = deliver_[key];
    if (node == kNone) {
      node = AddNode(NodeKind::kDeliver, key_component_[key], key_asset_[key]);
      pending_.push_back({node, key});
    }
    return node;
  }
  /// The same for therapy commands arriving at component c.
  uint32_t Commands(uint32_t c) {
    uint32_t& node = commands_[c];
    if (node == kNone) {
      node = AddNode(NodeKind::kDeliver, c, kCommands);
      pending_.push_back({node, kNone});
    }
    return node;
  }

  /// Edges of one component: entry points, its login, installer and fleet key, and what
  /// control and code execution on it give.
  void AddComponent(uint32_t c) {
    const model::Component& component = ComponentAt(c);
    const uint32_t code = graph_.code_nodes_[c];
    AddEdge(code, graph_.control_nodes_[c]);
    for (const uint32_t f : performed_[c])
      AddEdge(graph_.control_nodes_[c], graph_.function_nodes_[f]);
    const uint32_t physical = graph_.EntryNode(EntryKind::kPhysical);
    if (component.debug_port == "enabled" && PhysicallyReachable(c)) {
      AddEdge(physical, code,
              {{"device-debug-port", c, false}, {"env-public-physical-access", c, false}},
              CutKind::kDisableDebugPort, c);
    }
    if (unsigned_update_[c]) AddEdge(graph_.EntryNode(EntryKind::kSupplyChain), Install(c));
    LoginEdges(c);
    if (fleet_keys_[c]) {
      uint32_t key = kNone;
      for (const uint32_t f : FlowsAt(c)) {
        if (inject_[f] == kNone || !Has(f, kFleetKeyed)) continue;
        if (key == kNone) {
          key = AddNode(NodeKind::kFleetKey, c);
          AddEdge(physical, key, {{"device-fleet-key", c, false}}, CutKind::kPerDeviceKeys, c);
        }
        AddEdge(key, inject_[f]);
      }
    }
  }

  uint32_t Install(uint32_t c) {
    if (install_[c] == kNone) {
      install_[c] = AddNode(NodeKind::kInstall, c);
      AddEdge(install_[c], graph_.code_nodes_[c], {{"device-unsigned-update", c, false}},
              CutKind::kSignUpdates, c);
    }
    return install_[c];
  }

  /// The user interface of a component that the internet, the hospital network or anyone
  /// around it reaches, and operating it where its credentials let anyone in.
  void LoginEdges(uint32_t c) {
    const model::Component& component = ComponentAt(c);
    std::string_view rule;
    if (component.credentials == "default") rule = "device-default-credentials";
    if (component.credentials == "shared") rule = "device-shared-credentials";
    if (component.credentials == "none" && rules::OperatedByUsers(component.kind))
      rule = "device-no-user-authentication";
    if (rule.empty()) return;
    bool network = false;
    bool lan = false;
    for (const uint32_t f : FlowsAt(c)) {
      network = network || Has(f, kNetworkMedium);
      lan = lan || Has(f, kLanMedium);
    }
    EntrySet entries = 0;
    if (network && InternetSide(c)) entries |= Bit(EntryKind::kInternet);
    if (lan && HospitalSide(c)) entries |= Bit(EntryKind::kHospitalNetwork);
    if (PhysicallyReachable(c)) entries |= Bit(EntryKind::kPhysical);
    if (entries == 0) return;
    const uint32_t login = AddNode(NodeKind::kLogin, c);
    AddEntryEdges(entries, login);
    AddEdge(login, graph_.control_nodes_[c], {{rule, c, false}}, CutKind::kUserCredentials, c);
  }

  /// What content of the attacker's choosing does where it arrives: it impairs the function it
  /// serves, installs as firmware, and is passed on by the component like its genuine content.
  void AddDeliverEdges(Pending pending) {
    const uint32_t node = pending.node;
    const uint32_t c = graph_.nodes_[node].element;
    if (pending.key == kNone) {
      // Therapy commands impair the functions an asset of kind function names, or all the
      // component performs when none is so named.
      bool named = false;
      for (const uint32_t f : performed_[c]) named = named || named_by_function_[f];
      for (const uint32_t f : performed_[c]) {
        if (!named || named_by_function_[f]) AddEdge(node, graph_.function_nodes_[f]);
      }
      for (const uint32_t f : FlowsAt(c)) {
        if (Has(f, kTherapy) && ends_[f].from == c && ends_[f].to != kNone)
          AddEdge(node, Commands(ends_[f].to));
      }
      return;
    }
    const uint32_t asset = graph_.nodes_[node].asset;
    const uint32_t served = asset_function_[asset];
    if (served != kNone && performer_[served] == c) AddEdge(node, graph_.function_nodes_[served]);
    const bool firmware = firmware_[asset];
    if (firmware && unsigned_update_[c]) AddEdge(node, Install(c));
    for (uint32_t r = relay_begin_[pending.key]; r < relay_begin_[pending.key + 1]; ++r) {
      if (relay_other_[r] == kNone) continue;
      if (firmware && Has(relay_flow_[r], kSigned)) continue;  // signed end to end
      AddEdge(node, Deliver(relay_other_[r]));
    }
  }

  /// Drops the repeats of a structural edge (the same step through another flow), keeping the
  /// first, and indexes the edges that remain: out and in edge lists per node. Linear, by the
  /// nodes each edge leaves.
  void DropRepeatedStructuralEdgesAndIndex() {
    std::vector<Edge>& edges = graph_.edges_;
    const size_t n = graph_.nodes_.size();
    std::vector<uint32_t> begin(n + 1, 0);
    for (const Edge& e : edges) ++begin[e.from + 1];
    Accumulate(begin);
    std::vector<uint32_t> by_from(edges.size());
    std::vector<uint32_t> at(begin.begin(), begin.end() - 1);
    for (uint32_t i = 0; i < edges.size(); ++i) by_from[at[edges[i].from]++] = i;
    std::vector<uint32_t> seen(n, kNone);  // the last `from` seen per `to`
    std::vector<uint32_t> renumber(edges.size(), 0);
    for (uint32_t v = 0; v < n; ++v) {
      for (uint32_t k = begin[v]; k < begin[v + 1]; ++k) {
        const Edge& e = edges[by_from[k]];
        if (e.reasons_count != 0 || e.cut != CutKind::kStructural) continue;
        if (seen[e.to] == v) renumber[by_from[k]] = kNone;
        seen[e.to] = v;
      }
    }
    uint32_t kept = 0;
    for (uint32_t i = 0; i < edges.size(); ++i) {
      if (renumber[i] == kNone) continue;
      renumber[i] = kept;
      edges[kept++] = edges[i];
    }
    edges.resize(kept);
    // Out lists: by_from holds each node's edges in the order they were added.
    graph_.out_begin_.assign(n + 1, 0);
    graph_.out_.resize(kept);
    uint32_t out = 0;
    for (uint32_t v = 0; v < n; ++v) {
      for (uint32_t k = begin[v]; k < begin[v + 1]; ++k) {
        if (renumber[by_from[k]] != kNone) graph_.out_[out++] = renumber[by_from[k]];
      }
      graph_.out_begin_[v + 1] = out;
    }
    graph_.in_begin_.assign(n + 1, 0);
    for (const Edge& e : edges) ++graph_.in_begin_[e.to + 1];
    Accumulate(graph_.in_begin_);
    graph_.in_.resize(kept);
    at.assign(graph_.in_begin_.begin(), graph_.in_begin_.end() - 1);
    for (uint32_t i = 0; i < kept; ++i) graph_.in_[at[edges[i].to]++] = i;
  }

  const model::SystemModel& model_;
  std::span<const model::Flow> flows_;
  const FlowTopology& topology_;
  // The topology's indices, by the names the edges read them.
  const std::vector<Ends>& ends_ = topology_.ends;
  const std::vector<Place>& places_ = topology_.places;
  const std::vector<uint32_t>& at_flows_ = topology_.at_flows;
  const std::vector<uint32_t>& carried_ = topology_.carried;
  const std::vector<uint32_t>& key_from_ = topology_.key_from;
  const std::vector<uint32_t>& key_to_ = topology_.key_to;
  const std::vector<uint32_t>& key_component_ = topology_.key_component;
  const std::vector<uint32_t>& key_asset_ = topology_.key_asset;
  const std::vector<uint32_t>& relay_begin_ = topology_.relay_begin;
  const std::vector<uint32_t>& relay_flow_ = topology_.relay_flow;
  const std::vector<uint32_t>& relay_other_ = topology_.relay_other;
  AttackGraph graph_;
  std::vector<std::vector<uint32_t>> performed_;  ///< per component: the functions it performs
  std::vector<char> named_by_function_;  ///< per function: an asset of kind function names it
  std::vector<uint8_t> flow_facts_;      ///< per flow: FlowFact bits
  std::vector<char> fleet_keys_;         ///< per component: keys fleet
  std::vector<char> unsigned_update_;    ///< per component: update unsigned
  std::vector<char> firmware_;           ///< per asset: kind firmware
  std::vector<uint8_t> integrity_;       ///< per asset: Integrity
  std::vector<uint32_t> performer_;      ///< per function: its component, or kNone
  std::vector<uint32_t> inject_;
  std::vector<uint32_t> deliver_;   ///< per key: its kDeliver node, or kNone
  std::vector<uint32_t> commands_;  ///< per component: its therapy-commands kDeliver node
  std::vector<uint32_t> install_;   ///< per component: its kInstall node, or kNone
  std::vector<Pending> pending_;
  /// Per asset: the function it serves (with integrity), or kNone.
  std::vector<uint32_t> asset_function_;
  std::vector<Reason> weak_;  ///< WeakFlow's result, for the flow at hand
};

AttackGraph AttackGraph::Build(const rules::RuleContext& view) {
  const FlowTopology topology = MakeFlowTopology(view);
  return GraphBuilder(view, topology).Build();
}

AttackGraph AttackGraph::Build(const rules::RuleContext& view, const FlowTopology& topology) {
  return GraphBuilder(view, topology).Build();
}

uint32_t AttackGraph::ComponentOf(uint32_t node) const {
  switch (nodes_[node].kind) {
    case NodeKind::kDeliver:
    case NodeKind::kInstall:
    case NodeKind::kLogin:
    case NodeKind::kFleetKey:
    case NodeKind::kControl:
    case NodeKind::kCode:
      return nodes_[node].element;
    default:
      return kNone;
  }
}

std::string AttackGraph::NodeId(uint32_t node) const {
  const Node& n = nodes_[node];
  std::string id(NodeKindName(n.kind));
  id += ':';
  switch (n.kind) {
    case NodeKind::kEntry:
      id += EntryKindName(static_cast<EntryKind>(n.element));
      break;
    case NodeKind::kExposed:
    case NodeKind::kInject:
      id += model_->flows[n.element].id;
      break;
    case NodeKind::kFunction:
      id += model_->system.essential_functions[n.element].id;
      break;
    case NodeKind::kDeliver:
      id += model_->components[n.element].id;
      id += ':';
      id += n.asset == kCommands ? std::string("commands") : model_->assets[n.asset].id;
      break;
    default:
      id += model_->components[n.element].id;
  }
  return id;
}

std::string AttackGraph::NodeText(uint32_t node) const {
  const Node& n = nodes_[node];
  switch (n.kind) {
    case NodeKind::kEntry: {
      static constexpr std::string_view kTexts[] = {
          "an attacker on the internet", "an attacker on the hospital network",
          "an attacker within radio range", "an attacker with physical access",
          "an attacker in the software supply chain"};
      return std::string(kTexts[n.element]);
    }
    case NodeKind::kExposed:
      return "reaches " + model_->flows[n.element].id + " (" + model_->flows[n.element].medium +
             ")";
    case NodeKind::kInject:
      return "messages on " + model_->flows[n.element].id + " are taken as genuine";
    case NodeKind::kFunction: {
      const model::EssentialFunction& f = model_->system.essential_functions[n.element];
      return f.id + " (" + f.name + ") impaired";
    }
    case NodeKind::kDeliver: {
      const std::string& c = model_->components[n.element].id;
      if (n.asset == kCommands) return "therapy commands of the attacker's choosing reach " + c;
      return model_->assets[n.asset].id + " of the attacker's choosing reaches " + c;
    }
    case NodeKind::kInstall:
      return model_->components[n.element].id + " installs software of the attacker's choosing";
    case NodeKind::kLogin:
      return "reaches the user interface of " + model_->components[n.element].id;
    case NodeKind::kFleetKey:
      return "holds the fleet-wide key of " + model_->components[n.element].id;
    case NodeKind::kControl:
      return "operates " + model_->components[n.element].id;
    case NodeKind::kCode:
      return "runs code on " + model_->components[n.element].id;
  }
  return "";
}

std::string AttackGraph::ThreatId(const Reason& reason) const {
  std::string id(reason.rule);
  id += '@';
  id += reason.on_flow ? model_->flows[reason.element].id : model_->components[reason.element].id;
  return id;
}

}  // namespace medtra::paths
