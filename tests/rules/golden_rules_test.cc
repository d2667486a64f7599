// Table-driven golden test: every rule's positive model fires exactly the expected threat ids of
// that rule, its negative models fire none, and every rule has both kinds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

TEST_P(GoldenRuleTest, PositiveFiresExactlyTheExpectedThreats) {
  const std::string dir = kDir + "/" + GetParam();
  EXPECT_EQ(Fired(GetParam(), dir + "/positive.yaml"), Expected(dir + "/positive.expected"));
}

TEST_P(GoldenRuleTest, NegativeFiresNothing) {
  // negative.yaml, and any further negative-*.yaml (e.g. an environment assigned elsewhere).
  const std::string dir = kDir + "/" + GetParam();
  EXPECT_THAT(Fired(GetParam(), dir + "/negative.yaml"), ::testing::IsEmpty());
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("negative-") || !name.ends_with(".yaml")) continue;
    EXPECT_THAT(Fired(GetParam(), entry.path().string()), ::testing::IsEmpty()) << name;
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
