// Tests of DecideRisks: each condition of an acceptable residual risk, flipped one at a time.
#include "medtra/verdict/verdict.h"

#include <gtest/gtest.h>

#include "medtra/risk/evaluate.h"
#include "medtra/rules/derive.h"
#include "medtra/rules/rule_catalog.h"
#include "tests/testing/model_fixture.h"

namespace medtra::verdict {
namespace {

struct Decided {
  testing::LoadedModel loaded;
  std::vector<RiskVerdict> verdicts;
  std::vector<Diagnostic> findings;
};

Decided Decide(const std::string& risks_yaml, const std::vector<MeasureStatus>& measures) {
  Decided d;
  d.loaded = testing::LoadFromText(testing::MinimalModel() + risks_yaml);
  EXPECT_TRUE(d.loaded.model) << d.loaded.diagnostics;
  if (!d.loaded.model) return d;
  const model::SystemModel& model = *d.loaded.model;
  std::vector<Diagnostic> ignored;
  const std::vector<risk::RiskResult> risks = risk::EvaluateRisks(model, &ignored);
  std::vector<rules::Threat> threats =
      rules::DeriveThreats(model, rules::BuiltinCatalog(), {}, nullptr);
  const risk::ThreatLinks links = risk::LinkThreats(model, threats, &ignored);
  d.verdicts = DecideRisks(risks, measures, threats, links, &d.findings);
  return d;
}

std::string Risk(const std::string& residual, const std::string& threats = "") {
  return R"(risks:
  - id: "1"
    asset: A-data
    threat: T
    vulnerability: V
    breach: confidentiality
    likelihood: Medium
    impact: Medium
    measures: [M-1]
    residual: )" +
         residual + "\n" + (threats.empty() ? "" : "    threats: [" + threats + "]\n");
}

const std::vector<MeasureStatus> kVerified = {{"M-1", "verified", "sim:eavesdrop verified"}};

TEST(DecideRisksTest, AcceptableWhenLevelMeasuresAndThreatsAllAllowItAndSaysWhy) {
  const Decided d =
      Decide(Risk("{likelihood: Low, impact: Medium}", "comm-cleartext-phi@F-1"), kVerified);
  ASSERT_EQ(d.verdicts.size(), 1u);
  EXPECT_TRUE(d.verdicts[0].acceptable);
  EXPECT_TRUE(d.verdicts[0].blocked_by.empty());
  EXPECT_EQ(d.verdicts[0].because,
            (std::vector<std::string>{"residual level 'Low' is acceptable under the risk method",
                                      "measure 'M-1' is verified (sim:eavesdrop verified)",
                                      "1 linked threat: 1 mitigated, 0 decided"}));
  EXPECT_TRUE(d.findings.empty());
}

class MeasureStatusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MeasureStatusTest, AMeasureThatIsNotVerifiedBlocksTheRisk) {
  const std::string status = GetParam();
  const Decided d = Decide(Risk("{likelihood: Low, impact: Medium}"),
                           {{"M-1", status, "sim:eavesdrop " + status}});
  ASSERT_EQ(d.verdicts.size(), 1u);
  EXPECT_FALSE(d.verdicts[0].acceptable);
  ASSERT_EQ(d.verdicts[0].blocked_by.size(), 1u);
  const Reason& r = d.verdicts[0].blocked_by[0];
  EXPECT_EQ(r.kind, "measure");
  EXPECT_EQ(r.id, "M-1");
  EXPECT_EQ(r.status, status);
  EXPECT_EQ(r.message, "measure 'M-1' is " + status + " (sim:eavesdrop " + status + ")");
  EXPECT_TRUE(d.verdicts[0].because.empty());
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].code, "risk-not-acceptable");
  EXPECT_EQ(d.findings[0].severity, Severity::kError);
  EXPECT_EQ(d.findings[0].message,
            "risk '1': residual risk 'Low' is not acceptable: measure 'M-1' is " + status +
                " (sim:eavesdrop " + status + ")");
}

INSTANTIATE_TEST_SUITE_P(Statuses, MeasureStatusTest,
                         ::testing::Values("failed", "missing", "stale", "unverified"));

TEST(DecideRisksTest, AMeasureWithNoStatusAtAllIsUnverified) {
  const Decided d = Decide(Risk("{likelihood: Low, impact: Medium}"), {});
  ASSERT_EQ(d.verdicts[0].blocked_by.size(), 1u);
  EXPECT_EQ(d.verdicts[0].blocked_by[0].message, "measure 'M-1' is unverified");
}

TEST(DecideRisksTest, AUserMeasureThatNeedsNoVerificationDoesNotBlock) {
  const Decided d =
      Decide(Risk("{likelihood: Low, impact: Medium}"), {{"M-1", "not-applicable", ""}});
  EXPECT_TRUE(d.verdicts[0].acceptable);
}

TEST(DecideRisksTest, ALinkedThreatStillOpenAfterMeasuresBlocksTheRisk) {
  // M-1 provides confidentiality only: replay stays open.
  const Decided d = Decide(Risk("{likelihood: Low, impact: Medium}", "comm-replay@F-1"), kVerified);
  EXPECT_FALSE(d.verdicts[0].acceptable);
  ASSERT_EQ(d.verdicts[0].blocked_by.size(), 1u);
  EXPECT_EQ(d.verdicts[0].blocked_by[0].kind, "threat");
  EXPECT_EQ(d.verdicts[0].blocked_by[0].id, "comm-replay@F-1");
  EXPECT_EQ(d.verdicts[0].blocked_by[0].message,
            "threat 'comm-replay@F-1' is still open after the measures and carries no decision");
}

TEST(DecideRisksTest, AnOpenThreatOfARiskThatClaimsNoReductionIsJudgedAtTheRisksLevel) {
  // No measures and the residual level as before: the risk is accepted at its level (Low),
  // with the replay threat open.
  const Decided d = Decide(R"(risks:
  - id: "1"
    asset: A-data
    threat: T
    vulnerability: V
    breach: integrity
    likelihood: Low
    impact: Medium
    threats: [comm-replay@F-1]
)",
                           {});
  EXPECT_TRUE(d.verdicts[0].acceptable);
  EXPECT_EQ(d.verdicts[0].because,
            (std::vector<std::string>{
                "residual level 'Low' is acceptable under the risk method",
                "threat 'comm-replay@F-1' is open: the risk claims no reduction by measures and "
                "is judged at its own level",
                "1 linked threat: 0 mitigated, 0 decided"}));
}

TEST(DecideRisksTest, ADecisionOnTheOpenThreatLiftsTheBlock) {
  const Decided d = Decide(Risk("{likelihood: Low, impact: Medium}", "comm-replay@F-1") + R"(
threat_decisions:
  - {threat: comm-replay@F-1, decision: accepted, rationale: Replayed readings are discarded}
)",
                           kVerified);
  EXPECT_TRUE(d.verdicts[0].acceptable);
  EXPECT_EQ(d.verdicts[0].because.back(), "1 linked threat: 0 mitigated, 1 decided");
}

TEST(DecideRisksTest, ALevelThatAsksForAJustificationNeedsOne) {
  const Decided without = Decide(Risk("{likelihood: Low, impact: High}"), kVerified);
  EXPECT_FALSE(without.verdicts[0].acceptable);
  ASSERT_EQ(without.verdicts[0].blocked_by.size(), 1u);
  EXPECT_EQ(without.verdicts[0].blocked_by[0].kind, "justification");
  EXPECT_EQ(without.verdicts[0].blocked_by[0].message,
            "residual level 'Medium' is acceptable only with a recorded justification (reduced "
            "as far as possible, benefit weighed): add 'residual: {justification: ...}'");

  const Decided with = Decide(
      Risk("{likelihood: Low, impact: High, justification: Benefit outweighs it}"), kVerified);
  EXPECT_TRUE(with.verdicts[0].acceptable);
  EXPECT_EQ(with.verdicts[0].because.front(),
            "residual level 'Medium' is acceptable under the risk method, with the recorded "
            "justification");
  ASSERT_EQ(with.findings.size(), 1u);
  EXPECT_EQ(with.findings[0].code, "risk-accepted-with-justification");
  EXPECT_EQ(with.findings[0].severity, Severity::kNote);
}

TEST(DecideRisksTest, ALevelThatIsNotAcceptableBlocksEvenWithAJustification) {
  const Decided d =
      Decide(Risk("{likelihood: Medium, impact: High, justification: We like it}"), kVerified);
  EXPECT_FALSE(d.verdicts[0].acceptable);
  ASSERT_EQ(d.verdicts[0].blocked_by.size(), 1u);
  EXPECT_EQ(d.verdicts[0].blocked_by[0].kind, "level");
  EXPECT_EQ(d.verdicts[0].blocked_by[0].message,
            "residual level 'High' is not acceptable under the risk method: reduce the risk");
}

TEST(DecideRisksTest, EveryReasonIsListed) {
  const Decided d = Decide(Risk("{likelihood: Medium, impact: High}", "comm-replay@F-1"),
                           {{"M-1", "failed", "sim:eavesdrop failed"}});
  ASSERT_EQ(d.verdicts[0].blocked_by.size(), 3u);
  EXPECT_EQ(d.verdicts[0].blocked_by[0].kind, "level");
  EXPECT_EQ(d.verdicts[0].blocked_by[1].kind, "measure");
  EXPECT_EQ(d.verdicts[0].blocked_by[2].kind, "threat");
}

}  // namespace
}  // namespace medtra::verdict
