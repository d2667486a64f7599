// CSV injection: cells a spreadsheet would run as formulas are neutralised in every CSV we write.
#include <gtest/gtest.h>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/report/document.h"
#include "medtra/report/trace_render.h"

namespace medtra::report {
namespace {

// Every text a user writes starts a formula: =, +, -, @, tab and carriage return (OWASP).
constexpr char kModel[] = R"yaml(medtra: 1
system:
  id: pump-system
  name: Pump
  intended_use: Deliver insulin.
  essential_functions: [{id: EF-dose, name: Deliver dose, component: pump}]
  intended_environment: [{id: ENV-home, name: Home use}]
zones: [{id: Z-body, name: Body, kind: body}, {id: Z-home, name: Home, kind: home}]
components:
  - {id: pump, name: Pump, kind: implant, zone: Z-body}
  - {id: app, name: App, kind: mobile-app, zone: Z-home}
assets: [{id: A-dose, name: "+Dose", kind: function, protect: [integrity]}]
flows:
  - {id: F-ble, between: [app, pump], medium: ble, carries: [A-dose], authentication: none,
     confidentiality: none, integrity: none, freshness: none}
risks:
  - id: "=1+1"
    asset: A-dose
    threat: "-2+3+cmd|' /C calc'!A0"
    vulnerability: "\tHYPERLINK(\"http://x\")"
    breach: integrity
    likelihood: Medium
    impact: High
    impact_description: "\rDDE"
    measures: ["+M-sum"]
measures:
  - {id: "+M-sum", name: "@SUM(A1)", kind: technical, provides: {flow: F-ble, integrity: mac}}
requirements:
  - {id: "-REQ-1", text: Frames carry a MAC., category: [authentication], measures: ["+M-sum"],
     design: [F-ble], verified_by: ["test:=Suite.Case"]}
)yaml";

class CsvInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MemoryFileSystem fs;
    fs.AddFile("m/system.yaml", kModel);
    DiagnosticSink sink;
    model_ = model::LoadModel(fs, "m", sink, nullptr);
    ASSERT_NE(model_, nullptr) << RenderTextAll(sink, nullptr);
    analysis_ = analysis::Analyze(*model_, {});
  }
  std::unique_ptr<const model::SystemModel> model_;
  analysis::Analysis analysis_;
};

TEST_F(CsvInjectionTest, RiskRegisterNeutralisesFormulas) {
  EXPECT_EQ(RenderCsv(analysis_),
            "risk_id,asset,asset_name,threat,vulnerability,threat_event,breach,likelihood,impact,"
            "impact_description,level,acceptable,measures,measure_names,residual_likelihood,"
            "residual_impact,residual_level,residual_acceptable,blocked_by,safety_related,hazard,"
            "data_breach\r\n"
            "\"'=1+1\",A-dose,\"'+Dose\",\"'-2+3+cmd|' /C calc'!A0\","
            "\"'\tHYPERLINK(\"\"http://x\"\")\",,integrity,Medium,High,\"'\rDDE\",High,no,"
            "\"'+M-sum\",\"'@SUM(A1)\",,,High,no,residual level 'High' is not acceptable under "
            "the risk method: reduce the risk; measure '+M-sum' is unverified,no,,no\r\n");
}

TEST_F(CsvInjectionTest, TraceMatrixNeutralisesFormulas) {
  EXPECT_EQ(RenderTraceCsv(analysis_.trace),
            "risk,level,measure,kind,requirement,categories,design,verification,status\r\n"
            "\"'=1+1\",High,\"'+M-sum\",technical,\"'-REQ-1\",authentication,F-ble,"
            "test:=Suite.Case=missing,missing\r\n");
}

TEST_F(CsvInjectionTest, AnalyzeWritesTheSameBytesAsTheRenderers) {
  EXPECT_EQ(RenderFormat("csv", analysis_), RenderCsv(analysis_));
  EXPECT_EQ(RenderFormat("trace.csv", analysis_), RenderTraceCsv(analysis_.trace));
}

}  // namespace
}  // namespace medtra::report
