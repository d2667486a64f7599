// The DFD of the case study: zones as clusters, the radio link coloured by its open jamming threat.
#include "medtra/report/dfd.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"

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
