// Threat decisions and user rules on the case study, loaded from an in-memory model folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "medtra/model/model_loader.h"
#include "medtra/rules/derive.h"

namespace medtra::rules {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string ReadIcd(const std::string& name) {
  std::ifstream in(std::string(MEDTRA_SOURCE_DIR) + "/examples/icd/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class DecisionsTest : public ::testing::Test {
 protected:
  /// Derives the ICD's threats with `decisions` as a third model file.
  std::vector<Threat> Derive(const std::string& decisions) {
    fs_.AddFile("icd/system.yaml", ReadIcd("system.yaml"));
    fs_.AddFile("icd/risks.yaml", ReadIcd("risks.yaml"));
    fs_.AddFile("icd/zz-decisions.yaml", decisions);
    model_ = model::LoadModel(fs_, "icd", load_, nullptr);
    if (model_ == nullptr) return {};
    return DeriveThreats(*model_, catalog_, {}, &findings_);
  }

  const Threat& Get(const std::vector<Threat>& threats, const std::string& id) {
    for (const Threat& t : threats) {
      if (t.id == id) return t;
    }
    ADD_FAILURE() << "no threat " << id;
    return threats.front();
  }

  /// The loader's diagnostics (bad decisions are input errors), then the derivation's findings.
  std::vector<std::string> Messages() {
    std::vector<std::string> out;
    std::vector<Diagnostic> all = load_.diagnostics();
    all.insert(all.end(), findings_.diagnostics().begin(), findings_.diagnostics().end());
    for (const Diagnostic& d : all) {
      std::string text = RenderText(d, nullptr);
      if (!text.empty() && text.back() == '\n') text.pop_back();
      out.push_back(text);
    }
    return out;
  }

  MemoryFileSystem fs_;
  DiagnosticSink load_;
  RuleCatalog catalog_ = BuiltinCatalog();
  DiagnosticSink findings_;
  std::unique_ptr<const model::SystemModel> model_;
};

TEST_F(DecisionsTest, AcceptedJammingKeepsItsRationaleAndLinksTheRiskKeepingItsOwnLikelihood) {
  const auto threats = Derive(
      "threat_decisions:\n"
      "  - threat: comm-jamming@F-telemetry\n"
      "    decision: accepted\n"
      "    rationale: Therapy runs on the implant without the link.\n"
      "    risk: \"2\"\n");
  const Threat& t = Get(threats, "comm-jamming@F-telemetry");
  EXPECT_EQ(t.status, ThreatStatus::kAccepted);
  EXPECT_EQ(t.inherent, ThreatStatus::kOpen);
  EXPECT_EQ(t.rationale, "Therapy runs on the implant without the link.");
  EXPECT_EQ(t.risk, "2");
  // The derived likelihood stays: the risk's estimate is compared with it (risk::LinkThreats),
  // not copied over it.
  EXPECT_EQ(t.likelihood, "High");
  EXPECT_THAT(Messages(), IsEmpty());
}

TEST_F(DecisionsTest, MappingFormAndMitigatedByAUserMeasure) {
  const auto threats = Derive(
      "threat_decisions:\n"
      "  device-no-user-authentication@programmer:\n"
      "    decision: mitigated\n"
      "    measures: [M-programmer-custody]\n");
  const Threat& t = Get(threats, "device-no-user-authentication@programmer");
  EXPECT_EQ(t.status, ThreatStatus::kMitigated);
  EXPECT_THAT(t.measures, ElementsAre("M-programmer-custody"));
}

TEST_F(DecisionsTest, DecisionForAThreatNoLongerDerivedIsALocatedFinding) {
  Derive(
      "threat_decisions:\n"
      "  - threat: comm-jamming@F-telemtry\n"
      "    decision: not-applicable\n"
      "    justification: The link is wired.\n");
  EXPECT_THAT(Messages(),
              ElementsAre("icd/zz-decisions.yaml:2:13: warning: decision for threat "
                          "'comm-jamming@F-telemtry', which the rules no longer derive (did you "
                          "mean 'comm-jamming@F-telemetry'?) [stale-threat-decision]"));
}

TEST_F(DecisionsTest, BadDecisionsAreLocatedErrors) {
  const auto threats = Derive(
      "threat_decisions:\n"
      "  - threat: comm-jamming@F-telemetry\n"
      "    decision: accepted\n"
      "  - threat: comm-replay@F-telemetry\n"
      "    decision: mitigated\n"
      "    measures: [M-mack]\n"
      "  - threat: comm-replay@F-telemetry\n"
      "    decision: acepted\n"
      "    risk: \"7\"\n");
  EXPECT_THAT(
      Messages(),
      ElementsAre(
          "icd/zz-decisions.yaml:3:15: error: decision 'accepted' needs a rationale "
          "[threat-decision]",
          "icd/zz-decisions.yaml:6:16: error: unknown measure 'M-mack' (did you mean 'M-mac'?) "
          "[unknown-reference]",
          HasSubstr("icd/zz-decisions.yaml:8:15: error: unknown value 'acepted' for 'decision' "
                    "(did you mean 'accepted'?)"),
          HasSubstr("icd/zz-decisions.yaml:9:11: error: unknown risk '7'")));
  EXPECT_EQ(model_, nullptr);  // the loader rejects the model: nothing is derived
  EXPECT_THAT(threats, IsEmpty());
}

TEST(UserRules, LoadedFromAFolderAndEvaluatedLikeBuiltIns) {
  MemoryFileSystem fs;
  fs.AddFile("icd/system.yaml", ReadIcd("system.yaml"));
  fs.AddFile("icd/risks.yaml", ReadIcd("risks.yaml"));
  fs.AddFile("icd/rules/local.yaml",
             "rules:\n"
             "  - id: local-implant-rf-phi\n"
             "    title: Patient data on an implant radio link\n"
             "    element: flow\n"
             "    when:\n"
             "      medium: [rf, mics]\n"
             "      to.kind: implant\n"
             "      confidentiality: {not: [encrypted]}\n"
             "      carries.personal_health_data: true\n"
             "    stride: [Information disclosure]\n"
             "    cwe: [CWE-319]\n"
             "    exposure: proximity\n");
  DiagnosticSink sink;
  const auto model = model::LoadModel(fs, "icd", sink, nullptr);
  ASSERT_NE(model, nullptr) << RenderTextAll(sink, nullptr);
  RuleCatalog catalog = BuiltinCatalog();
  EXPECT_EQ(DefaultUserRulesDir(fs, "icd"), "icd/rules");
  ASSERT_TRUE(LoadUserRules(fs, "icd/rules", false, catalog, sink, nullptr))
      << RenderTextAll(sink, nullptr);
  DeriveOptions options;
  options.explain = true;
  const auto threats = DeriveThreats(*model, catalog, options, nullptr);
  const auto it = std::find_if(threats.begin(), threats.end(), [](const Threat& t) {
    return t.id == "local-implant-rf-phi@F-telemetry";
  });
  ASSERT_NE(it, threats.end());
  EXPECT_EQ(it->title, "Patient data on an implant radio link on F-telemetry");
  EXPECT_EQ(it->inherent, ThreatStatus::kOpen);
  EXPECT_EQ(it->status, ThreatStatus::kMitigated);
  EXPECT_THAT(it->measures, ElementsAre("M-encrypt"));
}

/// Each diagnostic as one line of text, without the newline.
std::vector<std::string> Messages(const DiagnosticSink& sink) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : sink.diagnostics()) {
    std::string text = RenderText(d, nullptr);
    text.pop_back();
    messages.push_back(text);
  }
  return messages;
}

TEST(UserRules, InvalidRulesAreLocatedErrors) {
  MemoryFileSystem fs;
  fs.AddFile("rules/bad.yaml",
             "rules:\n"
             "  - id: Bad_Rule\n"
             "    title: x\n"
             "    when: {medum: rf}\n"
             "    stride: [Spoofng]\n"
             "    capec: [157]\n");
  RuleCatalog catalog;
  DiagnosticSink sink;
  EXPECT_FALSE(LoadUserRules(fs, "rules", false, catalog, sink, nullptr));
  EXPECT_THAT(Messages(sink),
              ElementsAre("rules/bad.yaml:2:9: error: a rule id is kebab-case (a-z, 0-9, '-'), "
                          "found 'Bad_Rule' [user-rule]",
                          HasSubstr("rules/bad.yaml:5:14: error: unknown value 'Spoofng' in "
                                    "'stride' (did you mean 'Spoofing'?)"),
                          "rules/bad.yaml:6:12: error: '157' is not a CAPEC-<number> id "
                          "[user-rule]",
                          "rules/bad.yaml:4:12: error: unknown flow attribute 'medum' (did you "
                          "mean 'medium'?) [user-rule]"));
  EXPECT_EQ(catalog.size(), 0u);
}

TEST(UserRules, Emb3dIdsAreCitedOrAMalformedOneIsALocatedError) {
  const std::string rule =
      "rules:\n"
      "  - id: local-rf-auth\n"
      "    title: x\n"
      "    when: {medium: rf}\n"
      "    stride: [Spoofing]\n"
      "    cwe: [CWE-306]\n";
  MemoryFileSystem fs;
  fs.AddFile("good/r.yaml", rule + "    emb3d: [TID-310, TID-406]\n");
  fs.AddFile("bad/r.yaml", rule + "    emb3d: [TID-406, TID-4060, T-1]\n");
  RuleCatalog catalog;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadUserRules(fs, "good", false, catalog, sink, nullptr));
  const ThreatRule* good = catalog.Find("local-rf-auth");
  ASSERT_NE(good, nullptr);
  EXPECT_THAT(good->Info().emb3d, ElementsAre("TID-310", "TID-406"));
  RuleCatalog bad_catalog;
  EXPECT_FALSE(LoadUserRules(fs, "bad", false, bad_catalog, sink, nullptr));
  EXPECT_THAT(Messages(sink),
              ElementsAre("bad/r.yaml:7:12: error: 'TID-4060' is not a TID-NNN id [user-rule]",
                          "bad/r.yaml:7:12: error: 'T-1' is not a TID-NNN id [user-rule]"));
  EXPECT_EQ(bad_catalog.size(), 0u);
}

}  // namespace
}  // namespace medtra::rules
