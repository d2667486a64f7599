// medtra-genmodel --split: the model folder it writes holds the same model as the single file (the
// same threats, risks and paths), cut into files of at most N list items each.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using testing::CommandResult;
using testing::RunCommand;

class GenmodelSplitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medtra-genmodel-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CommandResult Generate(const std::vector<std::string>& extra) {
    std::vector<std::string> args{MEDTRA_GENMODEL, "--components", "600", "--flows",
                                  "1200",          "--seed",       "3"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunCommand(args);
  }

  std::filesystem::path dir_;
};

nlohmann::json Report(const std::string& model) {
  const CommandResult r = RunCommand({MEDTRA_BIN, "analyze", model, "--format", "json", "-o", "-"});
  EXPECT_LE(r.exit_code, 1) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST_F(GenmodelSplitTest, TheFolderHoldsTheSameModelAsTheFile) {
  const std::string file = (dir_ / "model.yaml").string();
  const std::string folder = (dir_ / "model").string();
  ASSERT_EQ(Generate({"-o", file}).exit_code, 0);
  const CommandResult split = Generate({"--split", "250", "-o", folder});
  ASSERT_EQ(split.exit_code, 0) << split.err;

  // Files of at most 250 list items; a list cut in two repeats its key.
  std::vector<std::filesystem::path> parts;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) parts.push_back(entry);
  std::sort(parts.begin(), parts.end());
  ASSERT_GE(parts.size(), 10u);  // 1200 flows alone take five files
  EXPECT_EQ(parts.front().filename(), "part-0001.yaml");
  size_t flow_files = 0;
  for (const auto& part : parts) {
    std::ifstream in(part);
    std::string line;
    size_t items = 0;
    while (std::getline(in, line)) items += line.rfind("  - ", 0) == 0 ? 1 : 0;
    EXPECT_LE(items, 250u) << part;
    std::ifstream again(part);
    std::getline(again, line);
    flow_files += line == "flows:" ? 1 : 0;
  }
  EXPECT_EQ(flow_files, 5u);

  const nlohmann::json whole = Report(file);
  const nlohmann::json cut = Report(folder);
  ASSERT_TRUE(whole.is_object() && cut.is_object());
  ASSERT_GT(whole["threats"].size(), 1000u);
  EXPECT_TRUE(whole["threats"] == cut["threats"]);
  // The risks are the same but for where each is written (file and line).
  nlohmann::json whole_risks = whole["risks"], cut_risks = cut["risks"];
  ASSERT_GT(whole_risks.size(), 5u);
  for (auto* risks : {&whole_risks, &cut_risks}) {
    for (auto& risk : *risks) risk.erase("location");
  }
  EXPECT_TRUE(whole_risks == cut_risks);
  EXPECT_TRUE(whole["paths"] == cut["paths"]);
}

TEST_F(GenmodelSplitTest, SplitNeedsANewOrEmptyFolder) {
  const CommandResult to_stdout = Generate({"--split", "10"});
  EXPECT_EQ(to_stdout.exit_code, 2);
  EXPECT_EQ(to_stdout.err, "medtra-genmodel: --split needs -o with a new or empty folder\n");
  std::ofstream((dir_ / "kept.txt").string()) << "kept";
  const CommandResult full = Generate({"--split", "10", "-o", dir_.string()});
  EXPECT_EQ(full.exit_code, 2);
  EXPECT_EQ(full.err, to_stdout.err);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1);  // nothing written
  EXPECT_EQ(Generate({"--split", "0", "-o", (dir_ / "x").string()}).exit_code, 2);
}

}  // namespace
}  // namespace medtra
