// The attack paths of the three example systems: exact paths, counts, reach and cuts; removing a
// cut's changes leaves no path; the cut is the cheapest (checked by trying every subset); every
// threat an edge cites is one the rules derive.
#include "medtra/paths/paths.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "medtra/model/model_loader.h"
#include "medtra/paths/analyze_paths.h"
#include "medtra/rules/derive.h"
#include "medtra/rules/design_views.h"
#include "tests/testing/model_fixture.h"

namespace medtra::paths {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::unique_ptr<const model::SystemModel> LoadExample(const std::string& name) {
  RealFileSystem fs;
  DiagnosticSink sink;
  auto model =
      model::LoadModel(fs, std::string(MEDTRA_SOURCE_DIR) + "/examples/" + name, sink, nullptr);
  EXPECT_NE(model, nullptr) << RenderTextAll(sink, nullptr);
  return model;
}

std::vector<rules::Threat> Derive(const model::SystemModel& model) {
  return rules::DeriveThreats(model, rules::BuiltinCatalog(), {}, nullptr);
}

/// The node ids of a path's steps.
std::vector<std::string> Steps(const AttackGraph& graph, const Path& path) {
  std::vector<std::string> ids;
  for (const uint32_t e : path.edges) ids.push_back(graph.NodeId(graph.edges()[e].to));
  return ids;
}

/// "kind element" of each change of a cut.
std::vector<std::string> Changes(const model::SystemModel& model, const Cut& cut) {
  std::vector<std::string> out;
  for (const CutChange& c : cut.changes) {
    out.push_back(std::string(CutKindName(c.kind)) + " " + ChangeElement(model, c.kind, c.element));
  }
  return out;
}

std::vector<std::string> Entries(const AttackGraph& graph, const GraphPaths& paths) {
  std::vector<std::string> out;
  for (const uint32_t e : paths.entry_nodes) out.push_back(graph.NodeId(e));
  return out;
}

/// Applies a cut's changes to a copy of the model, as a designer would.
model::SystemModel Apply(const model::SystemModel& model, const Cut& cut) {
  model::SystemModel copy = model;
  for (const CutChange& c : cut.changes) {
    switch (c.kind) {
      case CutKind::kProtectFlow:
        copy.flows[c.element].authentication = "mac";
        copy.flows[c.element].integrity = "mac";
        copy.flows[c.element].freshness = "counter";
        break;
      case CutKind::kAuthorizeTherapy:
        copy.flows[c.element].authorization = "role-based";
        break;
      case CutKind::kSignUpdates:
        copy.components[c.element].update = "signed";
        break;
      case CutKind::kDisableDebugPort:
        copy.components[c.element].debug_port = "disabled";
        break;
      case CutKind::kUserCredentials:
        copy.components[c.element].credentials = "unique";
        break;
      case CutKind::kPerDeviceKeys:
        copy.components[c.element].keys = "per-device";
        break;
      case CutKind::kStructural:
        break;
    }
  }
  copy.BuildIndex();
  return copy;
}

/// The graph of a model's design before measures.
AttackGraph BuildBefore(const model::SystemModel& model) {
  const rules::ModelIndex index(model);
  const rules::DesignViews views(model, index);
  return AttackGraph::Build(views.Inherent());
}

/// Whether any entry point reaches any function without the edges in `removed`.
bool Reached(const AttackGraph& graph, const std::vector<char>& removed) {
  const std::vector<char> seen = ReachedFrom(graph, EntryNodes(), &removed);
  for (size_t f = 0; f < graph.model().system.essential_functions.size(); ++f) {
    if (seen[graph.FunctionNode(f)]) return true;
  }
  return false;
}

/// The cheapest set of changeable edges that disconnects every function, by trying every subset
/// (an oracle independent of the max-flow; only for graphs with few changeable edges).
int64_t BruteForceCutCost(const AttackGraph& graph) {
  std::vector<uint32_t> changeable;
  for (uint32_t e = 0; e < graph.edges().size(); ++e) {
    if (graph.edges()[e].cut != CutKind::kStructural) changeable.push_back(e);
  }
  EXPECT_LE(changeable.size(), 20u);
  int64_t best = -1;
  for (uint32_t mask = 0; mask < (1u << changeable.size()); ++mask) {
    const int64_t cost = __builtin_popcount(mask);
    if (best >= 0 && cost >= best) continue;
    std::vector<char> removed(graph.edges().size(), 0);
    for (size_t i = 0; i < changeable.size(); ++i) removed[changeable[i]] = (mask >> i) & 1;
    if (!Reached(graph, removed)) best = cost;
  }
  return best;
}

TEST(PathsIcdTest, RadioRangeReachesTherapyThroughTelemetryBeforeMeasuresAndNothingAfter) {
  const auto model = LoadExample("icd");
  const PathsAnalysis a = AnalyzePaths(*model, Derive(*model), {});
  const AttackGraph& g = *a.before;
  EXPECT_THAT(Entries(g, a.before_paths), ElementsAre("entry:radio"));
  ASSERT_EQ(a.before_paths.functions.size(), 1u);
  const FunctionPaths& therapy = a.before_paths.functions[0];
  EXPECT_EQ(model->system.essential_functions[therapy.function].id, "EF-therapy");
  EXPECT_EQ(therapy.count, 3u);
  EXPECT_TRUE(therapy.count_exact);
  ASSERT_EQ(therapy.best.size(), 3u);
  std::set<std::vector<std::string>> steps;
  for (const Path& p : therapy.best) steps.insert(Steps(g, p));
  EXPECT_THAT(steps,
              UnorderedElementsAre(ElementsAre("exposed:F-telemetry", "inject:F-telemetry",
                                               "deliver:icd:A-therapy", "function:EF-therapy"),
                                   ElementsAre("exposed:F-telemetry", "inject:F-telemetry",
                                               "deliver:icd:commands", "function:EF-therapy"),
                                   ElementsAre("exposed:F-telemetry", "inject:F-telemetry",
                                               "deliver:programmer:A-therapy",
                                               "deliver:icd:A-therapy", "function:EF-therapy")));
  // The injection step names the threats that allow it; the likelihood is the scale's top.
  const Path& first = therapy.best[0];
  std::vector<std::string> threats;
  for (const Reason& r : g.Reasons(g.edges()[first.edges[1]])) threats.push_back(g.ThreatId(r));
  EXPECT_THAT(threats, ElementsAre("comm-data-tampering@F-telemetry", "comm-replay@F-telemetry",
                                   "comm-static-identifier@F-telemetry",
                                   "comm-therapy-tampering@F-telemetry"));
  EXPECT_EQ(model->risk_method.likelihood[first.likelihood], "High");
  // The minimal cut is the telemetry's protection, which M-mac makes; M-encrypt cuts nothing.
  ASSERT_EQ(a.before_paths.cuts.size(), 1u);
  EXPECT_THAT(Changes(*model, a.before_paths.cuts[0]), ElementsAre("protect-flow F-telemetry"));
  EXPECT_EQ(a.before_paths.cuts[0].cost, 1);
  EXPECT_TRUE(a.before_paths.cuts[0].verified);
  EXPECT_THAT(a.made, ElementsAre(1));
  ASSERT_EQ(a.measures.size(), 2u);
  EXPECT_EQ(a.measures[0].measure->id, "M-encrypt");
  EXPECT_TRUE(a.measures[0].redundant);
  EXPECT_EQ(a.measures[1].measure->id, "M-mac");
  EXPECT_THAT(a.measures[1].closes,
              ElementsAre(std::make_pair(CutKind::kProtectFlow, uint32_t{0})));
  // After the measures: no path, nothing to cut.
  EXPECT_EQ(a.after_paths.path_count, 0u);
  EXPECT_THAT(a.after_paths.functions, IsEmpty());
  EXPECT_THAT(a.after_paths.cuts, IsEmpty());
}

TEST(PathsIcdTest, AStaticIdentifierReplacedByAMacAloneStillLeavesReplayAndTampering) {
  // Negative of the cut: authentication alone (no integrity, no freshness) does not cut the path.
  const auto loaded = LoadExample("icd");
  model::SystemModel model = *loaded;
  model.flows[0].authentication = "mac";
  model.BuildIndex();
  const GraphPaths p = AnalyzeGraph(BuildBefore(model), {});
  ASSERT_EQ(p.functions.size(), 1u);
  EXPECT_EQ(p.functions[0].count, 3u);
  model.flows[0].integrity = "mac";
  model.flows[0].freshness = "counter";
  model.BuildIndex();
  EXPECT_EQ(AnalyzeGraph(BuildBefore(model), {}).path_count, 0u);
}

TEST(PathsInsulinTest, InternetRadioAndSupplyChainReachTheDoseAndTheCutClosesThem) {
  const auto model = LoadExample("insulin-pump");
  const std::vector<rules::Threat> threats = Derive(*model);
  const PathsAnalysis a = AnalyzePaths(*model, threats, {});
  const AttackGraph& g = *a.before;
  EXPECT_THAT(Entries(g, a.before_paths),
              ElementsAre("entry:internet", "entry:radio", "entry:supply-chain"));
  ASSERT_EQ(a.before_paths.functions.size(), 1u);
  const FunctionPaths& insulin = a.before_paths.functions[0];
  EXPECT_EQ(model->system.essential_functions[insulin.function].id, "EF-insulin");
  EXPECT_THAT(insulin.entries,
              ElementsAre(EntryKind::kInternet, EntryKind::kRadio, EntryKind::kSupplyChain));
  // The cloud's default console password, its firmware through the app and the pump's unsigned
  // install: internet to therapy in six steps.
  PathOptions all;
  all.k = 1000;
  const GraphPaths every = AnalyzeGraph(g, all);
  std::set<std::vector<std::string>> steps;
  for (const Path& p : every.functions[0].best) steps.insert(Steps(g, p));
  EXPECT_TRUE(steps.contains({"login:cloud", "control:cloud", "deliver:app:A-pump-firmware",
                              "deliver:pump:A-pump-firmware", "install:pump", "code:pump",
                              "control:pump", "function:EF-insulin"}));
  EXPECT_TRUE(steps.contains({"install:pump", "code:pump", "control:pump", "function:EF-insulin"}));
  // The enumeration (k = 1000 keeps every path) agrees with the count.
  EXPECT_EQ(every.functions[0].best.size(), insulin.count);
  EXPECT_TRUE(insulin.count_exact);
  const Cut& cut = a.before_paths.cuts.back();
  EXPECT_THAT(Changes(*model, cut),
              ElementsAre("protect-flow F-pump", "sign-updates pump", "user-credentials cloud"));
  EXPECT_EQ(cut.cost, 3);
  EXPECT_EQ(cut.cost, BruteForceCutCost(g));
  EXPECT_TRUE(cut.verified);
  // Removing the cut's elements from the model leaves no path.
  EXPECT_EQ(AnalyzeGraph(BuildBefore(Apply(*model, cut)), {}).path_count, 0u);
  // M-ble-secure makes one of the three; after it the other two remain to be done.
  EXPECT_THAT(a.made, ElementsAre(1, 0, 0));
  EXPECT_GT(a.after_paths.path_count, 0u);
  EXPECT_THAT(Changes(*model, a.after_paths.cuts.back()),
              ElementsAre("sign-updates pump", "user-credentials cloud"));
}

TEST(PathsInsulinTest, TheCloudReachesThePumpSoMultiPatientHarmIsDerived) {
  const auto model = LoadExample("insulin-pump");
  const std::vector<rules::Threat> threats = Derive(*model);
  const PathsAnalysis a = AnalyzePaths(*model, threats, {});
  ASSERT_EQ(a.before_paths.reach.size(), 1u);
  const Reach& r = a.before_paths.reach[0];
  EXPECT_EQ(model->components[r.component].id, "cloud");
  ASSERT_EQ(r.functions.size(), 1u);
  EXPECT_EQ(model->system.essential_functions[r.functions[0]].id, "EF-insulin");
  ASSERT_EQ(r.patient_components.size(), 1u);
  EXPECT_EQ(model->components[r.patient_components[0]].id, "pump");
  EXPECT_THAT(r.reachable_from, ElementsAre(EntryKind::kInternet));
  const auto it = std::find_if(threats.begin(), threats.end(), [](const rules::Threat& t) {
    return t.id == "medical-multi-patient-harm@cloud";
  });
  ASSERT_NE(it, threats.end());
  EXPECT_EQ(it->status, rules::ThreatStatus::kOpen);  // the BLE measure does not cut the cloud
  // Flipped: a cloud whose link to the app carries nothing reaches no patient.
  model::SystemModel flipped = *model;
  for (model::Flow& f : flipped.flows) {
    if (f.id == "F-cloud") f.carries.clear();
  }
  flipped.BuildIndex();
  for (const rules::Threat& t : Derive(flipped)) EXPECT_NE(t.rule, "medical-multi-patient-harm");
}

bool SameReach(const Reach& a, const Reach& b) {
  return a.component == b.component && a.functions == b.functions &&
         a.patient_components == b.patient_components && a.reachable_from == b.reachable_from &&
         a.example == b.example;
}

TEST(PathsReachTest, TheReachesKeptWithTheGraphAreThoseOfEachComponentsOwnSearch) {
  // Every component of each example is made many-instance, so that every one is compared; the
  // cached reaches find the entry points by searching forward from each entry once, ReachOf
  // backward from each component.
  size_t reaching = 0;
  for (const char* name : {"icd", "insulin-pump", "infusion-fleet"}) {
    const auto loaded = LoadExample(name);
    ASSERT_NE(loaded, nullptr);
    model::SystemModel model = *loaded;
    for (model::Component& c : model.components) c.instances = "many";
    model.BuildIndex();
    const AttackGraph graph = BuildBefore(model);
    const std::vector<Reach>& reaches = ManyInstanceReaches(graph);
    ASSERT_EQ(reaches.size(), model.components.size()) << name;
    for (uint32_t c = 0; c < model.components.size(); ++c) {
      EXPECT_TRUE(SameReach(reaches[c], ReachOf(graph, c)))
          << name << " " << model.components[c].id;
      reaching += reaches[c].reachable_from.empty() ? 0 : 1;
    }
    EXPECT_EQ(&ManyInstanceReaches(graph), &reaches);  // worked out once
  }
  EXPECT_GT(reaching, 0u);  // some entry point reaches some component's control: not vacuous
}

TEST(PathsInfusionTest, TheHospitalNetworkReachesEveryPumpThroughTheLibraryServer) {
  const auto model = LoadExample("infusion-fleet");
  const std::vector<rules::Threat> threats = Derive(*model);
  const PathsAnalysis a = AnalyzePaths(*model, threats, {});
  const AttackGraph& g = *a.before;
  EXPECT_THAT(Entries(g, a.before_paths), ElementsAre("entry:hospital-network", "entry:radio"));
  ASSERT_EQ(a.before_paths.reach.size(), 1u);
  EXPECT_EQ(model->components[a.before_paths.reach[0].component].id, "library-server");
  EXPECT_EQ(a.before_paths.reach[0].patient_components.size(), 1u);
  const auto multi = std::find_if(threats.begin(), threats.end(), [](const rules::Threat& t) {
    return t.id == "medical-multi-patient-harm@library-server";
  });
  EXPECT_NE(multi, threats.end());
  const Cut& cut = a.before_paths.cuts.back();
  EXPECT_THAT(Changes(*model, cut), ElementsAre("protect-flow F-library", "protect-flow F-edit",
                                                "user-credentials library-server"));
  EXPECT_EQ(cut.cost, BruteForceCutCost(g));
  EXPECT_EQ(AnalyzeGraph(BuildBefore(Apply(*model, cut)), {}).path_count, 0u);
  EXPECT_THAT(a.made, ElementsAre(1, 0, 0));
  ASSERT_EQ(a.measures.size(), 1u);
  EXPECT_THAT(a.measures[0].closes,
              ElementsAre(std::make_pair(CutKind::kProtectFlow, uint32_t{0})));
}

/// A ward console that anyone can operate sends therapy commands that nothing authorises: either
/// change cuts the one path.
constexpr const char* kConsoleModel = R"(medtra: 1
system:
  id: s
  name: Ward
  intended_use: Infuse
  essential_functions: [{id: EF-1, name: Infuse, component: pump}]
  intended_environment: [{id: ENV-ward, name: Ward, setting: hospital, physical_access: public,
                          network: none, operated_by: clinician}]
components:
  - {id: pump, name: Pump, kind: infusion-pump, credentials: unique, update: signed,
     debug_port: none, keys: per-device}
  - {id: console, name: Console, kind: workstation, credentials: none, update: signed,
     debug_port: none, keys: per-device}
flows:
  - {id: F-1, between: [console, pump], medium: serial, therapy_commands: true,
     authentication: mac, integrity: mac, freshness: counter, confidentiality: encrypted,
     authorization: none}
)";

TEST(PathsCostTest, TheCheaperOfTwoChangesIsTheCut) {
  const testing::LoadedModel loaded = testing::LoadFromText(kConsoleModel);
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  const AttackGraph g = BuildBefore(*loaded.model);
  PathOptions options;
  const GraphPaths p = AnalyzeGraph(g, options);
  ASSERT_EQ(p.functions.size(), 1u);
  EXPECT_EQ(p.functions[0].count, 1u);
  EXPECT_THAT(
      Steps(g, p.functions[0].best[0]),
      ElementsAre("login:console", "control:console", "deliver:pump:commands", "function:EF-1"));
  options.costs[static_cast<size_t>(CutKind::kUserCredentials)] = 5;
  EXPECT_THAT(Changes(*loaded.model, MinimumCut(g, {g.FunctionNode(0)}, options)),
              ElementsAre("authorize-therapy F-1"));
  options.costs[static_cast<size_t>(CutKind::kUserCredentials)] = 1;
  options.costs[static_cast<size_t>(CutKind::kAuthorizeTherapy)] = 5;
  const Cut cut = MinimumCut(g, {g.FunctionNode(0)}, options);
  EXPECT_THAT(Changes(*loaded.model, cut), ElementsAre("user-credentials console"));
  EXPECT_EQ(cut.cost, 1);
  EXPECT_TRUE(cut.verified);
}

TEST(PathsCountTest, ALimitedEnumerationIsALowerBound) {
  const auto model = LoadExample("insulin-pump");
  PathOptions options;
  options.enumeration_limit = 5;
  const GraphPaths p = AnalyzeGraph(BuildBefore(*model), options);
  ASSERT_EQ(p.functions.size(), 1u);
  // The relays between app and pump form cycles, so the count comes from the enumeration.
  EXPECT_EQ(p.functions[0].count, 5u);
  EXPECT_FALSE(p.functions[0].count_exact);
  EXPECT_EQ(p.functions[0].best.size(), 3u);
}

TEST(PathsConsistencyTest, EveryThreatAnEdgeCitesIsDerivedByTheRules) {
  for (const std::string name : {"icd", "insulin-pump", "infusion-fleet"}) {
    const auto model = LoadExample(name);
    std::set<std::string> ids;
    for (const rules::Threat& t : Derive(*model)) ids.insert(t.id);
    const rules::ModelIndex index(*model);
    const rules::DesignViews views(*model, index);
    for (const rules::RuleContext& view : {views.Inherent(), views.Residual()}) {
      const AttackGraph g = AttackGraph::Build(view);
      size_t cited = 0;
      for (const Edge& e : g.edges()) {
        for (const Reason& r : g.Reasons(e)) {
          EXPECT_TRUE(ids.contains(g.ThreatId(r))) << name << ": " << g.ThreatId(r);
          ++cited;
        }
      }
      if (!view.residual()) {
        EXPECT_GT(cited, 0u) << name;
      }
    }
  }
}

}  // namespace
}  // namespace medtra::paths
