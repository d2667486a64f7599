// End-to-end tests of `medtra cvss` and `medtra cvss rubric`: exact stdout lines and exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/run_command.h"
#include "tests/testing/shared_data.h"

namespace medtra {
namespace {

using testing::CommandResult;
using testing::RunCommand;

constexpr char k31[] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H";
constexpr char k40[] = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

TEST(CvssCliTest, ScoresVectorsFromArguments) {
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", k31, k40});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(k31) + "\t9.6\tCritical\t9.6\tCritical\t9.7\tCritical\n" + k40 +
                       "\t9.3\tCritical\n");
  EXPECT_EQ(r.err, "");
}

TEST(CvssCliTest, MalformedVectorsGiveErrorLinesAndExit2) {
  const CommandResult r =
      RunCommand({MEDTRA_BIN, "cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", k40,
                  "CVSS:3.1/AV:N/AC:Q/PR:N/UI:N/S:U/C:H/I:H/A:H"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H\terror\tmissing mandatory metric 'S'\n" +
                std::string(k40) + "\t9.3\tCritical\n" +
                "CVSS:3.1/AV:N/AC:Q/PR:N/UI:N/S:U/C:H/I:H/A:H\terror\tunknown value 'Q' for "
                "metric 'AC'\n");
  EXPECT_EQ(r.err, "medtra: cvss: 2 of 3 vectors malformed\n");
}

TEST(CvssCliTest, ReadsStdinSkippingBlankLinesAndStrippingTrailingSpace) {
  const std::string input = std::string(k40) + "\r\n\n   \n" + k31 + "  \t\n" +
                            "CVSS:4.0/AV:N/AV:N\n" + k40;  // no final newline
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", "-"}, input);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, std::string(k40) + "\t9.3\tCritical\n" + k31 +
                       "\t9.6\tCritical\t9.6\tCritical\t9.7\tCritical\n" +
                       "CVSS:4.0/AV:N/AV:N\terror\tduplicate metric 'AV'\n" + k40 +
                       "\t9.3\tCritical\n");
}

TEST(CvssCliTest, MixesArgumentsAndStdinInOrder) {
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", k31, "-"}, std::string(k40) + "\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string(k31) + "\t9.6\tCritical\t9.6\tCritical\t9.7\tCritical\n" + k40 +
                       "\t9.3\tCritical\n");
}

TEST(CvssCliTest, JsonFormat) {
  const CommandResult r =
      RunCommand({MEDTRA_BIN, "cvss", "--format", "json", k31, k40, "CVSS:3.0/AV:N"});
  EXPECT_EQ(r.exit_code, 2);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["vector"], k31);
  EXPECT_EQ(j[0]["version"], "3.1");
  EXPECT_EQ(j[0]["base"]["score"], 9.6);
  EXPECT_EQ(j[0]["environmental"]["severity"], "Critical");
  EXPECT_EQ(j[1]["score"], 9.3);
  EXPECT_EQ(j[1]["nomenclature"], "CVSS-B");
  EXPECT_EQ(j[1]["macro_vector"], "000200");
  EXPECT_EQ(j[2]["error"], "unsupported CVSS version '3.0' (expected 3.1 or 4.0)");
}

TEST(CvssCliTest, NoVectorIsAUsageError) {
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "medtra: cvss: no vector given (pass vectors, or '-' to read them from stdin)\n");
}

TEST(CvssCliTest, EveryPublicReferenceLineThroughStdin) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  for (const char* name : {"cvss/cvss31_public.tsv", "cvss/cvss40_public.tsv"}) {
    const CommandResult cat = RunCommand({"cat", medtra::testing::SharedDataPath(name)});
    std::string vectors;
    size_t pos = 0;
    while (pos < cat.out.size()) {
      const size_t end = cat.out.find('\n', pos);
      const std::string line = cat.out.substr(pos, end - pos);
      vectors += line.substr(0, line.find('\t')) + "\n";
      pos = end == std::string::npos ? cat.out.size() : end + 1;
    }
    const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", "-"}, vectors);
    EXPECT_EQ(r.exit_code, 0) << name;
    EXPECT_TRUE(r.out == cat.out) << name << ": output differs from the reference";
  }
}

TEST(RubricCliTest, AnswersFileGivesVectorScoreAndRationale) {
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", "rubric", "--answers",
                                      MEDTRA_TESTS_DIR "/cli/data/rubric_answers.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string first = r.out.substr(0, r.out.find('\n'));
  EXPECT_EQ(first, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\t8.8\tHigh");
  EXPECT_NE(r.out.find("AV:-\tXAVN\tYES\tAV Q1: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("AV:A\tXAVR\tNO\tAV Q4: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("I:H\tXIT\tHIGH\tQ3.I: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source: MITRE, Rubric for Applying CVSS to Medical Devices"),
            std::string::npos);
}

TEST(RubricCliTest, JsonFormat) {
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", "rubric", "--format", "json", "--answers",
                                      MEDTRA_TESTS_DIR "/cli/data/rubric_answers.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["vector"], "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_EQ(j["score"], 8.8);
  EXPECT_EQ(j["severity"], "High");
  EXPECT_EQ(j["metrics"]["AV"], "A");
  EXPECT_EQ(j["rationale"][0]["question"], "XAVN");
  EXPECT_EQ(j["rationale"][0]["answer"], "YES");
}

TEST(RubricCliTest, BadAnswersFileGivesLocatedErrorsAndExit2) {
  const std::string path = ::testing::TempDir() + "/bad_rubric_answers.yaml";
  RunCommand({"sh", "-c", "printf 'XAVN: YES\\nXAVT: perhaps\\n' > \"$0\"", path});
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", "rubric", "--answers", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            path +
                ":2:7: error: invalid answer 'perhaps' to rubric question 'XAVT' (expected "
                "YES, NO or UNKNOWN) [rubric-invalid-answer]");
  const CommandResult missing =
      RunCommand({MEDTRA_BIN, "cvss", "rubric", "--answers", path + ".none"});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(RubricCliTest, InteractivePromptsOnStderrAndReadsStdin) {
  // Exploitability: network over IP, at will, no privileges, no user, scope unchanged; impact:
  // PHI readable (not at scale), everything else NONE except therapy integrity HIGH.
  std::string input = "y\nyes\nY\nn\nn\nn\ny\nn\n";
  input += "maybe\n";  // rejected, asked again
  const char* impact[] = {"n", "n", "n", "n", "n", "n", "high", "n", "n",
                          "n", "n", "n", "n", "n", "n", "n",    "n"};
  for (const char* answer : impact) input += std::string(answer) + "\n";
  const CommandResult r = RunCommand({MEDTRA_BIN, "cvss", "rubric"}, input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N\t9.1\tCritical");
  EXPECT_NE(r.err.find("[XAVN] AV Q1: "), std::string::npos);
  EXPECT_NE(r.err.find("please answer HIGH, LOW, NONE or UNKNOWN"), std::string::npos);

  const CommandResult cut = RunCommand({MEDTRA_BIN, "cvss", "rubric"}, "y\n");
  EXPECT_EQ(cut.exit_code, 2);
  EXPECT_EQ(cut.out, "");
  EXPECT_NE(cut.err.find("medtra: cvss rubric: input ended before every question was answered"),
            std::string::npos);
}

TEST(RunCommandTest, CapturesStreamsSeparatelyAndTheExitCode) {
  const CommandResult r =
      RunCommand({"sh", "-c", "cat; echo oops >&2; exit 7"}, std::string(200000, 'x'));
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.out, std::string(200000, 'x'));
  EXPECT_EQ(r.err, "oops\n");
  EXPECT_EQ(RunCommand({"/nonexistent/program"}).exit_code, 127);
}

}  // namespace
}  // namespace medtra
