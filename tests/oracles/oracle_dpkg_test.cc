// Debian ordering against `dpkg --compare-versions` on 10,000 generated pairs.
#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

#include "medtra/sbom/version.h"
#include "tests/oracles/oracle_support.h"
#include "tests/testing/run_command.h"

namespace medtra::sbom {
namespace {

using testing::Choices;

std::string DebianVersion(Choices& c) {
  if (c.Percent(3)) {
    return std::string(c.Pick({"a1", "1 2", "1:", ":1", "1-", "1_0", "-1", "1:a", "x:1"}));
  }
  std::string v;
  const bool epoch = c.Percent(20);
  if (epoch) v += std::string(c.Pick({"0", "1", "2", "01"})) + ":";
  const bool revision = c.Percent(50);
  v += c.Pick({"0", "1", "2", "10", "01", "1.0", "0.9"});
  const int pieces = static_cast<int>(c.Below(5));
  for (int i = 0; i < pieces; ++i) {
    std::string piece(c.Pick({".", ".", "~", "+", "a", "b", "rc", "Z", "0", "1", "9", "10", "~~",
                              "~rc1", "+dfsg", ".0", "a1"}));
    if (revision && c.Percent(5)) piece = "-";
    if (epoch && c.Percent(5)) piece = ":";
    v += piece;
  }
  if (revision) {
    v += "-";
    v += c.Pick({"0", "1", "2", "1ubuntu1", "0.1", "1~bpo1", "1+deb12u1", "a", "~", "10", "1.1"});
  }
  return v;
}

TEST(DpkgOracleTest, AgreesWithDpkgCompareVersionsOn10000Pairs) {
  if (testing::RunCommand({"dpkg", "--version"}).exit_code != 0) {
    GTEST_SKIP() << "dpkg not found (the Debian comparisons need `dpkg --compare-versions`)";
  }
  Choices c(20261202);
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> pairs;
  const std::vector<std::string> suffixes = {"~", "0", ".0", "a", "+", "-1", "~1", "1", "-0"};
  while (pairs.size() < 10000) {
    std::string a = DebianVersion(c);
    std::string b = c.Percent(50) ? testing::Mutate(c, a, suffixes) : DebianVersion(c);
    if (c.Percent(50)) std::swap(a, b);
    lines.push_back(a + "|" + b);
    pairs.emplace_back(a, b);
  }
  const std::vector<std::string> answers =
      testing::RunOracle({"sh", MEDTRA_SOURCE_DIR "/tests/oracles/dpkg_oracle.sh"}, lines);
  ASSERT_EQ(answers.size(), pairs.size());
  testing::Disagreements d;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto ours = CompareVersions(VersionScheme::kDebian, pairs[i].first, pairs[i].second);
    d.Check(lines[i], testing::CompareText(ours), answers[i]);
  }
  d.ExpectAgreement({"-1", "0", "1", "invalid"});
}

}  // namespace
}  // namespace medtra::sbom
