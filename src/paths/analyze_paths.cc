// AnalyzePaths: both designs' attack graphs, their paths, and the measures against the cut.
#include "medtra/paths/analyze_paths.h"

#include <set>
#include <unordered_map>

#include "medtra/base/parallel.h"
#include "medtra/rules/design_views.h"

namespace medtra::paths {
namespace {

/// Edges that lie on some path from an entry point to an essential function.
std::vector<char> OnPaths(const AttackGraph& graph) {
  std::vector<uint32_t> functions;
  for (size_t f = 0; f < graph.model().system.essential_functions.size(); ++f)
    functions.push_back(graph.FunctionNode(f));
  const std::vector<char> forward = ReachedFrom(graph, EntryNodes());
  const std::vector<char> backward = Reaching(graph, functions);
  std::vector<char> on(graph.edges().size(), 0);
  for (size_t e = 0; e < on.size(); ++e) {
    on[e] = forward[graph.edges()[e].from] && backward[graph.edges()[e].to];
  }
  return on;
}

uint64_t ChangeKey(CutKind kind, uint32_t element) {
  return (static_cast<uint64_t>(kind) << 32) | element;
}

/// The flow properties that make a change of this kind.
bool ProvidesFor(CutKind kind, const std::string& property) {
  if (kind == CutKind::kProtectFlow)
    return property == "authentication" || property == "integrity" || property == "freshness";
  return kind == CutKind::kAuthorizeTherapy && property == "authorization";
}

}  // namespace

PathsAnalysis AnalyzePaths(const model::SystemModel& model,
                           const std::vector<rules::Threat>& threats, PathOptions options) {
  const rules::ModelIndex index(model);
  const rules::DesignViews views(model, index);
  return AnalyzePaths(views, threats, options);
}

PathsAnalysis AnalyzePaths(const rules::DesignViews& views,
                           const std::vector<rules::Threat>& threats, PathOptions options) {
  const model::SystemModel& model = views.model();
  const unsigned threads = ThreadCount(options.threads);
  PathsAnalysis result;
  BothAtOnce(
      threads, [&] { result.before = views.Graph(false); },
      [&] { result.after = views.Graph(true); });
  const AttackGraph* const graphs[] = {result.before.get(), result.after.get()};
  const ThreatLikelihoods likelihood(model, threats, CitedRules(graphs));
  if (options.likelihood == nullptr) options.likelihood = &likelihood;
  BothAtOnce(
      threads, [&] { result.before_paths = AnalyzeGraph(*result.before, options); },
      [&] { result.after_paths = AnalyzeGraph(*result.after, options); });

  std::set<uint64_t> remaining;  // changeable edges of the design with measures
  for (const Edge& e : result.after->edges()) {
    if (e.cut != CutKind::kStructural) remaining.insert(ChangeKey(e.cut, e.cut_element));
  }
  if (!result.before_paths.cuts.empty()) {
    for (const CutChange& c : result.before_paths.cuts.back().changes)
      result.made.push_back(!remaining.contains(ChangeKey(c.kind, c.element)));
  }
  // The changeable flow edges that lie on a path, by flow.
  const std::vector<char> on = OnPaths(*result.before);
  std::unordered_map<uint32_t, std::vector<uint32_t>> flow_edges;
  for (uint32_t e = 0; e < on.size(); ++e) {
    const Edge& edge = result.before->edges()[e];
    if (on[e] && CutOnFlow(edge.cut)) flow_edges[edge.cut_element].push_back(e);
  }
  for (const model::Measure& m : model.measures) {
    if (m.provides.empty()) continue;
    MeasureEffect effect;
    effect.measure = &m;
    std::set<std::pair<CutKind, uint32_t>> closes;
    for (const model::Provision& p : m.provides) {
      const model::Flow* flow = model.FindFlow(p.flow);
      if (flow == nullptr) continue;
      const uint32_t f = static_cast<uint32_t>(flow - model.flows.data());
      const auto it = flow_edges.find(f);
      if (it == flow_edges.end()) continue;
      for (const uint32_t e : it->second) {
        const Edge& edge = result.before->edges()[e];
        if (remaining.contains(ChangeKey(edge.cut, f))) continue;
        for (const auto& [property, value] : p.properties) {
          if (ProvidesFor(edge.cut, property)) closes.insert({edge.cut, f});
        }
      }
    }
    effect.closes.assign(closes.begin(), closes.end());
    effect.redundant = effect.closes.empty();
    result.measures.push_back(std::move(effect));
  }
  return result;
}

const std::string& ChangeElement(const model::SystemModel& model, CutKind kind, uint32_t element) {
  return CutOnFlow(kind) ? model.flows[element].id : model.components[element].id;
}

std::string ChangeText(const model::SystemModel& model, CutKind kind, uint32_t element) {
  const std::string& id = ChangeElement(model, kind, element);
  switch (kind) {
    case CutKind::kProtectFlow:
      return "authenticate and protect " + id +
             " (authentication: mac, integrity: mac, freshness: counter)";
    case CutKind::kAuthorizeTherapy:
      return "check the user's role for therapy commands on " + id + " (authorization: role-based)";
    case CutKind::kSignUpdates:
      return "accept only signed software on " + id + " (update: signed)";
    case CutKind::kDisableDebugPort:
      return "disable the debug port of " + id + " (debug_port: disabled)";
    case CutKind::kUserCredentials:
      return "authenticate the users of " + id +
             " with their own credentials (credentials: unique)";
    case CutKind::kPerDeviceKeys:
      return "give every " + id + " its own key (keys: per-device)";
    case CutKind::kStructural:
      break;
  }
  return id;
}

}  // namespace medtra::paths
