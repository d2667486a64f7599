// Table-driven golden test: every rule's positive model fires exactly the expected threat ids of
// that rule, its negative model fires none, and every rule has both models. A folder may hold
// further cases: positive-NAME.yaml with positive-NAME.expected, and negative-NAME.yaml.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "medtra/model/model_loader.h"
#include "medtra/rules/derive.h"

namespace medtra::rules {
namespace {

const std::string kDir = std::string(MEDTRA_TESTS_DIR) + "/rules";

std::vector<std::string> Fired(const std::string& rule, const std::string& file) {
  RealFileSystem fs;
  DiagnosticSink sink;
  const auto model = model::LoadModel(fs, file, sink, nullptr);
  EXPECT_NE(model, nullptr) << RenderTextAll(sink, nullptr);
  if (model == nullptr) return {"(model does not load)"};
  const RuleCatalog catalog = BuiltinCatalog();
  std::vector<std::string> ids;
  for (const Threat& t : DeriveThreats(*model, catalog, {}, nullptr)) {
    if (t.rule == rule) ids.push_back(t.id);
  }
  return ids;
}

std::vector<std::string> Expected(const std::string& file) {
  std::ifstream in(file);
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) ids.push_back(line);
  }
  return ids;
}

class GoldenRuleTest : public ::testing::TestWithParam<std::string> {};

/// The models of a rule's folder whose file name starts with `prefix` ("positive", "negative"),
/// sorted: `prefix`.yaml first, then `prefix`-NAME.yaml.
std::vector<std::string> Cases(const std::string& dir, const std::string& prefix) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".yaml" &&
        (name == prefix + ".yaml" || name.rfind(prefix + "-", 0) == 0)) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_P(GoldenRuleTest, PositiveFiresExactlyTheExpectedThreats) {
  const std::string dir = kDir + "/" + GetParam();
  ASSERT_TRUE(std::filesystem::exists(dir + "/positive.yaml")) << dir;
  for (const std::string& file : Cases(dir, "positive")) {
    const std::string expected = file.substr(0, file.size() - 5) + ".expected";
    ASSERT_TRUE(std::filesystem::exists(expected)) << "no " << expected;
    EXPECT_EQ(Fired(GetParam(), file), Expected(expected)) << file;
  }
}

TEST_P(GoldenRuleTest, NegativeFiresNothing) {
  const std::string dir = kDir + "/" + GetParam();
  ASSERT_TRUE(std::filesystem::exists(dir + "/negative.yaml")) << dir;
  for (const std::string& file : Cases(dir, "negative")) {
    EXPECT_THAT(Fired(GetParam(), file), ::testing::IsEmpty()) << file;
  }
}

std::vector<std::string> RuleIds() { return BuiltinCatalog().Ids(); }

INSTANTIATE_TEST_SUITE_P(Rules, GoldenRuleTest, ::testing::ValuesIn(RuleIds()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(GoldenRules, EveryFolderBelongsToARule) {
  const RuleCatalog catalog = BuiltinCatalog();
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (!entry.is_directory()) continue;
    EXPECT_NE(catalog.Find(entry.path().filename().string()), nullptr) << entry.path();
  }
}

TEST(GoldenRules, TheBaseDesignFiresNoRule) {
  // Every negative model of a rule that only adds an element is close to the base design; the
  // base itself, as written by scripts/new_rule.py, must fire nothing at all.
  RealFileSystem fs;
  DiagnosticSink sink;
  const auto model =
      model::LoadModel(fs, kDir + "/comm-data-tampering/negative.yaml", sink, nullptr);
  ASSERT_NE(model, nullptr);
  const RuleCatalog catalog = BuiltinCatalog();
  EXPECT_THAT(DeriveThreats(*model, catalog, {}, nullptr), ::testing::IsEmpty());
}

}  // namespace
}  // namespace medtra::rules
