// PEP 440 ordering against packaging.version.Version (Debian's python3-packaging) on 10,000
// generated pairs.
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

constexpr char kPython[] = "/usr/bin/python3";

std::string Sep(Choices& c) { return std::string(c.Pick({"", "", ".", "-", "_"})); }

std::string Pep440Version(Choices& c) {
  if (c.Percent(4)) {
    return std::string(c.Pick({"1.0-", "a", "1..0", "1.0+", "1.0+-x", "1.0 dev", "1.0.", "v", "1!",
                               "1.0a1a", "1.0_", "1.0+a..b", "1.0.post-", "0x1"}));
  }
  std::string v;
  if (c.Percent(5)) v += c.Pick({" ", "\t", "  "});
  if (c.Percent(10)) v += c.Pick({"v", "V"});
  if (c.Percent(10)) v += std::string(c.Pick({"0", "1", "2", "01"})) + "!";
  const int segments = 1 + static_cast<int>(c.Below(4));
  for (int i = 0; i < segments; ++i) {
    if (i > 0) v += ".";
    v += c.Pick({"0", "1", "2", "10", "00", "01", "3", "0"});
  }
  if (c.Percent(35)) {
    v += Sep(c);
    v += c.Pick({"a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "A", "RC", "Alpha"});
    v += Sep(c);
    if (c.Percent(70)) v += c.Pick({"0", "1", "2", "10", "01"});
  }
  if (c.Percent(25)) {
    if (c.Percent(30)) {
      v += "-" + std::string(c.Pick({"0", "1", "2"}));
    } else {
      v += Sep(c);
      v += c.Pick({"post", "rev", "r", "POST"});
      v += Sep(c);
      if (c.Percent(70)) v += c.Pick({"0", "1", "2", "10"});
    }
  }
  if (c.Percent(25)) {
    v += Sep(c);
    v += c.Pick({"dev", "DEV"});
    v += Sep(c);
    if (c.Percent(70)) v += c.Pick({"0", "1", "2", "10"});
  }
  if (c.Percent(20)) {
    v += "+";
    const int parts = 1 + static_cast<int>(c.Below(3));
    for (int i = 0; i < parts; ++i) {
      if (i > 0) v += c.Pick({".", "-", "_"});
      v += c.Pick({"ubuntu", "1", "abc", "01", "0", "x", "Z9", "2"});
    }
  }
  if (c.Percent(5)) v += c.Pick({" ", "\n", " \t"});
  return v;
}

TEST(Pep440OracleTest, AgreesWithPythonPackagingOn10000Pairs) {
  if (testing::RunCommand({kPython, "-c", "import packaging.version"}).exit_code != 0) {
    GTEST_SKIP() << "python3-packaging not installed: apt-get install python3-packaging (the "
                    "oracle runs with /usr/bin/python3)";
  }
  Choices c(440);
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> pairs;
  const std::vector<std::string> suffixes = {"a1", ".0", ".post1", ".dev0", "+local", "rc1",
                                             "0",  "-1", "+1",     ".1",    "b"};
  while (pairs.size() < 10000) {
    std::string a = Pep440Version(c);
    std::string b = c.Percent(50) ? testing::Mutate(c, a, suffixes) : Pep440Version(c);
    if (c.Percent(50)) std::swap(a, b);
    if (a.find('\n') != std::string::npos || b.find('\n') != std::string::npos) continue;
    lines.push_back(a + "|" + b);
    pairs.emplace_back(a, b);
  }
  const std::vector<std::string> answers =
      testing::RunOracle({kPython, MEDTRA_SOURCE_DIR "/tests/oracles/pep440_oracle.py"}, lines);
  ASSERT_EQ(answers.size(), pairs.size());
  testing::Disagreements d;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto ours = CompareVersions(VersionScheme::kPep440, pairs[i].first, pairs[i].second);
    d.Check(lines[i], testing::CompareText(ours), answers[i]);
  }
  d.ExpectAgreement({"-1", "0", "1", "invalid"});
}

}  // namespace
}  // namespace medtra::sbom
