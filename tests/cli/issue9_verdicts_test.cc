// Issue 9, end to end: every verdict follows from threats, measures and current evidence, on
// copies of the case study changed one way at a time.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/run_command.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunCommand;

const fs::path kModel = fs::path(MEDTRA_SOURCE_DIR) / "examples/icd";

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Replaces the one occurrence of `from` in a file; fails the test when it is not there once.
void Edit(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = ReadText(path);
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from;
  text.replace(at, from.size(), to);
  WriteText(path, text);
}

class Issue9VerdictsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medtra-issue9-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    model_ = dir_ / "icd";
    fs::copy(kModel, model_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  json Report(const fs::path& model) {
    const auto r =
        RunCommand({MEDTRA_BIN, "analyze", model.string(), "--format", "json", "-o", "-"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }
  int FailOnUnacceptable(const fs::path& model) {
    return RunCommand({MEDTRA_BIN, "analyze", model.string(), "--format", "json", "-o", "-",
                       "--fail-on", "unacceptable"})
        .exit_code;
  }
  static const json& Risk(const json& report, const std::string& id) {
    for (const json& r : report["risks"]) {
      if (r["id"] == id) return r;
    }
    static const json kNone;
    return kNone;
  }
  static const json& Threat(const json& report, const std::string& id) {
    for (const json& t : report["threats"]) {
      if (t["id"] == id) return t;
    }
    static const json kNone;
    return kNone;
  }
  static bool BlockedBy(const json& risk, const std::string& kind, const std::string& id) {
    for (const json& b : risk["residual"]["blocked_by"]) {
      if (b["kind"] == kind && b["id"] == id) return true;
    }
    return false;
  }

  fs::path dir_;
  fs::path model_;
};

TEST_F(Issue9VerdictsTest, AsShippedBothResidualRisksAreAcceptableAndSayWhy) {
  const json report = Report(model_);
  for (const std::string id : {"1", "2"}) {
    const json& risk = Risk(report, id);
    EXPECT_EQ(risk["residual"]["acceptable"], true) << id << risk.dump();
    EXPECT_TRUE(risk["residual"]["blocked_by"].empty()) << id;
    EXPECT_FALSE(risk["residual"]["because"].empty()) << id;
  }
  EXPECT_EQ(Risk(report, "2")["residual"]["level"], "Medium");
  EXPECT_FALSE(Risk(report, "2")["residual"]["justification"].is_null());
  ASSERT_FALSE(report["threats"].empty());
  for (const json& t : report["threats"]) {
    const bool decided = (t["status"] == "accepted" || t["status"] == "transferred" ||
                          t["status"] == "not-applicable") &&
                         t["rationale"].is_string();
    EXPECT_TRUE(t["risk"].is_string() || decided) << t.dump();
  }
  for (const json& f : report["findings"]) EXPECT_NE(f["code"], "threat-unassessed") << f.dump();
  EXPECT_EQ(FailOnUnacceptable(model_), 0);
}

TEST_F(Issue9VerdictsTest, AFailedSimulatedAttackBlocksTheRiskItsMeasureServes) {
  const fs::path evidence = model_ / "evidence/sim-evidence.json";
  json e = json::parse(ReadText(evidence));
  for (json& s : e["scenarios"]) {
    if (s["attack"] == "modify" && s["protocol"] == "secure") {
      s["passed"] = false;
      s["failed_checks"] = {"attacker_frames_accepted == 0"};
    }
  }
  WriteText(evidence, e.dump(1));
  const json report = Report(model_);
  const json& risk2 = Risk(report, "2");
  EXPECT_EQ(risk2["residual"]["acceptable"], false);
  EXPECT_TRUE(BlockedBy(risk2, "measure", "M-mac")) << risk2.dump();
  EXPECT_EQ(Risk(report, "1")["residual"]["acceptable"], true);
  EXPECT_EQ(FailOnUnacceptable(model_), 1);
}

TEST_F(Issue9VerdictsTest, WithoutEvidenceNeitherResidualRiskIsAcceptable) {
  fs::remove_all(model_ / "evidence");
  const json report = Report(model_);
  EXPECT_EQ(Risk(report, "1")["residual"]["acceptable"], false);
  EXPECT_EQ(Risk(report, "2")["residual"]["acceptable"], false);
  EXPECT_TRUE(BlockedBy(Risk(report, "1"), "measure", "M-encrypt"));
  EXPECT_TRUE(BlockedBy(Risk(report, "2"), "measure", "M-mac"));
  EXPECT_EQ(FailOnUnacceptable(model_), 1);
}

TEST_F(Issue9VerdictsTest, AMeasureThatNoLongerProvidesFreshnessLeavesReplayOpenAndBlocksRisk2) {
  Edit(model_ / "risks.yaml", "integrity: mac, authentication: mac, freshness: counter}",
       "integrity: mac, authentication: mac}");
  const json report = Report(model_);
  const json& replay = Threat(report, "comm-replay@F-telemetry");
  EXPECT_EQ(replay["status"], "open");
  EXPECT_EQ(replay["risk"], "2");
  const json& risk2 = Risk(report, "2");
  EXPECT_EQ(risk2["residual"]["acceptable"], false);
  EXPECT_TRUE(BlockedBy(risk2, "threat", "comm-replay@F-telemetry")) << risk2.dump();
  EXPECT_EQ(FailOnUnacceptable(model_), 1);
}

TEST_F(Issue9VerdictsTest, WithoutTheJustificationRisk2sMediumResidualIsNotAcceptable) {
  std::string risks = ReadText(model_ / "risks.yaml");
  const size_t from = risks.find("      # The default risk method accepts");
  const std::string last = "surgical access to the implant.\n";
  const size_t to = risks.find(last);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  risks.erase(from, to + last.size() - from);
  WriteText(model_ / "risks.yaml", risks);
  const json report = Report(model_);
  const json& risk2 = Risk(report, "2");
  EXPECT_EQ(risk2["residual"]["acceptable"], false);
  ASSERT_EQ(risk2["residual"]["blocked_by"].size(), 1u) << risk2.dump();
  EXPECT_TRUE(BlockedBy(risk2, "justification", "Medium"));
  EXPECT_EQ(FailOnUnacceptable(model_), 1);
}

TEST_F(Issue9VerdictsTest, ChangingOnlyAnEvidenceFileChangesTheReportId) {
  const json before = Report(model_);
  ASSERT_TRUE(before["report_id"].is_string());
  EXPECT_EQ(before["report_id"].get<std::string>().size(), 64u);
  std::map<std::string, std::string> roles;
  for (const json& input : before["inputs"]) roles[input["path"]] = input["role"];
  EXPECT_EQ(roles["system.yaml"], "model");
  EXPECT_EQ(roles["risks.yaml"], "model");
  EXPECT_EQ(roles["evidence/junit.xml"], "evidence");
  EXPECT_EQ(roles["evidence/sim-evidence.json"], "evidence");
  // The same inputs give the same id.
  EXPECT_EQ(Report(model_)["report_id"], before["report_id"]);
  std::string junit = ReadText(model_ / "evidence/junit.xml");
  WriteText(model_ / "evidence/junit.xml", junit + "\n");
  const json after = Report(model_);
  EXPECT_NE(after["report_id"], before["report_id"]);
  EXPECT_EQ(after["risks"], before["risks"]);
}

TEST_F(Issue9VerdictsTest, WithoutADocumentSectionTheReportIsADraft) {
  EXPECT_EQ(Report(model_)["document"]["status"], "controlled");
  fs::remove(model_ / "document.yaml");
  EXPECT_EQ(Report(model_)["document"]["status"], "draft");
  const auto md = RunCommand({MEDTRA_BIN, "analyze", model_.string(), "--format", "md", "-o", "-"});
  EXPECT_NE(md.out.find("DRAFT. This report is not under document control"), std::string::npos);
}

TEST_F(Issue9VerdictsTest, AThreatNoRiskNamesIsUnassessedAndARiskIsProposed) {
  Edit(model_ / "risks.yaml",
       "      - comm-cleartext-phi@F-telemetry        # eavesdropping of patient data\n", "");
  const json report = Report(model_);
  const json& phi = Threat(report, "comm-cleartext-phi@F-telemetry");
  EXPECT_TRUE(phi["risk"].is_null());
  EXPECT_EQ(phi["proposed_risks"], json::array({"1"}));
  size_t unassessed = 0;
  for (const json& f : report["findings"]) {
    if (f["code"] != "threat-unassessed") continue;
    ++unassessed;
    EXPECT_NE(f["message"].get<std::string>().find("'comm-cleartext-phi@F-telemetry'"),
              std::string::npos);
    EXPECT_TRUE(f["message"].get<std::string>().ends_with("; proposed: risk '1'"));
  }
  EXPECT_EQ(unassessed, 1u);
  const auto explain =
      RunCommand({MEDTRA_BIN, "explain", model_.string(), "comm-cleartext-phi@F-telemetry"});
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_NE(explain.out.find("\n  assessment: UNASSESSED: proposed risk 1\n"), std::string::npos)
      << explain.out;
}

TEST_F(Issue9VerdictsTest, OnAModelWithoutRisksEveryOpenThreatIsUnassessed) {
  for (const char* file :
       {"risks.yaml", "risks_availability.yaml", "threats.yaml", "requirements.yaml",
        "labeling.yaml", "vulnerabilities.yaml", "sdl.yaml", "software.yaml", "postmarket.yaml"}) {
    fs::remove(model_ / file);
  }
  fs::remove_all(model_ / "evidence");
  const json report = Report(model_);
  size_t open_before = 0;
  for (const json& t : report["threats"]) open_before += t["inherent_status"] == "open";
  ASSERT_GT(open_before, 0u);
  size_t unassessed = 0;
  for (const json& f : report["findings"]) {
    if (f["code"] != "threat-unassessed") continue;
    ++unassessed;
    EXPECT_EQ(f["severity"], "warning");
    EXPECT_EQ(f["file"].get<std::string>().find(model_.string()), 0u) << f.dump();
  }
  EXPECT_EQ(unassessed, open_before);
}

}  // namespace
}  // namespace medtra

namespace medtra {
namespace {

// `medtra check` is the loader: it validates every section but reads no evidence and derives no
// threats, so a broken evidence file is an error of `analyze` only.
TEST_F(Issue9VerdictsTest, CheckValidatesTheModelWithoutRunningTheAnalysis) {
  WriteText(model_ / "evidence/junit.xml", "<testsuites><testsuite");
  const auto check = RunCommand({MEDTRA_BIN, "check", model_.string()});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.out, model_.string() + ": ok (2 components, 1 flow, 3 risks)\n");
  EXPECT_EQ(check.err, "");
  const auto analyze =
      RunCommand({MEDTRA_BIN, "analyze", model_.string(), "--format", "json", "-o", "-"});
  EXPECT_EQ(analyze.exit_code, 2);
  EXPECT_NE(analyze.err.find((model_ / "evidence/junit.xml").string() + ":1:"), std::string::npos)
      << analyze.err;
}

TEST_F(Issue9VerdictsTest, CheckReportsTheErrorsOfEverySectionWithTheirLocations) {
  WriteText(model_ / "zz-errors.yaml",
            "threat_decisions: [{threat: comm-jamming@F-telemetry, decision: accepted}]\n"
            "vulnerabilities: [{id: V-9, title: T, cvss: 'CVSS:3.1/AV:Q'}]\n"
            "requirements: [{id: REQ-9, text: T, category: [other], measures: [M-nope]}]\n"
            "labeling: [{item: sbom, measures: [M-mac]}]\n"
            "sdl: [{id: SM-1, status: done}]\n");
  const auto check = RunCommand({MEDTRA_BIN, "check", model_.string()});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_EQ(check.out, "");
  const std::string at = (model_ / "zz-errors.yaml").string();
  for (const std::string& expected :
       {at + ":1:65: error: decision 'accepted' needs a rationale [threat-decision]",
        at + ":2:45: error: malformed CVSS vector 'CVSS:3.1/AV:Q'",
        at + ":3:67: error: unknown measure 'M-nope'",
        at + ":4:36: error: measure 'M-mac' is technical; labeling items carry user measures",
        at + ":5:12: error: activity 'SM-1' is already in the plan at " +
            (model_ / "sdl.yaml").string() + ":13:7 [duplicate-id]"}) {
    EXPECT_NE(check.err.find(expected), std::string::npos) << expected << "\n" << check.err;
  }
}

}  // namespace
}  // namespace medtra
