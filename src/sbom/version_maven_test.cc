// Expected orders checked by hand against Maven's ComparableVersion (its documentation and the
// cases of its own test suite); tests/oracles/oracle_maven_test.cc compares with the real class.
#include <gtest/gtest.h>

#include "medtra/sbom/version.h"
#include "sbom/version_test_support.h"

namespace medtra::sbom {
namespace {

constexpr VersionScheme kMvn = VersionScheme::kMaven;

TEST(MavenVersionTest, QualifierOrder) {
  ExpectAscending(kMvn, {"1-alpha", "1-beta", "1-milestone", "1-rc", "1-snapshot", "1", "1-sp",
                         "1-abc", "1-xyz", "1-1"});
  ExpectEqual(kMvn, "1-cr", "1-rc");
  ExpectEqual(kMvn, "1-ga", "1");
  ExpectEqual(kMvn, "1-final", "1");
  ExpectEqual(kMvn, "1-release", "1");
  ExpectEqual(kMvn, "1-SNAPSHOT", "1-snapshot");
}

TEST(MavenVersionTest, ShortQualifiersBeforeDigits) {
  ExpectEqual(kMvn, "1a1", "1-alpha-1");
  ExpectEqual(kMvn, "1b2", "1-beta-2");
  ExpectEqual(kMvn, "1m3", "1-milestone-3");
  ExpectAscending(kMvn, {"1-alpha-1", "1-a"});  // "a" without a digit is an unknown qualifier
}

TEST(MavenVersionTest, PaddingAndSeparators) {
  ExpectEqual(kMvn, "1", "1.0.0");
  ExpectEqual(kMvn, "1.0-0", "1");
  ExpectEqual(kMvn, "1.0.0.x1", "1-x-1");
  ExpectAscending(kMvn, {"1", "1.1", "1.1.1", "1.2", "1.10", "2", "10"});
  ExpectAscending(kMvn, {"1-1", "1.1"});  // a list before a number
  ExpectAscending(kMvn, {"1-sp", "1-1", "1.0.1"});
  ExpectAscending(kMvn, {"1.0-alpha-1", "1.0-alpha-2", "1.0-beta-1", "1.0-SNAPSHOT", "1.0",
                         "1.0-sp-1", "1.0.1"});
  ExpectAscending(kMvn, {"2.0.0", "12345678901234567890"});
}

}  // namespace
}  // namespace medtra::sbom
