// The DFD of the case study: zones as clusters, the radio link coloured by its open jamming threat.
#include "medtra/report/dfd.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/report/document.h"

namespace medtra::report {
namespace {

using ::testing::HasSubstr;

class DfdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RealFileSystem fs;
    DiagnosticSink sink;
    model_ = model::LoadModel(fs, std::string(MEDTRA_SOURCE_DIR) + "/examples/icd", sink, nullptr);
    ASSERT_NE(model_, nullptr);
    analysis_ = analysis::Analyze(*model_, {});
  }
  std::unique_ptr<const model::SystemModel> model_;
  analysis::Analysis analysis_;
};

TEST_F(DfdTest, DotHasZoneClustersAndColoursFlowsByWorstOpenThreat) {
  const std::string dot = RenderDfdDot(analysis_);
  EXPECT_THAT(dot, HasSubstr("subgraph \"cluster_Z-body\" {\n    label=\"Patient body [body]\";"));
  EXPECT_THAT(dot, HasSubstr("\"icd\" [label=\"Implantable defibrillator\\n(implant)\"];"));
  // The one open threat on F-telemetry (jamming, risk 3) has likelihood High wherever the
  // patient goes (ENV-patient): red.
  EXPECT_THAT(dot, HasSubstr("\"programmer\" -> \"icd\" [label=\"F-telemetry (rf)\\n1 open\", "
                             "color=\"#c62828\""));
}

TEST_F(DfdTest, TheWriterDrawsEachElementsStyleAndTheExtras) {
  DfdStyle style;
  style.graph_name = "x";
  style.component_ids = true;
  style.flows.push_back({.color = "red", .penwidth = "3", .style = "dashed", .extra_lines = {"a"}});
  style.components.push_back({.color = "blue", .fillcolor = "#fff", .extra_lines = {"b", "c"}});
  style.nodes.push_back({.id = "entry-radio", .label = "radio", .attributes = "shape=ellipse"});
  style.edges.push_back({.id = "e-1", .from = "entry-radio", .to = "icd", .label = "F"});
  const std::string dot = WriteDfdDot(*model_, style);
  EXPECT_TRUE(dot.starts_with("digraph x {\n"));
  EXPECT_THAT(dot, HasSubstr("\"icd\" [label=\"Implantable defibrillator\\n(implant)\\nb\\nc\", "
                             "color=\"blue\", fillcolor=\"#fff\", id=\"component-icd\"];"));
  EXPECT_THAT(dot, HasSubstr("\"programmer\" [label=\"Programmer\\n(programmer)\", "
                             "id=\"component-programmer\"];"));
  EXPECT_THAT(dot, HasSubstr("\"programmer\" -> \"icd\" [label=\"F-telemetry (rf)\\na\", "
                             "color=\"red\", fontcolor=\"red\", penwidth=3, style=\"dashed\", "
                             "id=\"flow-F-telemetry\"];"));
  EXPECT_THAT(dot, HasSubstr("  \"entry-radio\" [label=\"radio\", shape=ellipse, "
                             "id=\"entry-radio\"];\n"));
  EXPECT_THAT(dot, HasSubstr("  \"entry-radio\" -> \"icd\" [label=\"F\", id=\"e-1\"];\n}\n"));
}

TEST_F(DfdTest, TheHtmlReportDrawsThePathsOnTheDfdInThePathsSummary) {
  const std::string html = RenderHtml(BuildReport(analysis_));
  const size_t start = html.find("<section id=\"paths-summary\">");
  ASSERT_NE(start, std::string::npos);
  const std::string section = html.substr(start, html.find("</section>", start) - start);
  const size_t figure = section.find("The most likely attack paths before measures on the");
  ASSERT_NE(figure, std::string::npos);
  const size_t svg = section.find("<svg");
  ASSERT_NE(svg, std::string::npos);
  EXPECT_LT(svg, figure);  // the picture, then its caption
  EXPECT_THAT(section.substr(svg), HasSubstr("id=\"entry&#45;radio\""));  // SVG escapes -
  EXPECT_THAT(section.substr(svg), HasSubstr("id=\"flow&#45;F&#45;telemetry\""));
}

TEST_F(DfdTest, SvgIsLaidOutByGraphviz) {
  const Result<std::string> svg = RenderDfdSvg(analysis_);
  ASSERT_TRUE(svg.ok()) << svg.message();
  EXPECT_TRUE(svg->starts_with("<svg"));
  EXPECT_THAT(*svg, HasSubstr("Patient body [body]"));
  EXPECT_THAT(*svg, HasSubstr("#c62828"));
}

TEST_F(DfdTest, SvgRefusesHugeModels) {
  const Result<std::string> svg = RenderDfdSvg(analysis_, DfdOptions{.max_elements = 2});
  EXPECT_FALSE(svg.ok());
}

}  // namespace
}  // namespace medtra::report
