#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "medtra/sbom/version.h"

namespace medtra::sbom {
namespace {

void ExpectSatisfies(const std::string& range, const std::string& version, bool expected) {
  EXPECT_EQ(NpmSatisfies(range, version), std::optional<bool>(expected))
      << "'" << range << "' " << version;
}

TEST(NpmRangeTest, ComparatorsAndSets) {
  ExpectSatisfies(">=1.2.3 <2.0.0", "1.9.9", true);
  ExpectSatisfies(">=1.2.3 <2.0.0", "2.0.0", false);
  ExpectSatisfies("<1.0.0 || >=2.0.0", "1.5.0", false);
  ExpectSatisfies("<1.0.0||>=2.0.0", "2.1.0", true);
  ExpectSatisfies("=1.2.3", "1.2.3", true);
  ExpectSatisfies("> 1.2.3", "1.2.4", true);  // whitespace after the operator
  ExpectSatisfies("  >=  1.2.3   <1.3  ", "1.2.5", true);
  ExpectSatisfies("v1.2.3", "1.2.3", true);
}

TEST(NpmRangeTest, XRangesAndStars) {
  ExpectSatisfies("*", "0.0.1", true);
  ExpectSatisfies("", "3.2.1", true);
  ExpectSatisfies("1.x", "1.9.0", true);
  ExpectSatisfies("1.x", "2.0.0", false);
  ExpectSatisfies("1.2", "1.2.9", true);
  ExpectSatisfies("1.2.*", "1.3.0", false);
  ExpectSatisfies(">1.x", "2.0.0", true);
  ExpectSatisfies(">1.x", "1.9.0", false);
  ExpectSatisfies("<=1.2", "1.2.99", true);
  ExpectSatisfies("<1.2", "1.2.0-0", false);
  ExpectSatisfies(">*", "1.0.0", false);  // "<0.0.0-0": nothing
}

TEST(NpmRangeTest, TildeAndCaretIncludingZeroMajor) {
  ExpectSatisfies("~1.2.3", "1.2.9", true);
  ExpectSatisfies("~1.2.3", "1.3.0", false);
  ExpectSatisfies("~1", "1.9.0", true);
  ExpectSatisfies("~> 1.2", "1.2.7", true);
  ExpectSatisfies("^1.2.3", "1.9.9", true);
  ExpectSatisfies("^1.2.3", "2.0.0", false);
  ExpectSatisfies("^0.2.3", "0.2.9", true);
  ExpectSatisfies("^0.2.3", "0.3.0", false);
  ExpectSatisfies("^0.0.3", "0.0.4", false);
  ExpectSatisfies("^0.x", "0.9.0", true);
  ExpectSatisfies("^0.0.x", "0.0.9", true);
  ExpectSatisfies("^0.0.x", "0.1.0", false);
  ExpectSatisfies("^ 1.2", "1.5.0", true);
}

TEST(NpmRangeTest, HyphenRanges) {
  ExpectSatisfies("1.2.3 - 2.3.4", "2.3.4", true);
  ExpectSatisfies("1.2.3 - 2.3.4", "2.3.5", false);
  ExpectSatisfies("1.2 - 2.3", "2.3.9", true);
  ExpectSatisfies("1.2 - 2.3", "2.4.0", false);
  ExpectSatisfies("1.2.3 - 2", "2.9.9", true);
  ExpectSatisfies("1.2.3-2.3.4", "1.2.3", false);  // no spaces: one (invalid-looking) version
}

TEST(NpmRangeTest, PreReleasesOnlyThroughTheSameTuple) {
  ExpectSatisfies(">1.2.3-alpha.3", "1.2.3-alpha.7", true);
  ExpectSatisfies(">1.2.3-alpha.3", "3.4.5-alpha.9", false);
  ExpectSatisfies(">1.2.3-alpha.3", "3.4.5", true);
  ExpectSatisfies("^1.2.3-beta.2", "1.2.3-beta.4", true);
  ExpectSatisfies("^1.2.3-beta.2", "1.2.4-beta.1", false);
  ExpectSatisfies("*", "1.0.0-beta", false);
  ExpectSatisfies("1.0.0-rc.1 || >=2", "1.0.0-rc.1", true);
  // A set that is just "any" replaces the others (node-semver's Range constructor), and "any"
  // refuses pre-releases.
  ExpectSatisfies("0.1.2-rc || ~X", "0.1.2-rc", false);
  ExpectSatisfies("0.1.2-rc || * 1.x", "0.1.2-rc", true);
  ExpectSatisfies("<0.0.0-0 || 1.0.0", "1.0.0", true);
}

TEST(NpmRangeTest, InvalidRangesAndVersions) {
  EXPECT_FALSE(NpmSatisfies("foo", "1.0.0").has_value());
  EXPECT_FALSE(NpmSatisfies(">=a", "1.0.0").has_value());
  EXPECT_FALSE(NpmSatisfies("1.2.3.4", "1.0.0").has_value());
  EXPECT_FALSE(NpmSatisfies("^1.0.0", "1.0").has_value());
  EXPECT_FALSE(NpmSatisfies("^1.0.0", "=1.0.0").has_value());
}

}  // namespace
}  // namespace medtra::sbom
