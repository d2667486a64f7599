// AttackGraph::Build: entry points, flows and components of one design view as capability nodes
// and the edges between them, each with the threats that justify it (docs/attack-paths.md).
#include "medtra/paths/attack_graph.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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

}  // namespace

/// Builds the nodes and edges in model order, so that node ids and edge order are deterministic.
class GraphBuilder {
 public:
  explicit GraphBuilder(const rules::RuleContext& view)
      : view_(view), model_(view.model()), flows_(view.flows()) {}

  AttackGraph Build() {
    graph_.model_ = &model_;
    for (uint32_t e = 0; e < kEntryKinds; ++e) AddNode(NodeKind::kEntry, e);
    const auto& functions = model_.system.essential_functions;
    performed_.resize(model_.components.size());
    for (uint32_t f = 0; f < functions.size(); ++f) {
      graph_.function_nodes_.push_back(AddNode(NodeKind::kFunction, f));
      const model::Component* c = model_.FindComponent(functions[f].component);
      if (c != nullptr) performed_[ComponentIndex(*c)].push_back(f);
    }
    for (const model::Asset& a : model_.assets) {
      if (a.kind != "function" || a.essential_function.empty()) continue;
      if (const model::EssentialFunction* f = model_.FindEssentialFunction(a.essential_function))
        named_by_function_.insert(static_cast<uint32_t>(f - functions.data()));
    }
    for (uint32_t c = 0; c < model_.components.size(); ++c) {
      graph_.control_nodes_.push_back(AddNode(NodeKind::kControl, c));
      graph_.code_nodes_.push_back(AddNode(NodeKind::kCode, c));
    }
    ends_.resize(flows_.size());
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      const model::Component* from = model_.FindComponent(flows_[f].from);
      const model::Component* to = model_.FindComponent(flows_[f].to);
      ends_[f] = {from == nullptr ? kNone : ComponentIndex(*from),
                  to == nullptr ? kNone : ComponentIndex(*to)};
    }
    ComputePlaces();
    asset_function_.assign(model_.assets.size(), kNone);
    for (uint32_t a = 0; a < model_.assets.size(); ++a) {
      const model::Asset& asset = model_.assets[a];
      const model::EssentialFunction* f =
          asset.essential_function.empty() ? nullptr
                                           : model_.FindEssentialFunction(asset.essential_function);
      if (f != nullptr && Protects(asset, "integrity"))
        asset_function_[a] = static_cast<uint32_t>(f - functions.data());
    }
    carried_.resize(flows_.size());
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      for (const std::string& id : flows_[f].carries) {
        const uint32_t a = AssetIndex(id);
        if (a != kNone) carried_[f].push_back(a);
      }
    }
    flows_at_.resize(model_.components.size());
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      if (ends_[f].from != kNone) flows_at_[ends_[f].from].push_back(f);
      if (ends_[f].to != kNone && ends_[f].to != ends_[f].from) flows_at_[ends_[f].to].push_back(f);
    }
    for (uint32_t f = 0; f < flows_.size(); ++f) {
      for (const uint32_t a : carried_[f]) {
        for (const uint32_t end : {ends_[f].from, ends_[f].to}) {
          if (end != kNone) relays_.push_back({RelayKey(end, a), f});
        }
      }
    }
    std::sort(relays_.begin(), relays_.end());  // by (component, asset), then flow: model order
    relays_.erase(std::unique(relays_.begin(), relays_.end()), relays_.end());
    IndexRelays();
    inject_.assign(flows_.size(), kNone);
    for (uint32_t f = 0; f < flows_.size(); ++f) AddFlow(f);
    for (uint32_t c = 0; c < model_.components.size(); ++c) AddComponent(c);
    // Deliver nodes made while relaying get their own edges until none is new.
    for (size_t next = 0; next < pending_.size(); ++next) AddDeliverEdges(pending_[next]);
    DropRepeatedStructuralEdges();
    Index();
    return std::move(graph_);
  }

 private:
  struct Ends {
    uint32_t from = kNone;
    uint32_t to = kNone;
  };

  static uint64_t RelayKey(uint32_t component, uint32_t asset) {
    return (static_cast<uint64_t>(component) << 32) | asset;
  }

  uint32_t ComponentIndex(const model::Component& c) const {
    return static_cast<uint32_t>(&c - model_.components.data());
  }
  const model::Component& ComponentAt(uint32_t c) const { return model_.components[c]; }

  uint32_t AddNode(NodeKind kind, uint32_t element, uint32_t asset = kNone) {
    graph_.nodes_.push_back({kind, element, asset});
    return static_cast<uint32_t>(graph_.nodes_.size() - 1);
  }

  void AddEdge(uint32_t from, uint32_t to, const std::vector<Reason>& reasons = {},
               CutKind cut = CutKind::kStructural, uint32_t cut_element = kNone) {
    Edge edge{from,
              to,
              static_cast<uint32_t>(graph_.reasons_.size()),
              static_cast<uint32_t>(reasons.size()),
              cut,
              cut_element};
    graph_.reasons_.insert(graph_.reasons_.end(), reasons.begin(), reasons.end());
    graph_.edges_.push_back(edge);
  }

  /// The (component, asset) pairs of relays_, numbered: key_begin_ per component, and where each
  /// pair's flows start in relays_. Every asset a flow carries arrives at both its ends, so every
  /// Deliver() of an asset is one of these pairs.
  void IndexRelays() {
    key_begin_.assign(model_.components.size() + 1, 0);
    for (size_t i = 0; i < relays_.size(); ++i) {
      if (i > 0 && relays_[i].first == relays_[i - 1].first) continue;
      keys_.push_back(relays_[i].first);
      relay_begin_.push_back(static_cast<uint32_t>(i));
      ++key_begin_[(relays_[i].first >> 32) + 1];
    }
    relay_begin_.push_back(static_cast<uint32_t>(relays_.size()));
    for (size_t c = 0; c < model_.components.size(); ++c) key_begin_[c + 1] += key_begin_[c];
    deliver_.assign(keys_.size(), kNone);
    commands_.assign(model_.components.size(), kNone);
  }

  /// The number of the pair (c, asset) among keys_.
  uint32_t KeyOf(uint32_t c, uint32_t asset) const {
    const auto first = keys_.begin() + key_begin_[c];
    const auto last = keys_.begin() + key_begin_[c + 1];
    return static_cast<uint32_t>(std::lower_bound(first, last, RelayKey(c, asset)) - keys_.begin());
  }

  /// The node "content of the attacker's choosing arrives at component c as asset a", made on
  /// first use; its own edges are added later (pending_).
  uint32_t Deliver(uint32_t c, uint32_t asset) {
    uint32_t& node = asset == kCommands ? commands_[c] : deliver_[KeyOf(c, asset)];
    if (node == kNone) {
      node = AddNode(NodeKind::kDeliver, c, asset);
      pending_.push_back(node);
    }
    return node;
  }

  uint32_t AssetIndex(std::string_view id) const {
    const model::Asset* a = model_.FindAsset(id);
    return a == nullptr ? kNone : static_cast<uint32_t>(a - model_.assets.data());
  }

  /// Where each component is, computed once (the lookups behind it hash the ids).
  struct Place {
    bool internet = false;  ///< InternetSide
    bool hospital = false;  ///< HospitalSide
    bool physical = false;  ///< PhysicallyReachable
  };
  void ComputePlaces() {
    places_.resize(model_.components.size());
    for (uint32_t c = 0; c < model_.components.size(); ++c) {
      const model::Component& component = ComponentAt(c);
      const std::string_view zone = view_.ZoneKind(component.id);
      const rules::EnvironmentProfile& env = view_.EnvironmentOf(component);
      const bool cloud = component.kind == "cloud";
      // On the internet: a zone of kind internet, public or cloud, a cloud, or an intended
      // environment with network: internet.
      places_[c].internet =
          zone == "internet" || zone == "public" || zone == "cloud" || cloud || env.network == 3;
      places_[c].hospital = zone == "hospital-network" || env.network == 2;
      // Whoever is around it can lay hands on it: an intended environment with physical_access
      // patient or public, and neither inside the patient nor a service in a cloud or on the
      // internet (which runs in a data centre).
      places_[c].physical =
          zone != "body" && zone != "cloud" && zone != "internet" && !cloud && env.physical >= 1;
    }
  }
  bool InternetSide(uint32_t c) const { return places_[c].internet; }
  bool HospitalSide(uint32_t c) const { return places_[c].hospital; }
  bool PhysicallyReachable(uint32_t c) const { return places_[c].physical; }
  bool EitherEnd(const Ends& ends, bool (GraphBuilder::*test)(uint32_t) const) const {
    return (ends.from != kNone && (this->*test)(ends.from)) ||
           (ends.to != kNone && (this->*test)(ends.to));
  }

  /// The entry points a flow is exposed to.
  std::vector<EntryKind> ExposureOf(uint32_t f) const {
    const model::Flow& flow = flows_[f];
    const Ends& ends = ends_[f];
    std::vector<EntryKind> entries;
    const std::string_view medium = flow.medium;
    if ((medium == "internet" || medium == "cellular") ||
        (rules::IsNetwork(medium) && EitherEnd(ends, &GraphBuilder::InternetSide))) {
      entries.push_back(EntryKind::kInternet);
    }
    if ((medium == "wifi" || medium == "ethernet") && EitherEnd(ends, &GraphBuilder::HospitalSide))
      entries.push_back(EntryKind::kHospitalNetwork);
    if (rules::IsWireless(medium)) entries.push_back(EntryKind::kRadio);
    if ((medium == "usb" || medium == "serial") &&
        EitherEnd(ends, &GraphBuilder::PhysicallyReachable)) {
      entries.push_back(EntryKind::kPhysical);
    }
    return entries;
  }

  /// The threats that let an attacker who reaches the flow have messages taken as genuine (the
  /// conditions of the comm rules named).
  std::vector<Reason> WeakFlow(uint32_t f) const {
    const model::Flow& flow = flows_[f];
    const bool external = rules::IsExternal(flow.medium);
    bool function_asset = false;
    bool data_asset = false;
    for (const uint32_t i : carried_[f]) {
      const model::Asset& a = model_.assets[i];
      if (Protects(a, "integrity")) (a.kind == "function" ? function_asset : data_asset) = true;
    }
    std::vector<Reason> reasons;
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
    return reasons;
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
    const std::vector<EntryKind> entries = ExposureOf(f);
    std::vector<Reason> weak = WeakFlow(f);
    const bool fleet = FleetKeyed(f);
    if (!entries.empty() && (!weak.empty() || fleet)) {
      const uint32_t exposed = AddNode(NodeKind::kExposed, f);
      for (const EntryKind e : entries) AddEdge(graph_.EntryNode(e), exposed);
      inject_[f] = AddNode(NodeKind::kInject, f);
      if (!weak.empty()) AddEdge(exposed, inject_[f], weak, CutKind::kProtectFlow, f);
      DeliverFrom(inject_[f], f, ends.to, true);
      DeliverFrom(inject_[f], f, ends.from, false);
      if (MemoryAccessOpen(flow)) {
        AddEdge(inject_[f], graph_.code_nodes_[ends.to], {{"comm-memory-access", f, true}});
      }
    }
    // A compromised end is a genuine peer: it holds the keys, its messages are taken as its own.
    DeliverFrom(graph_.code_nodes_[ends.from], f, ends.to, true);
    DeliverFrom(graph_.code_nodes_[ends.to], f, ends.from, false);
    // Whoever operates the initiator sends what its users may send; therapy commands only where
    // nothing checks the user's role.
    const uint32_t control = graph_.control_nodes_[ends.from];
    for (const uint32_t a : carried_[f]) AddEdge(control, Deliver(ends.to, a));
    if (flow.therapy_commands && flow.authorization == "none") {
      AddEdge(control, Deliver(ends.to, kCommands), {{"comm-therapy-no-authorization", f, true}},
              CutKind::kAuthorizeTherapy, f);
    }
  }

  /// Edges from `source` to what the flow carries, arriving at component `at`; therapy commands
  /// only towards the flow's receiver.
  void DeliverFrom(uint32_t source, uint32_t f, uint32_t at, bool to_receiver) {
    const model::Flow& flow = flows_[f];
    for (const uint32_t a : carried_[f]) AddEdge(source, Deliver(at, a));
    if (flow.therapy_commands && to_receiver) AddEdge(source, Deliver(at, kCommands));
  }

  /// Whether a flow is protected by a fleet-wide key of one of its ends.
  bool FleetKeyed(uint32_t f) const {
    const model::Flow& flow = flows_[f];
    if (flow.authentication != "shared-key" && flow.authentication != "mac") return false;
    const Ends& ends = ends_[f];
    return (ends.from != kNone && ComponentAt(ends.from).keys == "fleet") ||
           (ends.to != kNone && ComponentAt(ends.to).keys == "fleet");
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
    if (component.update == "unsigned") {
      const uint32_t install = Install(c);
      AddEdge(graph_.EntryNode(EntryKind::kSupplyChain), install);
    }
    LoginEdges(c);
    if (component.keys == "fleet") {
      std::vector<uint32_t> keyed;
      for (const uint32_t f : flows_at_[c]) {
        if (inject_[f] != kNone && FleetKeyed(f)) keyed.push_back(f);
      }
      if (!keyed.empty()) {
        const uint32_t key = AddNode(NodeKind::kFleetKey, c);
        AddEdge(physical, key, {{"device-fleet-key", c, false}}, CutKind::kPerDeviceKeys, c);
        for (const uint32_t f : keyed) AddEdge(key, inject_[f]);
      }
    }
  }

  uint32_t Install(uint32_t c) {
    auto [it, added] = install_.try_emplace(c, 0);
    if (added) {
      it->second = AddNode(NodeKind::kInstall, c);
      AddEdge(it->second, graph_.code_nodes_[c], {{"device-unsigned-update", c, false}},
              CutKind::kSignUpdates, c);
    }
    return it->second;
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
    for (const uint32_t f : flows_at_[c]) {
      network = network || rules::IsNetwork(flows_[f].medium);
      lan = lan || flows_[f].medium == "wifi" || flows_[f].medium == "ethernet";
    }
    std::vector<EntryKind> entries;
    if (network && InternetSide(c)) entries.push_back(EntryKind::kInternet);
    if (lan && HospitalSide(c)) entries.push_back(EntryKind::kHospitalNetwork);
    if (PhysicallyReachable(c)) entries.push_back(EntryKind::kPhysical);
    if (entries.empty()) return;
    const uint32_t login = AddNode(NodeKind::kLogin, c);
    for (const EntryKind e : entries) AddEdge(graph_.EntryNode(e), login);
    AddEdge(login, graph_.control_nodes_[c], {{rule, c, false}}, CutKind::kUserCredentials, c);
  }

  /// The essential functions therapy commands to a component impair: those an asset of kind
  /// function names, or all it performs when none is so named.
  std::vector<uint32_t> CommandFunctions(uint32_t c) const {
    std::vector<uint32_t> named;
    for (const uint32_t f : performed_[c]) {
      if (named_by_function_.contains(f)) named.push_back(f);
    }
    return named.empty() ? performed_[c] : named;
  }

  /// What content of the attacker's choosing does where it arrives: it impairs the function it
  /// serves, installs as firmware, and is passed on by the component like its genuine content.
  void AddDeliverEdges(uint32_t node) {
    const uint32_t c = graph_.nodes_[node].element;
    const uint32_t asset = graph_.nodes_[node].asset;
    const model::Component& component = ComponentAt(c);
    if (asset == kCommands) {
      for (const uint32_t f : CommandFunctions(c)) AddEdge(node, graph_.function_nodes_[f]);
      for (const uint32_t f : flows_at_[c]) {
        if (flows_[f].therapy_commands && ends_[f].from == c && ends_[f].to != kNone)
          AddEdge(node, Deliver(ends_[f].to, kCommands));
      }
      return;
    }
    const model::Asset& a = model_.assets[asset];
    const uint32_t served = asset_function_[asset];
    if (served != kNone &&
        std::find(performed_[c].begin(), performed_[c].end(), served) != performed_[c].end()) {
      AddEdge(node, graph_.function_nodes_[served]);
    }
    const bool firmware = a.kind == "firmware";
    if (firmware && component.update == "unsigned") AddEdge(node, Install(c));
    // Only the flows at the component that carry this asset (an index, so that a hub with many
    // flows and many assets costs what it relays, not their product).
    const uint32_t key = KeyOf(c, asset);
    for (uint32_t r = relay_begin_[key]; r < relay_begin_[key + 1]; ++r) {
      const uint32_t f = relays_[r].second;
      const uint32_t other = ends_[f].from == c ? ends_[f].to : ends_[f].from;
      if (other == kNone || other == c) continue;
      if (firmware && flows_[f].integrity == "signature") continue;  // signed end to end
      AddEdge(node, Deliver(other, asset));
    }
  }

  /// Drops the repeats of a structural edge (the same step through another flow), keeping the
  /// first; linear, by the nodes each edge leaves.
  void DropRepeatedStructuralEdges() {
    std::vector<uint32_t> begin(graph_.nodes_.size() + 1, 0);
    for (const Edge& e : graph_.edges_) ++begin[e.from + 1];
    for (size_t i = 0; i + 1 < begin.size(); ++i) begin[i + 1] += begin[i];
    std::vector<uint32_t> by_from(graph_.edges_.size());
    std::vector<uint32_t> at(begin.begin(), begin.end() - 1);
    for (uint32_t i = 0; i < graph_.edges_.size(); ++i) by_from[at[graph_.edges_[i].from]++] = i;
    std::vector<uint32_t> seen(graph_.nodes_.size(), kNone);  // the last `from` seen per `to`
    std::vector<char> drop(graph_.edges_.size(), 0);
    for (uint32_t v = 0; v < graph_.nodes_.size(); ++v) {
      for (uint32_t k = begin[v]; k < begin[v + 1]; ++k) {
        const Edge& e = graph_.edges_[by_from[k]];
        const bool structural = e.reasons_count == 0 && e.cut == CutKind::kStructural;
        if (structural && seen[e.to] == v) drop[by_from[k]] = 1;
        if (structural) seen[e.to] = v;
      }
    }
    size_t kept = 0;
    for (size_t i = 0; i < graph_.edges_.size(); ++i) {
      if (!drop[i]) graph_.edges_[kept++] = graph_.edges_[i];
    }
    graph_.edges_.resize(kept);
  }

  /// Compressed adjacency: out and in edge lists per node.
  void Index() {
    const size_t n = graph_.nodes_.size();
    auto fill = [&](std::vector<uint32_t>& begin, std::vector<uint32_t>& list, bool out) {
      begin.assign(n + 1, 0);
      for (const Edge& e : graph_.edges_) ++begin[(out ? e.from : e.to) + 1];
      for (size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
      list.resize(graph_.edges_.size());
      std::vector<uint32_t> at(begin.begin(), begin.end() - 1);
      for (uint32_t i = 0; i < graph_.edges_.size(); ++i) {
        const Edge& e = graph_.edges_[i];
        list[at[out ? e.from : e.to]++] = i;
      }
    };
    fill(graph_.out_begin_, graph_.out_, true);
    fill(graph_.in_begin_, graph_.in_, false);
  }

  const rules::RuleContext& view_;
  const model::SystemModel& model_;
  std::span<const model::Flow> flows_;
  AttackGraph graph_;
  std::vector<std::vector<uint32_t>> performed_;
  std::unordered_set<uint32_t> named_by_function_;
  std::vector<Ends> ends_;
  std::vector<uint32_t> inject_;
  std::vector<uint32_t> deliver_;   ///< per pair of keys_: its kDeliver node, or kNone
  std::vector<uint32_t> commands_;  ///< per component: its therapy-commands kDeliver node
  std::unordered_map<uint32_t, uint32_t> install_;
  std::vector<uint32_t> pending_;
  std::vector<Place> places_;
  std::vector<std::vector<uint32_t>> flows_at_;  ///< per component: its flows, in model order
  /// (component, asset) -> a flow at the component that carries the asset; sorted.
  std::vector<std::pair<uint64_t, uint32_t>> relays_;
  std::vector<uint64_t> keys_;         ///< the distinct (component, asset) keys of relays_
  std::vector<uint32_t> relay_begin_;  ///< per key: its first entry in relays_ (and one past)
  std::vector<uint32_t> key_begin_;    ///< per component: its first key (and one past)
  /// Per asset: the function it serves (with integrity), or kNone.
  std::vector<uint32_t> asset_function_;
  std::vector<std::vector<uint32_t>> carried_;  ///< per flow: the indices of its assets, in order
};

AttackGraph AttackGraph::Build(const rules::RuleContext& view) {
  return GraphBuilder(view).Build();
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
