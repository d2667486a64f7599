// The attack paths as JSON, as report sections and as a Graphviz diagram.
#include "medtra/report/paths_render.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "medtra/base/strings.h"
#include "medtra/report/dfd.h"
#include "medtra/report/dfd_paths.h"
#include "report/escape.h"

namespace medtra::report {
namespace {

using Json = nlohmann::ordered_json;
using paths::AttackGraph;
using paths::CutKind;

std::string EntryName(paths::EntryKind kind) { return std::string(paths::EntryKindName(kind)); }

std::vector<std::string> EntryNames(const std::vector<paths::EntryKind>& kinds) {
  std::vector<std::string> names;
  for (const paths::EntryKind k : kinds) names.push_back(EntryName(k));
  return names;
}

/// The threat ids of an edge, sorted.
std::vector<std::string> EdgeThreats(const AttackGraph& graph, uint32_t e) {
  std::vector<std::string> ids;
  for (const paths::Reason& r : graph.Reasons(graph.edges()[e])) ids.push_back(graph.ThreatId(r));
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::string> PathThreats(const AttackGraph& graph, const paths::Path& path) {
  std::set<std::string> ids;
  for (const uint32_t e : path.edges) {
    for (std::string& id : EdgeThreats(graph, e)) ids.insert(std::move(id));
  }
  return {ids.begin(), ids.end()};
}

std::string LikelihoodName(const model::SystemModel& model, int likelihood) {
  const auto& scale = model.risk_method.likelihood;
  return likelihood >= 0 && static_cast<size_t>(likelihood) < scale.size() ? scale[likelihood] : "";
}

Json PathJson(const AttackGraph& graph, const paths::Path& path) {
  const model::SystemModel& model = graph.model();
  Json steps = Json::array();
  for (const uint32_t e : path.edges) {
    const uint32_t to = graph.edges()[e].to;
    steps.push_back({{"node", graph.NodeId(to)},
                     {"text", graph.NodeText(to)},
                     {"threats", EdgeThreats(graph, e)}});
  }
  return {{"entry", EntryName(static_cast<paths::EntryKind>(graph.nodes()[path.entry].element))},
          {"target", model.system.essential_functions[path.function].id},
          {"likelihood", LikelihoodName(model, path.likelihood)},
          {"steps", std::move(steps)},
          {"threats", PathThreats(graph, path)}};
}

/// The ids of what each entry point reaches in one step, per entry node, sorted.
Json Exposes(const AttackGraph& graph, uint32_t entry) {
  std::vector<std::string_view> ids;
  const model::SystemModel& model = graph.model();
  for (const uint32_t e : graph.Out(entry)) {
    const paths::Node& n = graph.nodes()[graph.edges()[e].to];
    ids.push_back(n.kind == paths::NodeKind::kExposed ? model.flows[n.element].id
                                                      : model.components[n.element].id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Json list = Json::array();
  for (const std::string_view id : ids) list.push_back(std::string(id));
  return list;
}

/// The measures whose provisions make each change (kind, element), in model order.
using MeasuresByChange = std::unordered_map<uint64_t, std::vector<const model::Measure*>>;
uint64_t ChangeKey(CutKind kind, uint32_t element) {
  return (static_cast<uint64_t>(kind) << 32) | element;
}
MeasuresByChange MeasuresOfChanges(const paths::PathsAnalysis& analysis) {
  MeasuresByChange measures;
  for (const paths::MeasureEffect& m : analysis.measures) {
    for (const auto& [kind, element] : m.closes) {
      std::vector<const model::Measure*>& list = measures[ChangeKey(kind, element)];
      if (list.empty() || list.back() != m.measure) list.push_back(m.measure);
    }
  }
  return measures;
}
std::vector<std::string> MeasuresFor(const MeasuresByChange& measures, CutKind kind,
                                     uint32_t element) {
  std::vector<std::string> ids;
  const auto it = measures.find(ChangeKey(kind, element));
  if (it == measures.end()) return ids;
  for (const model::Measure* m : it->second) ids.push_back(m->id);
  return ids;
}

/// `made` and `measures`: for the cut of all functions before measures, else null.
Json CutJson(const AttackGraph& graph, const paths::Cut& cut, const std::vector<char>* made,
             const MeasuresByChange* measures) {
  const model::SystemModel& model = graph.model();
  Json changes = Json::array();
  for (size_t i = 0; i < cut.changes.size(); ++i) {
    const paths::CutChange& c = cut.changes[i];
    Json change = {{"kind", std::string(paths::CutKindName(c.kind))},
                   {"element", paths::ChangeElement(model, c.kind, c.element)},
                   {"text", paths::ChangeText(model, c.kind, c.element)},
                   {"cost", c.cost},
                   {"threats", EdgeThreats(graph, c.edge)}};
    if (made != nullptr) {
      change["made_by_measures"] = i < made->size() && (*made)[i] != 0;
      change["measures"] = MeasuresFor(*measures, c.kind, c.element);
    }
    changes.push_back(std::move(change));
  }
  return {
      {"target", cut.function == paths::kNone ? std::string("*")
                                              : model.system.essential_functions[cut.function].id},
      {"cuttable", cut.cuttable},
      {"cost", cut.cost},
      {"verified", cut.verified},
      {"changes", std::move(changes)}};
}

Json ReachJson(const AttackGraph& graph, const paths::Reach& reach,
               const std::unordered_set<std::string_view>& threat_ids) {
  const model::SystemModel& model = graph.model();
  std::vector<std::string> functions, components;
  for (const uint32_t f : reach.functions)
    functions.push_back(model.system.essential_functions[f].id);
  for (const uint32_t c : reach.patient_components) components.push_back(model.components[c].id);
  const std::string threat =
      std::string(paths::kMultiPatientHarmRule) + "@" + model.components[reach.component].id;
  return {{"component", model.components[reach.component].id},
          {"functions", functions},
          {"patient_components", components},
          {"reachable_from", EntryNames(reach.reachable_from)},
          {"threat", threat_ids.contains(threat) ? threat : ""}};
}

/// paths, reach and cuts of one graph.
void GraphJson(const paths::PathsAnalysis& analysis, const AttackGraph& graph,
               const paths::GraphPaths& result,
               const std::unordered_set<std::string_view>& threat_ids,
               const std::vector<char>* made, Json* out) {
  Json list = Json::array();
  for (const paths::FunctionPaths& f : result.functions) {
    for (const paths::Path& p : f.best) list.push_back(PathJson(graph, p));
  }
  (*out)["path_count"] = result.path_count;
  (*out)["paths"] = std::move(list);
  Json reach = Json::array();
  for (const paths::Reach& r : result.reach) reach.push_back(ReachJson(graph, r, threat_ids));
  (*out)["reach"] = std::move(reach);
  Json cuts = Json::array();
  const MeasuresByChange measures =
      made != nullptr ? MeasuresOfChanges(analysis) : MeasuresByChange{};
  for (size_t i = 0; i < result.cuts.size(); ++i) {
    const bool all = i + 1 == result.cuts.size() && made != nullptr;
    cuts.push_back(CutJson(graph, result.cuts[i], all ? made : nullptr, all ? &measures : nullptr));
  }
  (*out)["cuts"] = std::move(cuts);
}

/// The paths of each essential function (null where none reaches it), by function index.
std::vector<const paths::FunctionPaths*> PathsByFunction(const model::SystemModel& model,
                                                         const paths::GraphPaths& result) {
  std::vector<const paths::FunctionPaths*> by_function(model.system.essential_functions.size(),
                                                       nullptr);
  // The first of a function's entries, as a search from the front finds it.
  for (auto f = result.functions.rbegin(); f != result.functions.rend(); ++f)
    by_function[f->function] = &*f;
  return by_function;
}

std::string CountText(const paths::FunctionPaths* f) {
  if (f == nullptr) return "0";
  return (f->count_exact ? "" : "at least ") + std::to_string(f->count);
}

/// "radio → reaches F-1 (rf) → ... → EF-1 (...) impaired"
std::string PathText(const AttackGraph& graph, const paths::Path& path) {
  std::string text = EntryName(static_cast<paths::EntryKind>(graph.nodes()[path.entry].element));
  for (const uint32_t e : path.edges) text += " → " + graph.NodeText(graph.edges()[e].to);
  return text;
}

std::string CutText(const model::SystemModel& model, const paths::Cut& cut) {
  if (!cut.cuttable) return "no set of design changes cuts it";
  std::vector<std::string> parts;
  for (const paths::CutChange& c : cut.changes)
    parts.push_back(paths::ChangeText(model, c.kind, c.element));
  return Join(parts, "; ");
}

}  // namespace

nlohmann::ordered_json PathsJson(const paths::PathsAnalysis& analysis,
                                 const paths::PathOptions& options,
                                 const std::vector<rules::Threat>& threats) {
  const AttackGraph& before = *analysis.before;
  const model::SystemModel& model = before.model();
  // The threats of the many-instance reaches, the only ids the report looks up.
  std::unordered_set<std::string_view> threat_ids;
  for (const rules::Threat& t : threats) {
    const std::string_view id = t.id;
    if (id.size() > paths::kMultiPatientHarmRule.size() &&
        id.starts_with(paths::kMultiPatientHarmRule) &&
        id[paths::kMultiPatientHarmRule.size()] == '@') {
      threat_ids.insert(id);
    }
  }
  Json costs = Json::object();
  for (uint32_t k = 1; k < paths::kCutKinds; ++k)
    costs[std::string(paths::CutKindName(static_cast<CutKind>(k)))] = options.costs[k];
  Json out = {{"format", "medtra-paths"},
              {"version", 1},
              {"model",
               {{"id", model.system.id},
                {"name", model.system.name},
                {"content_hash", model.content_hash}}},
              {"options",
               {{"k", options.k},
                {"enumeration_limit", options.enumeration_limit},
                {"per_function_cuts", options.per_function_cuts},
                {"costs", std::move(costs)}}}};
  Json entries = Json::array();
  for (const uint32_t e : analysis.before_paths.entry_nodes) {
    entries.push_back({{"id", EntryName(static_cast<paths::EntryKind>(before.nodes()[e].element))},
                       {"text", before.NodeText(e)},
                       {"exposes", Exposes(before, e)}});
  }
  out["entry_points"] = std::move(entries);
  Json targets = Json::array();
  const auto before_paths = PathsByFunction(model, analysis.before_paths);
  const auto after_paths = PathsByFunction(model, analysis.after_paths);
  for (uint32_t f = 0; f < model.system.essential_functions.size(); ++f) {
    const model::EssentialFunction& ef = model.system.essential_functions[f];
    const paths::FunctionPaths* b = before_paths[f];
    const paths::FunctionPaths* a = after_paths[f];
    targets.push_back(
        {{"id", ef.id},
         {"name", ef.name},
         {"component", ef.component},
         {"entries", b == nullptr ? std::vector<std::string>{} : EntryNames(b->entries)},
         {"paths", b == nullptr ? 0 : b->count},
         {"paths_exact", b == nullptr || b->count_exact},
         {"paths_after_measures", a == nullptr ? 0 : a->count},
         {"paths_after_measures_exact", a == nullptr || a->count_exact}});
  }
  out["targets"] = std::move(targets);
  GraphJson(analysis, before, analysis.before_paths, threat_ids, &analysis.made, &out);
  Json measures = Json::array();
  for (const paths::MeasureEffect& m : analysis.measures) {
    Json closes = Json::array();
    for (const auto& [kind, element] : m.closes) {
      closes.push_back({{"kind", std::string(paths::CutKindName(kind))},
                        {"element", paths::ChangeElement(model, kind, element)}});
    }
    measures.push_back({{"id", m.measure->id},
                        {"closes", std::move(closes)},
                        {"redundant_for_paths", m.redundant}});
  }
  out["measures"] = std::move(measures);
  Json after = Json::object();
  GraphJson(analysis, *analysis.after, analysis.after_paths, threat_ids, nullptr, &after);
  out["after_measures"] = std::move(after);
  return out;
}

Section PathsReachSection(const paths::PathsAnalysis& analysis) {
  const model::SystemModel& model = analysis.before->model();
  Section reach{"paths-reach", "Multi-patient harm: what one compromised instance reaches", {}};
  Table reach_rows{{"Component", "Reached from", "Essential functions",
                    "Patient-serving components", "After measures"},
                   {}};
  for (size_t i = 0; i < analysis.before_paths.reach.size(); ++i) {
    const paths::Reach& r = analysis.before_paths.reach[i];
    const paths::Reach& a = analysis.after_paths.reach[i];
    std::vector<std::string> functions, components, after;
    for (const uint32_t f : r.functions)
      functions.push_back(model.system.essential_functions[f].id);
    for (const uint32_t c : r.patient_components) components.push_back(model.components[c].id);
    for (const uint32_t c : a.patient_components) after.push_back(model.components[c].id);
    reach_rows.rows.push_back({model.components[r.component].id,
                               Join(EntryNames(r.reachable_from), ", "), Join(functions, ", "),
                               Join(components, ", "), Join(after, ", ")});
  }
  if (reach_rows.rows.empty()) {
    reach.Paragraph("No component has instances: many.");
  } else {
    reach.AddTable(std::move(reach_rows));
  }
  return reach;
}

std::vector<Section> PathsSections(const paths::PathsAnalysis& analysis) {
  const AttackGraph& before = *analysis.before;
  const model::SystemModel& model = before.model();
  std::vector<Section> sections;
  Section summary{"paths-summary", "Attack paths to the essential functions", {}};
  summary.Paragraph(
      "Entry points: " + std::to_string(analysis.before_paths.entry_nodes.size()) +
      ". Paths to essential functions before measures: " +
      std::to_string(analysis.before_paths.path_count) +
      "; after measures: " + std::to_string(analysis.after_paths.path_count) +
      ". Each step is a capability the attacker gains, with the derived threats that give it "
      "(docs/attack-paths.md).");
  Table targets{{"Essential function", "Component", "Entry points", "Paths before measures",
                 "Paths after measures"},
                {}};
  const auto before_paths = PathsByFunction(model, analysis.before_paths);
  const auto after_paths = PathsByFunction(model, analysis.after_paths);
  for (uint32_t f = 0; f < model.system.essential_functions.size(); ++f) {
    const model::EssentialFunction& ef = model.system.essential_functions[f];
    const paths::FunctionPaths* b = before_paths[f];
    targets.rows.push_back({ef.id + " " + ef.name, ef.component,
                            b == nullptr ? "" : Join(EntryNames(b->entries), ", "), CountText(b),
                            CountText(after_paths[f])});
  }
  summary.AddTable(std::move(targets));
  AddPathsDfdFigure(analysis, DfdOptions{}, &summary);
  const std::string dot = PathsDot(analysis);
  // The paths drawn (HTML only), while the drawing stays readable.
  if (analysis.before_paths.path_count > 0 && std::count(dot.begin(), dot.end(), '\n') < 400) {
    const Result<std::string> svg = RenderDotSvg(dot);
    if (svg.ok()) {
      summary.Figure(
          "The most likely paths before measures: red edges are the minimal cut, dashed edges are "
          "removed by the measures.",
          svg.value());
    }
  }
  sections.push_back(std::move(summary));

  Section best{"paths-best", "Most likely paths before measures", {}};
  Table rows{{"Target", "Likelihood", "Path", "Threats"}, {}};
  for (const paths::FunctionPaths& f : analysis.before_paths.functions) {
    for (const paths::Path& p : f.best) {
      rows.rows.push_back({model.system.essential_functions[f.function].id,
                           LikelihoodName(model, p.likelihood), PathText(before, p),
                           Join(PathThreats(before, p), ", ")});
    }
  }
  if (rows.rows.empty()) {
    best.Paragraph("No entry point reaches an essential function.");
  } else {
    best.AddTable(std::move(rows));
  }
  sections.push_back(std::move(best));

  Section cuts{"paths-cuts", "Smallest sets of design changes that cut the paths", {}};
  Table cut_rows{{"Target", "Cost", "Changes", "Made by the measures"}, {}};
  const auto& before_cuts = analysis.before_paths.cuts;
  for (size_t i = 0; i < before_cuts.size(); ++i) {
    const paths::Cut& c = before_cuts[i];
    std::string made;
    if (i + 1 == before_cuts.size()) {
      const MeasuresByChange measures = MeasuresOfChanges(analysis);
      std::vector<std::string> parts;
      for (size_t j = 0; j < c.changes.size(); ++j) {
        const bool yes = j < analysis.made.size() && analysis.made[j];
        const std::vector<std::string> by =
            MeasuresFor(measures, c.changes[j].kind, c.changes[j].element);
        parts.push_back(paths::ChangeElement(model, c.changes[j].kind, c.changes[j].element) +
                        ": " +
                        (yes ? "yes" + (by.empty() ? "" : " (" + Join(by, ", ") + ")") : "no"));
      }
      made = Join(parts, "; ");
    }
    cut_rows.rows.push_back(
        {c.function == paths::kNone ? "all" : model.system.essential_functions[c.function].id,
         std::to_string(c.cost), CutText(model, c), made});
  }
  if (cut_rows.rows.empty()) {
    cuts.Paragraph("Nothing to cut: no path reaches an essential function.");
  } else {
    cuts.AddTable(std::move(cut_rows));
  }
  std::vector<std::string> redundant;
  for (const paths::MeasureEffect& m : analysis.measures) {
    if (m.redundant) redundant.push_back(m.measure->id);
  }
  if (!redundant.empty()) {
    cuts.Paragraph(
        "Measures that remove no step of any path (they may still serve confidentiality "
        "or availability): " +
        Join(redundant, ", ") + ".");
  }
  if (!analysis.after_paths.cuts.empty()) {
    cuts.Paragraph("After the measures, " + std::to_string(analysis.after_paths.path_count) +
                   " paths remain; cutting them takes: " +
                   CutText(model, analysis.after_paths.cuts.back()) + ".");
  }
  sections.push_back(std::move(cuts));

  sections.push_back(PathsReachSection(analysis));
  return sections;
}

Document PathsDocument(const paths::PathsAnalysis& analysis) {
  const model::SystemModel& model = analysis.before->model();
  Document document;
  document.title =
      "Attack paths: " + (model.system.name.empty() ? model.system.id : model.system.name);
  document.subtitle = "medtra paths, model " + model.content_hash.substr(0, 12);
  document.sections = PathsSections(analysis);
  return document;
}

std::string PathsDot(const paths::PathsAnalysis& analysis) {
  const AttackGraph& graph = *analysis.before;
  std::set<uint32_t> nodes;
  std::set<uint32_t> edges;
  for (const paths::FunctionPaths& f : analysis.before_paths.functions) {
    for (const paths::Path& p : f.best) {
      nodes.insert(p.entry);
      for (const uint32_t e : p.edges) {
        edges.insert(e);
        nodes.insert(graph.edges()[e].to);
      }
    }
  }
  std::unordered_set<uint32_t> cut;
  if (!analysis.before_paths.cuts.empty()) {
    for (const paths::CutChange& c : analysis.before_paths.cuts.back().changes) cut.insert(c.edge);
  }
  // Changes the measures make, by kind and element: their edges are dashed.
  std::set<std::pair<CutKind, uint32_t>> remaining;
  for (const paths::Edge& e : analysis.after->edges()) remaining.insert({e.cut, e.cut_element});
  std::string dot = "digraph paths {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  for (const uint32_t n : nodes) {
    const paths::NodeKind kind = graph.nodes()[n].kind;
    std::string style;
    if (kind == paths::NodeKind::kEntry)
      style = ", shape=ellipse, style=filled, fillcolor=\"#fde0dd\"";
    if (kind == paths::NodeKind::kFunction)
      style = ", shape=doubleoctagon, style=filled, fillcolor=\"#fee391\"";
    dot += "  " + QuoteDot(graph.NodeId(n)) + " [label=" + QuoteDot(graph.NodeText(n)) + style +
           "];\n";
  }
  for (const uint32_t e : edges) {
    const paths::Edge& edge = graph.edges()[e];
    std::string attributes;
    const std::vector<std::string> threats = EdgeThreats(graph, e);
    if (!threats.empty()) attributes += "label=" + QuoteDot(Join(threats, "\n")) + ", fontsize=8";
    if (edge.cut != CutKind::kStructural && !remaining.contains({edge.cut, edge.cut_element}))
      attributes += std::string(attributes.empty() ? "" : ", ") + "style=dashed";
    if (cut.contains(e))
      attributes += std::string(attributes.empty() ? "" : ", ") + "color=red, penwidth=2";
    dot += "  " + QuoteDot(graph.NodeId(edge.from)) + " -> " + QuoteDot(graph.NodeId(edge.to)) +
           (attributes.empty() ? "" : " [" + attributes + "]") + ";\n";
  }
  return dot + "}\n";
}

}  // namespace medtra::report
