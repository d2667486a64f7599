// PackageKeyOf and MatchAdvisories: ecosystems from purls, the index, ranges, evidence and basis.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/match.h"

namespace medtra::sbom {
namespace {

using ::testing::HasSubstr;

SbomComponent Component(std::string type, std::string ns, std::string name, std::string version,
                        std::map<std::string, std::string> qualifiers = {}) {
  SbomComponent c;
  c.ref = name;
  c.name = name;
  c.version = version;
  Purl purl;
  purl.type = std::move(type);
  purl.namespace_ = std::move(ns);
  purl.name = std::move(name);
  purl.version = version;
  purl.qualifiers = std::move(qualifiers);
  c.purl = purl;
  c.purl_text = "pkg:" + purl.type + "/" + purl.name + "@" + version;
  c.location = {"sbom.json", 3, 5};
  return c;
}

std::optional<PackageKey> Key(const SbomComponent& c, std::string* why = nullptr) {
  std::string ignored;
  return PackageKeyOf(c, why != nullptr ? why : &ignored);
}

TEST(PackageKey, DebianReleaseFromTheDistroQualifier) {
  for (const std::string distro : {"debian-12", "bookworm", "12", "debian-bookworm"}) {
    const std::optional<PackageKey> key =
        Key(Component("deb", "debian", "libssl3", "3.0.11-1", {{"distro", distro}}));
    ASSERT_TRUE(key.has_value()) << distro;
    EXPECT_EQ(key->ecosystem, "Debian:12") << distro;
    EXPECT_EQ(key->name, "libssl3");  // no source name known: the binary name is tried
  }
  SbomComponent with_source =
      Component("deb", "debian", "libssl3", "3.0.11-1", {{"distro", "debian-12"}});
  with_source.source_name = "openssl";
  EXPECT_EQ(Key(with_source)->name, "openssl");
  EXPECT_EQ(Key(Component("deb", "ubuntu", "zlib1g", "1", {{"distro", "jammy"}}))->ecosystem,
            "Ubuntu:22.04");
}

TEST(PackageKey, ADebWithoutARelease) {
  std::string why;
  EXPECT_FALSE(Key(Component("deb", "debian", "zlib1g", "1"), &why).has_value());
  EXPECT_EQ(why, "its deb purl has no 'distro' qualifier (e.g. distro=debian-12)");
  EXPECT_FALSE(Key(Component("deb", "debian", "zlib1g", "1", {{"distro", "sid"}}), &why));
  EXPECT_EQ(why, "its deb purl's distro 'sid' names no known release");
}

TEST(PackageKey, LanguageEcosystems) {
  EXPECT_EQ(*Key(Component("npm", "@babel", "core", "7.0.0")), (PackageKey{"npm", "@babel/core"}));
  EXPECT_EQ(*Key(Component("pypi", "", "Zope.Interface", "5.0")),
            (PackageKey{"PyPI", "zope-interface"}));
  EXPECT_EQ(*Key(Component("maven", "org.apache.logging.log4j", "log4j-core", "2.14.1")),
            (PackageKey{"Maven", "org.apache.logging.log4j:log4j-core"}));
  EXPECT_EQ(*Key(Component("golang", "github.com/gin-gonic", "gin", "v1.9.0")),
            (PackageKey{"Go", "github.com/gin-gonic/gin"}));
  EXPECT_EQ(*Key(Component("cargo", "", "smallvec", "1.6.0")),
            (PackageKey{"crates.io", "smallvec"}));
  std::string why;
  EXPECT_FALSE(Key(Component("generic", "acme", "app", "1.0"), &why).has_value());
  EXPECT_EQ(why, "purl type 'generic' has no OSV ecosystem");
}

TEST(PackageKey, AdvisoryNamesInTheSameNormalForm) {
  EXPECT_EQ(NormalisedKey("Ubuntu:22.04:LTS", "openssl"), (PackageKey{"Ubuntu:22.04", "openssl"}));
  EXPECT_EQ(NormalisedKey("Ubuntu:Pro:18.04:LTS", "openssl").ecosystem, "Ubuntu:18.04");
  EXPECT_EQ(NormalisedKey("PyPI", "Gradio").name, "gradio");
  EXPECT_EQ(NormalisedKey("npm", "Gradio").name, "Gradio");
}

Advisory Debian(std::string id, std::string package, std::vector<OsvEvent> events) {
  Advisory a;
  a.id = std::move(id);
  AdvisoryPackage p;
  p.ecosystem = "Debian:12";
  p.name = std::move(package);
  p.ranges.push_back({AdvisoryRange::Type::kEcosystem, "", std::move(events)});
  a.affected.push_back(std::move(p));
  return a;
}

constexpr auto kIntroduced = OsvEvent::Kind::kIntroduced;
constexpr auto kFixed = OsvEvent::Kind::kFixed;
constexpr auto kLastAffected = OsvEvent::Kind::kLastAffected;

Sbom OneComponent(SbomComponent c) {
  Sbom sbom;
  sbom.file = "sbom.json";
  sbom.components.push_back(std::move(c));
  return sbom;
}

SbomComponent Expat(std::string version) {
  SbomComponent c = Component("deb", "debian", "libexpat1", version, {{"distro", "debian-12"}});
  c.source_name = "expat";
  return c;
}

TEST(Matcher, MatchesTheSourcePackageInsideTheRangeWithItsEvidence) {
  const std::vector<Advisory> advisories = {
      Debian("DSA-1", "expat", {{kIntroduced, "0"}, {kFixed, "2.5.0-1+deb12u1"}}),
      Debian("DSA-2", "expat", {{kIntroduced, "0"}, {kFixed, "2.4.0-1"}}),  // fixed before
      Debian("DSA-3", "zlib", {{kIntroduced, "0"}, {kFixed, "9"}}),         // other package
  };
  DiagnosticSink sink;
  const std::vector<VulnerabilityMatch> matches =
      MatchAdvisories(OneComponent(Expat("2.5.0-1")), advisories, sink);
  EXPECT_TRUE(sink.diagnostics().empty()) << RenderTextAll(sink, nullptr);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(advisories[matches[0].advisory].id, "DSA-1");
  EXPECT_EQ(matches[0].basis, "ecosystem");
  EXPECT_EQ(matches[0].fixed, "2.5.0-1+deb12u1");
  EXPECT_EQ(matches[0].evidence,
            "Debian:12 expat 2.5.0-1 is in the range [introduced 0, fixed 2.5.0-1+deb12u1]");
  // The fixed version itself, and a later one, are not affected.
  EXPECT_TRUE(MatchAdvisories(OneComponent(Expat("2.5.0-1+deb12u1")), advisories, sink).empty());
  EXPECT_TRUE(MatchAdvisories(OneComponent(Expat("2.6.0-1")), advisories, sink).empty());
}

TEST(Matcher, LastAffectedIncludesItsVersion) {
  const std::vector<Advisory> advisories = {
      Debian("DSA-4", "expat", {{kIntroduced, "2.0"}, {kLastAffected, "2.5.0-1"}})};
  DiagnosticSink sink;
  EXPECT_EQ(MatchAdvisories(OneComponent(Expat("2.5.0-1")), advisories, sink).size(), 1u);
  EXPECT_TRUE(MatchAdvisories(OneComponent(Expat("2.5.0-2")), advisories, sink).empty());
  EXPECT_TRUE(MatchAdvisories(OneComponent(Expat("1.9")), advisories, sink).empty());
}

TEST(Matcher, AWithdrawnAdvisoryMatchesNothing) {
  std::vector<Advisory> advisories = {Debian("DSA-5", "expat", {{kIntroduced, "0"}})};
  advisories[0].withdrawn = "2026-01-01T00:00:00Z";
  DiagnosticSink sink;
  EXPECT_TRUE(MatchAdvisories(OneComponent(Expat("2.5.0-1")), advisories, sink).empty());
}

TEST(Matcher, EnumeratedVersionsAndGitRangesGiveTheGitBasis) {
  Advisory a;
  a.id = "PYSEC-1";
  AdvisoryPackage p;
  p.ecosystem = "PyPI";
  p.name = "Requests";
  p.ranges.push_back({AdvisoryRange::Type::kGit,
                      "https://example.org/r.git",
                      {{kIntroduced, "0"}, {kFixed, "74ea7cf"}}});
  p.versions = {"2.30.0", "2.31.0rc1"};
  a.affected.push_back(p);
  DiagnosticSink sink;
  const std::vector<VulnerabilityMatch> matches =
      MatchAdvisories(OneComponent(Component("pypi", "", "requests", "2.30.0")), {a}, sink);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].basis, "git");
  EXPECT_EQ(matches[0].evidence, "PyPI requests 2.30.0 is listed among the affected versions");
  EXPECT_TRUE(MatchAdvisories(OneComponent(Component("pypi", "", "requests", "2.31.0")), {a}, sink)
                  .empty());
}

TEST(Matcher, TheAdvisorysOwnPurlGivesThePurlBasis) {
  Advisory a;
  a.id = "GHSA-1";
  AdvisoryPackage p;
  p.ecosystem = "npm";
  p.name = "left-pad";
  p.purl = "pkg:npm/left-pad";
  p.ranges.push_back({AdvisoryRange::Type::kSemver, "", {{kIntroduced, "0"}, {kFixed, "1.3.0"}}});
  a.affected.push_back(p);
  DiagnosticSink sink;
  const std::vector<VulnerabilityMatch> matches =
      MatchAdvisories(OneComponent(Component("npm", "", "left-pad", "1.1.0")), {a}, sink);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].basis, "purl");
  EXPECT_EQ(matches[0].fixed, "1.3.0");
}

TEST(Matcher, AVersionTheEcosystemCannotOrderIsAWarning) {
  const std::vector<Advisory> advisories = {
      Debian("DSA-6", "expat", {{kIntroduced, "0"}, {kFixed, "2.5.0-2"}})};
  DiagnosticSink sink;
  EXPECT_TRUE(MatchAdvisories(OneComponent(Expat("not a version!")), advisories, sink).empty());
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "sbom.json:3:5: warning: version 'not a version!' of component 'libexpat1' cannot be "
            "compared with the ranges of DSA-6 (Debian:12) [sbom-version-unordered]\n");
}

TEST(Matcher, ADebWithoutAReleaseIsAWarning) {
  DiagnosticSink sink;
  EXPECT_TRUE(
      MatchAdvisories(OneComponent(Component("deb", "debian", "zlib1g", "1")), {}, sink).empty());
  EXPECT_THAT(
      RenderTextAll(sink, nullptr),
      HasSubstr("component 'zlib1g' cannot be matched with advisories: its deb purl has "
                "no 'distro' qualifier (e.g. distro=debian-12) [sbom-unmatchable-component]"));
}

}  // namespace
}  // namespace medtra::sbom
