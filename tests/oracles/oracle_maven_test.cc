// Maven ordering against Maven's own ComparableVersion (its main() compares neighbouring
// arguments) on 10,000 generated pairs, when a Java runtime and maven-artifact are installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "medtra/sbom/version.h"
#include "tests/oracles/oracle_support.h"
#include "tests/testing/run_command.h"

namespace medtra::sbom {
namespace {

using testing::Choices;

constexpr char kJar[] = "/usr/share/maven/lib/maven-artifact-3.x.jar";

std::string MavenVersion(Choices& c) {
  std::string v;
  const int items = 1 + static_cast<int>(c.Below(5));
  for (int i = 0; i < items; ++i) {
    if (i > 0) v += c.Pick({".", ".", "-", "-", ""});
    if (c.Percent(55)) {
      v += c.Pick({"0", "1", "2", "10", "01", "00", "3", "1234567890", "12345678901234567890"});
    } else {
      v += c.Pick({"alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot", "SNAPSHOT",
                   "ga", "final", "release", "sp", "foo", "x", "RC", "GA", "Final"});
    }
  }
  return v;
}

TEST(MavenOracleTest, AgreesWithMavenComparableVersionOn10000Pairs) {
  std::error_code error;
  if (!std::filesystem::exists(kJar, error)) {
    GTEST_SKIP() << "Maven's ComparableVersion not found: " << kJar
                 << " is absent (apt-get install maven)";
  }
  if (testing::RunCommand({"java", "-version"}).exit_code != 0) {
    GTEST_SKIP() << "java not found (apt-get install default-jre-headless)";
  }
  Choices c(3);
  const std::vector<std::string> suffixes = {"-1", ".0",  "-SNAPSHOT", "-rc1", "a",
                                             "1",  "-sp", ".ga",       "-0",   "0"};
  std::vector<std::string> args = {"java", "-cp", kJar,
                                   "org.apache.maven.artifact.versioning.ComparableVersion"};
  std::vector<std::string> versions;
  std::string previous = MavenVersion(c);
  versions.push_back(previous);
  while (versions.size() < 10001) {
    std::string next = c.Percent(50) ? testing::Mutate(c, previous, suffixes) : MavenVersion(c);
    if (next.empty()) continue;
    versions.push_back(next);
    previous = next;
  }
  args.insert(args.end(), versions.begin(), versions.end());
  const testing::CommandResult result = testing::RunCommand(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Lines "   <a> <op> <b>" compare argument i with argument i+1.
  std::vector<std::string> answers;
  std::istringstream stream(result.out);
  for (std::string line; std::getline(stream, line);) {
    if (line.rfind("   ", 0) != 0) continue;
    std::istringstream words(line);
    std::string a, op, b;
    words >> a >> op >> b;
    answers.push_back(op == "<" ? "-1" : (op == ">" ? "1" : "0"));
  }
  ASSERT_EQ(answers.size(), versions.size() - 1);
  testing::Disagreements d;
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    const auto ours = CompareVersions(VersionScheme::kMaven, versions[i], versions[i + 1]);
    d.Check(versions[i] + " vs " + versions[i + 1], testing::CompareText(ours), answers[i]);
  }
  d.ExpectAgreement({"-1", "0", "1"});
}

}  // namespace
}  // namespace medtra::sbom
