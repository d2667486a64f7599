// QuarterlyTrend: the scan's metrics per calendar quarter from publication and decision dates.
#include <gtest/gtest.h>

#include "medtra/sbom/scan.h"
#include "sbom/dates.h"

namespace medtra::sbom {
namespace {

ScanEntry Match(const std::string& advisory, const std::string& published,
                const std::string& status = "", const std::string& date = "") {
  ScanEntry e;
  e.advisory = advisory;
  e.published = published;
  e.vex.status = status;
  e.vex.date = date;
  return e;
}

/// quarter published decided open_at_end median_decision_days, one line per quarter.
std::string Rows(const ScanTrend& trend) {
  std::string rows;
  for (const QuarterMetrics& q : trend.quarters) {
    rows += q.quarter + " " + std::to_string(q.published) + " " + std::to_string(q.decided) + " " +
            std::to_string(q.open_at_end) + " " + std::to_string(q.median_decision_days) + "\n";
  }
  return rows;
}

class QuarterlyTrendTest : public ::testing::Test {
 protected:
  std::vector<ScanEntry> entries_ = {
      Match("A", "2026-02-10", "not_affected", "2026-02-20"),  // decided in its quarter, 10 days
      Match("B", "2026-03-15", "fixed", "2026-05-04"),         // decided a quarter later, 50 days
      Match("C", "2026-04-01"),                                // never decided
      Match("D", "2026-07-30", "affected", "2026-08-09"),      // 10 days
      Match("E", "2026-08-01", "under_investigation", "2026-08-05"),  // not a final decision
      Match("F", ""),                                                 // no publication date
      Match("G", "2026-13-01"),                                       // not a date
      Match("H", "2026-05-01", "not_affected", ""),  // a final decision without a date
  };
};

TEST_F(QuarterlyTrendTest, CountsEachQuarterFromTheFirstDateToToday) {
  const ScanTrend trend = QuarterlyTrend(entries_, "2026-09-30");
  EXPECT_EQ(Rows(trend),
            "2026-Q1 2 1 1 10\n"
            "2026-Q2 1 1 1 50\n"
            "2026-Q3 2 1 2 10\n");
  EXPECT_EQ(trend.undated, 3);
}

TEST_F(QuarterlyTrendTest, AnUndecidedMatchStaysOpen) {
  entries_[3].vex = {};                            // D undecided
  entries_[1].vex.status = "under_investigation";  // B no longer fixed in 2026-Q2
  const ScanTrend trend = QuarterlyTrend(entries_, "2026-09-30");
  EXPECT_EQ(Rows(trend),
            "2026-Q1 2 1 1 10\n"
            "2026-Q2 1 0 2 -1\n"
            "2026-Q3 2 0 4 -1\n");
  EXPECT_EQ(trend.undated, 3);
}

TEST(QuarterlyTrend, RunsOnToTheQuarterOfTodayAcrossTheYear) {
  const std::vector<ScanEntry> entries = {Match("A", "2026-11-30")};
  EXPECT_EQ(Rows(QuarterlyTrend(entries, "2027-02-01")),
            "2026-Q4 1 0 1 -1\n"
            "2027-Q1 0 0 1 -1\n");
  // Undated, the scan ends with the latest date; a date before it does not cut the trend.
  EXPECT_EQ(Rows(QuarterlyTrend(entries, "")), "2026-Q4 1 0 1 -1\n");
  EXPECT_EQ(Rows(QuarterlyTrend(entries, "2026-01-05")), "2026-Q4 1 0 1 -1\n");
}

TEST(QuarterlyTrend, ADecisionBeforePublicationCountsButNotInTheMedian) {
  const std::vector<ScanEntry> entries = {
      Match("A", "2026-11-30", "not_affected", "2026-09-15"),
      Match("B", "2026-10-01", "fixed", "2026-10-08"),
  };
  EXPECT_EQ(Rows(QuarterlyTrend(entries, "")),
            "2026-Q3 0 1 0 -1\n"
            "2026-Q4 2 1 0 7\n");
}

TEST(QuarterlyTrend, WithoutDatesThereAreNoQuarters) {
  const std::vector<ScanEntry> entries = {Match("A", ""), Match("B", "2026-10-01", "fixed")};
  const ScanTrend trend = QuarterlyTrend(entries, "2026-12-01");
  EXPECT_TRUE(trend.quarters.empty());
  EXPECT_EQ(trend.undated, 2);
  EXPECT_TRUE(QuarterlyTrend({}, "2026-12-01").quarters.empty());
}

TEST(QuarterlyTrend, AssessPostmarketDatesTheTrendByTheScan) {
  ScanResult result;
  result.entries = {Match("A", "2026-06-30")};
  result.today = "2026-07-01";
  AssessPostmarket({}, &result);
  EXPECT_EQ(Rows(result.metrics.trend), "2026-Q2 1 0 1 -1\n2026-Q3 0 0 1 -1\n");
}

TEST(Dates, QuartersAndMedians) {
  EXPECT_EQ(QuarterOf("2026-03-31"), 2026 * 4);
  EXPECT_EQ(QuarterOf("2026-04-01T00:00:00Z"), 2026 * 4 + 1);
  EXPECT_EQ(QuarterOf("2026-12-31"), 2026 * 4 + 3);
  EXPECT_EQ(QuarterOf("2026-02-30"), std::nullopt);
  EXPECT_EQ(QuarterOf(""), std::nullopt);
  EXPECT_EQ(QuarterName(2026 * 4 + 2), "2026-Q3");
  EXPECT_EQ(QuarterName(999 * 4), "0999-Q1");
  EXPECT_EQ(MedianDays({}), -1);
  EXPECT_EQ(MedianDays({7, 4}), 4);
  EXPECT_EQ(MedianDays({9, 1, 5}), 5);
}

}  // namespace
}  // namespace medtra::sbom
