// CVSS 3.1: the public reference vectors, each metric, Roundup edges and exact parser errors.
#include "medtra/risk/cvss/cvss31.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "medtra/base/strings.h"
#include "tests/testing/shared_data.h"

namespace medtra::risk::cvss {
namespace {

constexpr char kBase[] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

std::string Scores(std::string_view vector) {
  Result<Cvss31Vector> parsed = ParseCvss31(vector);
  if (!parsed.ok()) return "error: " + parsed.message();
  const Cvss31Scores s = ScoreCvss31(*parsed);
  return FormatScore(s.base) + " " + FormatScore(s.temporal) + " " + FormatScore(s.environmental);
}

std::string Error(std::string_view vector) {
  Result<Cvss31Vector> parsed = ParseCvss31(vector);
  return parsed.ok() ? "ok" : parsed.message();
}

TEST(Cvss31Test, EveryPublicReferenceVectorIsExact) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  std::ifstream file(medtra::testing::SharedDataPath("cvss/cvss31_public.tsv"));
  ASSERT_TRUE(file) << "missing " << medtra::testing::SharedDataPath("cvss/cvss31_public.tsv");
  std::string line;
  int count = 0;
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> f = Split(line, '\t');
    ASSERT_EQ(f.size(), 7u) << line;
    Result<Cvss31Vector> parsed = ParseCvss31(f[0]);
    ASSERT_TRUE(parsed.ok()) << f[0] << ": " << parsed.message();
    const Cvss31Scores s = ScoreCvss31(*parsed);
    const std::string got =
        FormatScore(s.base) + "\t" + std::string(RatingName(s.base.rating())) + "\t" +
        FormatScore(s.temporal) + "\t" + std::string(RatingName(s.temporal.rating())) + "\t" +
        FormatScore(s.environmental) + "\t" + std::string(RatingName(s.environmental.rating()));
    EXPECT_EQ(f[0] + "\t" + got, line);
    ++count;
  }
  EXPECT_EQ(count, 2773);
}

TEST(Cvss31Test, RoundupFollowsAppendixA) {
  EXPECT_EQ(Roundup31(4.000000000000001), 40);  // floating-point noise does not round up
  EXPECT_EQ(Roundup31(4.02), 41);
  EXPECT_EQ(Roundup31(4.0), 40);
  EXPECT_EQ(Roundup31(4.00001), 41);  // a real excess of 1e-5 does
  EXPECT_EQ(Roundup31(4.000004), 40);
  EXPECT_EQ(Roundup31(0.0), 0);
  EXPECT_EQ(Roundup31(0.01), 1);
  EXPECT_EQ(Roundup31(9.91), 100);
  EXPECT_EQ(Roundup31(10.0), 100);
  EXPECT_EQ(Roundup31(7.2999999999999998), 73);
}

TEST(Cvss31Test, BaseMetricsEachValue) {
  EXPECT_EQ(Scores(kBase), "9.8 9.8 9.8");
  EXPECT_EQ(Scores("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), "8.8 8.8 8.8");
  EXPECT_EQ(Scores("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), "8.4 8.4 8.4");
  EXPECT_EQ(Scores("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), "6.8 6.8 6.8");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"), "8.1 8.1 8.1");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"), "8.8 8.8 8.8");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"), "7.2 7.2 7.2");
  // PR weighs more under Scope:Changed (0.68 / 0.50 instead of 0.62 / 0.27).
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H"), "9.9 9.9 10.0");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H"), "9.1 9.1 9.1");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"), "8.8 8.8 8.8");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), "10.0 10.0 10.0");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"), "5.3 5.3 5.3");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N"), "7.5 7.5 7.5");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"), "5.3 5.3 5.3");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"), "0.0 0.0 0.0");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), "6.1 6.1 6.1");
  // Scope:Changed with no environmental metric: the modified-impact formula differs.
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H"), "9.6 9.6 9.7");
}

TEST(Cvss31Test, TemporalMetricsEachValue) {
  const std::string base = kBase;
  EXPECT_EQ(Scores(base + "/E:X"), "9.8 9.8 9.8");
  EXPECT_EQ(Scores(base + "/E:H"), "9.8 9.8 9.8");
  EXPECT_EQ(Scores(base + "/E:F"), "9.8 9.6 9.6");
  EXPECT_EQ(Scores(base + "/E:P"), "9.8 9.3 9.3");
  EXPECT_EQ(Scores(base + "/E:U"), "9.8 9.0 9.0");
  EXPECT_EQ(Scores(base + "/RL:U"), "9.8 9.8 9.8");
  EXPECT_EQ(Scores(base + "/RL:W"), "9.8 9.6 9.6");
  EXPECT_EQ(Scores(base + "/RL:T"), "9.8 9.5 9.5");
  EXPECT_EQ(Scores(base + "/RL:O"), "9.8 9.4 9.4");
  EXPECT_EQ(Scores(base + "/RC:C"), "9.8 9.8 9.8");
  EXPECT_EQ(Scores(base + "/RC:R"), "9.8 9.5 9.5");
  EXPECT_EQ(Scores(base + "/RC:U"), "9.8 9.1 9.1");
}

TEST(Cvss31Test, EnvironmentalMetricsEachValue) {
  const std::string base = kBase;
  EXPECT_EQ(Scores(base + "/CR:L/IR:L/AR:L"), "9.8 9.8 8.0");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/CR:H"), "7.3 7.3 7.7");
  EXPECT_EQ(Scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/IR:M"), "7.3 7.3 7.3");
  EXPECT_EQ(Scores(base + "/MAV:P"), "9.8 9.8 6.8");
  EXPECT_EQ(Scores(base + "/MAC:H"), "9.8 9.8 8.1");
  EXPECT_EQ(Scores(base + "/MPR:H"), "9.8 9.8 7.2");
  EXPECT_EQ(Scores(base + "/MUI:R"), "9.8 9.8 8.8");
  EXPECT_EQ(Scores(base + "/MS:C"), "9.8 9.8 10.0");
  EXPECT_EQ(Scores(base + "/MC:N/MI:N/MA:N"), "9.8 9.8 0.0");
  EXPECT_EQ(Scores(base + "/MC:L/MI:L/MA:L"), "9.8 9.8 7.3");
  EXPECT_EQ(Scores(base + "/MAV:X/MAC:X/MPR:X/MUI:X/MS:X/MC:X/MI:X/MA:X"), "9.8 9.8 9.8");
}

TEST(Cvss31Test, AnyOrderAndExplicitX) {
  EXPECT_EQ(Scores("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N"), "9.8 9.8 9.8");
  EXPECT_EQ(Scores("CVSS:3.1/E:U/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:X"), "9.8 9.0 9.0");
}

TEST(Cvss31Test, SubScores) {
  const Cvss31Scores s = ScoreCvss31(*ParseCvss31(kBase));
  EXPECT_NEAR(s.exploitability, 3.887, 0.001);
  EXPECT_NEAR(s.impact, 5.873, 0.001);
  EXPECT_DOUBLE_EQ(s.modified_exploitability, s.exploitability);
}

TEST(Cvss31Test, ParserErrorsNameTheFault) {
  EXPECT_EQ(Error(std::string(kBase) + "/AV:N"), "duplicate metric 'AV'");
  EXPECT_EQ(Error("CVSS:3.1/AV:N/AC:Q/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "unknown value 'Q' for metric 'AC'");
  EXPECT_EQ(Error("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H"), "missing mandatory metric 'S'");
  EXPECT_EQ(Error("CVSS:3.1/AV:N/PR:N/UI:N/C:H/I:H/A:H"), "missing mandatory metrics 'AC', 'S'");
  EXPECT_EQ(Error("CVSS:3.1/AV:N/AC:X/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "unknown value 'X' for metric 'AC'");
  EXPECT_EQ(Error(std::string(kBase) + "/AX:N"), "unknown metric 'AX'");
  EXPECT_EQ(Error(std::string(kBase) + "/av:N"), "unknown metric 'av' (did you mean 'AV'?)");
  EXPECT_EQ(Error(std::string(kBase) + "/E:f"),
            "unknown value 'f' for metric 'E' (did you mean 'F'?)");
  EXPECT_EQ(Error(std::string(kBase) + "/E:"), "missing value for metric 'E'");
  EXPECT_EQ(Error(std::string(kBase) + "/"), "trailing '/' after the last metric");
  EXPECT_EQ(Error("CVSS:3.1/AV:N//AC:L"), "empty metric at column 15 (doubled '/')");
  EXPECT_EQ(Error("CVSS:3.1/AV:N:N/AC:L"), "malformed metric 'AV:N:N' (expected KEY:VALUE)");
  EXPECT_EQ(Error("CVSS:3.1/AVN/AC:L"), "malformed metric 'AVN' (expected KEY:VALUE)");
  EXPECT_EQ(Error("CVSS:3.1/:N"), "malformed metric ':N' (expected KEY:VALUE)");
  EXPECT_EQ(Error("CVSS:3.1/"), "no metrics after 'CVSS:3.1/'");
  EXPECT_EQ(Error("CVSS:3.1"), "no metrics after 'CVSS:3.1'");
  EXPECT_EQ(Error(""), "empty vector");
  EXPECT_EQ(Error("CVSS:3.0/AV:N"), "unsupported CVSS version '3.0' (expected 3.1 or 4.0)");
  EXPECT_EQ(Error("CVSS3.1/AV:N"), "invalid prefix 'CVSS3.1' (expected 'CVSS:3.1' or 'CVSS:4.0')");
  EXPECT_EQ(Error("CVSS:3.1,AV:N,AC:L"), "expected '/' after 'CVSS:3.1'");
  EXPECT_EQ(Error("CVSS:4.0/AV:N"), "expected 'CVSS:3.1', found 'CVSS:4.0'");
  EXPECT_EQ(Error(" CVSS:3.1/AV:N"),
            "invalid prefix ' CVSS:3.1' (expected 'CVSS:3.1' or 'CVSS:4.0')");
}

TEST(Cvss31Test, FormatIsCanonical) {
  const Result<Cvss31Vector> v =
      ParseCvss31("CVSS:3.1/E:U/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/MAV:X");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(FormatCvss31(*v), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U");
  EXPECT_EQ(Cvss31MetricKey(Cvss31Metric::kMPR), "MPR");
}

}  // namespace
}  // namespace medtra::risk::cvss
