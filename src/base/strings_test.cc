// Tests of the string helpers.
#include "medtra/base/strings.h"

#include <gtest/gtest.h>

namespace medtra {
namespace {

TEST(EditDistanceTest, CountsEdits) {
  EXPECT_EQ(EditDistance("kitten", "sitting", 10), 3);
  EXPECT_EQ(EditDistance("", "abc", 10), 3);
  EXPECT_EQ(EditDistance("same", "same", 0), 0);
  EXPECT_EQ(EditDistance("abcdef", "uvwxyz", 2), 3);  // gives up past max
}

TEST(DidYouMeanTest, SuggestsCloseKeysOnly) {
  const std::vector<std::string> keys = {"components", "zones", "flows", "assets"};
  EXPECT_EQ(DidYouMean("componnets", keys), " (did you mean 'components'?)");
  EXPECT_EQ(DidYouMean("flow", keys), " (did you mean 'flows'?)");
  EXPECT_EQ(DidYouMean("banana", keys), "");
}

TEST(FormatFixedTest, UsesExactDecimals) {
  EXPECT_EQ(FormatFixed(9.8, 1), "9.8");
  EXPECT_EQ(FormatFixed(10, 1), "10.0");
  EXPECT_EQ(FormatFixed(0.125, 2), "0.12");
}

TEST(SplitTest, KeepsEmptyFields) {
  EXPECT_EQ(Split("a/b//c", '/'), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(Split("", '/'), (std::vector<std::string>{""}));
}

}  // namespace
TEST(GlobMatchTest, StarMatchesAnyRunOtherCharactersThemselves) {
  EXPECT_TRUE(GlobMatch("comm-replay@F-telemetry", "comm-replay@F-telemetry"));
  EXPECT_FALSE(GlobMatch("comm-replay@F-telemetry", "comm-replay@F-telemetry2"));
  EXPECT_TRUE(GlobMatch("comm-*@F-telemetry", "comm-replay@F-telemetry"));
  EXPECT_TRUE(GlobMatch("comm-*@F-telemetry", "comm-@F-telemetry"));
  EXPECT_FALSE(GlobMatch("comm-*@F-telemetry", "device-x@F-telemetry"));
  EXPECT_FALSE(GlobMatch("comm-*@F-telemetry", "comm-replay@F-other"));
  EXPECT_TRUE(GlobMatch("*@icd*", "medical-battery-drain@icd@F-telemetry"));
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_FALSE(GlobMatch("a*b", "a"));
  EXPECT_TRUE(GlobMatch("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(GlobMatch("a*b*c", "aXbYbZ"));
}

}  // namespace medtra
