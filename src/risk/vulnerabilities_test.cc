// Tests of the vulnerabilities section: CVSS vectors, rubric answers, likelihood mapping, and the
// loader's located errors.
#include "medtra/risk/vulnerabilities.h"

#include <gtest/gtest.h>

#include "tests/testing/model_fixture.h"

namespace medtra::risk {
namespace {

struct Scored {
  testing::LoadedModel loaded;
  std::vector<ScoredVulnerability> vulnerabilities;
  std::vector<Diagnostic> findings;
  std::string errors;
};

Scored Score(const std::string& yaml) {
  Scored s;
  s.loaded = testing::LoadFromText(testing::MinimalModel() + R"(risks:
  - {id: "1", asset: A-dose, threat: T, vulnerability: V, breach: integrity, harm: patient,
     safety: {hazard: H-1}, likelihood: Medium, impact: High}
)" + yaml);
  // The loader validates the section: its errors are the input errors.
  s.errors = s.loaded.diagnostics;
  if (s.loaded.model) s.vulnerabilities = ScoreVulnerabilities(*s.loaded.model, &s.findings);
  return s;
}

TEST(VulnerabilitiesTest, VectorIsScoredAndMappedToLikelihood) {
  const Scored s = Score(R"(vulnerabilities:
  - {id: V-2, title: Cleartext telemetry, cwe: [CWE-319], affects: [F-1], risk: "1",
     cvss: "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", rationale: Radio range only}
)");
  ASSERT_EQ(s.errors, "");
  ASSERT_EQ(s.vulnerabilities.size(), 1u);
  const ScoredVulnerability& v = s.vulnerabilities[0];
  EXPECT_EQ(v.source, "vector");
  EXPECT_EQ(v.version, "3.1");
  EXPECT_EQ(v.score, "5.3");
  EXPECT_EQ(v.severity, "Medium");
  EXPECT_EQ(v.likelihood, "Medium");  // exploitability 8.22 x 0.62 x 0.44 x 0.85 x 0.85
  EXPECT_NEAR(v.likelihood_value, 1.620146, 1e-6);
  EXPECT_EQ(v.rationale, std::vector<std::string>{"Radio range only"});
  EXPECT_TRUE(s.findings.empty());
}

TEST(VulnerabilitiesTest, LikelihoodDifferingFromTheRiskIsAWarning) {
  const Scored s = Score(R"(vulnerabilities:
  - {id: V-3, title: Open debug port, affects: [pump], risk: "1",
     cvss: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}
)");
  ASSERT_EQ(s.errors, "");
  ASSERT_EQ(s.vulnerabilities.size(), 1u);
  EXPECT_EQ(s.vulnerabilities[0].score, "9.3");
  EXPECT_EQ(s.vulnerabilities[0].likelihood, "High");
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].message,
            "vulnerability 'V-3' (CVSS 9.3) suggests likelihood 'High' but risk '1' estimates "
            "'Medium'");
}

TEST(VulnerabilitiesTest, MalformedVectorIsALocatedInputError) {
  const Scored s = Score(R"(vulnerabilities:
  - id: V-4
    title: Bad
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L"
)");
  EXPECT_EQ(s.errors,
            "m.yaml:28:11: error: malformed CVSS vector "
            "'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L': duplicate metric 'AV' "
            "[cvss-vector]\n");
  EXPECT_TRUE(s.vulnerabilities.empty());
}

TEST(VulnerabilitiesTest, NeedsExactlyOneSourceAndKnownReferences) {
  const Scored s = Score(R"(vulnerabilities:
  - {id: V-5, title: Neither, affects: [pmup], risk: "9"}
)");
  EXPECT_EQ(s.errors,
            "m.yaml:26:5: error: vulnerability 'V-5' needs either 'cvss' (a vector) or 'rubric' "
            "(answers) [cvss-source]\n"
            "m.yaml:26:40: error: unknown component or flow 'pmup' [unknown-reference]\n"
            "m.yaml:26:54: error: unknown risk '9' [unknown-reference]\n");
}

TEST(VulnerabilitiesTest, RubricAnswersGiveTheVectorAndRationale) {
  const Scored s = Score(R"(vulnerabilities:
  - id: V-6
    title: Spoofed commands
    rubric: {XAVN: YES, XAVT: NO, XAVW: YES, XAVR: YES, XACL: YES, XPRL: NO, XUI: NO, XS: NO,
             XCP: NO, XIP: NONE, XAP: NONE, XCD: NONE, XID: NONE, XAD: NONE, XCT: NONE,
             XIT: HIGH, XAT: HIGH, XCW: NONE, XIW: NONE, XAW: NONE, XCS: NONE, XIS: NONE,
             XAS: NONE, XCO: NONE, XIO: NONE, XAO: NONE}
)");
  ASSERT_EQ(s.errors, "");
  ASSERT_EQ(s.vulnerabilities.size(), 1u);
  EXPECT_EQ(s.vulnerabilities[0].source, "rubric");
  EXPECT_EQ(s.vulnerabilities[0].vector, "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H");
  EXPECT_EQ(s.vulnerabilities[0].likelihood, "Medium");  // exploitability 2.51
  ASSERT_FALSE(s.vulnerabilities[0].rationale.empty());
  EXPECT_EQ(s.vulnerabilities[0].rationale[3].substr(0, 13), "AV Q4 (XAVR) ");
  EXPECT_NE(s.vulnerabilities[0].rationale[3].find("YES -> AV:L"), std::string::npos);
}

TEST(VulnerabilitiesTest, CustomBandsMapToTheModelScale) {
  const Scored s = Score(R"(cvss_likelihood:
  cvss31: [{minimum: 0, level: Low}, {minimum: 1.0, level: High}]
vulnerabilities:
  - {id: V-7, title: X, cvss: "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"}
)");
  ASSERT_EQ(s.errors, "");
  EXPECT_EQ(s.vulnerabilities[0].likelihood, "High");
}

TEST(VulnerabilitiesTest, BandLevelsMustBeOnTheScale) {
  const Scored s = Score(R"(cvss_likelihood:
  cvss31: [{minimum: 0, level: Rare}]
vulnerabilities: []
)");
  EXPECT_EQ(s.errors,
            "m.yaml:26:32: error: unknown value 'Rare' for 'level'; expected one of: Low, Medium, "
            "High [unknown-value]\n");
}

}  // namespace
}  // namespace medtra::risk
