// The generic version ordering (CPE matches, vers:generic): digit and letter runs in turn.
#include <gtest/gtest.h>

#include "medtra/sbom/version.h"

namespace medtra::sbom {
namespace {

std::optional<int> Cmp(std::string_view a, std::string_view b) {
  return CompareVersions(VersionScheme::kGeneric, a, b);
}

TEST(GenericVersion, NumbersByValueLettersCaseInsensitively) {
  EXPECT_EQ(Cmp("1.10", "1.9"), 1);
  EXPECT_EQ(Cmp("1.9", "1.10"), -1);
  EXPECT_EQ(Cmp("1.01", "1.1"), 0);           // leading zeros
  EXPECT_EQ(Cmp("1.0-beta", "1.0.beta"), 0);  // separators are not compared
  EXPECT_EQ(Cmp("2.4.1a", "2.4.1B"), -1);
  EXPECT_EQ(Cmp("2.4.1RC", "2.4.1rc"), 0);
  EXPECT_EQ(Cmp("10.2", "10.2"), 0);
  EXPECT_EQ(Cmp("99999999999999999999.1", "99999999999999999998.9"), 1);  // any size
}

TEST(GenericVersion, NumbersAfterLettersAndLongerAfterItsPrefix) {
  EXPECT_EQ(Cmp("1.0.1", "1.0"), 1);
  EXPECT_EQ(Cmp("1.0", "1.0a"), -1);
  EXPECT_EQ(Cmp("1.0.1", "1.0a"), 1);  // a number orders after letters at the same place
  EXPECT_EQ(Cmp("3.0.9", "3.0.11"), -1);
  EXPECT_EQ(Cmp("8.5p1", "8.5"), 1);
}

TEST(GenericVersion, InvalidVersions) {
  EXPECT_FALSE(Cmp("", "1").has_value());
  EXPECT_FALSE(Cmp("1 0", "1").has_value());
  EXPECT_FALSE(Cmp("1", "...").has_value());
  EXPECT_FALSE(Cmp(std::string(257, '1'), "1").has_value());
  EXPECT_FALSE(IsValidVersion(VersionScheme::kGeneric, "1.0\xc3\xa9"));
  EXPECT_TRUE(IsValidVersion(VersionScheme::kGeneric, "2023-10-05_r3"));
}

TEST(GenericVersion, VersGenericRanges) {
  std::string error;
  const std::optional<VersRange> range = ParseVers("vers:generic/>=1.2|<1.10", &error);
  ASSERT_TRUE(range.has_value()) << error;
  EXPECT_EQ(VersContains(*range, "1.9"), true);
  EXPECT_EQ(VersContains(*range, "1.10"), false);
  EXPECT_EQ(VersContains(*range, "1.1"), false);
}

}  // namespace
}  // namespace medtra::sbom
