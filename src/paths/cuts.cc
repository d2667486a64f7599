// MinimumCut: the cheapest design changes that disconnect the entry points from essential
// functions, by max-flow / min-cut (Boost.Graph's Boykov-Kolmogorov) on the part of the graph
// between them. Every change removes exactly one edge (AttackGraph's node layout makes it so), so
// the edge cut is the change set and the minimum is exact.
#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_set>

// GCC 12 at -O3 warns of an uninitialised iterator inside Boost's max-flow (a false positive on
// boost::optional); the warning is attributed to the header's declaration.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "medtra/paths/paths.h"

namespace medtra::paths {
namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS,
    boost::property<
        boost::vertex_color_t, boost::default_color_type,
        boost::property<boost::vertex_distance_t, int64_t,
                        boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>,
    boost::property<
        boost::edge_capacity_t, int64_t,
        boost::property<boost::edge_residual_capacity_t, int64_t,
                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;

/// Larger than any sum of costs: an edge no change removes.
constexpr int64_t kInfinite = std::numeric_limits<int64_t>::max() / 4;

}  // namespace

Cut MinimumCut(const AttackGraph& graph, const std::vector<uint32_t>& targets,
               const PathOptions& options) {
  Workspace work(graph);
  return MinimumCut(graph, targets, options, ReachedFrom(graph, EntryNodes()), work);
}

Cut MinimumCut(const AttackGraph& graph, const std::vector<uint32_t>& targets,
               const PathOptions& options, const std::vector<char>& from_entries, Workspace& work) {
  Cut cut;
  cut.function = targets.size() == 1 ? graph.nodes()[targets[0]].element : kNone;
  // The nodes between the entries and the targets; vertices: 0 the source, 1 the sink, then
  // those nodes in visiting order (numbered in work.degree).
  SearchBackward(graph, targets, &from_entries, work);
  const std::vector<uint32_t> between = work.list;
  for (size_t i = 0; i < between.size(); ++i)
    work.degree[between[i]] = static_cast<uint32_t>(i + 2);
  FlowGraph g(between.size() + 2);
  auto capacity = boost::get(boost::edge_capacity, g);
  auto residual = boost::get(boost::edge_residual_capacity, g);
  auto reverse = boost::get(boost::edge_reverse, g);
  std::vector<std::pair<Traits::edge_descriptor, uint32_t>> forward_edges;
  auto add = [&](size_t from, size_t to, int64_t cap) {
    const auto e = boost::add_edge(from, to, g).first;
    const auto r = boost::add_edge(to, from, g).first;
    capacity[e] = cap;
    capacity[r] = 0;
    reverse[e] = r;
    reverse[r] = e;
    return e;
  };
  for (uint32_t e = 0; e < kEntryKinds; ++e) {
    if (work.Visited(e)) add(0, work.degree[e], kInfinite);
  }
  for (const uint32_t t : targets) {
    if (work.Visited(t)) add(work.degree[t], 1, kInfinite);
  }
  for (const uint32_t v : between) {
    for (const uint32_t i : graph.Out(v)) {
      const Edge& edge = graph.edges()[i];
      if (!work.Visited(edge.to)) continue;
      const int64_t cost = edge.cut == CutKind::kStructural
                               ? kInfinite
                               : std::max<int64_t>(1, options.costs[static_cast<size_t>(edge.cut)]);
      forward_edges.push_back({add(work.degree[v], work.degree[edge.to], cost), i});
    }
  }
  const int64_t flow = boost::boykov_kolmogorov_max_flow(g, 0, 1);
  if (flow >= kInfinite) {
    cut.cuttable = false;
    return cut;
  }
  cut.cost = flow;
  // The source side: vertices reached from the source along edges with residual capacity.
  std::vector<char> source_side(between.size() + 2, 0);
  std::vector<size_t> queue{0};
  source_side[0] = 1;
  for (size_t i = 0; i < queue.size(); ++i) {
    for (auto [it, end] = boost::out_edges(queue[i], g); it != end; ++it) {
      const size_t to = boost::target(*it, g);
      if (residual[*it] > 0 && !source_side[to]) {
        source_side[to] = 1;
        queue.push_back(to);
      }
    }
  }
  std::unordered_set<uint32_t> removed;
  for (const auto& [e, index] : forward_edges) {
    if (source_side[boost::source(e, g)] && !source_side[boost::target(e, g)]) {
      const Edge& edge = graph.edges()[index];
      cut.changes.push_back({edge.cut, edge.cut_element, capacity[e], index});
      removed.insert(index);
    }
  }
  std::sort(cut.changes.begin(), cut.changes.end(), [](const CutChange& a, const CutChange& b) {
    return std::tie(a.kind, a.element) < std::tie(b.kind, b.element);
  });
  // Checked: without the cut's edges, no entry reaches a target (every path lies between).
  for (const uint32_t v : between) work.flag[v] = 1;
  work.Begin();
  std::vector<uint32_t> frontier;
  for (uint32_t e = 0; e < kEntryKinds; ++e) {
    if (work.flag[e]) work.Visit(e), frontier.push_back(e);
  }
  for (size_t i = 0; i < frontier.size(); ++i) {
    for (const uint32_t e : graph.Out(frontier[i])) {
      const uint32_t to = graph.edges()[e].to;
      if (!work.flag[to] || removed.contains(e) || work.Visited(to)) continue;
      work.Visit(to);
      frontier.push_back(to);
    }
  }
  cut.verified =
      std::none_of(targets.begin(), targets.end(), [&](uint32_t t) { return work.Visited(t); });
  for (const uint32_t v : between) work.flag[v] = 0;
  return cut;
}

}  // namespace medtra::paths
