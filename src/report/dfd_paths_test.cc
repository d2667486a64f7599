// The attack paths and the multi-patient reach on the data-flow diagram, on the three examples:
// what is drawn red is exactly what the paths JSON says the best paths cross (computed from the
// JSON, not from the drawing's code); the DFD itself is all there, in grey; a model without paths
// gets no overlay and a sentence instead.
#include "medtra/report/dfd_paths.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "medtra/model/model_loader.h"
#include "medtra/report/paths_render.h"
#include "medtra/rules/derive.h"

namespace medtra::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::unique_ptr<model::SystemModel> LoadExample(const std::string& name) {
  RealFileSystem fs;
  DiagnosticSink sink;
  auto model =
      model::LoadModel(fs, std::string(MEDTRA_SOURCE_DIR) + "/examples/" + name, sink, nullptr);
  EXPECT_NE(model, nullptr);
  auto copy = std::make_unique<model::SystemModel>(*model);
  copy->BuildIndex();  // the index of the loaded model points into it
  return copy;
}

paths::PathsAnalysis Analyze(const model::SystemModel& model) {
  return paths::AnalyzePaths(model,
                             rules::DeriveThreats(model, rules::BuiltinCatalog(), {}, nullptr), {});
}

/// Each statement of a DOT text that has an id="...", by that id; "" when one id is used twice.
std::map<std::string, std::string> ById(const std::string& dot) {
  std::map<std::string, std::string> out;
  size_t at = 0;
  while (at < dot.size()) {
    const size_t end = dot.find(";\n", at);
    std::string line = dot.substr(at, end - at);
    at = end == std::string::npos ? dot.size() : end + 2;
    // Labels hold "\\n" escaped: a real line break only ends a cluster's or graph's header.
    if (const size_t nl = line.rfind('\n'); nl != std::string::npos) line = line.substr(nl + 1);
    const size_t id = line.rfind(" id=\"");
    if (id == std::string::npos) continue;
    const std::string name = line.substr(id + 5, line.find('"', id + 5) - id - 5);
    out[name] = out.contains(name) ? "" : line;
  }
  return out;
}

/// The ids with `prefix` whose statement holds `text`, without the prefix.
std::set<std::string> With(const std::map<std::string, std::string>& by_id,
                           const std::string& prefix, const std::string& text) {
  std::set<std::string> out;
  for (const auto& [id, line] : by_id) {
    if (id.starts_with(prefix) && line.find(text) != std::string::npos)
      out.insert(id.substr(prefix.size()));
  }
  return out;
}

constexpr std::string_view kRed = "color=\"#c62828\"";

struct Expected {
  std::set<std::string> flows;    ///< flows of the best paths' exposed/inject steps
  std::set<std::string> entries;  ///< entry points of the best paths
  std::vector<std::pair<std::string, std::string>> cut;  ///< (kind, element)
};

Expected FromJson(const paths::PathsAnalysis& analysis) {
  const nlohmann::ordered_json j = PathsJson(analysis, {}, {});
  Expected e;
  for (const auto& p : j["paths"]) {
    e.entries.insert(p["entry"].get<std::string>());
    for (const auto& s : p["steps"]) {
      const std::string node = s["node"];
      for (const std::string kind : {"exposed:", "inject:"}) {
        if (node.starts_with(kind)) e.flows.insert(node.substr(kind.size()));
      }
    }
  }
  if (!j["cuts"].empty()) {
    for (const auto& c : j["cuts"].back()["changes"]) e.cut.emplace_back(c["kind"], c["element"]);
  }
  return e;
}

/// Checks the paths overlay of one example against its paths JSON.
void CheckPathsOverlay(const std::string& example) {
  SCOPED_TRACE(example);
  const auto model = LoadExample(example);
  const paths::PathsAnalysis analysis = Analyze(*model);
  const std::string dot = PathsDfdDot(analysis);
  const std::map<std::string, std::string> by_id = ById(dot);
  const Expected expected = FromJson(analysis);
  ASSERT_FALSE(expected.flows.empty());
  // The neutral DFD: every component and flow once (an id used twice maps to "").
  for (const model::Component& c : model->components)
    EXPECT_THAT(by_id.at("component-" + c.id), HasSubstr("[label=")) << c.id;
  for (const model::Flow& f : model->flows)
    EXPECT_THAT(by_id.at("flow-" + f.id), HasSubstr("[label=")) << f.id;
  EXPECT_EQ(With(by_id, "flow-", std::string(kRed)), expected.flows);
  // A flow that only relays the attack between two components joins two components on the paths.
  const std::set<std::string> relays = With(by_id, "flow-", "color=\"#e57373\"");
  const std::set<std::string> on_path = With(by_id, "component-", std::string(kRed));
  for (const std::string& f : relays) {
    EXPECT_TRUE(on_path.contains(model->FindFlow(f)->from)) << f;
    EXPECT_TRUE(on_path.contains(model->FindFlow(f)->to)) << f;
  }
  // The rest of the DFD is grey.
  EXPECT_EQ(With(by_id, "flow-", "color=\"#9e9e9e\"").size(),
            model->flows.size() - expected.flows.size() - relays.size());
  // Entry nodes are exactly the entries of the best paths.
  std::set<std::string> entries = With(by_id, "entry-", "shape=ellipse");
  EXPECT_EQ(entries, expected.entries);
  // Every change of the minimal cut is marked on its element.
  for (const auto& [kind, element] : expected.cut) {
    const std::string prefix = by_id.contains("flow-" + element) ? "flow-" : "component-";
    EXPECT_THAT(by_id.at(prefix + element), HasSubstr("\\ncut: " + kind)) << element;
  }
  // Deterministic.
  EXPECT_EQ(PathsDfdDot(analysis), dot);
}

TEST(PathsDfdTest, IcdRadioReachesTherapyThroughTelemetry) {
  const auto model = LoadExample("icd");
  const paths::PathsAnalysis analysis = Analyze(*model);
  const std::map<std::string, std::string> by_id = ById(PathsDfdDot(analysis));
  // Three paths cross the telemetry; its protection is the cut, and M-mac makes it (dashed).
  EXPECT_EQ(by_id.at("flow-F-telemetry"),
            "  \"programmer\" -> \"icd\" [label=\"F-telemetry (rf)\\n3 paths\\ncut: "
            "protect-flow\", color=\"#c62828\", fontcolor=\"#c62828\", penwidth=4, "
            "style=\"dashed\", id=\"flow-F-telemetry\"]");
  EXPECT_THAT(by_id.at("component-icd"), HasSubstr("\\n3 paths\\ntarget: EF-therapy\""));
  EXPECT_THAT(by_id.at("component-icd"), HasSubstr("fillcolor=\"#fee391\""));
  EXPECT_THAT(by_id.at("entry-radio"), HasSubstr("shape=ellipse"));
  EXPECT_EQ(by_id.at("entry-radio-exposed-F-telemetry"),
            "  \"entry-radio\" -> \"icd\" [label=\"F-telemetry\", color=\"#c62828\", "
            "fontcolor=\"#c62828\", style=dashed, penwidth=4, "
            "id=\"entry-radio-exposed-F-telemetry\"]");
  CheckPathsOverlay("icd");
}

TEST(PathsDfdTest, InsulinPumpOverlayIsWhatThePathsCross) { CheckPathsOverlay("insulin-pump"); }

TEST(PathsDfdTest, InfusionFleetOverlayIsWhatThePathsCross) { CheckPathsOverlay("infusion-fleet"); }

TEST(PathsDfdTest, AModelWithoutPathsGetsNoOverlayAndASentence) {
  auto model = LoadExample("icd");
  // Flipped: the telemetry protected as the cut says leaves no path.
  for (model::Flow& f : model->flows) {
    f.authentication = "mac";
    f.integrity = "mac";
    f.freshness = "counter";
  }
  model->BuildIndex();
  const paths::PathsAnalysis analysis = Analyze(*model);
  ASSERT_EQ(analysis.before_paths.path_count, 0u);
  const std::string dot = PathsDfdDot(analysis);
  EXPECT_THAT(dot, Not(HasSubstr("#c62828")));
  EXPECT_THAT(dot, Not(HasSubstr("entry-")));
  EXPECT_THAT(dot, Not(HasSubstr("target:")));
  Section section{"s", "S", {}};
  AddPathsDfdFigure(analysis, {}, &section);
  ASSERT_EQ(section.blocks.size(), 1u);
  EXPECT_EQ(section.blocks[0].kind, Block::Kind::kParagraph);
  EXPECT_THAT(section.blocks[0].text, HasSubstr("No attack path reaches an essential function"));
}

TEST(PathsDfdTest, PathsSummaryHasTheDfdFigureBeforeTheAttackGraph) {
  const auto model = LoadExample("icd");
  const paths::PathsAnalysis analysis = Analyze(*model);
  const Section summary = PathsSections(analysis)[0];
  ASSERT_EQ(summary.id, "paths-summary");
  std::vector<std::string> figures;
  for (const Block& b : summary.blocks) {
    if (b.kind == Block::Kind::kFigure) figures.push_back(b.text.substr(0, 30));
  }
  EXPECT_THAT(figures,
              ElementsAre("The most likely attack paths b", "The most likely paths before m"));
  EXPECT_THAT(summary.blocks[2].svg, HasSubstr("id=\"entry&#45;radio\""));
  // Too large a model: a sentence instead of the figure.
  Section small{"s", "S", {}};
  AddPathsDfdFigure(analysis, DfdOptions{.max_elements = 2}, &small);
  ASSERT_EQ(small.blocks.size(), 1u);
  EXPECT_THAT(small.blocks[0].text, HasSubstr("more than 2 elements"));
}

/// The flows drawn in `colour` connect `from` to `to` in the DFD.
bool Connected(const model::SystemModel& model, const std::map<std::string, std::string>& by_id,
               const std::string& from, const std::string& to) {
  std::set<std::string> seen{from};
  for (bool grew = true; grew;) {
    grew = false;
    for (const model::Flow& f : model.flows) {
      if (by_id.at("flow-" + f.id).find("#6a1b9a") == std::string::npos) continue;
      for (const auto& [a, b] : {std::pair{f.from, f.to}, std::pair{f.to, f.from}}) {
        if (seen.contains(a) && seen.insert(b).second) grew = true;
      }
    }
  }
  return seen.contains(to);
}

void CheckReachOverlay(const std::string& example) {
  SCOPED_TRACE(example);
  const auto model = LoadExample(example);
  const paths::PathsAnalysis analysis = Analyze(*model);
  const std::map<std::string, std::string> by_id = ById(ReachDfdDot(analysis));
  const nlohmann::ordered_json j = PathsJson(analysis, {}, {});
  ASSERT_FALSE(j["reach"].empty());
  std::set<std::string> reached;
  for (const auto& r : j["reach"]) {
    const std::string c = r["component"];
    EXPECT_THAT(by_id.at("component-" + c), HasSubstr("many instances: reaches"));
    for (const auto& p : r["patient_components"]) {
      reached.insert(p.get<std::string>());
      EXPECT_THAT(by_id.at("component-" + p.get<std::string>()), HasSubstr("reached from: "));
      EXPECT_TRUE(Connected(*model, by_id, c, p)) << c << " -> " << p;
    }
    for (const auto& e : r["reachable_from"])
      EXPECT_TRUE(by_id.contains("entry-" + e.get<std::string>() + "-control-" + c));
  }
  EXPECT_EQ(With(by_id, "component-", "reached from: "), reached);
}

TEST(ReachDfdTest, InsulinPumpCloudReachesThePump) {
  CheckReachOverlay("insulin-pump");
  const auto model = LoadExample("insulin-pump");
  const std::map<std::string, std::string> by_id = ById(ReachDfdDot(Analyze(*model)));
  EXPECT_THAT(by_id.at("component-pump"), HasSubstr("\\nreached from: cloud\""));
}

TEST(ReachDfdTest, InfusionFleetServerReachesThePumps) { CheckReachOverlay("infusion-fleet"); }

TEST(ReachDfdTest, IcdHasNoManyInstanceComponentAndNoFigure) {
  const auto model = LoadExample("icd");
  const paths::PathsAnalysis analysis = Analyze(*model);
  EXPECT_THAT(analysis.before_paths.reach, IsEmpty());
  EXPECT_THAT(ReachDfdDot(analysis), Not(HasSubstr("#6a1b9a")));
  Section section{"s", "S", {}};
  AddReachDfdFigure(analysis, {}, &section);
  EXPECT_THAT(section.blocks, IsEmpty());
}

}  // namespace
}  // namespace medtra::report
