// node-semver (pinned in tests/oracles/package-lock.json) against medtra on 10,000 generated
// range/version pairs (NpmSatisfies) and 10,000 version pairs (CompareVersions, kNpm, and kSemver
// on the pairs strict SemVer accepts).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "medtra/sbom/version.h"
#include "tests/oracles/oracle_support.h"
#include "tests/testing/run_command.h"

namespace medtra::sbom {
namespace {

using testing::Choices;

constexpr char kOracleDir[] = MEDTRA_SOURCE_DIR "/tests/oracles";

std::string Number(Choices& c) { return std::string(c.Pick({"0", "1", "2", "3", "0", "1", "10"})); }

std::string Pre(Choices& c) {
  if (c.Percent(2)) return "01";  // not a valid numeric identifier
  return std::string(
      c.Pick({"alpha", "beta", "0", "1", "rc", "x", "alpha.1", "beta.2", "0.3", "alpha-b", "2"}));
}

std::string NpmVersion(Choices& c) {
  if (c.Percent(3))
    return std::string(c.Pick({"1.2", "1.2.3.4", "01.2.3", "x", "1.2.3-", "a.b.c"}));
  std::string v;
  if (c.Percent(5)) v += " ";
  if (c.Percent(10)) v += "v";
  if (c.Percent(3)) v += "=";
  v += Number(c) + "." + Number(c) + "." + Number(c);
  if (c.Percent(35)) v += "-" + Pre(c);
  if (c.Percent(10)) v += "+" + std::string(c.Pick({"build", "b.1", "001"}));
  return v;
}

std::string Partial(Choices& c) {
  switch (c.Below(6)) {
    case 0:
      return Number(c);
    case 1:
      return Number(c) + "." + Number(c);
    case 2:
      return Number(c) + "." + std::string(c.Pick({"x", "X", "*"}));
    case 3:
      return Number(c) + "." + Number(c) + "." + std::string(c.Pick({"x", "*"}));
    case 4:
      return std::string(c.Pick({"*", "x", "X", ""}));
    default:
      return Number(c) + "." + Number(c) + "." + Number(c) + (c.Percent(40) ? "-" + Pre(c) : "");
  }
}

// `alone`: the only comparator of its set (a hyphen range must be the whole set).
std::string Comparator(Choices& c, bool alone) {
  if (c.Percent(2)) return std::string(c.Pick({"foo", ">=a", "1.2.3.4", "~>", ">=1.2.3 ||| 2"}));
  std::string prefix = c.Percent(8) ? std::string(c.Pick({"v", "=", "v=", "= "})) : "";
  switch (c.Below(6)) {
    case 0:
      return prefix + Partial(c);
    case 1: {
      std::string op(c.Pick({"<", "<=", ">", ">=", "=", "<", ">="}));
      if (c.Percent(20)) op += " ";
      return op + prefix + Partial(c);
    }
    case 2:
      return std::string(c.Pick({"~", "~>", "~ "})) + prefix + Partial(c);
    case 3:
      return std::string(c.Pick({"^", "^", "^ "})) + prefix + Partial(c);
    case 4:
      if (alone || c.Percent(5)) return Partial(c) + " - " + Partial(c);
      return Partial(c);
    default:
      return prefix + NpmVersion(c) + (c.Percent(20) ? "+build" : "");
  }
}

std::string Range(Choices& c) {
  std::string r;
  const int sets = 1 + static_cast<int>(c.Below(3));
  for (int s = 0; s < sets; ++s) {
    if (s > 0) r += c.Pick({" || ", "||", "  ||\t"});
    const int comps = 1 + static_cast<int>(c.Below(2));
    for (int k = 0; k < comps; ++k) {
      if (k > 0) r += c.Pick({" ", "  ", "\t"});
      r += Comparator(c, comps == 1);
    }
  }
  return c.Percent(5) ? " " + r + " " : r;
}

bool HaveNodeSemver() {
  std::error_code error;
  return std::filesystem::exists(std::string(kOracleDir) + "/node_modules/semver/package.json",
                                 error) &&
         testing::RunCommand({"node", "--version"}).exit_code == 0;
}

constexpr char kSkip[] = "node-semver not installed: run `make oracles` (npm ci in tests/oracles)";

TEST(NpmOracleTest, SatisfiesAgreesWithNodeSemverOn10000Pairs) {
  if (!HaveNodeSemver()) GTEST_SKIP() << kSkip;
  Choices c(7);
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> pairs;
  while (pairs.size() < 10000) {
    const std::string range = Range(c);
    const std::string version = NpmVersion(c);
    if (range.find('\n') != std::string::npos) continue;
    lines.push_back("sat\t" + range + "\t" + version);
    pairs.emplace_back(range, version);
  }
  const std::vector<std::string> answers =
      testing::RunOracle({"node", std::string(kOracleDir) + "/semver_oracle.js"}, lines);
  ASSERT_EQ(answers.size(), pairs.size());
  testing::Disagreements d;
  int satisfied = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::optional<bool> ours = NpmSatisfies(pairs[i].first, pairs[i].second);
    const std::string text = !ours ? "invalid" : (*ours ? "true" : "false");
    satisfied += text == "true";
    d.Check(lines[i], text, answers[i]);
  }
  d.ExpectAgreement({"true", "false", "invalid"});
  EXPECT_GT(satisfied, 1000) << "the generator should produce enough satisfied pairs";
}

TEST(NpmOracleTest, CompareAgreesWithNodeSemverOn10000Pairs) {
  if (!HaveNodeSemver()) GTEST_SKIP() << kSkip;
  Choices c(11);
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> pairs;
  const std::vector<std::string> suffixes = {"-0", "-alpha", ".1", "-1", "+b", "-rc.1", "0"};
  while (pairs.size() < 10000) {
    std::string a = NpmVersion(c);
    std::string b = c.Percent(50) ? testing::Mutate(c, a, suffixes) : NpmVersion(c);
    lines.push_back("cmp\t" + a + "\t" + b);
    pairs.emplace_back(a, b);
  }
  const std::vector<std::string> answers =
      testing::RunOracle({"node", std::string(kOracleDir) + "/semver_oracle.js"}, lines);
  ASSERT_EQ(answers.size(), pairs.size());
  testing::Disagreements d;
  testing::Disagreements semver;
  int strict_pairs = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto ours = CompareVersions(VersionScheme::kNpm, pairs[i].first, pairs[i].second);
    d.Check(lines[i], testing::CompareText(ours), answers[i]);
    // Strict SemVer (kSemver) orders the versions it accepts as node-semver does.
    const auto strict = CompareVersions(VersionScheme::kSemver, pairs[i].first, pairs[i].second);
    if (strict) {
      ++strict_pairs;
      semver.Check(lines[i], testing::CompareText(strict), answers[i]);
    }
  }
  EXPECT_EQ(semver.count(), 0) << "kSemver, of " << strict_pairs << " pairs";
  EXPECT_GT(strict_pairs, 5000);
  d.ExpectAgreement({"-1", "0", "1", "invalid"});
}

}  // namespace
}  // namespace medtra::sbom
