// The generic version order (CPE matches, vers:generic) against rpm's rpmvercmp on 10,000
// generated pairs: lower-case letters, digits and separators, no '~' or '^' (where the two are
// meant to agree).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "medtra/sbom/version.h"
#include "tests/oracles/oracle_support.h"
#include "tests/testing/run_command.h"

namespace medtra::sbom {
namespace {

using testing::Choices;

std::string GenericVersion(Choices& c) {
  std::string v(c.Pick({"0", "1", "2", "9", "10", "01", "1.0", "2.4"}));
  const int pieces = static_cast<int>(c.Below(5));
  for (int i = 0; i < pieces; ++i) {
    v += c.Pick({".", ".", "-", "_", "+", "a", "b", "rc", "p", "0", "1", "9", "10", "007", ".0",
                 "a1", "beta", "..", "r3"});
  }
  return v;
}

TEST(GenericOracleTest, AgreesWithRpmvercmpOn10000Pairs) {
  if (testing::RunCommand({"/usr/bin/python3", "-c", "import rpm"}).exit_code != 0) {
    GTEST_SKIP() << "python3-rpm not installed (the generic order is compared with rpmvercmp)";
  }
  Choices c(20261202);
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> pairs;
  const std::vector<std::string> suffixes = {"0", ".0", "a", ".1", "-1", "1", "b2", "."};
  while (pairs.size() < 10000) {
    std::string a = GenericVersion(c);
    std::string b = c.Percent(50) ? testing::Mutate(c, a, suffixes) : GenericVersion(c);
    if (!IsValidVersion(VersionScheme::kGeneric, a) ||
        !IsValidVersion(VersionScheme::kGeneric, b)) {
      continue;
    }
    if (c.Percent(50)) std::swap(a, b);
    lines.push_back(a + "|" + b);
    pairs.emplace_back(a, b);
  }
  const std::vector<std::string> answers = testing::RunOracle(
      {"/usr/bin/python3", MEDTRA_SOURCE_DIR "/tests/oracles/rpm_oracle.py"}, lines);
  ASSERT_EQ(answers.size(), pairs.size());
  testing::Disagreements d;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto ours = CompareVersions(VersionScheme::kGeneric, pairs[i].first, pairs[i].second);
    d.Check(lines[i], testing::CompareText(ours), answers[i]);
  }
  d.ExpectAgreement({"-1", "0", "1"});
}

}  // namespace
}  // namespace medtra::sbom
