// CVSS exploitability -> likelihood level, with default and custom bands.
#include "medtra/risk/cvss/likelihood.h"

#include <gtest/gtest.h>

namespace medtra::risk::cvss {
namespace {

std::string Level(std::string_view vector, const LikelihoodOptions& options = {}) {
  Result<LikelihoodMapping> mapping = LikelihoodFromVector(vector, options);
  return mapping.ok() ? mapping->level : "error: " + mapping.message();
}

TEST(CvssLikelihoodTest, DefaultBandsForCvss31Exploitability) {
  EXPECT_EQ(Level("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), "High");    // 3.89
  EXPECT_EQ(Level("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"), "High");    // 2.84
  EXPECT_EQ(Level("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"), "Medium");  // 2.22
  EXPECT_EQ(Level("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"), "Medium");  // 1.83
  EXPECT_EQ(Level("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"), "Low");     // 1.23
  EXPECT_EQ(Level("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), "Low");     // 0.91
  // The environmental (modified) exploitability is used: MAV:P lowers it.
  EXPECT_EQ(Level("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:P"), "Low");
  LikelihoodOptions base_only;
  base_only.use_environmental = false;
  EXPECT_EQ(Level("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:P", base_only), "High");
}

TEST(CvssLikelihoodTest, DefaultBandsForCvss40Score) {
  EXPECT_EQ(Level("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"), "High");
  EXPECT_EQ(Level("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N"), "Medium");
  EXPECT_EQ(Level("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N"), "Low");
  const Result<LikelihoodMapping> m =
      LikelihoodFromVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", {});
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(m->value, 6.9);
  EXPECT_EQ(m->version, CvssVersion::kV40);
}

TEST(CvssLikelihoodTest, CustomBandsAndValidation) {
  LikelihoodOptions five;
  five.cvss31 = {
      {0, "Improbable"}, {1, "Remote"}, {2, "Occasional"}, {3, "Probable"}, {3.8, "Frequent"}};
  EXPECT_EQ(Level("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", five), "Frequent");
  EXPECT_EQ(Level("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", five), "Remote");
  EXPECT_EQ(LikelihoodForValue(2.0, five.cvss31), "Occasional");  // a minimum is inclusive
  EXPECT_EQ(LikelihoodForValue(-1, five.cvss31), "Improbable");

  LikelihoodOptions bad;
  bad.cvss40 = {{0, "Low"}, {7, "High"}, {4, "Medium"}};
  EXPECT_EQ(ValidateLikelihoodOptions(bad).message(),
            "likelihood bands for CVSS 4.0: band 'Medium' does not start above band 'High'");
  bad.cvss40 = {};
  EXPECT_EQ(ValidateLikelihoodOptions(bad).message(), "likelihood bands for CVSS 4.0: no band");
  EXPECT_EQ(Level("CVSS:3.1/AV:N", {}),
            "error: missing mandatory metrics 'AC', 'PR', 'UI', 'S', "
            "'C', 'I', 'A'");
}

}  // namespace
}  // namespace medtra::risk::cvss
