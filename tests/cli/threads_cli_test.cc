// `--jobs`: the reports are the same bytes on one thread and on several, on the examples and on a
// generated model large enough that every stage splits its work.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using testing::CommandResult;
using testing::RunCommand;

CommandResult Medtra(const std::string& jobs, const std::vector<std::string>& args) {
  std::vector<std::string> all{MEDTRA_BIN, "--jobs", jobs};
  all.insert(all.end(), args.begin(), args.end());
  return RunCommand(all);
}

/// The command's output with one thread, checked to be non-trivial and equal with 2 and 5.
void ExpectSameOnAnyThreads(const std::vector<std::string>& args) {
  const CommandResult one = Medtra("1", args);
  ASSERT_LE(one.exit_code, 1) << one.err;
  ASSERT_GT(one.out.size(), 1000u);
  for (const std::string jobs : {"2", "5"}) {
    const CommandResult many = Medtra(jobs, args);
    EXPECT_EQ(many.exit_code, one.exit_code) << jobs;
    EXPECT_EQ(many.err, one.err) << jobs;
    EXPECT_TRUE(many.out == one.out) << "--jobs " << jobs << " differs: " << many.out.size()
                                     << " bytes against " << one.out.size();
  }
}

class ThreadsCliTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ThreadsCliTest, AnalyzeJsonIsTheSameOnAnyNumberOfThreads) {
  const std::string model = std::string(MEDTRA_SOURCE_DIR) + "/examples/" + GetParam();
  ExpectSameOnAnyThreads({"analyze", model, "--format", "json", "-o", "-"});
}

TEST_P(ThreadsCliTest, PathsJsonIsTheSameOnAnyNumberOfThreads) {
  const std::string model = std::string(MEDTRA_SOURCE_DIR) + "/examples/" + GetParam();
  ExpectSameOnAnyThreads({"paths", model, "--format", "json", "-o", "-"});
}

INSTANTIATE_TEST_SUITE_P(Examples, ThreadsCliTest,
                         ::testing::Values("icd", "insulin-pump", "infusion-fleet"));

class ThreadsGeneratedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medtra-threads-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    model_ = (dir_ / "model.yaml").string();
    const CommandResult r = RunCommand(
        {MEDTRA_GENMODEL, "--components", "1500", "--flows", "3000", "--seed", "7", "-o", model_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string model_;
};

TEST_F(ThreadsGeneratedTest, AnalyzeJsonHtmlAndPathsAreTheSameOnAnyNumberOfThreads) {
  ExpectSameOnAnyThreads({"analyze", model_, "--format", "json", "-o", "-"});
  ExpectSameOnAnyThreads({"analyze", model_, "--format", "html", "-o", "-"});
  ExpectSameOnAnyThreads({"paths", model_, "--format", "json", "-o", "-"});
}

TEST(ThreadsOptionTest, ANegativeOrHugeJobCountIsAnInputError) {
  for (const std::string jobs : {"-1", "257", "many"}) {
    const CommandResult r =
        Medtra(jobs, {"check", std::string(MEDTRA_SOURCE_DIR) + "/examples/icd"});
    EXPECT_EQ(r.exit_code, 2) << jobs;
    EXPECT_NE(r.err.find("--jobs"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace medtra
