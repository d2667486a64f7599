// Tests of the risk engine: levels, residual risk, acceptability and the findings it raises.
#include "medtra/risk/evaluate.h"

#include <gtest/gtest.h>

#include "tests/testing/model_fixture.h"

namespace medtra::risk {
namespace {

using testing::LoadFromText;
using testing::MinimalModel;

struct Evaluated {
  testing::LoadedModel loaded;
  std::vector<risk::RiskResult> risks;
  std::vector<Diagnostic> findings;
};

Evaluated Evaluate(const std::string& risks_yaml) {
  Evaluated e;
  e.loaded = LoadFromText(MinimalModel() + risks_yaml);
  EXPECT_TRUE(e.loaded.model) << e.loaded.diagnostics;
  if (e.loaded.model) e.risks = EvaluateRisks(*e.loaded.model, &e.findings);
  return e;
}

std::vector<std::string> Codes(const std::vector<Diagnostic>& findings) {
  std::vector<std::string> codes;
  for (const auto& f : findings) codes.push_back(f.code);
  return codes;
}

TEST(RiskMethodTest, DefaultMatrixLevels) {
  const model::RiskMethod m = model::RiskMethod::Default();
  EXPECT_EQ(m.levels[static_cast<size_t>(m.LevelOf("Low", "Low"))].name, "Low");
  EXPECT_EQ(m.levels[static_cast<size_t>(m.LevelOf("Low", "High"))].name, "Medium");
  EXPECT_EQ(m.levels[static_cast<size_t>(m.LevelOf("Medium", "Medium"))].name, "Medium");
  EXPECT_EQ(m.levels[static_cast<size_t>(m.LevelOf("Medium", "High"))].name, "High");
  EXPECT_EQ(m.levels[static_cast<size_t>(m.LevelOf("High", "Low"))].name, "Medium");
  EXPECT_EQ(m.LevelOf("Rare", "Low"), -1);
}

TEST(EvaluateRisksTest, LevelsBeforeAndAfterMeasures) {
  const Evaluated e = Evaluate(R"(risks:
  - {id: "1", asset: A-data, threat: T, vulnerability: V, breach: confidentiality,
     likelihood: Medium, impact: Medium, measures: [M-1], residual: {likelihood: Low, impact: Medium}}
)");
  ASSERT_EQ(e.risks.size(), 1u);
  EXPECT_EQ(e.risks[0].asset_name, "Glucose data");
  EXPECT_EQ(e.risks[0].level, "Medium");
  EXPECT_TRUE(e.risks[0].acceptable);
  EXPECT_EQ(e.risks[0].residual_level, "Low");
  EXPECT_TRUE(e.risks[0].residual_level_acceptable);
  EXPECT_TRUE(e.risks[0].data_breach);
  EXPECT_FALSE(e.risks[0].safety_related);
  EXPECT_EQ(Codes(e.findings), std::vector<std::string>{"data-breach"});
  EXPECT_EQ(e.findings[0].message,
            "risk '1': a confidentiality breach of personal health data is a reportable personal "
            "data breach (GDPR articles 33 and 34)");
  EXPECT_EQ(e.findings[0].location, (SourceLocation{"m.yaml", 23, 5}));
}

TEST(EvaluateRisksTest, ResidualLevelAndWhetherItAsksForAJustification) {
  const Evaluated e = Evaluate(R"(risks:
  - {id: "2", asset: A-dose, threat: T, vulnerability: V, breach: integrity, harm: patient,
     safety: {hazard: H-1}, likelihood: High, impact: High,
     measures: [M-1], residual: {likelihood: Medium, impact: High}}
  - {id: "3", asset: A-dose, threat: T, vulnerability: V, breach: integrity, harm: patient,
     safety: {hazard: H-1}, likelihood: High, impact: High,
     measures: [M-1], residual: {likelihood: Low, impact: High}}
)");
  ASSERT_EQ(e.risks.size(), 2u);
  EXPECT_EQ(e.risks[0].level, "High");
  EXPECT_EQ(e.risks[0].residual_level, "High");
  EXPECT_FALSE(e.risks[0].residual_level_acceptable);
  EXPECT_FALSE(e.risks[0].residual_needs_justification);
  EXPECT_TRUE(e.risks[0].safety_related);
  EXPECT_EQ(e.risks[1].residual_level, "Medium");
  EXPECT_TRUE(e.risks[1].residual_level_acceptable);
  EXPECT_TRUE(e.risks[1].residual_needs_justification);
  EXPECT_TRUE(e.findings.empty());
}

TEST(EvaluateRisksTest, PatientHarmWithoutHazardIsAnError) {
  const Evaluated e = Evaluate(R"(risks:
  - {id: "5", asset: A-dose, threat: T, vulnerability: V, breach: integrity, harm: patient,
     likelihood: Low, impact: Low}
)");
  ASSERT_EQ(Codes(e.findings), std::vector<std::string>{"safety-no-hazard"});
  EXPECT_EQ(e.findings[0].message,
            "risk '5' can harm the patient but links to no ISO 14971 hazard (add 'safety: "
            "{hazard: ...}')");
}

TEST(EvaluateRisksTest, MeasuresWithoutResidualWarn) {
  const Evaluated e = Evaluate(R"(risks:
  - {id: "6", asset: A-dose, threat: T, vulnerability: V, breach: availability, harm: none,
     likelihood: Low, impact: Low, measures: [M-1]}
)");
  EXPECT_EQ(Codes(e.findings), std::vector<std::string>{"risk-no-residual"});
}

TEST(EvaluateRisksTest, CustomMethodDecidesAcceptability) {
  const Evaluated e = Evaluate(R"(risk_method:
  likelihood: [Rare, Likely]
  impact: [Minor, Severe]
  levels: [{name: Accept, acceptable: true}, {name: Reject, acceptable: false}]
  matrix:
    - [Accept, Accept]
    - [Accept, Reject]
risks:
  - {id: "7", asset: A-dose, threat: T, vulnerability: V, breach: availability, harm: none,
     likelihood: Likely, impact: Severe, measures: [M-1], residual: {likelihood: Rare, impact: Severe}}
)");
  ASSERT_EQ(e.risks.size(), 1u);
  EXPECT_EQ(e.risks[0].level, "Reject");
  EXPECT_FALSE(e.risks[0].acceptable);
  EXPECT_EQ(e.risks[0].residual_level, "Accept");
  EXPECT_TRUE(e.findings.empty());
}

TEST(EvaluateMeasuresTest, RisksOfEachMeasure) {
  const testing::LoadedModel loaded = LoadFromText(MinimalModel());
  ASSERT_TRUE(loaded.model) << loaded.diagnostics;
  std::vector<Diagnostic> findings;
  const auto results = EvaluateMeasures(*loaded.model, &findings);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].measure->id, "M-1");
  EXPECT_TRUE(results[0].verifications.empty());  // verify::VerifyMeasures fills them
  EXPECT_TRUE(findings.empty());
}

TEST(EvaluateMeasuresTest, EssentialFunctionImpact) {
  const testing::LoadedModel loaded = LoadFromText(
      MinimalModel() +
      R"(  - {id: M-2, name: Lockout, kind: technical, essential_function_impact: blocks,
     verified_by: [test:Lockout]}
  - {id: M-3, name: Filter, kind: technical, verified_by: [test:Filter]}
  - {id: M-4, name: Keep the phone locked, kind: user}
)");
  ASSERT_TRUE(loaded.model) << loaded.diagnostics;
  std::vector<Diagnostic> findings;
  EvaluateMeasures(*loaded.model, &findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].code, "measure-impairs-essential-function");
  EXPECT_EQ(findings[0].message,
            "measure 'M-2' blocks an essential function; security measures must not interfere "
            "with the essential functions");
  EXPECT_EQ(findings[1].code, "measure-essential-function");
  EXPECT_EQ(findings[1].severity, Severity::kWarning);
}

TEST(EvaluateRisksTest, AnEnvironmentsImpactLimitCapsTheImpactTheLevelsUse) {
  const Evaluated e = Evaluate(R"(risk_method:
  likelihood: [Low, Medium, High]
  impact: [Low, Medium, High]
  levels:
    - {name: Low, acceptable: true}
    - {name: Medium, acceptable: true}
    - {name: High, acceptable: false}
  matrix: [[Low, Low, Medium], [Low, Medium, High], [Medium, High, High]]
  environment_limits:
    - {environment: ENV-home, max_impact: Medium, reason: A home pump doses one patient only}
risks:
  - {id: "1", asset: A-dose, threat: T, vulnerability: V, breach: integrity, harm: patient,
     safety: {hazard: H-1}, likelihood: Medium, impact: High,
     measures: [M-1], residual: {likelihood: Low, impact: High}}
)");
  ASSERT_EQ(e.risks.size(), 1u);
  EXPECT_EQ(e.risks[0].effective_impact, "Medium");
  EXPECT_EQ(e.risks[0].effective_residual_impact, "Medium");
  EXPECT_EQ(e.risks[0].level, "Medium");
  EXPECT_EQ(e.risks[0].residual_level, "Low");
  EXPECT_EQ(e.risks[0].impact_limit.rfind("impact limited to 'Medium': ", 0), 0u)
      << e.risks[0].impact_limit;
  ASSERT_EQ(Codes(e.findings), std::vector<std::string>{"risk-impact-limited"});
  EXPECT_EQ(e.findings[0].severity, Severity::kNote);
}

TEST(EvaluateRisksTest, WithoutLimitsTheStatedImpactIsUsed) {
  const Evaluated e = Evaluate(R"(risks:
  - {id: "1", asset: A-dose, threat: T, vulnerability: V, breach: integrity, harm: patient,
     safety: {hazard: H-1}, likelihood: Medium, impact: High}
)");
  EXPECT_EQ(e.risks[0].effective_impact, "High");
  EXPECT_EQ(e.risks[0].level, "High");
  EXPECT_TRUE(e.risks[0].impact_limit.empty());
}

}  // namespace
}  // namespace medtra::risk
