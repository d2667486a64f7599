#include "medtra/sbom/version.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/testing/shared_data.h"

namespace medtra::sbom {
namespace {

using Kind = OsvEvent::Kind;

std::optional<bool> Affects(VersionScheme scheme, const std::vector<OsvEvent>& events,
                            const std::string& version) {
  return OsvRangeAffects(scheme, events, version);
}

TEST(OsvRangeTest, IntroducedZeroAndFixed) {
  const std::vector<OsvEvent> events = {{Kind::kIntroduced, "0"}, {Kind::kFixed, "1.0.2"}};
  EXPECT_EQ(Affects(VersionScheme::kSemver, events, "0.0.0-alpha"), true);
  EXPECT_EQ(Affects(VersionScheme::kSemver, events, "1.0.1"), true);
  EXPECT_EQ(Affects(VersionScheme::kSemver, events, "1.0.2"), false);
  EXPECT_EQ(Affects(VersionScheme::kSemver, {{Kind::kIntroduced, "0"}}, "99.0.0"), true);
}

TEST(OsvRangeTest, UnsortedEventsWithSeveralIntervals) {
  const std::vector<OsvEvent> events = {{Kind::kFixed, "3.2.5"},
                                        {Kind::kIntroduced, "1.0.0"},
                                        {Kind::kIntroduced, "3.0.0"},
                                        {Kind::kFixed, "1.0.2"}};
  const VersionScheme s = VersionScheme::kSemver;
  EXPECT_EQ(Affects(s, events, "0.9.0"), false);
  EXPECT_EQ(Affects(s, events, "1.0.0"), true);
  EXPECT_EQ(Affects(s, events, "1.0.2"), false);
  EXPECT_EQ(Affects(s, events, "2.0.0"), false);
  EXPECT_EQ(Affects(s, events, "3.1.0"), true);
  EXPECT_EQ(Affects(s, events, "3.2.5"), false);
}

TEST(OsvRangeTest, LastAffectedIsInclusive) {
  const std::vector<OsvEvent> events = {{Kind::kIntroduced, "0"}, {Kind::kLastAffected, "2.1.214"}};
  EXPECT_EQ(Affects(VersionScheme::kPep440, events, "2.1.214"), true);
  EXPECT_EQ(Affects(VersionScheme::kPep440, events, "2.1.214.post1"), false);
}

TEST(OsvRangeTest, LimitsBoundTheRange) {
  const std::vector<OsvEvent> events = {{Kind::kIntroduced, "1.0"}, {Kind::kLimit, "2.0"}};
  EXPECT_EQ(Affects(VersionScheme::kDebian, events, "1.5"), true);
  EXPECT_EQ(Affects(VersionScheme::kDebian, events, "2.0"), false);
  EXPECT_EQ(
      Affects(VersionScheme::kDebian, {{Kind::kIntroduced, "1.0"}, {Kind::kLimit, "*"}}, "9.0"),
      true);
}

TEST(OsvRangeTest, InvalidVersionsGiveNoAnswer) {
  EXPECT_FALSE(Affects(VersionScheme::kSemver, {{Kind::kIntroduced, "0"}}, "1.0").has_value());
  EXPECT_FALSE(
      Affects(VersionScheme::kSemver, {{Kind::kFixed, "x"}, {Kind::kIntroduced, "0"}}, "1.0.0")
          .has_value());
}

// The records of ../shared/data/samples/osv: each event list, read from the file, against
// versions on both sides of its bounds (and PYSEC-2023-74's own "versions" list).
std::vector<OsvEvent> EventsOf(const nlohmann::json& range) {
  std::vector<OsvEvent> events;
  for (const nlohmann::json& e : range.at("events")) {
    for (const auto& [key, kind] :
         std::vector<std::pair<std::string, Kind>>{{"introduced", Kind::kIntroduced},
                                                   {"fixed", Kind::kFixed},
                                                   {"last_affected", Kind::kLastAffected},
                                                   {"limit", Kind::kLimit}}) {
      if (e.contains(key)) events.push_back({kind, e.at(key).get<std::string>()});
    }
  }
  return events;
}

nlohmann::json ReadSample(const std::string& name) {
  std::ifstream in(testing::SharedDataPath("samples/osv/" + name));
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

TEST(OsvRangeTest, RealRecordsFromTheOsvSchemaRepository) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  {
    const nlohmann::json dsa =
        ReadSample("osv-schema_docs_schema.md_Debian-example_DSA-3029-1.json");
    ASSERT_FALSE(dsa.is_discarded());
    const nlohmann::json& affected = dsa.at("affected").at(0);
    const auto scheme =
        SchemeOfEcosystem(affected.at("package").at("ecosystem").get<std::string>());
    ASSERT_EQ(scheme, VersionScheme::kDebian);
    const std::vector<OsvEvent> events = EventsOf(affected.at("ranges").at(0));
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1.2.1-2.2+wheezy2"), true);
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1.2.1-2.2+wheezy3"), false);
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1.2.1-2.2+wheezy3~1"), true);
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1:1.0"), false);
  }
  {
    const nlohmann::json go = ReadSample("osv-schema_osv-linter_GO-2024-2963.json");
    ASSERT_FALSE(go.is_discarded());
    const nlohmann::json& affected = go.at("affected").at(0);
    const auto scheme =
        SchemeOfEcosystem(affected.at("package").at("ecosystem").get<std::string>());
    ASSERT_EQ(scheme, VersionScheme::kSemver);
    const std::vector<OsvEvent> events = EventsOf(affected.at("ranges").at(0));
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1.21.11"), true);
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1.21.12"), false);
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1.22.0-rc.1"), true);
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "v1.22.4"), true);
    EXPECT_EQ(OsvRangeAffects(*scheme, events, "1.22.5"), false);
  }
  {
    const nlohmann::json py = ReadSample("osv-schema_osv-linter_PYSEC-2023-74.json");
    ASSERT_FALSE(py.is_discarded());
    const nlohmann::json& affected = py.at("affected").at(0);
    const auto scheme =
        SchemeOfEcosystem(affected.at("package").at("ecosystem").get<std::string>());
    ASSERT_EQ(scheme, VersionScheme::kPep440);
    for (const nlohmann::json& range : affected.at("ranges")) {
      if (range.at("type") != "ECOSYSTEM") continue;
      const std::vector<OsvEvent> events = EventsOf(range);
      for (const nlohmann::json& version : affected.at("versions")) {
        EXPECT_EQ(OsvRangeAffects(*scheme, events, version.get<std::string>()), true) << version;
      }
      EXPECT_EQ(OsvRangeAffects(*scheme, events, "2.2.1"), false);
      EXPECT_EQ(OsvRangeAffects(*scheme, events, "2.31.0"), false);
      EXPECT_EQ(OsvRangeAffects(*scheme, events, "2.31.0rc1"), true);
    }
  }
}

TEST(VersionSchemeTest, SchemeOfEcosystem) {
  EXPECT_EQ(SchemeOfEcosystem("Debian"), VersionScheme::kDebian);
  EXPECT_EQ(SchemeOfEcosystem("Debian:12"), VersionScheme::kDebian);
  EXPECT_EQ(SchemeOfEcosystem("Ubuntu:22.04:LTS"), VersionScheme::kDebian);
  EXPECT_EQ(SchemeOfEcosystem("npm"), VersionScheme::kNpm);
  EXPECT_EQ(SchemeOfEcosystem("PyPI"), VersionScheme::kPep440);
  EXPECT_EQ(SchemeOfEcosystem("Maven"), VersionScheme::kMaven);
  EXPECT_EQ(SchemeOfEcosystem("Maven:https://maven.google.com"), VersionScheme::kMaven);
  EXPECT_EQ(SchemeOfEcosystem("Go"), VersionScheme::kSemver);
  EXPECT_EQ(SchemeOfEcosystem("crates.io"), VersionScheme::kSemver);
  EXPECT_EQ(SchemeOfEcosystem("Alpine:v3.18"), std::nullopt);
  EXPECT_EQ(SchemeOfEcosystem("DebianX"), std::nullopt);
  EXPECT_EQ(SchemeOfEcosystem("pypi"), std::nullopt);
}

}  // namespace
}  // namespace medtra::sbom
