// The SDL plan: activities from the catalogs, the plan laid over them, coverage and gaps.
#include <gtest/gtest.h>

#include <algorithm>

#include "medtra/report/sdl_render.h"
#include "medtra/trace/sdl.h"
#include "trace/test_model.h"

namespace medtra::trace {
namespace {

class SdlPlanTest : public ::testing::Test {
 protected:
  SdlReport Build(const std::string& plan) {
    fs_.AddFile("m/system.yaml", testing::kSystemYaml);
    if (!plan.empty()) fs_.AddFile("m/sdl.yaml", plan);
    // The loader validates the plan: its errors are in `sink_`, and then there is no model.
    model_ = testing::LoadTestModel(fs_, "m", sink_);
    if (!model_) return {};
    return BuildSdlReport(*model_, evidence_, &fs_);
  }

  static const SdlActivity& Find(const SdlReport& report, std::string_view id) {
    const auto it = std::find_if(report.activities.begin(), report.activities.end(),
                                 [&](const SdlActivity& a) { return a.id == id; });
    EXPECT_NE(it, report.activities.end()) << id;
    return *it;
  }

  MemoryFileSystem fs_;
  verify::Evidence evidence_;
  DiagnosticSink sink_;
  std::unique_ptr<const model::SystemModel> model_;
};

TEST_F(SdlPlanTest, EveryIec62443_4_1RequirementIsAnActivityEvenWithoutAPlan) {
  const SdlReport report = Build("");
  EXPECT_TRUE(sink_.diagnostics().empty());
  ASSERT_EQ(report.activities.size(), 55u);  // 47 + 8 health-specific IEC 81001-5-1 activities
  EXPECT_EQ(report.activities.front().id, "SM-1");
  EXPECT_EQ(report.activities[46].id, "SG-7");
  EXPECT_EQ(report.activities[47].id, "81001-5-1:4.1.1");
  for (const SdlActivity& a : report.activities) {
    EXPECT_EQ(a.status, "planned");
    EXPECT_FALSE(a.in_plan);
  }
  ASSERT_EQ(report.gaps.size(), 55u);
  EXPECT_EQ(report.gaps[0].diagnostic.code, "sdl-not-in-plan");
  EXPECT_EQ(report.gaps[0].diagnostic.location, (SourceLocation{"m/system.yaml", 1, 1}));
  EXPECT_EQ(report.total.percent(), 0);
}

TEST_F(SdlPlanTest, CoverageCountsStatusesPerPracticeAndProcess) {
  fs_.AddFile("m/evidence.md", "minutes");
  const SdlReport report = Build(R"(sdl:
  owner: Security lead
  activities:
    - {id: SM-1, status: done, evidence: ["file:evidence.md"]}
    - {id: SM-2, status: in-progress, owner: QA}
    - {id: SM-10, status: not-applicable, justification: All code is ours.}
    - {id: DM-1, status: done, evidence: ["url:https://qms.example/sop"]}
    - {id: "81001-5-1:4.2", status: done, evidence: ["file:system.yaml"]}
)");
  EXPECT_TRUE(sink_.diagnostics().empty()) << RenderTextAll(sink_, nullptr);
  const SdlActivity& sm1 = Find(report, "SM-1");
  EXPECT_EQ(sm1.owner, "Security lead");
  EXPECT_EQ(sm1.location, (SourceLocation{"m/sdl.yaml", 4, 7}));
  ASSERT_EQ(sm1.evidence.size(), 1u);
  EXPECT_EQ(sm1.evidence[0].status, verify::Status::kVerified);
  EXPECT_EQ(sm1.processes, (std::vector<std::string>{"5", "8"}));
  EXPECT_EQ(Find(report, "SM-2").owner, "QA");
  const SdlCoverage& sm = report.practices[0];
  EXPECT_EQ(sm.id, "SM");
  EXPECT_EQ(sm.total, 13);
  EXPECT_EQ(sm.done, 1);
  EXPECT_EQ(sm.in_progress, 1);
  EXPECT_EQ(sm.not_applicable, 1);
  EXPECT_EQ(sm.planned, 10);
  EXPECT_EQ(sm.percent(), 15);
  const auto process9 = std::find_if(report.processes.begin(), report.processes.end(),
                                     [](const SdlCoverage& c) { return c.id == "9"; });
  ASSERT_NE(process9, report.processes.end());
  EXPECT_EQ(process9->total, 4);  // DM-1..DM-4
  EXPECT_EQ(process9->done, 1);
  EXPECT_EQ(report.total.done, 3);
}

TEST_F(SdlPlanTest, GapsNameWhatIsMissingWhere) {
  const SdlReport report = Build(R"(sdl:
  activities:
    - {id: SM-1, status: done}
    - {id: SM-10, status: not-applicable}
    - {id: SVV-1, status: done, evidence: [test:Frame.Good, "file:nowhere.txt"]}
)");
  EXPECT_TRUE(sink_.diagnostics().empty()) << RenderTextAll(sink_, nullptr);
  std::vector<std::string> errors;
  for (const SdlGap& g : report.gaps) {
    if (g.diagnostic.severity == Severity::kError) {
      errors.push_back(RenderText(g.diagnostic, nullptr));
    }
  }
  EXPECT_EQ(errors,
            (std::vector<std::string>{
                "m/sdl.yaml:3:7: error: SM-1 (Development process) is done but cites no evidence "
                "[sdl-no-evidence]\n",
                "m/sdl.yaml:4:7: error: SM-10 (Components custom-built by suppliers) is not "
                "applicable but gives no justification [sdl-no-justification]\n",
                "m/sdl.yaml:5:44: error: evidence 'test:Frame.Good' of SVV-1 is missing: no "
                "result for test 'Frame.Good': no evidence was read [sdl-evidence-missing]\n",
                "m/sdl.yaml:5:61: error: evidence 'file:nowhere.txt' of SVV-1 is missing: file "
                "'m/nowhere.txt' does not exist [sdl-evidence-missing]\n"}));
}

TEST_F(SdlPlanTest, UnknownAndDuplicateActivitiesAreInputErrors) {
  Build(R"(sdl:
  activities:
    - {id: SVV-9, status: done}
    - {id: SM-1, status: finished}
    - {id: SM-2, status: done, evidence: [minutes.txt]}
    - {id: SM-2, status: done}
    - {id: "81001-5-1:5.7.2", status: done}
)");
  std::vector<std::string> lines;
  for (const Diagnostic& d : sink_.diagnostics()) lines.push_back(RenderText(d, nullptr));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0],
            "m/sdl.yaml:3:12: error: unknown SDL activity 'SVV-9' (did you mean 'SVV-1'?); plan "
            "IEC 62443-4-1 requirements (SM-1 .. SG-7) or health-specific IEC 81001-5-1 "
            "activities (81001-5-1:4.2, ...) [unknown-activity]\n");
  EXPECT_EQ(lines[1],
            "m/sdl.yaml:4:26: error: unknown value 'finished' for 'status'; expected one of: "
            "planned, in-progress, done, not-applicable [unknown-value]\n");
  EXPECT_EQ(lines[2],
            "m/sdl.yaml:5:43: error: evidence 'minutes.txt' names no kind; write test:ID, sim:ID, "
            "file:PATH or url:URL [unknown-evidence-kind]\n");
  EXPECT_EQ(lines[3],
            "m/sdl.yaml:6:12: error: activity 'SM-2' is already in the plan at m/sdl.yaml:5:7 "
            "[duplicate-id]\n");
  EXPECT_EQ(lines[4],
            "m/sdl.yaml:7:12: error: IEC 81001-5-1 5.7.2 is planned through its IEC 62443-4-1 "
            "requirement(s): SVV-2 [unknown-activity]\n");
}

TEST_F(SdlPlanTest, JsonHasActivitiesCoverageAndGaps) {
  const SdlReport report = Build("sdl:\n  activities:\n    - {id: SM-1, status: in-progress}\n");
  const std::string json = report::RenderSdlJson(report);
  EXPECT_NE(json.find("\"activities\": ["), std::string::npos);
  EXPECT_NE(json.find("\"coverage\": {"), std::string::npos);
  EXPECT_NE(json.find("\"gaps\": ["), std::string::npos);
  EXPECT_NE(json.find("\"id\": \"SG-7\""), std::string::npos);
  const std::string text = report::RenderSdlText(report);
  EXPECT_NE(text.find("SM-1            in-progress     5,8     -"), std::string::npos) << text;
  EXPECT_NE(text.find("Gaps (55)"), std::string::npos);
}

}  // namespace
}  // namespace medtra::trace
