// End-to-end tests of `medtra sdl` and `medtra trace`: exact output and exit codes, on a temporary
// copy of the case study into which breaks are introduced.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "medtra/base/strings.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteAll(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

void Replace(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = ReadAll(path);
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  WriteAll(path, text);
}

/// A temporary folder holding a copy of examples/icd as `icd/`; commands run inside it so that
/// the paths in the output are short and exact.
class TraceCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/medtra-trace-cli-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    fs::copy(fs::path(MEDTRA_TESTS_DIR) / ".." / "examples" / "icd", dir_ / "icd",
             fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Run(const std::string& args) {
    const std::string command =
        "cd '" + dir_.string() + "' && '" + MEDTRA_BIN + "' " + args + " >stdout.txt 2>stderr.txt";
    const int status = std::system(command.c_str());
    Outcome outcome;
    outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    outcome.out = ReadAll(dir_ / "stdout.txt");
    outcome.err = ReadAll(dir_ / "stderr.txt");
    return outcome;
  }

  fs::path dir_;
};

TEST_F(TraceCliTest, IcdTraceShowsTheVerifiedMatrix) {
  const Outcome o = Run("trace icd");
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "");
  EXPECT_NE(o.out.find("1     Medium  M-encrypt             technical  REQ-CONF-1   "
                       "sensitive-information"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("sim:eavesdrop=passed, "
                       "test:SimScenarioTest.T4ConfidentialityWithLegacyPositiveControl=passed"),
            std::string::npos);
  EXPECT_NE(o.out.find("  Authorization                         justified  One role only"),
            std::string::npos);
  EXPECT_NE(o.out.find("\nFindings (0)\n\n5 rows, 0 errors, 0 warnings, 0 notes\n"),
            std::string::npos);
  EXPECT_EQ(Run("trace icd --fail-on note").code, 0);
}

TEST_F(TraceCliTest, IcdTraceJsonRecordsEvidenceWithDateAndModelHash) {
  const Outcome o = Run("trace icd --format json");
  ASSERT_EQ(o.code, 0) << o.err;
  const nlohmann::json j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["matrix"].size(), 5u);
  EXPECT_TRUE(j["findings"].empty());
  const nlohmann::json& row = j["matrix"][0];
  EXPECT_EQ(row["requirement"], "REQ-CONF-1");
  EXPECT_EQ(row["status"], "verified");
  const nlohmann::json& test = row["verifications"][1];
  EXPECT_EQ(test["ref"], "test:SimScenarioTest.T4ConfidentialityWithLegacyPositiveControl");
  EXPECT_EQ(test["status"], "passed");
  // The date (of its test suite) and position of that test case in the committed JUnit file
  // (regenerate.sh rewrites it, so read them from the file rather than repeat them here).
  const std::string junit = ReadAll(dir_ / "icd" / "evidence" / "junit.xml");
  const size_t at = junit.find("<testcase name=\"T4ConfidentialityWithLegacyPositiveControl\"");
  ASSERT_NE(at, std::string::npos);
  const size_t stamp = junit.find("timestamp=\"", junit.rfind("<testsuite ", at)) + 11;
  EXPECT_EQ(test["date"], junit.substr(stamp, junit.find('"', stamp) - stamp));
  const int line = static_cast<int>(std::count(junit.begin(), junit.begin() + at, '\n')) + 1;
  EXPECT_EQ(test["source"], "icd/evidence/junit.xml:" + std::to_string(line) + ":5");
  EXPECT_EQ(test["model_hash"], j["model_hash"]);
  EXPECT_EQ(j["model_hash"].get<std::string>().size(), 64u);
}

TEST_F(TraceCliTest, IcdSdlListsAll47RequirementsWithCoverage) {
  const Outcome o = Run("sdl icd --format json");
  ASSERT_EQ(o.code, 0) << o.err;
  const nlohmann::json j = nlohmann::json::parse(o.out);
  int iec62443 = 0;
  for (const auto& a : j["activities"]) iec62443 += a["standard"] == "IEC 62443-4-1";
  EXPECT_EQ(iec62443, 47);
  EXPECT_EQ(j["coverage"]["total"]["total"], 55);
  EXPECT_EQ(j["coverage"]["iec62443_4_1_practices"].size(), 8u);
  EXPECT_EQ(j["coverage"]["iec62304_processes"].size(), 6u);
  EXPECT_FALSE(j["gaps"].empty());
  const Outcome text = Run("sdl icd");
  EXPECT_NE(text.out.find("  SVV  Security verification and validation testing  5   done 2  "
                          "in progress 1  planned 2  n/a 0  40%\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("icd/sdl.yaml:64:7: warning: SVV-4 (Penetration testing) is planned, "
                          "not started [sdl-planned]\n"),
            std::string::npos);
  EXPECT_EQ(Run("sdl icd --fail-on warning").code, 1);
}

TEST_F(TraceCliTest, MeasureLosingItsRequirementIsALocatedFinding) {
  Replace(dir_ / "icd" / "requirements.yaml", "measures: [M-encrypt]", "measures: []");
  const Outcome o = Run("trace icd");
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("Findings (2)\n"
                       "icd/risks.yaml:53:5: error: measure 'M-encrypt' is not implemented by any "
                       "security requirement [measure-without-requirement]\n"
                       "icd/requirements.yaml:9:5: warning: security requirement 'REQ-CONF-1' "
                       "implements no measure of a risk [requirement-without-measure]\n"),
            std::string::npos)
      << o.out;
  const nlohmann::json j = nlohmann::json::parse(Run("trace icd --format json").out);
  const nlohmann::json& finding = j["findings"][0];
  EXPECT_EQ(finding["severity"], "error");
  EXPECT_EQ(finding["code"], "measure-without-requirement");
  EXPECT_EQ(finding["file"], "icd/risks.yaml");
  EXPECT_EQ(finding["line"], 53);
  EXPECT_EQ(finding["col"], 5);
  EXPECT_EQ(Run("trace icd --fail-on none").code, 0);
}

TEST_F(TraceCliTest, FailingTestInJUnitEvidenceIsALocatedFinding) {
  const std::string passing = ReadAll(dir_ / "icd" / "evidence" / "junit.xml");
  std::string failing = passing;
  const std::string tag =
      "<testcase name=\"T3EverySingleAndMultiBitModificationTruncationExtension\"";
  const size_t end = failing.find("/>", failing.find(tag));
  failing.replace(end, 2, "><failure message=\"forged tag accepted\"/></testcase>");
  fs::remove(dir_ / "icd" / "evidence" / "junit.xml");
  WriteAll(dir_ / "failing.xml", failing);
  const Outcome o = Run("trace icd --junit failing.xml");
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_NE(
      o.out.find("Findings (1)\n"
                 "icd/requirements.yaml:27:43: error: verification "
                 "'test:LinkTargetsTest.T3EverySingleAndMultiBitModificationTruncationExtension' "
                 "of requirement 'REQ-AUTH-1' failed "
                 "at failing.xml:9:5: forged tag accepted [verification-failed]\n"),
      std::string::npos)
      << o.out;
  const size_t row = o.out.find("REQ-AUTH-1");
  ASSERT_NE(row, std::string::npos);
  const std::string line = o.out.substr(row, o.out.find('\n', row) - row);
  EXPECT_NE(line.find("T3EverySingleAndMultiBitModificationTruncationExtension=failed"),
            std::string::npos);
  EXPECT_TRUE(medtra::EndsWith(line, " failed")) << line;
}

TEST_F(TraceCliTest, NoEvidenceLeavesVerificationsNotRun) {
  const Outcome o = Run("trace icd --no-evidence-dir");
  EXPECT_EQ(o.code, 0);
  EXPECT_NE(o.out.find("icd/requirements.yaml:17:19: warning: verification 'sim:eavesdrop' of "
                       "requirement 'REQ-CONF-1' has no result in the evidence "
                       "[verification-not-run]\n"),
            std::string::npos)
      << o.out;
  EXPECT_EQ(Run("trace icd --no-evidence-dir --fail-on warning").code, 1);
}

TEST_F(TraceCliTest, MalformedEvidenceIsAnInputError) {
  WriteAll(dir_ / "bad.xml", "<testsuites>\n  <testcase name=\"a\">\n</testsuites>\n");
  Outcome o = Run("trace icd --junit bad.xml");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
            "bad.xml:3:3: error: malformed XML: mismatched tag [junit-xml]");
  WriteAll(dir_ / "sim.json",
           "{\"format\": \"medtra-sim-evidence\",\n \"scenarios\": [{\"id\": 1}]}");
  o = Run("sdl icd --evidence sim.json");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
            "sim.json:2:16: error: missing required key 'passed' in sim evidence scenario "
            "[missing-key]");
  o = Run("trace icd --junit missing.xml");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err.substr(0, 13), "missing.xml: ");
}

TEST_F(TraceCliTest, BrokenRequirementsSectionIsAnInputError) {
  Replace(dir_ / "icd" / "requirements.yaml", "measures: [M-encrypt]", "measures: [M-encrpyt]");
  const Outcome o = Run("trace icd");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
            "icd/requirements.yaml:14:16: error: unknown measure 'M-encrpyt' (did you mean "
            "'M-encrypt'?) [unknown-reference]");
}

TEST_F(TraceCliTest, WritesInstructionsAndCsv) {
  const Outcome o = Run("trace icd --format csv --instructions ifu.md");
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.out.substr(0, o.out.find('\n')),
            "risk,level,measure,kind,requirement,categories,design,verification,status\r");
  const std::string md = ReadAll(dir_ / "ifu.md");
  EXPECT_NE(md.find("### M-programmer-custody: Keep the programmer in a room with controlled "
                    "access\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(Run("trace icd --instructions ifu.html").code, 0);
  EXPECT_EQ(ReadAll(dir_ / "ifu.html").substr(0, 15), "<!DOCTYPE html>");
}

}  // namespace
}  // namespace medtra
