// End-to-end tests of `medtra analyze`: outputs, exit codes, atomic writes, nothing written on
// errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/model_fixture.h"
#include "tests/testing/run_command.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kModel = std::string(MEDTRA_SOURCE_DIR) + "/examples/icd";

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class AnalyzeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medtra-analyze-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AnalyzeCliTest, WritesEveryDefaultFormat) {
  const auto r = RunCommand({MEDTRA_BIN, "analyze", kModel, "-o", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* ext : {"html", "md", "json", "csv", "trace.csv", "dot"}) {
    EXPECT_TRUE(fs::exists(dir_ / "out" / (std::string("report.") + ext))) << ext;
  }
  EXPECT_FALSE(fs::exists(dir_ / "out" / "report.sarif"));
  EXPECT_EQ(r.out, "");
  // No temporary files are left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "out"), fs::directory_iterator()), 6);
}

TEST_F(AnalyzeCliTest, TheFilesStreamedIntoTheFolderAreTheGoldenBytes) {
  // JSON and SARIF go to their files as they are made (never held whole); what lands in the
  // folder is what the golden test checks RenderFormat() against. Run from the source root, as
  // tests/golden/update.sh runs it, so the paths inside are the same.
  ASSERT_EQ(::chdir(MEDTRA_SOURCE_DIR), 0);
  const auto r = RunCommand({MEDTRA_BIN, "analyze", "examples/icd", "--format", "json,sarif,csv,md",
                             "-o", (dir_ / "out").string()});
  ASSERT_LE(r.exit_code, 1) << r.err;
  for (const char* ext : {"json", "sarif", "csv", "md"}) {
    const fs::path golden =
        fs::path(MEDTRA_SOURCE_DIR) / "tests/golden/icd" / (std::string("report.") + ext);
    EXPECT_EQ(ReadText(dir_ / "out" / (std::string("report.") + ext)), ReadText(golden)) << ext;
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "out"), fs::directory_iterator()), 4);
}

TEST_F(AnalyzeCliTest, OneFormatToStdoutMatchesTheFile) {
  const auto r = RunCommand({MEDTRA_BIN, "analyze", kModel, "--format", "json", "-o", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunCommand({MEDTRA_BIN, "analyze", kModel, "--format", "json", "-o", dir_.string()});
  EXPECT_EQ(r.out, ReadText(dir_ / "report.json"));
  EXPECT_NE(r.out.find("\"format\": \"medtra-report\""), std::string::npos);
}

TEST_F(AnalyzeCliTest, FailOnLevels) {
  // Residual levels of the case study: Low and Medium, both acceptable; one note finding.
  auto run = [&](const std::string& level) {
    return RunCommand(
               {MEDTRA_BIN, "analyze", kModel, "--format", "json", "-o", "-", "--fail-on", level})
        .exit_code;
  };
  EXPECT_EQ(run("unacceptable"), 0);
  EXPECT_EQ(run("High"), 0);
  EXPECT_EQ(run("Medium"), 1);
  EXPECT_EQ(run("Low"), 1);
  EXPECT_EQ(run("error"), 0);
  EXPECT_EQ(run("note"), 1);
}

TEST_F(AnalyzeCliTest, UnknownFailOnValueIsAUsageError) {
  const auto r = RunCommand(
      {MEDTRA_BIN, "analyze", kModel, "-o", "-", "--format", "json", "--fail-on", "Hgh"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "medtra: analyze: unknown --fail-on value 'Hgh' (did you mean 'High'?); expected one "
            "of: error, warning, note, unacceptable, Low, Medium, High\n");
}

TEST_F(AnalyzeCliTest, UnknownFormatIsAUsageError) {
  const auto r =
      RunCommand({MEDTRA_BIN, "analyze", kModel, "--format", "htm", "-o", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "medtra: analyze: unknown format 'htm' (did you mean 'html'?); expected a "
            "comma-separated list of: html,md,json,csv,sarif,dot,trace.csv\n");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(AnalyzeCliTest, StdoutTakesOneFormat) {
  const auto r = RunCommand({MEDTRA_BIN, "analyze", kModel, "-o", "-"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "medtra: analyze: '-o -' writes one format to stdout; choose it with --format\n");
}

TEST_F(AnalyzeCliTest, InputErrorWritesNothingAndKeepsOldReports) {
  fs::create_directories(dir_ / "model");
  fs::copy(kModel, dir_ / "model", fs::copy_options::recursive);
  std::ofstream(dir_ / "model" / "zz-broken.yaml") << "medtra: 1\nzones:\n  - {id: Z-x, nme: X}\n";
  fs::create_directories(dir_ / "out");
  std::ofstream(dir_ / "out" / "report.json") << "previous";
  const auto r =
      RunCommand({MEDTRA_BIN, "analyze", (dir_ / "model").string(), "-o", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 2);
  const std::string file = (dir_ / "model" / "zz-broken.yaml").string();
  EXPECT_EQ(r.err, file + ":3:5: error: missing required key 'name' in zone [missing-key]\n" +
                       "    - {id: Z-x, nme: X}\n      ^\n" + file +
                       ":3:15: error: unknown key 'nme' in zone (did you mean 'name'?) "
                       "[unknown-key]\n    - {id: Z-x, nme: X}\n                ^\n");
  EXPECT_EQ(ReadText(dir_ / "out" / "report.json"), "previous");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "out"), fs::directory_iterator()), 1);
}

TEST_F(AnalyzeCliTest, JsonThreatsCiteTheirRulesEmb3dIdsAfterTheCweIds) {
  const fs::path model = dir_ / "m.yaml";
  std::ofstream(model) << testing::MinimalModel();
  const auto r = RunCommand({MEDTRA_BIN, "analyze", model.string(), "--format", "json", "-o", "-"});
  ASSERT_LE(r.exit_code, 1) << r.err;
  const auto report = nlohmann::ordered_json::parse(r.out);
  std::map<std::string, nlohmann::ordered_json> by_rule;
  for (const auto& t : report.at("threats")) by_rule[t.at("rule")] = t;
  ASSERT_TRUE(by_rule.contains("comm-missing-authentication"));
  const nlohmann::ordered_json& auth = by_rule.at("comm-missing-authentication");
  EXPECT_EQ(auth.at("id"), "comm-missing-authentication@F-1");
  EXPECT_EQ(auth.at("cwe"), nlohmann::ordered_json::array({"CWE-306"}));
  EXPECT_EQ(auth.at("emb3d"), nlohmann::ordered_json::array({"TID-310", "TID-406"}));
  std::vector<std::string> keys;
  for (auto it = auth.begin(); it != auth.end(); ++it) keys.push_back(it.key());
  EXPECT_THAT(keys, ::testing::ElementsAre("id", "rule", "title", "stride", "capec", "cwe", "emb3d",
                                           "targets", "likelihood", "inherent_status", "status",
                                           "measures", "risk", "proposed_risks", "rationale"));
  ASSERT_TRUE(by_rule.contains("comm-cleartext-phi"));
  EXPECT_EQ(by_rule.at("comm-cleartext-phi").at("emb3d"),
            nlohmann::ordered_json::array({"TID-408"}));
  // A rule that cites no EMB3D threat writes an empty list, not a missing key.
  ASSERT_TRUE(by_rule.contains("medical-phi-on-mobile"));
  EXPECT_EQ(by_rule.at("medical-phi-on-mobile").at("emb3d"), nlohmann::ordered_json::array());
}

TEST_F(AnalyzeCliTest, MalformedEmb3dIdOfAUserRuleIsALocatedInputError) {
  fs::create_directories(dir_ / "rules");
  std::ofstream(dir_ / "rules" / "r.yaml") << "rules:\n"
                                              "  - id: local-rf-auth\n"
                                              "    title: x\n"
                                              "    when: {medium: rf}\n"
                                              "    stride: [Spoofing]\n"
                                              "    cwe: [CWE-306]\n"
                                              "    emb3d: [TID-40]\n";
  const auto r = RunCommand({MEDTRA_BIN, "rules", "list", "--rules", (dir_ / "rules").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, (dir_ / "rules" / "r.yaml").string() +
                       ":7:12: error: 'TID-40' is not a TID-NNN id [user-rule]\n"
                       "      emb3d: [TID-40]\n"
                       "             ^\n");
}

TEST_F(AnalyzeCliTest, MissingModelIsAnInputError) {
  const auto r =
      RunCommand({MEDTRA_BIN, "analyze", (dir_ / "nope").string(), "-o", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            (dir_ / "nope").string() + ": error: no such file or directory [file-not-found]\n");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(AnalyzeCliTest, UnwritableOutputIsReported) {
  std::ofstream(dir_ / "file") << "x";
  const auto r =
      RunCommand({MEDTRA_BIN, "analyze", kModel, "-o", (dir_ / "file" / "sub").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("medtra: analyze: "), std::string::npos) << r.err;
}

TEST(CliTest, UsageErrorsExit2AndHelpExits0) {
  EXPECT_EQ(RunCommand({MEDTRA_BIN}).exit_code, 2);
  EXPECT_EQ(RunCommand({MEDTRA_BIN, "frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunCommand({MEDTRA_BIN, "analyze"}).exit_code, 2);
  EXPECT_EQ(RunCommand({MEDTRA_BIN, "analyze", kModel, "--bogus"}).exit_code, 2);
  const auto help = RunCommand({MEDTRA_BIN, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("analyze"), std::string::npos);
  const auto version = RunCommand({MEDTRA_BIN, "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "medtra 0.1.0\n");
}

}  // namespace
}  // namespace medtra

namespace medtra {
namespace {

// `check` runs every stage that reads a model section, so a bad section is an input error there
// too, located in its file.
TEST_F(AnalyzeCliTest, CheckRejectsBadSectionsOfLaterStages) {
  fs::create_directories(dir_ / "model");
  fs::copy(kModel, dir_ / "model", fs::copy_options::recursive);
  std::ofstream(dir_ / "model" / "zz-sections.yaml")
      << "sdl:\n  - {id: SM-2, status: dne}\n"
         "vulnerabilities:\n  - {id: V-9, title: X, cvss: \"CVSS:3.1/AV:N\"}\n";
  const auto r = RunCommand({MEDTRA_BIN, "check", (dir_ / "model").string()});
  EXPECT_EQ(r.exit_code, 2);
  const std::string file = (dir_ / "model" / "zz-sections.yaml").string();
  EXPECT_NE(r.err.find(file + ":2:24: error: unknown value 'dne' for 'status' (did you mean "
                              "'done'?)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(file + ":2:10: error: activity 'SM-2' is already in the plan at " +
                       (dir_ / "model" / "sdl.yaml").string() + ":14:7 [duplicate-id]"),
            std::string::npos)
      << r.err;
  EXPECT_NE(
      r.err.find(file + ":4:31: error: malformed CVSS vector 'CVSS:3.1/AV:N': missing "
                        "mandatory metrics 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A' [cvss-vector]"),
      std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace medtra
