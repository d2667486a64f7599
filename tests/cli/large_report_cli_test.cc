// Above 500 threats or findings the HTML and Markdown reports summarise them, and other long tables
// show their first 100 rows; the counts agree with the full JSON report of the same run.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using testing::CommandResult;
using testing::RunCommand;

/// The lines of one "## Title" section of a Markdown report.
std::vector<std::string> SectionLines(const std::string& md, const std::string& title) {
  std::vector<std::string> lines;
  std::istringstream in(md);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) inside = line == "## " + title;
    if (inside) lines.push_back(line);
  }
  return lines;
}

/// The rows (cells, trimmed) of the Markdown table whose header line starts with `header`.
std::vector<std::vector<std::string>> TableRows(const std::vector<std::string>& lines,
                                                const std::string& header) {
  std::vector<std::vector<std::string>> rows;
  size_t i = 0;
  while (i < lines.size() && lines[i].rfind(header, 0) != 0) ++i;
  for (i += 2; i < lines.size() && lines[i].rfind("| ", 0) == 0; ++i) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream row(lines[i].substr(2));
    while (std::getline(row, cell, '|')) {
      const size_t a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    rows.push_back(cells);
  }
  return rows;
}

class LargeReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("medtra-large-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*dir_);
    const std::string model = (*dir_ / "model.yaml").string();
    const CommandResult g = RunCommand(
        {MEDTRA_GENMODEL, "--components", "1500", "--flows", "3000", "--seed", "7", "-o", model});
    ASSERT_EQ(g.exit_code, 0) << g.err;
    const CommandResult md =
        RunCommand({MEDTRA_BIN, "analyze", model, "--format", "md", "-o", "-"});
    ASSERT_EQ(md.exit_code, 0) << md.err;
    md_ = new std::string(md.out);
    const CommandResult json =
        RunCommand({MEDTRA_BIN, "analyze", model, "--format", "json", "-o", "-"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    json_ = new nlohmann::json(nlohmann::json::parse(json.out));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete md_;
    delete json_;
  }
  static std::filesystem::path* dir_;
  static std::string* md_;
  static nlohmann::json* json_;
};
std::filesystem::path* LargeReportTest::dir_ = nullptr;
std::string* LargeReportTest::md_ = nullptr;
nlohmann::json* LargeReportTest::json_ = nullptr;

TEST_F(LargeReportTest, TheThreatSummariesCountWhatTheJsonLists) {
  const nlohmann::json& threats = (*json_)["threats"];
  ASSERT_GT(threats.size(), 500u);
  std::map<std::string, std::map<std::string, size_t>> per_rule;  // rule -> status -> count
  std::map<std::string, size_t> per_status;
  for (const nlohmann::json& t : threats) {
    ++per_rule[t["rule"].get<std::string>()][t["status"].get<std::string>()];
    ++per_status[t["status"].get<std::string>()];
  }
  const std::vector<std::string> lines = SectionLines(*md_, "Derived threats");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[2].rfind(std::to_string(threats.size()) + " threats were derived by " +
                               std::to_string(per_rule.size()) +
                               " rules: " + std::to_string(per_status["open"]) + " open, " +
                               std::to_string(per_status["mitigated"]) + " mitigated",
                           0),
            0u)
      << lines[2];
  for (const auto& row : TableRows(lines, "| Status |")) {
    EXPECT_EQ(row[1], std::to_string(per_status[row[0]])) << row[0];
  }
  const auto rules = TableRows(lines, "| Rule |");
  ASSERT_EQ(rules.size(), per_rule.size());
  size_t total = 0;
  for (const auto& row : rules) {
    const auto& counts = per_rule[row[0]];
    size_t all = 0;
    for (const auto& [status, n] : counts) all += n;
    EXPECT_EQ(row[1], std::to_string(all)) << row[0];
    EXPECT_EQ(row[2], std::to_string(counts.count("open") ? counts.at("open") : 0)) << row[0];
    total += std::stoul(row[1]);
  }
  EXPECT_EQ(total, threats.size());
  size_t by_kind = 0;
  for (const auto& row : TableRows(lines, "| Component kind |")) by_kind += std::stoul(row[1]);
  EXPECT_EQ(by_kind, threats.size());
  // The most likely open threats: 100 rows, each open, likelihood never rising down the table.
  const auto top = TableRows(lines, "| Threat ID |");
  ASSERT_EQ(top.size(), 100u);
  const std::vector<std::string> scale = (*json_)["risk_method"]["likelihood"];
  auto rank = [&](const std::string& l) {
    return std::find(scale.begin(), scale.end(), l) - scale.begin();
  };
  for (size_t i = 0; i < top.size(); ++i) {
    EXPECT_EQ(top[i][7], "open") << top[i][0];
    if (i > 0) {
      EXPECT_GE(rank(top[i - 1][2]), rank(top[i][2])) << top[i][0];
    }
  }
}

TEST_F(LargeReportTest, TheFindingsAreCountedPerKind) {
  const nlohmann::json& findings = (*json_)["findings"];
  ASSERT_GT(findings.size(), 500u);
  const std::vector<std::string> lines = SectionLines(*md_, "Findings");
  const auto kinds = TableRows(lines, "| Severity | Code | Findings |");
  size_t total = 0;
  for (const auto& row : kinds) total += std::stoul(row[2]);
  EXPECT_EQ(total, findings.size());
  EXPECT_EQ(kinds.front()[0], "error");
  EXPECT_EQ(kinds.back()[0], "note");
  EXPECT_EQ(TableRows(lines, "| Severity | Code | Message |").size(), 100u);
}

TEST_F(LargeReportTest, OtherLongTablesShowTheirFirstRowsAndSaySo) {
  const std::vector<std::string> lines =
      SectionLines(*md_, "Intended use and intended environment");
  bool said = false;
  for (const std::string& line : lines) {
    said = said || line.rfind("The first 100 of 1500 rows", 0) == 0;
  }
  EXPECT_TRUE(said);
  EXPECT_LT(md_->size(), 1u << 20) << "a page a reviewer reads";
}

TEST(SmallReportTest, TheCaseStudyListsEveryThreat) {
  const CommandResult md =
      RunCommand({MEDTRA_BIN, "analyze", std::string(MEDTRA_SOURCE_DIR) + "/examples/icd",
                  "--format", "md", "-o", "-"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  const std::vector<std::string> lines = SectionLines(md.out, "Derived threats");
  EXPECT_GT(TableRows(lines, "| Threat ID |").size(), 10u);
  for (const std::string& line : lines) EXPECT_EQ(line.find("shows summaries"), std::string::npos);
}

}  // namespace
}  // namespace medtra
