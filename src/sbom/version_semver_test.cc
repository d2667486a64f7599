#include <gtest/gtest.h>

#include "medtra/sbom/version.h"
#include "sbom/version_test_support.h"

namespace medtra::sbom {
namespace {

constexpr VersionScheme kSemver = VersionScheme::kSemver;

TEST(SemverVersionTest, PrecedenceOfSemver2Section11) {
  ExpectAscending(kSemver,
                  {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                   "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"});
}

TEST(SemverVersionTest, NumericIdentifiersBeforeAlphanumericAndHugeNumbersExact) {
  ExpectAscending(kSemver, {"1.0.0-2", "1.0.0-10", "1.0.0-1a", "1.0.0-a"});
  ExpectAscending(kSemver, {"99999999999999999999.0.0", "100000000000000000000.0.0"});
}

TEST(SemverVersionTest, BuildMetadataIsIgnoredAndGoPrefixAccepted) {
  ExpectEqual(kSemver, "1.0.0+build.1", "1.0.0+other");
  ExpectEqual(kSemver, "v1.2.3", "1.2.3");
  ExpectEqual(kSemver, "v1.2.3-rc.1+x", "1.2.3-rc.1");
}

TEST(SemverVersionTest, StrictSyntax) {
  for (const char* bad : {"1", "1.2", "01.2.3", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3+",
                          "1.2.3-a..b", "=1.2.3", " 1.2.3", "V1.2.3", "1.2.3.4", "1.2.3-a_b"}) {
    EXPECT_FALSE(IsValidVersion(kSemver, bad)) << bad;
  }
  EXPECT_TRUE(IsValidVersion(kSemver, "1.2.3-0a.-.1+001.b"));
}

TEST(NpmVersionTest, NodeSemverParsingWithoutOptions) {
  constexpr VersionScheme kNpm = VersionScheme::kNpm;
  EXPECT_TRUE(IsValidVersion(kNpm, " v1.2.3 "));
  EXPECT_FALSE(IsValidVersion(kNpm, "=1.2.3"));                // '=' only in ranges
  EXPECT_FALSE(IsValidVersion(kNpm, "9007199254740992.0.0"));  // above MAX_SAFE_INTEGER
  EXPECT_TRUE(IsValidVersion(kNpm, "9007199254740991.0.0"));
  EXPECT_FALSE(IsValidVersion(kNpm, "1.2.3-" + std::string(260, 'a')));  // over 256 characters
  ExpectAscending(kNpm, {"1.2.3-beta", "1.2.3", "1.2.4-0"});
}

}  // namespace
}  // namespace medtra::sbom
