// Scan and AssessPostmarket: VEX by identity, KEV, CVSS for the device, model links, verdicts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/scan.h"
#include "sbom/dates.h"
#include "tests/testing/model_fixture.h"

namespace medtra::sbom {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

SbomComponent Expat(const std::string& version) {
  SbomComponent c;
  c.ref = "libexpat1";
  c.name = "libexpat1";
  c.version = version;
  std::string error;
  c.purl_text = "pkg:deb/debian/libexpat1@" + version + "?distro=debian-12&upstream=expat";
  c.purl = ParsePurl(c.purl_text, &error);
  c.source_name = "expat";
  c.location = {"sbom.json", 7, 5};
  return c;
}

Advisory ExpatAdvisory() {
  Advisory a;
  a.id = "DSA-9";
  a.aliases = {"CVE-2026-1000"};
  a.summary = "expat: entity expansion";
  a.published = "2026-10-01T00:00:00Z";
  a.cvss = {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:H"};
  AdvisoryPackage p;
  p.ecosystem = "Debian:12";
  p.name = "expat";
  p.ranges.push_back({AdvisoryRange::Type::kEcosystem,
                      "",
                      {{OsvEvent::Kind::kIntroduced, "0"}, {OsvEvent::Kind::kFixed, "2.5.0-2"}}});
  a.affected.push_back(p);
  return a;
}

constexpr const char* kRisk = R"(risks:
  - {id: R-1, asset: A-dose, threat: Dose changed, vulnerability: No auth, breach: integrity,
     harm: patient, likelihood: High, impact: High, impact_description: Overdose}
)";

class ScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    loaded_ = testing::LoadFromText(testing::MinimalModel() + kRisk);
    ASSERT_NE(loaded_.model, nullptr) << loaded_.diagnostics;
    Sbom sbom;
    sbom.file = "sbom.json";
    sbom.components.push_back(Expat("2.5.0-1"));
    input_.sboms.push_back(sbom);
    model::SbomBinding binding;
    binding.component = "app";
    binding.risk = "R-1";
    input_.bindings.push_back(binding);
    input_.advisories.push_back(ExpatAdvisory());
  }

  model::VexDecision Decision(model::VexStatus status, std::string versions = "") const {
    model::VexDecision d;
    d.vulnerability = "CVE-2026-1000";   // by alias
    d.package = "pkg:deb/debian/expat";  // by the source package
    d.versions = std::move(versions);
    d.status = status;
    d.date = "2026-10-11";
    d.author = "PSIRT";
    d.source = "m.yaml";
    if (status == model::VexStatus::kNotAffected) {
      d.justification = "vulnerable_code_not_in_execute_path";
    }
    return d;
  }

  ScanResult Run(const std::string& today = "2026-12-01") {
    DiagnosticSink sink;
    ScanResult result = Scan(input_, loaded_.model.get(), today, sink);
    EXPECT_FALSE(sink.has_errors()) << RenderTextAll(sink, nullptr);
    return result;
  }

  testing::LoadedModel loaded_;
  ScanInput input_;
};

TEST_F(ScanTest, AMatchLandsOnTheBoundComponentItsFlowsAndRisk) {
  const ScanResult result = Run();
  ASSERT_EQ(result.entries.size(), 1u);
  const ScanEntry& e = result.entries[0];
  EXPECT_EQ(e.advisory, "DSA-9");
  EXPECT_THAT(e.aliases, ElementsAre("CVE-2026-1000"));
  EXPECT_EQ(e.basis, "ecosystem");
  EXPECT_EQ(e.model_component, "app");
  EXPECT_EQ(e.risk, "R-1");
  EXPECT_THAT(e.flows, ElementsAre("F-1"));
  EXPECT_EQ(e.fixed, "2.5.0-2");
  EXPECT_EQ(e.score, "7.1");  // AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:H, FIRST's calculator
  EXPECT_EQ(e.severity, "High");
  EXPECT_EQ(e.vex.status, "");
  EXPECT_EQ(e.age_days, 61);  // 2026-10-01 .. 2026-12-01
  EXPECT_EQ(e.postmarket, "not-assessed");
  EXPECT_EQ(result.components, 1u);
  EXPECT_EQ(result.advisories, 1u);
}

TEST_F(ScanTest, AComponentBindingLandsItsComponentsElsewhere) {
  SbomComponent firmware = Expat("2.5.0-1");
  firmware.ref = "fw-expat";
  firmware.name = "fw-expat";
  input_.sboms[0].components.push_back(firmware);
  model::ComponentBinding part;
  part.ref = "fw-expat";
  part.component = "pump";
  part.environmental = "MAV:A/CR:M/IR:H/AR:M";
  input_.bindings[0].components.push_back(part);
  model::ComponentBinding unused;
  unused.purl = "pkg:npm/lodash";
  unused.component = "pump";
  unused.location = {"m.yaml", 30, 11};
  input_.bindings[0].components.push_back(unused);
  DiagnosticSink sink;
  const ScanResult result = Scan(input_, loaded_.model.get(), "2026-12-01", sink);
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "m.yaml:30:11: warning: this component binding selects no component of sbom.json "
            "[sbom-binding-unmatched]\n");
  ASSERT_EQ(result.entries.size(), 2u);
  const ScanEntry& fw = result.entries[0];  // sorted by component ref: fw-expat, libexpat1
  EXPECT_EQ(fw.component_ref, "fw-expat");
  EXPECT_EQ(fw.model_component, "pump");
  EXPECT_EQ(fw.risk, "R-1");  // the SBOM's risk where the part names none
  EXPECT_THAT(fw.flows, ElementsAre("F-1"));
  EXPECT_EQ(fw.score, "6.6");  // the part's environmental metrics
  const ScanEntry& app = result.entries[1];
  EXPECT_EQ(app.model_component, "app");
  EXPECT_EQ(app.score, "7.1");  // the SBOM's (none)
}

TEST_F(ScanTest, CpeMatchingIsOptedInByTheBinding) {
  SbomComponent lib;
  lib.ref = "telemetry";
  lib.name = "telemetry";
  lib.version = "2.4.0";
  lib.cpes = {"cpe:2.3:a:acme:telemetry_lib:2.4.0:*:*:*:*:*:*:*"};
  input_.sboms[0].components.push_back(lib);
  Advisory nvd;
  nvd.source = Advisory::Source::kNvd;
  nvd.id = "CVE-2026-2000";
  nvd.published = "2026-09-01T10:15:09.500";
  AdvisoryCpe k;
  std::string error;
  k.criteria = "cpe:2.3:a:acme:telemetry_lib:*:*:*:*:*:*:*:*";
  k.cpe = *ParseCpe(k.criteria, &error);
  k.end = "2.4.1";
  nvd.cpes.push_back(k);
  input_.advisories.push_back(nvd);
  EXPECT_EQ(Run().entries.size(), 1u);  // expat only
  model::ComponentBinding part;
  part.name = "telemetry";
  part.match_cpe = true;
  input_.bindings[0].components.push_back(part);
  const ScanResult result = Run();
  ASSERT_EQ(result.entries.size(), 2u);
  EXPECT_EQ(result.entries[1].advisory, "CVE-2026-2000");
  EXPECT_EQ(result.entries[1].basis, "cpe");
  EXPECT_EQ(result.entries[1].model_component, "app");
  EXPECT_EQ(result.entries[1].fixed, "2.4.1");
  EXPECT_EQ(result.entries[1].published, "2026-09-01");
  // Without a purl, a decision names the component by the generic purl of its name.
  model::VexDecision d = Decision(model::VexStatus::kNotAffected, "vers:generic/<2.4.1");
  d.vulnerability = "CVE-2026-2000";
  d.package = "pkg:generic/telemetry";
  input_.vex.push_back(d);
  EXPECT_EQ(Run().entries[1].vex.status, "not_affected");
  input_.vex.back().versions = "vers:generic/<2.4.0";  // 2.4.0 is not in it
  EXPECT_EQ(Run().entries[1].vex.status, "");
}

TEST_F(ScanTest, EnvironmentalMetricsRescoreForTheDevice) {
  input_.bindings[0].environmental = "MAV:A/CR:M/IR:H/AR:M";
  const ScanResult result = Run();
  ASSERT_EQ(result.entries.size(), 1u);
  EXPECT_EQ(result.entries[0].cvss,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:H/MAV:A/CR:M/IR:H/AR:M");
  // The 3.1 specification's environmental formula (computed by hand): 6.6, Medium.
  EXPECT_EQ(result.entries[0].score, "6.6");
  EXPECT_EQ(result.entries[0].severity, "Medium");
}

TEST_F(ScanTest, TheDecisionIsFoundByAliasAndSourcePackage) {
  input_.vex.push_back(Decision(model::VexStatus::kNotAffected));
  const ScanResult result = Run();
  ASSERT_EQ(result.entries.size(), 1u);
  EXPECT_EQ(result.entries[0].vex.status, "not_affected");
  EXPECT_EQ(result.entries[0].vex.justification, "vulnerable_code_not_in_execute_path");
  EXPECT_EQ(result.entries[0].decision_days, 10);
  EXPECT_EQ(result.entries[0].age_days, -1);
}

TEST_F(ScanTest, ADecisionForOtherVersionsDoesNotApply) {
  // The decision covers 2.6 and later; the shipped 2.5.0-1 stays undecided.
  input_.vex.push_back(Decision(model::VexStatus::kNotAffected, "vers:deb/>=2.6.0-1"));
  EXPECT_EQ(Run().entries[0].vex.status, "");
  // One for the shipped range wins over one for every version.
  input_.vex.push_back(Decision(model::VexStatus::kFixed));
  input_.vex.back().vulnerability = "DSA-9";
  input_.vex.push_back(Decision(model::VexStatus::kUnderInvestigation, "vers:deb/<2.5.0-2"));
  EXPECT_EQ(Run().entries[0].vex.status, "under_investigation");
}

TEST_F(ScanTest, KevListingIsFlagged) {
  KevCatalog kev;
  kev.entries["CVE-2026-1000"] = {"CVE-2026-1000", "2026-11-01", "2026-11-22", "Unknown"};
  input_.kev = kev;
  const ScanResult result = Run();
  EXPECT_TRUE(result.entries[0].kev);
  EXPECT_EQ(result.entries[0].kev_due, "2026-11-22");
}

TEST_F(ScanTest, VulnerabilitiesTheSbomStatesAreManualMatches) {
  SbomVulnerability stated;
  stated.id = "CVE-2026-2000";
  stated.affects = {"libexpat1"};
  stated.state = "not_affected";
  stated.justification = "code_not_reachable";
  stated.detail = "Supplier: not reachable";
  stated.location = {"sbom.json", 40, 7};
  input_.sboms[0].vulnerabilities.push_back(stated);
  stated.id = "CVE-2026-1000";  // already matched through its alias: not repeated
  input_.sboms[0].vulnerabilities.push_back(stated);
  const ScanResult result = Run();
  ASSERT_EQ(result.entries.size(), 2u);
  const ScanEntry& e = result.entries[0];
  EXPECT_EQ(e.advisory, "CVE-2026-2000");
  EXPECT_EQ(e.basis, "manual");
  EXPECT_EQ(e.evidence, "stated in the SBOM's vulnerabilities at sbom.json:40:7");
  EXPECT_EQ(e.vex.status, "not_affected");
  EXPECT_EQ(e.vex.justification, "vulnerable_code_not_in_execute_path");
  EXPECT_EQ(e.vex.source, "sbom.json");
  EXPECT_EQ(result.entries[1].advisory, "DSA-9");
}

TEST_F(ScanTest, AMalformedDecisionIsALocatedError) {
  input_.vex.push_back(Decision(model::VexStatus::kFixed, "vers:deb"));
  input_.vex.back().location = {"m.yaml", 50, 5};
  DiagnosticSink sink;
  Scan(input_, loaded_.model.get(), "2026-12-01", sink);
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "m.yaml:50:5: error: VEX versions: non-canonical VERS: a type is required before "
            "'/' [invalid-value]\n");
}

TEST_F(ScanTest, PostmarketFollowsTheRiskVerdict) {
  ScanResult result = Run();
  AssessPostmarket({{"R-1", {false, true}}}, &result);
  ASSERT_EQ(result.entries.size(), 1u);
  EXPECT_EQ(result.entries[0].postmarket, "uncontrolled");
  EXPECT_THAT(result.entries[0].actions[0], HasSubstr("within 30 days"));
  EXPECT_THAT(result.entries[0].actions[1], HasSubstr("within 60 days"));
  EXPECT_THAT(result.entries[0].actions[2], HasSubstr("21 CFR 806"));
  EXPECT_EQ(result.metrics.uncontrolled, 1);
  EXPECT_EQ(result.metrics.open, 1);
  EXPECT_EQ(result.metrics.oldest_open_days, 61);
  EXPECT_EQ(result.metrics.by_status.at("none"), 1);

  AssessPostmarket({{"R-1", {true, true}}}, &result);
  EXPECT_EQ(result.entries[0].postmarket, "controlled");
  AssessPostmarket({{"R-1", {false, false}}}, &result);  // no patient harm
  EXPECT_EQ(result.entries[0].postmarket, "controlled");
  AssessPostmarket({}, &result);
  EXPECT_EQ(result.entries[0].postmarket, "not-assessed");
}

TEST_F(ScanTest, ARuledOutVulnerabilityIsControlledWhateverTheRisk) {
  input_.vex.push_back(Decision(model::VexStatus::kNotAffected));
  ScanResult result = Run();
  AssessPostmarket({{"R-1", {false, true}}}, &result);
  EXPECT_EQ(result.entries[0].postmarket, "controlled");
  EXPECT_EQ(result.metrics.open, 0);
  EXPECT_EQ(result.metrics.median_decision_days, 10);
  EXPECT_EQ(result.metrics.by_status.at("not_affected"), 1);
}

TEST(Dates, DaysBetweenIsoDates) {
  EXPECT_EQ(DaysBetween("2026-10-01", "2026-12-01"), 61);
  EXPECT_EQ(DaysBetween("2024-02-28T10:00:00Z", "2024-03-01"), 2);
  EXPECT_EQ(DaysBetween("2026-12-01", "2026-10-01"), -61);
  EXPECT_EQ(DaysBetween("1999-12-31", "2000-01-01"), 1);
  EXPECT_EQ(DaysBetween("2026-02-30", "2026-03-01"), std::nullopt);
}

}  // namespace
}  // namespace medtra::sbom

namespace medtra::sbom {
namespace {

TEST(SoftwareInputs, ADpkgListingNamesTheSourcePackages) {
  const testing::LoadedModel loaded = testing::LoadFromText(testing::MinimalModel() + R"(software:
  sboms:
    - {file: sbom.json, component: app, source_packages: dpkg.txt}
  advisories: osv
)");
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  MemoryFileSystem fs;
  fs.AddFile("sbom.json", R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
    "components": [{"bom-ref": "x", "type": "library", "name": "libexpat1", "version": "2.5.0-1",
                    "purl": "pkg:deb/debian/libexpat1@2.5.0-1?distro=debian-12"}]})");
  fs.AddFile("dpkg.txt", "libexpat1:amd64\texpat\t2.5.0-1\nzlib1g:amd64\tzlib (1:1.2.13)\t1\n");
  fs.AddFile("osv/a.json", R"({"id": "DSA-1", "modified": "2026-01-01T00:00:00Z",
    "affected": [{"package": {"ecosystem": "Debian:12", "name": "expat"},
      "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}]})");
  DiagnosticSink sink;
  const ScanInput input = ReadSoftwareInputs(fs, *loaded.model, {}, sink);
  ASSERT_FALSE(sink.has_errors()) << RenderTextAll(sink, nullptr);
  ASSERT_EQ(input.sboms.size(), 1u);
  EXPECT_EQ(input.sboms[0].components[0].source_name, "expat");
  EXPECT_EQ(input.files, (std::vector<std::string>{"sbom.json", "dpkg.txt"}));
  const ScanResult result = Scan(input, loaded.model.get(), "", sink);
  ASSERT_EQ(result.entries.size(), 1u);
  EXPECT_EQ(result.entries[0].advisory, "DSA-1");

  fs.AddFile("dpkg.txt", "no tabs here\n");
  DiagnosticSink bad;
  ReadSoftwareInputs(fs, *loaded.model, {}, bad);
  EXPECT_THAT(RenderTextAll(bad, nullptr),
              HasSubstr("dpkg.txt:1:1: error: expected 'binary<TAB>source<TAB>version'"));
}

TEST(SoftwareInputs, UnreadableFilesAreLocatedAtTheBinding) {
  const testing::LoadedModel loaded = testing::LoadFromText(testing::MinimalModel() + R"(software:
  sboms:
    - {file: missing.json, component: app}
)");
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  MemoryFileSystem fs;
  DiagnosticSink sink;
  const ScanInput input = ReadSoftwareInputs(fs, *loaded.model, {}, sink);
  EXPECT_TRUE(input.sboms.empty());
  EXPECT_THAT(RenderTextAll(sink, nullptr), HasSubstr("m.yaml:24:7: error: missing.json: "));
}

}  // namespace
}  // namespace medtra::sbom
