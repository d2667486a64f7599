// End-to-end tests of `medtra paths`: the JSON contract, Markdown, DOT and HTML, exit codes and
// errors, on the case study and the two path examples.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using testing::CommandResult;
using testing::RunCommand;

CommandResult Paths(const std::vector<std::string>& args) {
  std::vector<std::string> all{MEDTRA_BIN, "paths"};
  all.insert(all.end(), args.begin(), args.end());
  return RunCommand(all);
}

std::string Example(const std::string& name) {
  return std::string(MEDTRA_SOURCE_DIR) + "/examples/" + name;
}

TEST(PathsCliTest, IcdJsonHasTheContractKeysAndNoPathAfterMeasures) {
  const CommandResult r = Paths({Example("icd"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["format"], "medtra-paths");
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["entry_points"].size(), 1u);
  EXPECT_EQ(j["entry_points"][0]["id"], "radio");
  EXPECT_EQ(j["entry_points"][0]["exposes"], nlohmann::json::array({"F-telemetry"}));
  ASSERT_EQ(j["targets"].size(), 5u);
  EXPECT_EQ(j["targets"][2]["id"], "EF-therapy");
  EXPECT_EQ(j["targets"][2]["paths"], 3);
  EXPECT_EQ(j["targets"][2]["paths_after_measures"], 0);
  EXPECT_EQ(j["path_count"], 3);
  ASSERT_EQ(j["paths"].size(), 3u);
  const nlohmann::json& p = j["paths"][0];
  EXPECT_EQ(p["entry"], "radio");
  EXPECT_EQ(p["target"], "EF-therapy");
  EXPECT_EQ(p["likelihood"], "High");
  EXPECT_EQ(p["steps"][0]["node"], "exposed:F-telemetry");
  EXPECT_EQ(p["steps"][1]["threats"],
            nlohmann::json::array({"comm-data-tampering@F-telemetry", "comm-replay@F-telemetry",
                                   "comm-static-identifier@F-telemetry",
                                   "comm-therapy-tampering@F-telemetry"}));
  ASSERT_EQ(j["cuts"].size(), 1u);
  EXPECT_EQ(j["cuts"][0]["target"], "EF-therapy");
  EXPECT_EQ(j["cuts"][0]["verified"], true);
  EXPECT_EQ(j["cuts"][0]["changes"][0]["kind"], "protect-flow");
  EXPECT_EQ(j["cuts"][0]["changes"][0]["element"], "F-telemetry");
  EXPECT_EQ(j["cuts"][0]["changes"][0]["made_by_measures"], true);
  EXPECT_EQ(j["cuts"][0]["changes"][0]["measures"], nlohmann::json::array({"M-mac"}));
  EXPECT_EQ(j["measures"][0]["id"], "M-encrypt");
  EXPECT_EQ(j["measures"][0]["redundant_for_paths"], true);
  EXPECT_EQ(j["after_measures"]["path_count"], 0);
  EXPECT_TRUE(j["after_measures"]["paths"].empty());
  EXPECT_TRUE(j["reach"].empty());
  // Reproducible: the same bytes twice.
  EXPECT_EQ(Paths({Example("icd"), "--format", "json"}).out, r.out);
}

TEST(PathsCliTest, InsulinPumpReachAndFailOnPaths) {
  const CommandResult r = Paths({Example("insulin-pump"), "--format", "json", "--fail-on-paths"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // paths remain after the BLE measure
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["reach"].size(), 1u);
  EXPECT_EQ(j["reach"][0]["component"], "cloud");
  EXPECT_EQ(j["reach"][0]["patient_components"], nlohmann::json::array({"pump"}));
  EXPECT_EQ(j["reach"][0]["threat"], "medical-multi-patient-harm@cloud");
  const nlohmann::json& cut = j["cuts"].back();
  EXPECT_EQ(cut["cost"], 3);
  EXPECT_EQ(cut["changes"][1]["text"], "accept only signed software on pump (update: signed)");
  EXPECT_EQ(Paths({Example("icd"), "--fail-on-paths"}).exit_code, 0);
}

TEST(PathsCliTest, MarkdownDotAndHtml) {
  const CommandResult md = Paths({Example("infusion-fleet")});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("| library-server | hospital-network | EF-infusion | pump | pump |"),
            std::string::npos)
      << md.out;
  const CommandResult dot = Paths({Example("icd"), "--format", "dot"});
  ASSERT_EQ(dot.exit_code, 0);
  EXPECT_EQ(dot.out.rfind("digraph paths {\n", 0), 0u);
  // The cut edge is red; the measures remove it, so it is dashed too.
  EXPECT_NE(dot.out.find("\"exposed:F-telemetry\" -> \"inject:F-telemetry\" [label="),
            std::string::npos);
  EXPECT_NE(dot.out.find("style=dashed, color=red, penwidth=2];"), std::string::npos) << dot.out;
  const CommandResult html = Paths({Example("icd"), "--format", "html"});
  ASSERT_EQ(html.exit_code, 0);
  EXPECT_NE(html.out.find("<svg"), std::string::npos);
  EXPECT_NE(html.out.find("Smallest sets of design changes that cut the paths"), std::string::npos);
}

TEST(PathsCliTest, DfdDotDrawsThePathsAndTheReachOnTheDataFlowDiagram) {
  const CommandResult dfd = Paths({Example("icd"), "--format", "dfd-dot"});
  ASSERT_EQ(dfd.exit_code, 0) << dfd.err;
  EXPECT_EQ(dfd.err, "");
  EXPECT_EQ(dfd.out.rfind("digraph dfd_paths {\n", 0), 0u);
  // The radio entry point gets in at the implant through the telemetry, the cut is marked.
  EXPECT_NE(dfd.out.find("\"entry-radio\" -> \"icd\" [label=\"F-telemetry\""), std::string::npos)
      << dfd.out;
  EXPECT_NE(dfd.out.find("\\ncut: protect-flow\""), std::string::npos);
  EXPECT_NE(dfd.out.find("subgraph \"cluster_Z-body\""), std::string::npos);
  const CommandResult reach = Paths({Example("insulin-pump"), "--format", "reach-dot"});
  ASSERT_EQ(reach.exit_code, 0) << reach.err;
  EXPECT_EQ(reach.out.rfind("digraph dfd_reach {\n", 0), 0u);
  EXPECT_NE(reach.out.find("\\nreached from: cloud\""), std::string::npos) << reach.out;
  EXPECT_EQ(Paths({Example("icd"), "--format", "svg"}).exit_code, 2);
}

TEST(PathsCliTest, BadInputIsExit2WithAMessage) {
  const CommandResult cost = Paths({Example("icd"), "--cost", "protect-flow=0"});
  EXPECT_EQ(cost.exit_code, 2);
  EXPECT_EQ(cost.err,
            "medtra: paths: --cost 'protect-flow=0': expected KIND=N with N from 1 to 999999999 "
            "and KIND one of protect-flow, authorize-therapy, sign-updates, disable-debug-port, "
            "user-credentials, per-device-keys\n");
  EXPECT_EQ(Paths({Example("icd"), "--cost", "teleport=3"}).exit_code, 2);
  testing::IcdCopy icd;
  ASSERT_TRUE(icd.Replace("icd/system.yaml", "between: [programmer, icd]",
                          "between: [programmer, nowhere]"));
  const testing::Outcome bad = icd.Run("paths icd");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("icd/system.yaml:"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.out, "");
}

/// `medtra paths` runs only the rules its graphs cite; its JSON is still the `paths` key of the
/// report, for which `analyze` runs every rule.
void ExpectPathsAsInTheReport(const std::string& model) {
  const CommandResult p = Paths({model, "--format", "json"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  const CommandResult a = RunCommand({MEDTRA_BIN, "analyze", model, "--format", "json", "-o", "-"});
  ASSERT_LE(a.exit_code, 1) << a.err;
  nlohmann::json paths = nlohmann::json::parse(p.out);
  for (const char* key : {"format", "version", "model", "options"}) paths.erase(key);
  const nlohmann::json report = nlohmann::json::parse(a.out);
  ASSERT_TRUE(report.contains("paths"));
  EXPECT_TRUE(paths == report["paths"]) << model;
  EXPECT_GT(paths["paths"].size(), 0u) << model;
}

TEST(PathsCliTest, ThePathsAreThoseOfTheReportOnTheExamples) {
  for (const char* name : {"icd", "insulin-pump", "infusion-fleet"}) {
    ExpectPathsAsInTheReport(Example(name));
  }
}

TEST(PathsCliTest, ThePathsAreThoseOfTheReportOnAGeneratedModel) {
  const std::string model = (std::filesystem::temp_directory_path() /
                             ("medtra-paths-generated-" + std::to_string(::getpid()) + ".yaml"))
                                .string();
  const CommandResult g = RunCommand(
      {MEDTRA_GENMODEL, "--components", "800", "--flows", "1600", "--seed", "3", "-o", model});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  ExpectPathsAsInTheReport(model);
  std::filesystem::remove(model);
}

}  // namespace
}  // namespace medtra
