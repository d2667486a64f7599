// The `software` and `vex` sections: paths resolved, references and vocabularies checked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/model_fixture.h"

namespace medtra::model {
namespace {

using ::testing::HasSubstr;
using testing::LoadFromText;
using testing::MinimalModel;

constexpr const char* kRisk = R"(risks:
  - {id: R-1, asset: A-dose, threat: Dose changed, vulnerability: No auth, breach: integrity,
     harm: patient, likelihood: High, impact: High, impact_description: Overdose}
)";

TEST(SoftwareSection, BindsSbomsToComponentsAndResolvesPaths) {
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + kRisk + R"(software:
  sboms:
    - {file: sbom/app.cdx.json, component: app, risk: R-1, environmental: "MAV:A/IR:H"}
  advisories: osv
  kev: kev.json
)");
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  ASSERT_TRUE(loaded.model->software.has_value());
  const SoftwareSection& s = *loaded.model->software;
  ASSERT_EQ(s.sboms.size(), 1u);
  EXPECT_EQ(s.sboms[0].file, "sbom/app.cdx.json");  // m.yaml has no folder
  EXPECT_EQ(s.sboms[0].component, "app");
  EXPECT_EQ(s.sboms[0].risk, "R-1");
  EXPECT_EQ(s.sboms[0].environmental, "MAV:A/IR:H");
  EXPECT_EQ(s.advisories, "osv");
  EXPECT_EQ(s.kev, "kev.json");
}

TEST(SoftwareSection, UnknownComponentAndRiskAreLocatedErrors) {
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + R"(software:
  sboms:
    - {file: a.json, component: ap, risk: R-9}
)");
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics,
              HasSubstr("m.yaml:24:33: error: unknown component 'ap' [unknown-reference]"));
  EXPECT_THAT(loaded.diagnostics,
              HasSubstr("m.yaml:24:43: error: unknown risk 'R-9' [unknown-reference]"));
}

TEST(SoftwareSection, AnSbomBindingNamesItsFileAndComponent) {
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + R"(software:
  sboms:
    - {risk: R-1}
)");
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics, HasSubstr("missing required key 'file'"));
  EXPECT_THAT(loaded.diagnostics, HasSubstr("missing required key 'component'"));
}

TEST(SoftwareSection, ComponentBindingsSelectSbomComponentsByOneKey) {
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + kRisk + R"(software:
  sboms:
    - file: phone.cdx.json
      component: app
      risk: R-1
      components:
        - {ref: ble-firmware, component: pump, environmental: "MAV:A"}
        - {purl: "pkg:npm/lodash", match_cpe: true}
)");
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  const SbomBinding& b = loaded.model->software->sboms[0];
  EXPECT_FALSE(b.match_cpe);
  ASSERT_EQ(b.components.size(), 2u);
  EXPECT_EQ(b.components[0].ref, "ble-firmware");
  EXPECT_EQ(b.components[0].component, "pump");
  EXPECT_EQ(b.components[0].environmental, "MAV:A");
  EXPECT_FALSE(b.components[0].match_cpe);
  EXPECT_EQ(b.components[1].purl, "pkg:npm/lodash");
  EXPECT_EQ(b.components[1].component, "");  // the SBOM's
  EXPECT_TRUE(b.components[1].match_cpe);
}

TEST(SoftwareSection, AComponentBindingWithoutOneSelectorOrTargetIsAnError) {
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + R"(software:
  sboms:
    - file: phone.cdx.json
      component: app
      components:
        - {ref: a, name: b, component: pump}
        - {component: pump}
        - {purl: "pkg:npm/lodash@4.17.20", component: pmp}
        - {name: zlib}
      match_cpe: maybe
)");
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_EQ(
      loaded.diagnostics,
      "m.yaml:27:11: error: a component binding selects SBOM components by exactly one of "
      "'ref', 'purl' or 'name' [invalid-value]\n"
      "m.yaml:28:11: error: a component binding selects SBOM components by exactly one of "
      "'ref', 'purl' or 'name' [invalid-value]\n"
      "m.yaml:29:18: error: 'purl' is a purl without a version (e.g. 'pkg:npm/lodash'): it "
      "selects every version of the package [invalid-value]\n"
      "m.yaml:29:55: error: unknown component 'pmp' [unknown-reference]\n"
      "m.yaml:30:11: error: a component binding names a 'component', 'risk', "
      "'environmental' or 'match_cpe' for the components it selects [invalid-value]\n"
      "m.yaml:31:18: error: expected true or false for 'match_cpe', found a scalar [wrong-type]\n");
}

constexpr const char* kDecision = R"(vex:
  - vulnerability: CVE-2026-0001
    package: pkg:deb/debian/expat
    versions: vers:deb/<2.5.0-1+deb12u1
    status: not_affected
    justification: vulnerable_code_not_in_execute_path
    rationale: The parser is not reachable
    date: 2026-10-02
    author: Security team
)";

TEST(VexSection, ReadsADecision) {
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + kDecision);
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  ASSERT_EQ(loaded.model->vex.size(), 1u);
  const VexDecision& d = loaded.model->vex[0];
  EXPECT_EQ(d.vulnerability, "CVE-2026-0001");
  EXPECT_EQ(d.package, "pkg:deb/debian/expat");
  EXPECT_EQ(d.versions, "vers:deb/<2.5.0-1+deb12u1");
  EXPECT_EQ(d.status, VexStatus::kNotAffected);
  EXPECT_EQ(d.justification, "vulnerable_code_not_in_execute_path");
  EXPECT_EQ(d.date, "2026-10-02");
  EXPECT_EQ(d.author, "Security team");
  EXPECT_EQ(d.source, "m.yaml");
  EXPECT_EQ(d.location.line, 23);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(VexSection, NotAffectedNeedsAJustification) {
  const std::string yaml =
      Replace(kDecision, "    justification: vulnerable_code_not_in_execute_path\n", "");
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + yaml);
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics,
              HasSubstr("m.yaml:26:13: error: status 'not_affected' needs a 'justification' "
                        "[vex-decision]"));
}

TEST(VexSection, AJustificationIsForNotAffectedOnly) {
  const std::string yaml = Replace(kDecision, "status: not_affected", "status: fixed");
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + yaml);
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics,
              HasSubstr("a 'justification' is for status 'not_affected' only [vex-decision]"));
}

TEST(VexSection, AffectedNeedsAResponseAndARationale) {
  std::string yaml = Replace(kDecision, "status: not_affected", "status: affected");
  yaml = Replace(yaml, "    justification: vulnerable_code_not_in_execute_path\n", "");
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + yaml);
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics,
              HasSubstr("status 'affected' needs a 'response' and a 'rationale'"));
  const testing::LoadedModel fixed = LoadFromText(
      MinimalModel() + Replace(yaml, "    rationale:", "    response: [update]\n    rationale:"));
  EXPECT_NE(fixed.model, nullptr) << fixed.diagnostics;
}

TEST(VexSection, UnknownStatusAndJustificationSuggestTheNearest) {
  std::string yaml = Replace(kDecision, "status: not_affected", "status: not_afected");
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + yaml);
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics, HasSubstr("(did you mean 'not_affected'?)"));
}

TEST(VexSection, PackageIsAPurlWithoutVersionAndDateIsReal) {
  std::string yaml = Replace(kDecision, "pkg:deb/debian/expat", "pkg:deb/debian/expat@2.5.0-1");
  yaml = Replace(yaml, "2026-10-02", "2026-02-30");
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + yaml);
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics, HasSubstr("m.yaml:24:14: error: 'package' is a purl without a "
                                            "version (e.g. 'pkg:deb/debian/expat'); versions go "
                                            "in 'versions' [invalid-value]"));
  EXPECT_THAT(loaded.diagnostics,
              HasSubstr("m.yaml:29:11: error: 'date' is a date YYYY-MM-DD, not '2026-02-30' "
                        "[invalid-value]"));
}

TEST(VexSection, TwoDecisionsForOneIdentityAreAnError) {
  const std::string second = std::string(kDecision).substr(std::string("vex:\n").size());
  const testing::LoadedModel loaded = LoadFromText(MinimalModel() + kDecision + second);
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_THAT(loaded.diagnostics,
              HasSubstr("a second decision for CVE-2026-0001 in pkg:deb/debian/expat (the first "
                        "is at m.yaml:23:5) [duplicate-vex-decision]"));
}

TEST(IsoDate, AcceptsRealDatesOnly) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_TRUE(IsIsoDate("2000-02-29"));
  EXPECT_FALSE(IsIsoDate("1900-02-29"));
  EXPECT_FALSE(IsIsoDate("2026-13-01"));
  EXPECT_FALSE(IsIsoDate("2026-1-01"));
  EXPECT_FALSE(IsIsoDate("2026-01-00"));
  EXPECT_TRUE(IsIsoDate("2026-12-31"));
}

}  // namespace
}  // namespace medtra::model
