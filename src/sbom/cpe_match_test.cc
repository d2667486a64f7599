// MatchAdvisories with CPE matching: opt-in, exact vendor and product, bounds, and no double match.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/match.h"

namespace medtra::sbom {
namespace {

using ::testing::HasSubstr;

SbomComponent WithCpe(std::string name, std::string version, std::string cpe) {
  SbomComponent c;
  c.ref = name;
  c.name = std::move(name);
  c.version = std::move(version);
  c.cpes = {std::move(cpe)};
  c.location = {"sbom.json", 4, 7};
  return c;
}

AdvisoryCpe Criterion(std::string criteria, std::string start, bool start_including,
                      std::string end, bool end_including) {
  AdvisoryCpe k;
  std::string error;
  k.criteria = criteria;
  k.cpe = *ParseCpe(criteria, &error);
  k.start = std::move(start);
  k.start_including = start_including;
  k.end = std::move(end);
  k.end_including = end_including;
  return k;
}

Advisory Nvd(std::string id, std::vector<AdvisoryCpe> cpes) {
  Advisory a;
  a.source = Advisory::Source::kNvd;
  a.id = std::move(id);
  a.cpes = std::move(cpes);
  return a;
}

std::vector<VulnerabilityMatch> Match(const Sbom& sbom, const std::vector<Advisory>& advisories,
                                      bool opt_in, std::string* warnings = nullptr) {
  DiagnosticSink sink;
  MatchOptions options;
  options.match_cpe.assign(sbom.components.size(), opt_in);
  std::vector<VulnerabilityMatch> matches = MatchAdvisories(sbom, advisories, sink, options);
  if (warnings != nullptr) *warnings = RenderTextAll(sink, nullptr);
  return matches;
}

const std::vector<Advisory> kTelemetry = {
    Nvd("CVE-2026-2000",
        {Criterion("cpe:2.3:a:acme:telemetry_lib:*:*:*:*:*:*:*:*", "2.0", true, "2.4.1", false)})};

TEST(CpeMatch, OnlyComponentsThatOptIn) {
  Sbom sbom;
  sbom.components = {
      WithCpe("telemetry", "2.4.0", "cpe:2.3:a:acme:telemetry_lib:2.4.0:*:*:*:*:*:*:*")};
  EXPECT_TRUE(Match(sbom, kTelemetry, false).empty());
  const std::vector<VulnerabilityMatch> matches = Match(sbom, kTelemetry, true);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].basis, "cpe");
  EXPECT_EQ(matches[0].package, "acme:telemetry_lib");
  EXPECT_EQ(matches[0].fixed, "2.4.1");
  EXPECT_EQ(matches[0].evidence,
            "CPE cpe:2.3:a:acme:telemetry_lib:2.4.0:*:*:*:*:*:*:* (version 2.4.0) matches "
            "cpe:2.3:a:acme:telemetry_lib:*:*:*:*:*:*:*:* [>= 2.0, < 2.4.1]");
}

TEST(CpeMatch, BoundsIncludeAndExcludeExactly) {
  struct Case {
    std::string version;
    bool start_including, end_including;
    bool affected;
  };
  const std::vector<Case> cases = {{"2.0", true, false, true},    {"2.0", false, false, false},
                                   {"2.4.1", true, false, false}, {"2.4.1", true, true, true},
                                   {"1.9.9", true, true, false},  {"2.10", true, true, false},
                                   {"2.3.99", false, false, true}};
  for (const Case& c : cases) {
    Sbom sbom;
    sbom.components = {WithCpe("t", c.version, "cpe:2.3:a:acme:telemetry_lib:*:*:*:*:*:*:*:*")};
    const std::vector<Advisory> advisories = {
        Nvd("CVE-1", {Criterion("cpe:2.3:a:acme:telemetry_lib:*:*:*:*:*:*:*:*", "2.0",
                                c.start_including, "2.4.1", c.end_including)})};
    EXPECT_EQ(Match(sbom, advisories, true).size(), c.affected ? 1u : 0u)
        << c.version << " " << c.start_including << c.end_including;
  }
}

TEST(CpeMatch, VendorAndProductMustBeExactOnBothSides) {
  Sbom sbom;
  sbom.components = {WithCpe("t", "2.1", "cpe:2.3:a:*:telemetry_lib:2.1:*:*:*:*:*:*:*"),
                     WithCpe("u", "2.1", "cpe:2.3:a:acme:telemetry_*:2.1:*:*:*:*:*:*:*"),
                     WithCpe("v", "2.1", "cpe:2.3:a:acme_inc:telemetry_lib:2.1:*:*:*:*:*:*:*")};
  std::vector<Advisory> advisories = kTelemetry;
  advisories.push_back(
      Nvd("CVE-2026-2002", {Criterion("cpe:2.3:a:*:telemetry_lib:*:*:*:*:*:*:*:*", "", true, "",
                                      false)}));  // a wildcard vendor never matches
  std::string warnings;
  EXPECT_TRUE(Match(sbom, advisories, true, &warnings).empty());
  EXPECT_THAT(warnings, HasSubstr("sbom.json:4:7: warning: component 't' is not matched by CPE "
                                  "'cpe:2.3:a:*:telemetry_lib:2.1:*:*:*:*:*:*:*': medtra matches "
                                  "CPEs only by an exact vendor and product [sbom-cpe-not-exact]"));
  EXPECT_THAT(warnings, HasSubstr("component 'u' is not matched by CPE"));
}

TEST(CpeMatch, PartUpdateAndExactVersion) {
  Sbom sbom;
  sbom.components = {WithCpe("os", "5.1", "cpe:2.3:o:acme:pump_os:5.1:*:*:*:*:*:*:*"),
                     WithCpe("app", "5.1", "cpe:2.3:a:acme:pump_os:5.1:*:*:*:*:*:*:*"),
                     WithCpe("os2", "5.1", "cpe:2.3:o:acme:pump_os:5.1:sp2:*:*:*:*:*:*"),
                     WithCpe("os3", "5.10", "cpe:2.3:o:acme:pump_os:5.10:*:*:*:*:*:*:*")};
  AdvisoryCpe exact = Criterion("cpe:2.3:o:acme:pump_os:5.1:sp1:*:*:*:*:*:*", "", true, "", false);
  exact.with_platform = true;
  const std::vector<VulnerabilityMatch> matches =
      Match(sbom, {Nvd("CVE-2026-2003", {exact})}, true);
  ASSERT_EQ(matches.size(), 1u);  // not the application, not update sp2, not 5.10
  EXPECT_EQ(matches[0].component, 0u);
  EXPECT_THAT(matches[0].evidence, HasSubstr("[version 5.1]; NVD lists it with a platform "
                                             "condition that medtra does not check"));
}

TEST(CpeMatch, AnAdvisoryMatchedByPackageIsNotMatchedAgainByCpe) {
  SbomComponent c = WithCpe("lodash", "4.17.20", "cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:*:*:*");
  std::string error;
  c.purl = ParsePurl("pkg:npm/lodash@4.17.20", &error);
  c.purl_text = "pkg:npm/lodash@4.17.20";
  Sbom sbom;
  sbom.components = {c};
  Advisory ghsa;
  ghsa.id = "GHSA-35jh-r3h4-6jhm";
  ghsa.aliases = {"CVE-2021-23337"};
  AdvisoryPackage p;
  p.ecosystem = "npm";
  p.name = "lodash";
  p.ranges.push_back({AdvisoryRange::Type::kSemver,
                      "",
                      {{OsvEvent::Kind::kIntroduced, "0"}, {OsvEvent::Kind::kFixed, "4.17.21"}}});
  ghsa.affected.push_back(p);
  const std::vector<Advisory> advisories = {
      Nvd("CVE-2021-23337",
          {Criterion("cpe:2.3:a:lodash:lodash:*:*:*:*:*:node.js:*:*", "", true, "4.17.21", false)}),
      ghsa};
  const std::vector<VulnerabilityMatch> matches = Match(sbom, advisories, true);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(advisories[matches[0].advisory].id, "GHSA-35jh-r3h4-6jhm");
  EXPECT_EQ(matches[0].basis, "ecosystem");
  // The component's npm ordering decides the bounds: 4.17.21-rc.1 is before 4.17.21.
  sbom.components[0].version = "4.17.21-rc.1";
  sbom.components[0].cpes = {"cpe:2.3:a:lodash:lodash:*:*:*:*:*:*:*:*"};
  const std::vector<VulnerabilityMatch> rc = Match(sbom, {advisories[0]}, true);
  ASSERT_EQ(rc.size(), 1u);
  EXPECT_EQ(rc[0].basis, "cpe");
}

TEST(CpeMatch, AMalformedComponentCpeIsAWarning) {
  Sbom sbom;
  sbom.components = {WithCpe("t", "1", "cpe:2.3:a:acme")};
  std::string warnings;
  EXPECT_TRUE(Match(sbom, kTelemetry, true, &warnings).empty());
  EXPECT_EQ(warnings,
            "sbom.json:4:7: warning: CPE 'cpe:2.3:a:acme' of component 't': a CPE 2.3 name has 11 "
            "attributes after 'cpe:2.3:', not 2 [sbom-bad-cpe]\n");
}

}  // namespace
}  // namespace medtra::sbom
