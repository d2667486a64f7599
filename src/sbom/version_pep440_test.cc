#include <gtest/gtest.h>

#include "medtra/sbom/version.h"
#include "sbom/version_test_support.h"

namespace medtra::sbom {
namespace {

constexpr VersionScheme kPy = VersionScheme::kPep440;

TEST(Pep440VersionTest, DevPrePostAndLocalOrder) {
  ExpectAscending(kPy,
                  {"1.0.dev0", "1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1.dev1", "1.0a1.post1",
                   "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.0+local", "1.0.post1.dev0", "1.0.post1",
                   "1.0.post1+x", "1.0.1", "1.1.dev1", "2", "1!0.1"});
}

TEST(Pep440VersionTest, LocalSegmentsCompareNumbersAfterStrings) {
  ExpectAscending(
      kPy, {"1.0", "1.0+abc", "1.0+abc.1", "1.0+abd", "1.0+1", "1.0+1.abc", "1.0+2", "1.0+10"});
  ExpectEqual(kPy, "1.0+ubuntu-1", "1.0+ubuntu.1");
  ExpectEqual(kPy, "1.0+01", "1.0+1");
}

TEST(Pep440VersionTest, NormalisedSpellings) {
  ExpectEqual(kPy, "1.0", "1.0.0");
  ExpectEqual(kPy, "1.0a1", "1.0.ALPHA-1");
  ExpectEqual(kPy, "1.0b2", "1.0beta2");
  ExpectEqual(kPy, "1.0rc1", "1.0c1");
  ExpectEqual(kPy, "1.0rc1", "1.0-pre1");
  ExpectEqual(kPy, "1.0rc1", "1.0preview_1");
  ExpectEqual(kPy, "1.0a0", "1.0a");
  ExpectEqual(kPy, "1.0.post1", "1.0-1");
  ExpectEqual(kPy, "1.0.post1", "1.0rev1");
  ExpectEqual(kPy, "1.0.post0", "1.0.r");
  ExpectEqual(kPy, "1.0.dev0", "1.0-dev");
  ExpectEqual(kPy, "0!1.0", "v1.0");
  ExpectEqual(kPy, "1.0", "  V1.0\t");
  ExpectEqual(kPy, "1.0", "1.00");
  ExpectEqual(kPy, "1.0.post0", "1.0.post-");  // the separator stays matched without a number
}

TEST(Pep440VersionTest, InvalidVersions) {
  for (const char* bad : {"", "a", "1.0-", "1..0", "1.0+", "1.0+-x", "1.0 dev", "1.0.", "v", "1!",
                          "1.0a1a", "0x1", "1.0_", "1.0+a..b"}) {
    EXPECT_FALSE(IsValidVersion(kPy, bad)) << bad;
  }
}

}  // namespace
}  // namespace medtra::sbom
