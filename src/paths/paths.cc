// Paths, counts and reach on an attack graph.
#include "medtra/paths/paths.h"

#include <algorithm>
#include <array>
#include <limits>
#include <mutex>
#include <tuple>

namespace medtra::paths {

void SearchBackward(const AttackGraph& graph, const std::vector<uint32_t>& targets,
                    const std::vector<char>* allowed, Workspace& work) {
  work.Begin();
  work.list.clear();
  for (const uint32_t t : targets) {
    if (work.Visited(t) || (allowed != nullptr && !(*allowed)[t])) continue;
    work.Visit(t);
    work.distance[t] = 0;
    work.list.push_back(t);
  }
  for (size_t i = 0; i < work.list.size(); ++i) {
    const uint32_t at = work.list[i];
    for (const uint32_t e : graph.In(at)) {
      const uint32_t from = graph.edges()[e].from;
      if (work.Visited(from) || (allowed != nullptr && !(*allowed)[from])) continue;
      work.Visit(from);
      work.distance[from] = work.distance[at] + 1;
      work.list.push_back(from);
    }
  }
}

namespace {

/// The likelihood of every edge, computed once per graph: the highest of its threats' (-1 when
/// none is known).
std::vector<int> EdgeLikelihoods(const AttackGraph& graph, const PathOptions& options) {
  std::vector<int> likelihood(graph.edges().size(), -1);
  if (options.likelihood == nullptr) return likelihood;
  for (size_t e = 0; e < likelihood.size(); ++e) {
    for (const Reason& r : graph.Reasons(graph.edges()[e]))
      likelihood[e] = std::max(likelihood[e], options.likelihood->Of(r));
  }
  return likelihood;
}

uint64_t SaturatingAdd(uint64_t a, uint64_t b) {
  return a > std::numeric_limits<uint64_t>::max() - b ? std::numeric_limits<uint64_t>::max()
                                                      : a + b;
}

/// Enumerates simple paths to one function within the nodes that reach it, most likely steps
/// first, and counts all paths. Costs what lies between the entries and the function.
class PathSearch {
 public:
  PathSearch(const AttackGraph& graph, const PathOptions& options,
             const std::vector<int>& likelihood, const std::vector<char>& from_entries,
             uint32_t function, Workspace& work)
      : graph_(graph),
        options_(options),
        likelihood_(likelihood),
        work_(work),
        function_(function),
        target_(graph.FunctionNode(function)) {
    SearchBackward(graph, {target_}, &from_entries, work);
    relevant_ = work.list;
    // Each relevant node's steps, sorted once (work.via is free during the search: it numbers
    // the relevant nodes). Which of them are on the current path changes while the walk goes on;
    // that is checked when a step is taken. The steps are found from the side of the node they
    // lead to: an entry point may have an edge to every exposed flow of the model, and only the
    // few that lead towards this function matter.
    for (uint32_t i = 0; i < relevant_.size(); ++i) work_.via[relevant_[i]] = i;
    std::vector<std::tuple<uint32_t, int, int32_t, uint32_t>> next;  // from, order..., edge
    for (const uint32_t to : relevant_) {
      for (const uint32_t e : graph_.In(to)) {
        const uint32_t from = graph_.edges()[e].from;
        if (work_.Visited(from))
          next.emplace_back(work_.via[from], -likelihood_[e], work_.distance[to], e);
      }
    }
    std::sort(next.begin(), next.end());
    step_begin_.assign(relevant_.size() + 1, 0);
    steps_.reserve(next.size());
    for (const auto& [from, order, distance, e] : next) {
      steps_.push_back(e);
      ++step_begin_[from + 1];
    }
    for (uint32_t i = 0; i < relevant_.size(); ++i) step_begin_[i + 1] += step_begin_[i];
  }

  FunctionPaths Run(const std::vector<uint32_t>& entries) {
    FunctionPaths result;
    result.function = function_;
    for (const uint32_t entry : entries) {
      if (!work_.Visited(entry)) continue;
      result.entries.push_back(static_cast<EntryKind>(graph_.nodes()[entry].element));
      entry_ = entry;
      Walk(entry);
    }
    bool acyclic = false;
    const uint64_t counted = CountAcyclic(entries, &acyclic);
    if (acyclic) {
      result.count = counted;
      result.count_exact = counted != std::numeric_limits<uint64_t>::max();
    } else {
      result.count = found_.size();
      result.count_exact = !truncated_;
    }
    // Most likely first, then shorter, then by entry and steps (references: no copy of the
    // steps per comparison).
    std::sort(found_.begin(), found_.end(), [](const Path& a, const Path& b) {
      if (a.likelihood != b.likelihood) return a.likelihood > b.likelihood;
      const size_t a_size = a.edges.size(), b_size = b.edges.size();
      return std::tie(a_size, a.entry, a.edges) < std::tie(b_size, b.entry, b.edges);
    });
    if (found_.size() > options_.k) found_.resize(options_.k);
    result.best = std::move(found_);
    return result;
  }

 private:
  /// The steps from a relevant node, most likely first, then closer to the target: indices into
  /// steps_.
  std::pair<uint32_t, uint32_t> Steps(uint32_t node) const {
    const uint32_t i = work_.via[node];
    return {step_begin_[i], step_begin_[i + 1]};
  }

  /// Depth first from the entry with an explicit stack (a path may be as long as the graph),
  /// never through a node already on the path.
  void Walk(uint32_t entry) {
    struct Frame {
      uint32_t node;
      uint32_t next;  ///< the next of its steps, an index into steps_
      uint32_t end;
    };
    std::vector<Frame> frames;
    if (truncated_ || ++visits_ > options_.enumeration_limit * 100) {
      truncated_ = true;
      return;
    }
    work_.flag[entry] = 1;
    const auto [first, last] = Steps(entry);
    frames.push_back({entry, first, last});
    while (!frames.empty() && !truncated_) {
      Frame& top = frames.back();
      if (top.next == top.end) {
        work_.flag[top.node] = 0;
        frames.pop_back();
        if (!stack_.empty()) stack_.pop_back();
        continue;
      }
      const uint32_t e = steps_[top.next++];
      const uint32_t to = graph_.edges()[e].to;
      if (work_.flag[to]) continue;
      if (to == target_) {
        Record(e);
        continue;
      }
      if (++visits_ > options_.enumeration_limit * 100) {
        truncated_ = true;
        break;
      }
      stack_.push_back(e);
      work_.flag[to] = 1;
      const auto [begin, end] = Steps(to);
      frames.push_back({to, begin, end});
    }
    for (const Frame& f : frames) work_.flag[f.node] = 0;
    stack_.clear();
  }

  /// Keeps the path on the stack followed by its last edge `e` into the target.
  void Record(uint32_t e) {
    Path path{entry_, function_, stack_, -1};
    path.edges.push_back(e);
    for (const uint32_t step : path.edges) {
      const int l = likelihood_[step];
      if (l >= 0) path.likelihood = path.likelihood < 0 ? l : std::min(path.likelihood, l);
    }
    found_.push_back(std::move(path));
    if (found_.size() >= options_.enumeration_limit) truncated_ = true;
  }

  /// The number of paths from the entries to the target when the relevant nodes form no cycle
  /// (Kahn's order over them); sets `acyclic`.
  uint64_t CountAcyclic(const std::vector<uint32_t>& entries, bool* acyclic) const {
    for (const uint32_t v : relevant_) {
      work_.degree[v] = 0;
      work_.count[v] = 0;
    }
    for (const uint32_t e : steps_) ++work_.degree[graph_.edges()[e].to];
    for (const uint32_t entry : entries) {
      if (work_.Visited(entry)) work_.count[entry] = 1;
    }
    std::vector<uint32_t> order;
    for (const uint32_t v : relevant_) {
      if (work_.degree[v] == 0) order.push_back(v);
    }
    for (size_t i = 0; i < order.size(); ++i) {
      const uint32_t v = order[i];
      const auto [first, last] = Steps(v);
      for (uint32_t s = first; s < last; ++s) {
        const uint32_t to = graph_.edges()[steps_[s]].to;
        work_.count[to] = SaturatingAdd(work_.count[to], work_.count[v]);
        if (--work_.degree[to] == 0) order.push_back(to);
      }
    }
    *acyclic = order.size() == relevant_.size();
    return work_.count[target_];
  }

  const AttackGraph& graph_;
  const PathOptions& options_;
  const std::vector<int>& likelihood_;  ///< per edge
  Workspace& work_;
  uint32_t function_;
  uint32_t target_;
  std::vector<uint32_t> relevant_;
  std::vector<uint32_t> steps_;       ///< the sorted steps of every relevant node, one run each
  std::vector<uint32_t> step_begin_;  ///< per relevant node (work_.via): where its run starts
  std::vector<uint32_t> stack_;
  std::vector<Path> found_;
  uint32_t entry_ = 0;
  size_t visits_ = 0;
  bool truncated_ = false;
};

/// Breadth first along out edges (forward) or in edges (backward).
std::vector<char> Search(const AttackGraph& graph, const std::vector<uint32_t>& starts,
                         bool forward, const std::vector<char>* removed) {
  std::vector<char> seen(graph.nodes().size(), 0);
  std::vector<uint32_t> queue;
  for (const uint32_t s : starts) {
    if (!seen[s]) queue.push_back(s);
    seen[s] = 1;
  }
  for (size_t i = 0; i < queue.size(); ++i) {
    for (const uint32_t e : forward ? graph.Out(queue[i]) : graph.In(queue[i])) {
      if (removed != nullptr && (*removed)[e]) continue;
      const uint32_t next = forward ? graph.edges()[e].to : graph.edges()[e].from;
      if (!seen[next]) {
        seen[next] = 1;
        queue.push_back(next);
      }
    }
  }
  return seen;
}

}  // namespace

std::vector<uint32_t> EntryNodes() {
  std::vector<uint32_t> nodes;
  for (uint32_t e = 0; e < kEntryKinds; ++e) nodes.push_back(e);
  return nodes;
}

std::vector<char> ReachedFrom(const AttackGraph& graph, const std::vector<uint32_t>& starts,
                              const std::vector<char>* removed) {
  return Search(graph, starts, true, removed);
}

std::vector<char> Reaching(const AttackGraph& graph, const std::vector<uint32_t>& targets) {
  return Search(graph, targets, false, nullptr);
}

Workspace::Workspace(const AttackGraph& graph)
    : distance(graph.nodes().size(), 0),
      via(graph.nodes().size(), kNone),
      count(graph.nodes().size(), 0),
      degree(graph.nodes().size(), 0),
      flag(graph.nodes().size(), 0),
      mark_(graph.nodes().size(), 0) {
  const model::SystemModel& model = graph.model();
  performer.assign(model.system.essential_functions.size(), kNone);
  serves_patient.assign(model.components.size(), 0);
  for (size_t f = 0; f < performer.size(); ++f) {
    const model::Component* c = model.FindComponent(model.system.essential_functions[f].component);
    if (c == nullptr) continue;
    performer[f] = static_cast<uint32_t>(c - model.components.data());
    serves_patient[performer[f]] = 1;
  }
  for (size_t c = 0; c < model.components.size(); ++c) {
    const model::Zone* zone = model.FindZone(model.components[c].zone);
    if (zone != nullptr && zone->kind == "body") serves_patient[c] = 1;
  }
}

void Workspace::Begin() {
  if (++stamp_ == 0) {  // wrapped: clear the marks once every 2^32 searches
    std::fill(mark_.begin(), mark_.end(), 0);
    stamp_ = 1;
  }
}

namespace {

/// What code on the component reaches, breadth first, remembering how each node was reached:
/// everything of a Reach but reachable_from.
Reach ForwardReach(const AttackGraph& graph, uint32_t component, Workspace& work) {
  Reach reach;
  reach.component = component;
  const uint32_t start = graph.CodeNode(component);
  work.Begin();
  work.list.assign(1, start);
  work.Visit(start);
  std::vector<uint32_t> patient;
  uint32_t first_function = kNone;
  for (size_t i = 0; i < work.list.size(); ++i) {
    const uint32_t node = work.list[i];
    const Node& n = graph.nodes()[node];
    if (n.kind == NodeKind::kFunction && work.performer[n.element] != component &&
        work.performer[n.element] != kNone) {
      reach.functions.push_back(n.element);
      patient.push_back(work.performer[n.element]);
      if (first_function == kNone) first_function = node;
    }
    const uint32_t on = graph.ComponentOf(node);
    const bool takes_over = n.kind == NodeKind::kCode || n.kind == NodeKind::kControl ||
                            (n.kind == NodeKind::kDeliver && n.asset == kCommands);
    if (on != kNone && on != component && takes_over && work.serves_patient[on])
      patient.push_back(on);
    for (const uint32_t e : graph.Out(node)) {
      const uint32_t to = graph.edges()[e].to;
      if (work.Visited(to)) continue;
      work.Visit(to);
      work.via[to] = e;
      work.list.push_back(to);
    }
  }
  std::sort(reach.functions.begin(), reach.functions.end());
  std::sort(patient.begin(), patient.end());
  patient.erase(std::unique(patient.begin(), patient.end()), patient.end());
  reach.patient_components = std::move(patient);
  for (uint32_t at = first_function; at != kNone && at != start;
       at = graph.edges()[work.via[at]].from)
    reach.example.push_back(work.via[at]);
  std::reverse(reach.example.begin(), reach.example.end());
  return reach;
}

}  // namespace

Reach ReachOf(const AttackGraph& graph, uint32_t component) {
  Workspace work(graph);
  Reach reach = ForwardReach(graph, component, work);
  // Which entry points reach its control (code on it implies control).
  SearchBackward(graph, {graph.ControlNode(component)}, nullptr, work);
  for (uint32_t e = 0; e < kEntryKinds; ++e) {
    if (work.Visited(graph.EntryNode(static_cast<EntryKind>(e))))
      reach.reachable_from.push_back(static_cast<EntryKind>(e));
  }
  return reach;
}

struct ReachCache {
  std::once_flag once;
  std::vector<Reach> reaches;
};

std::shared_ptr<ReachCache> NewReachCache() { return std::make_shared<ReachCache>(); }

const std::vector<Reach>& ManyInstanceReaches(const AttackGraph& graph) {
  ReachCache& cache = graph.reach_cache();
  std::call_once(cache.once, [&] {
    const model::SystemModel& model = graph.model();
    // What each entry point reaches, once: an entry reaches a component's control exactly when
    // the search back from that control finds the entry (ReachOf).
    std::array<std::vector<char>, kEntryKinds> from_entry;
    for (uint32_t e = 0; e < kEntryKinds; ++e)
      from_entry[e] = ReachedFrom(graph, {graph.EntryNode(static_cast<EntryKind>(e))});
    Workspace work(graph);
    for (uint32_t c = 0; c < model.components.size(); ++c) {
      if (model.components[c].instances != "many") continue;
      Reach reach = ForwardReach(graph, c, work);
      for (uint32_t e = 0; e < kEntryKinds; ++e) {
        if (from_entry[e][graph.ControlNode(c)])
          reach.reachable_from.push_back(static_cast<EntryKind>(e));
      }
      cache.reaches.push_back(std::move(reach));
    }
  });
  return cache.reaches;
}

GraphPaths AnalyzeGraph(const AttackGraph& graph, const PathOptions& options) {
  GraphPaths result;
  for (uint32_t e = 0; e < kEntryKinds; ++e) {
    const uint32_t node = graph.EntryNode(static_cast<EntryKind>(e));
    if (!graph.Out(node).empty()) result.entry_nodes.push_back(node);
  }
  const std::vector<char> from_entries = ReachedFrom(graph, result.entry_nodes);
  const model::SystemModel& model = graph.model();
  Workspace work(graph);
  const std::vector<int> likelihood = EdgeLikelihoods(graph, options);
  std::vector<uint32_t> reached;
  for (uint32_t f = 0; f < model.system.essential_functions.size(); ++f) {
    if (!from_entries[graph.FunctionNode(f)]) continue;
    reached.push_back(graph.FunctionNode(f));
    result.functions.push_back(
        PathSearch(graph, options, likelihood, from_entries, f, work).Run(result.entry_nodes));
    result.path_count = SaturatingAdd(result.path_count, result.functions.back().count);
  }
  result.reach = ManyInstanceReaches(graph);
  if (result.functions.size() <= options.per_function_cuts) {
    for (const FunctionPaths& f : result.functions) {
      result.cuts.push_back(
          MinimumCut(graph, {graph.FunctionNode(f.function)}, options, from_entries, work));
    }
  }
  // With two or more functions reached, one cut for all of them (the last cut is always that).
  if (reached.size() > 1)
    result.cuts.push_back(MinimumCut(graph, reached, options, from_entries, work));
  return result;
}

}  // namespace medtra::paths
