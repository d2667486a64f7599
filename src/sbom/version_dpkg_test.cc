#include <gtest/gtest.h>

#include "medtra/sbom/version.h"
#include "sbom/version_test_support.h"

namespace medtra::sbom {
namespace {

constexpr VersionScheme kDeb = VersionScheme::kDebian;

TEST(DpkgVersionTest, TildeSortsBeforeEverythingEvenTheEnd) {
  ExpectAscending(kDeb, {"1.0~~", "1.0~~a", "1.0~", "1.0~rc1", "1.0", "1.0-1", "1.0a", "1.0+",
                         "1.0+dfsg", "1.0.1"});
}

TEST(DpkgVersionTest, LettersSortBeforeNonLetters) {
  ExpectAscending(kDeb, {"1.0", "1.0A", "1.0Z", "1.0a", "1.0z", "1.0+", "1.0."});
  ExpectEqual(kDeb, "1.0.", "1.0.0");  // the empty number after the dot is 0
}

TEST(DpkgVersionTest, EpochWinsOverUpstream) {
  ExpectAscending(kDeb, {"0.1", "2.0", "1:0.1", "1:2.0", "2:0"});
  ExpectEqual(kDeb, "0:1.0", "1.0");
  ExpectEqual(kDeb, "01:1.0", "1:1.0");
}

TEST(DpkgVersionTest, NumbersCompareByValueAndRevisionsLast) {
  ExpectAscending(kDeb, {"1.2", "1.9", "1.10", "1.10-1", "1.10-1ubuntu1", "1.10-2", "1.10-10"});
  ExpectEqual(kDeb, "1.01", "1.1");
  ExpectEqual(kDeb, "1.0-0", "1.0");
  ExpectAscending(kDeb, {"1.2.1-2.2+wheezy2", "1.2.1-2.2+wheezy3", "1.2.1-2.3"});
}

TEST(DpkgVersionTest, ValidityIsWhatDpkgAcceptsWithoutWarnings) {
  for (const char* ok : {"1", "1.0-1", "1:1.0", "1.0-a-b", "1:1:2", "1.0+~.", " 1.0 "}) {
    EXPECT_TRUE(IsValidVersion(kDeb, ok)) << ok;
  }
  for (const char* bad : {"", " ", "a1", "1 0", "1:", ":1", "a:1", "1-", "1_0", "1.0-1_1", "-1",
                          "1:-1", "99999999999:1"}) {
    EXPECT_FALSE(IsValidVersion(kDeb, bad)) << bad;
    EXPECT_FALSE(CompareVersions(kDeb, bad, "1").has_value()) << bad;
  }
  // dpkg trims blanks (space, tab) only; strtol skips any white space before the epoch.
  ExpectEqual(kDeb, "\t1.0 \t", "1.0");
  EXPECT_FALSE(IsValidVersion(kDeb, "1.0\n"));
  EXPECT_FALSE(IsValidVersion(kDeb, "1.0\r"));
  ExpectEqual(kDeb, "\n1:0", "1:0");
}

}  // namespace
}  // namespace medtra::sbom
