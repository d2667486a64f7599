// Version dispatch, severity ratings, and rejection of every public malformed vector.
#include "medtra/risk/cvss/cvss.h"
#include "medtra/risk/cvss/cvss31.h"
#include "medtra/risk/cvss/cvss40.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include "tests/testing/shared_data.h"

namespace medtra::risk::cvss {
namespace {

TEST(CvssTest, EveryPublicMalformedVectorIsRejected) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  std::ifstream file(medtra::testing::SharedDataPath("cvss/cvss_invalid_public.txt"));
  ASSERT_TRUE(file) << medtra::testing::SharedDataPath("cvss/cvss_invalid_public.txt");
  std::string line;
  int count = 0;
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    const Result<CvssAssessment> result = AssessVector(line);
    EXPECT_FALSE(result.ok()) << line;
    EXPECT_FALSE(result.message().empty()) << line;
    ++count;
  }
  EXPECT_EQ(count, 60);
}

TEST(CvssTest, DetectsTheVersion) {
  EXPECT_EQ(*DetectCvssVersion("CVSS:3.1/AV:N"), CvssVersion::kV31);
  EXPECT_EQ(*DetectCvssVersion("CVSS:4.0/AV:N"), CvssVersion::kV40);
  EXPECT_EQ(DetectCvssVersion("CVSS:4.0").message(), "no metrics after 'CVSS:4.0'");
  EXPECT_EQ(DetectCvssVersion("CVSS:2.0/AV:N").message(),
            "unsupported CVSS version '2.0' (expected 3.1 or 4.0)");
  EXPECT_EQ(DetectCvssVersion("AV:N/AC:L").message(),
            "invalid prefix 'AV:N' (expected 'CVSS:3.1' or 'CVSS:4.0')");
  EXPECT_EQ(CvssVersionName(CvssVersion::kV40), "4.0");
}

TEST(CvssTest, AssessesBothVersions) {
  const Result<CvssAssessment> v31 = AssessVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  ASSERT_TRUE(v31.ok());
  EXPECT_EQ(v31->version, CvssVersion::kV31);
  EXPECT_EQ(v31->v31.base.tenths, 98);
  const Result<CvssAssessment> v40 =
      AssessVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
  ASSERT_TRUE(v40.ok());
  EXPECT_EQ(v40->version, CvssVersion::kV40);
  EXPECT_EQ(v40->v40.score.tenths, 93);
}

TEST(CvssTest, SeverityRatingBoundaries) {
  EXPECT_EQ(RatingForTenths(0), Rating::kNone);
  EXPECT_EQ(RatingForTenths(1), Rating::kLow);
  EXPECT_EQ(RatingForTenths(39), Rating::kLow);
  EXPECT_EQ(RatingForTenths(40), Rating::kMedium);
  EXPECT_EQ(RatingForTenths(69), Rating::kMedium);
  EXPECT_EQ(RatingForTenths(70), Rating::kHigh);
  EXPECT_EQ(RatingForTenths(89), Rating::kHigh);
  EXPECT_EQ(RatingForTenths(90), Rating::kCritical);
  EXPECT_EQ(RatingForTenths(100), Rating::kCritical);
  EXPECT_EQ(RatingName(Rating::kMedium), "Medium");
  EXPECT_EQ(FormatScore({0}), "0.0");
  EXPECT_EQ(FormatScore({5}), "0.5");
  EXPECT_EQ(FormatScore({98}), "9.8");
  EXPECT_EQ(FormatScore({100}), "10.0");
}

TEST(CvssTest, MetricTablesAreExposedInSpecificationOrder) {
  using Values = std::vector<std::string_view>;
  EXPECT_EQ(Cvss31MetricValues(Cvss31Metric::kAV), (Values{"N", "A", "L", "P"}));
  EXPECT_EQ(Cvss31MetricValues(Cvss31Metric::kRL), (Values{"X", "U", "W", "T", "O"}));
  EXPECT_TRUE(Cvss31MetricMandatory(Cvss31Metric::kA));
  EXPECT_FALSE(Cvss31MetricMandatory(Cvss31Metric::kE));
  EXPECT_EQ(Cvss40MetricValues(Cvss40Metric::kU), (Values{"X", "Clear", "Green", "Amber", "Red"}));
  EXPECT_TRUE(Cvss40MetricMandatory(Cvss40Metric::kSA));
  EXPECT_FALSE(Cvss40MetricMandatory(Cvss40Metric::kE));
}

}  // namespace
}  // namespace medtra::risk::cvss
