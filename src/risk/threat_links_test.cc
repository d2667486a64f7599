// Tests of LinkThreats: `threats:` links and patterns, decisions, proposals, unassessed threats.
#include "medtra/risk/threat_links.h"

#include <gtest/gtest.h>

#include "medtra/rules/derive.h"
#include "medtra/rules/rule_catalog.h"
#include "tests/testing/model_fixture.h"

namespace medtra::risk {
namespace {

using testing::LoadFromText;
using testing::MinimalModel;

struct Linked {
  testing::LoadedModel loaded;
  std::vector<rules::Threat> threats;
  ThreatLinks links;
  std::vector<Diagnostic> findings;

  const rules::Threat* Find(std::string_view id) const {
    for (const rules::Threat& t : threats) {
      if (t.id == id) return &t;
    }
    return nullptr;
  }
  std::vector<const Diagnostic*> WithCode(std::string_view code) const {
    std::vector<const Diagnostic*> out;
    for (const Diagnostic& d : findings) {
      if (d.code == code) out.push_back(&d);
    }
    return out;
  }
};

Linked Link(const std::string& extra) {
  Linked l;
  l.loaded = LoadFromText(MinimalModel() + extra);
  EXPECT_TRUE(l.loaded.model) << l.loaded.diagnostics;
  if (!l.loaded.model) return l;
  const rules::RuleCatalog catalog = rules::BuiltinCatalog();
  l.threats = rules::DeriveThreats(*l.loaded.model, catalog, {}, nullptr);
  l.links = LinkThreats(*l.loaded.model, l.threats, &l.findings);
  return l;
}

constexpr const char* kRisk = R"(risks:
  - id: "1"
    asset: A-data
    threat: T
    vulnerability: V
    breach: confidentiality
    likelihood: Medium
    impact: Medium
    measures: [M-1]
    residual: {likelihood: Low, impact: Medium}
)";

TEST(LinkThreatsTest, AnIdLinksOneThreatAPatternLinksEveryMatch) {
  const Linked l =
      Link(std::string(kRisk) + "    threats: [comm-cleartext-phi@F-1, 'comm-*@F-1']\n");
  ASSERT_EQ(l.links.threats_of_risk.size(), 1u);
  size_t comm_on_f1 = 0;
  for (uint32_t i = 0; i < l.threats.size(); ++i) {
    const rules::Threat& t = l.threats[i];
    const bool matches =
        t.id.rfind("comm-", 0) == 0 && t.id.size() > 5 && t.id.substr(t.id.size() - 4) == "@F-1";
    comm_on_f1 += matches;
    EXPECT_EQ(t.risk, matches ? "1" : "") << t.id;
  }
  EXPECT_GE(comm_on_f1, 3u);
  EXPECT_EQ(l.links.threats_of_risk[0].size(), comm_on_f1);
  EXPECT_TRUE(l.WithCode("risk-threat-unmatched").empty());
}

TEST(LinkThreatsTest, ALinkThatMatchesNoThreatIsAWarningWithDidYouMean) {
  const Linked l = Link(std::string(kRisk) + "    threats: [comm-cleartext-phi@F-2]\n");
  const auto unmatched = l.WithCode("risk-threat-unmatched");
  ASSERT_EQ(unmatched.size(), 1u);
  EXPECT_EQ(unmatched[0]->severity, Severity::kWarning);
  EXPECT_EQ(unmatched[0]->message,
            "risk '1' names threat 'comm-cleartext-phi@F-2', which the rules do not derive (did "
            "you mean 'comm-cleartext-phi@F-1'?)");
  EXPECT_EQ(unmatched[0]->location, (SourceLocation{"m.yaml", 32, 15}));
}

TEST(LinkThreatsTest, WithoutRisksEveryThreatOpenBeforeMeasuresIsUnassessed) {
  const Linked l = Link("");
  size_t open_before = 0;
  for (const rules::Threat& t : l.threats) open_before += t.inherent == rules::ThreatStatus::kOpen;
  ASSERT_GT(open_before, 0u);
  const auto unassessed = l.WithCode("threat-unassessed");
  EXPECT_EQ(unassessed.size(), open_before);
  const rules::Threat* phi = l.Find("comm-cleartext-phi@F-1");
  ASSERT_NE(phi, nullptr);
  bool found = false;
  for (const Diagnostic* d : unassessed) {
    if (d->message.find("'comm-cleartext-phi@F-1'") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(d->severity, Severity::kWarning);
    EXPECT_EQ(d->location, phi->location);
    EXPECT_EQ(d->message,
              "threat 'comm-cleartext-phi@F-1' (" + phi->title +
                  ") is open before measures and no risk assesses it: link it to a risk "
                  "('threats:') or decide it (accepted, transferred or not-applicable, with a "
                  "rationale)");
  }
  EXPECT_TRUE(found);
  EXPECT_TRUE(l.links.proposals.empty());
}

TEST(LinkThreatsTest, UnlinkedThreatsOnTheRisksAssetWithItsBreachAreProposed) {
  const Linked l = Link(kRisk);
  const rules::Threat* phi = l.Find("comm-cleartext-phi@F-1");
  ASSERT_NE(phi, nullptr);
  const uint32_t index = static_cast<uint32_t>(phi - l.threats.data());
  const ThreatProposal* proposal = l.links.ProposalFor(index);
  ASSERT_NE(proposal, nullptr);
  EXPECT_EQ(proposal->risks, std::vector<std::string>{"1"});
  // Replay on the same flow threatens integrity: not proposed for a confidentiality risk.
  const rules::Threat* tampering = l.Find("comm-replay@F-1");
  ASSERT_NE(tampering, nullptr);
  EXPECT_EQ(l.links.ProposalFor(static_cast<uint32_t>(tampering - l.threats.data())), nullptr);
  bool said = false;
  for (const Diagnostic* d : l.WithCode("threat-unassessed")) {
    said |= d->message.find("'comm-cleartext-phi@F-1'") != std::string::npos &&
            d->message.ends_with("; proposed: risk '1'");
  }
  EXPECT_TRUE(said);
}

TEST(LinkThreatsTest, AnAcceptedDecisionWithARationaleAssessesAThreat) {
  const Linked l = Link(R"(threat_decisions:
  - {threat: comm-replay@F-1, decision: accepted, rationale: Replayed readings are discarded}
)");
  for (const Diagnostic* d : l.WithCode("threat-unassessed")) {
    EXPECT_EQ(d->message.find("'comm-replay@F-1'"), std::string::npos) << d->message;
  }
  const rules::Threat* t = l.Find("comm-replay@F-1");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(IsDecided(*t));
}

TEST(LinkThreatsTest, ADerivedLikelihoodThatDiffersFromTheRisksIsAWarningShowingBoth) {
  // Eavesdropping on BLE at home is derived High; the risk estimates Medium.
  const Linked l = Link(std::string(kRisk) + "    threats: [comm-cleartext-phi@F-1]\n");
  const auto differs = l.WithCode("threat-likelihood-differs");
  ASSERT_EQ(differs.size(), 1u);
  EXPECT_EQ(differs[0]->severity, Severity::kWarning);
  EXPECT_EQ(differs[0]->message,
            "threat 'comm-cleartext-phi@F-1' is derived with likelihood 'High' in its "
            "environment; risk '1' estimates 'Medium'");
  EXPECT_EQ(differs[0]->location, (SourceLocation{"m.yaml", 32, 15}));
  // The same estimate on both sides: no finding.
  const Linked same = Link(std::string(kRisk).replace(std::string(kRisk).find("likelihood: Medium"),
                                                      18, "likelihood: High") +
                           "    threats: [comm-cleartext-phi@F-1]\n");
  EXPECT_TRUE(same.WithCode("threat-likelihood-differs").empty());
}

TEST(BreachOfTest, StrideCategoriesMapToTheBreachTheyThreaten) {
  EXPECT_EQ(BreachOf("Information disclosure"), "confidentiality");
  EXPECT_EQ(BreachOf("Denial of service"), "availability");
  EXPECT_EQ(BreachOf("Tampering"), "integrity");
  EXPECT_EQ(BreachOf("Spoofing"), "integrity");
  EXPECT_EQ(BreachOf("Elevation of privilege"), "integrity");
  EXPECT_EQ(BreachOf("Repudiation"), "integrity");
}

}  // namespace
}  // namespace medtra::risk
