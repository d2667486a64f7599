// Test helper: asserts that a list of versions is strictly ascending in a scheme (every pair,
// both ways), and that equal spellings compare equal.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "medtra/sbom/version.h"

namespace medtra::sbom {

inline void ExpectAscending(VersionScheme scheme, const std::vector<std::string>& versions) {
  for (std::size_t i = 0; i < versions.size(); ++i) {
    EXPECT_TRUE(IsValidVersion(scheme, versions[i])) << versions[i];
    for (std::size_t j = 0; j < versions.size(); ++j) {
      const std::optional<int> c = CompareVersions(scheme, versions[i], versions[j]);
      ASSERT_TRUE(c.has_value()) << versions[i] << " vs " << versions[j];
      const int expected = i < j ? -1 : (i > j ? 1 : 0);
      EXPECT_EQ((*c > 0) - (*c < 0), expected) << versions[i] << " vs " << versions[j];
    }
  }
}

inline void ExpectEqual(VersionScheme scheme, const std::string& a, const std::string& b) {
  EXPECT_EQ(CompareVersions(scheme, a, b), std::optional<int>(0)) << a << " vs " << b;
}

}  // namespace medtra::sbom
