#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "medtra/sbom/version.h"
#include "tests/testing/shared_data.h"

namespace medtra::sbom {
namespace {

nlohmann::json ReadVectors(const std::string& name) {
  std::ifstream in(testing::SharedDataPath("samples/purl-vers/" + name));
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// Every vector of vers-spec's tests/vers/canonical_parse_test.json: the parsed scheme and
// constraints, or the failure and its message.
TEST(VersSpecTest, CanonicalParseVectors) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const nlohmann::json vectors = ReadVectors("vers-spec_tests_vers_canonical_parse_test.json");
  ASSERT_FALSE(vectors.is_discarded());
  int checked = 0;
  for (const nlohmann::json& test : vectors.at("tests")) {
    const std::string input = test.at("input").get<std::string>();
    std::string error;
    const std::optional<VersRange> range = ParseVers(input, &error);
    ++checked;
    if (test.value("expected_failure", false)) {
      EXPECT_FALSE(range.has_value()) << input;
      EXPECT_EQ(error, test.value("expected_message", std::string())) << input;
      continue;
    }
    ASSERT_TRUE(range.has_value()) << input << ": " << error;
    const nlohmann::json& expected = test.at("expected_output");
    EXPECT_EQ(range->versioning_scheme, expected.at("scheme").get<std::string>());
    std::vector<std::pair<std::string, std::string>> constraints;
    for (const VersConstraint& c : range->constraints)
      constraints.emplace_back(c.comparator, c.version);
    std::vector<std::pair<std::string, std::string>> want;
    for (const nlohmann::json& c : expected.at("version_constraints")) {
      want.emplace_back(c.at(0).get<std::string>(), c.at(1).get<std::string>());
    }
    EXPECT_EQ(constraints, want) << input;
    EXPECT_EQ(range->ToString(), input) << "a canonical input prints back unchanged";
  }
  EXPECT_EQ(checked, 12);
}

// Every vector of the npm and PyPI containment files. Their ranges are not always sorted
// ("vers:pypi/>=3.0.0|!=2.0.3"), so they are parsed with VersOrder::kSort.
TEST(VersSpecTest, ContainmentVectors) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  int checked = 0;
  for (const char* name : {"vers-spec_tests_npm_range_containment_test.json",
                           "vers-spec_tests_pypi_range_containment_test.json"}) {
    const nlohmann::json vectors = ReadVectors(name);
    ASSERT_FALSE(vectors.is_discarded()) << name;
    for (const nlohmann::json& test : vectors.at("tests")) {
      const std::string vers = test.at("input").at("vers").get<std::string>();
      const std::string version = test.at("input").at("version").get<std::string>();
      std::string error;
      const std::optional<VersRange> range = ParseVers(vers, &error, VersOrder::kSort);
      ASSERT_TRUE(range.has_value()) << vers << ": " << error;
      EXPECT_EQ(VersContains(*range, version), test.at("expected_output").get<bool>())
          << vers << " contains " << version;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 11);
}

VersRange Parse(const std::string& text) {
  std::string error;
  std::optional<VersRange> range = ParseVers(text, &error);
  EXPECT_TRUE(range.has_value()) << text << ": " << error;
  return range.value_or(VersRange{});
}

std::string ParseError(const std::string& text, VersOrder order = VersOrder::kCanonical) {
  std::string error;
  EXPECT_FALSE(ParseVers(text, &error, order).has_value()) << text;
  return error;
}

TEST(VersTest, ParsesComparatorsAndPrintsCanonicalText) {
  const VersRange r = Parse("vers:npm/1.2.3|>=2.0.0|<5.0.0");
  ASSERT_EQ(r.constraints.size(), 3u);
  EXPECT_EQ(r.constraints[0].comparator, "=");
  EXPECT_EQ(r.constraints[1].comparator, ">=");
  EXPECT_EQ(r.ToString(), "vers:npm/1.2.3|>=2.0.0|<5.0.0");
  EXPECT_EQ(Parse("vers:pypi/*").ToString(), "vers:pypi/*");
  EXPECT_EQ(Parse("vers:deb/>=1:1.0~rc1|<1:1.0").ToString(), "vers:deb/>=1:1.0~rc1|<1:1.0");
  EXPECT_EQ(Parse("vers:npm/1.0%2520x").constraints[0].version, "1.0%20x");
  EXPECT_EQ(Parse("vers:npm/1.0%2520x").ToString(), "vers:npm/1.0%2520x");
}

TEST(VersTest, SortOrderUsesTheScheme) {
  EXPECT_TRUE(ParseVers("vers:pypi/1.0a1|1.0|1.0.post1", nullptr).has_value());
  EXPECT_EQ(ParseError("vers:pypi/1.0|1.0a1"),
            "non-canonical VERS: constraints are not sorted by version");
  std::string error;
  const auto sorted = ParseVers("vers:pypi/1.0|1.0a1", &error, VersOrder::kSort);
  ASSERT_TRUE(sorted.has_value()) << error;
  EXPECT_EQ(sorted->ToString(), "vers:pypi/1.0a1|1.0");
  EXPECT_EQ(ParseError("vers:pypi/1.0|1.0.0"), "non-canonical VERS: duplicate version '1.0.0'");
  EXPECT_EQ(ParseError("vers:npm/<1.0.0|<2.0.0"),
            "non-canonical VERS: redundant constraints '<1.0.0|<2.0.0'");
  EXPECT_EQ(ParseError("vers:npm/>1.0.0|2.0.0"),
            "non-canonical VERS: redundant constraints '>1.0.0|=2.0.0'");
  EXPECT_FALSE(ParseError("vers:npm/=1.0.0").empty());
  EXPECT_EQ(ParseError("vers:npm/1.0|2.0.0"),
            "non-canonical VERS: invalid version '1.0' for type 'npm'");  // cannot be ordered
  EXPECT_TRUE(ParseVers("vers:npm/1.0", nullptr).has_value());            // nothing to order
  EXPECT_FALSE(ParseError("vers:npm/*|1.0.0").empty());
  EXPECT_FALSE(ParseError("VERS:npm/1.0.0").empty());
  EXPECT_FALSE(ParseError("vers:NPM/1.0.0").empty());
  EXPECT_FALSE(ParseError("vers:npm/").empty());
}

TEST(VersTest, Containment) {
  const VersRange r = Parse("vers:npm/1.2.3|>=2.0.0|<5.0.0");
  EXPECT_EQ(VersContains(r, "1.2.3"), true);
  EXPECT_EQ(VersContains(r, "1.2.4"), false);
  EXPECT_EQ(VersContains(r, "2.0.0"), true);
  EXPECT_EQ(VersContains(r, "4.9.9"), true);
  EXPECT_EQ(VersContains(r, "5.0.0"), false);
  const VersRange gaps = Parse("vers:deb/<1.0|>=2.0|!=2.5|<3.0|>4.0");
  EXPECT_EQ(VersContains(gaps, "0.9"), true);
  EXPECT_EQ(VersContains(gaps, "1.0"), false);
  EXPECT_EQ(VersContains(gaps, "2.0"), true);
  EXPECT_EQ(VersContains(gaps, "2.5"), false);
  EXPECT_EQ(VersContains(gaps, "3.0"), false);
  EXPECT_EQ(VersContains(gaps, "4.0"), false);
  EXPECT_EQ(VersContains(gaps, "4.0-1"), true);
  EXPECT_EQ(VersContains(Parse("vers:npm/!=1.0.0"), "2.0.0"), true);
  EXPECT_EQ(VersContains(Parse("vers:npm/!=1.0.0"), "1.0.0"), false);
  EXPECT_EQ(VersContains(Parse("vers:maven/>=1.0-rc1|<1.0"), "1.0-SNAPSHOT"), true);
  EXPECT_EQ(VersContains(Parse("vers:npm/*"), "1.0.0-beta"), true);
  EXPECT_FALSE(VersContains(Parse("vers:npm/*"), "not-a-version").has_value());
  EXPECT_FALSE(VersContains(Parse("vers:gem/1.0"), "1.0").has_value());  // unknown scheme
}

}  // namespace
}  // namespace medtra::sbom
