// The resolver: each kind and status of a reference, worst-of ordering, measures and findings.
#include "medtra/verify/verify.h"

#include <gtest/gtest.h>

#include "medtra/model/model_loader.h"

namespace medtra::verify {
namespace {

constexpr char kJUnit[] = R"(<testsuites subject="pump" version="1.1">
  <testsuite name="Frame" timestamp="2026-11-28T16:04:13">
    <testcase name="Good" classname="Frame"/>
    <testcase name="Bad" classname="Frame"><failure message="tag accepted"/></testcase>
    <testcase name="Later" classname="Frame"><skipped message="needs hardware"/></testcase>
  </testsuite>
  <testsuite name="Old" version="1.0"><testcase name="Run" classname="Old"/></testsuite>
  <testsuite name="Other" subject="ventilator"><testcase name="Run" classname="Other"/></testsuite>
</testsuites>
)";

constexpr char kSim[] = R"({"format": "medtra-sim-evidence", "date": "2026-11-29T02:15:16Z",
  "subject": {"id": "pump", "version": "1.1"},
  "scenarios": [{"id": "sim:modify", "passed": true},
                {"id": "sim:replay", "passed": false, "failed_checks": ["accepted == 0"]}]})";

constexpr char kUnstated[] = R"({"format": "medtra-sim-evidence",
  "scenarios": [{"id": "sim:inject", "passed": true}]})";

class ResolveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DiagnosticSink sink;
    ASSERT_TRUE(ParseJUnitXml("ev/j.xml", kJUnit, &evidence_, sink));
    ASSERT_TRUE(ParseSimEvidence("ev/s.json", kSim, &evidence_, sink));
    ASSERT_TRUE(ParseSimEvidence("ev/u.json", kUnstated, &evidence_, sink));
    fs_.AddFile("m/docs/report.pdf", "%PDF");
    context_ = Context{&evidence_, &fs_, "m", "pump", "1.1"};
  }
  RefResult Get(std::string_view ref) { return Resolve(ref, {"m/risks.yaml", 7, 20}, context_); }

  Evidence evidence_;
  MemoryFileSystem fs_;
  Context context_;
};

TEST_F(ResolveTest, PassedScenarioOfTheModelVersionIsVerified) {
  const RefResult r = Get("sim:modify");
  EXPECT_EQ(r.ref, "sim:modify");
  EXPECT_EQ(r.kind, Kind::kSim);
  EXPECT_EQ(r.status, Status::kVerified);
  EXPECT_EQ(r.subject, "pump");
  EXPECT_EQ(r.version, "1.1");
  EXPECT_EQ(r.date, "2026-11-29T02:15:16Z");
  EXPECT_EQ(r.source, "ev/s.json:3:17");
  EXPECT_EQ(r.detail, "");
  EXPECT_EQ(r.location, (SourceLocation{"m/risks.yaml", 7, 20}));
}

TEST_F(ResolveTest, FailedScenarioAndTest) {
  const RefResult sim = Get("sim:replay");
  EXPECT_EQ(sim.status, Status::kFailed);
  EXPECT_EQ(sim.detail, "failed checks: accepted == 0");
  const RefResult test = Get("test:Frame.Bad");
  EXPECT_EQ(test.status, Status::kFailed);
  EXPECT_EQ(test.detail, "tag accepted");
  EXPECT_EQ(test.source, "ev/j.xml:4:5");
  EXPECT_EQ(test.date, "2026-11-28T16:04:13");
}

TEST_F(ResolveTest, UnknownScenarioOrTestIsMissing) {
  const RefResult sim = Get("sim:modfy");
  EXPECT_EQ(sim.status, Status::kMissing);
  EXPECT_EQ(sim.detail,
            "no result for scenario 'sim:modfy' in the evidence (did you mean 'sim:modify'?)");
  EXPECT_EQ(Get("test:Frame.Gone").detail,
            "no result for test 'Frame.Gone' in the evidence (did you mean 'test:Frame.Good'?)");
  const RefResult none = Resolve("sim:modify", {}, Context{nullptr, &fs_, "m", "pump", "1.1"});
  EXPECT_EQ(none.status, Status::kMissing);
  EXPECT_EQ(none.detail, "no result for scenario 'sim:modify': no evidence was read");
}

TEST_F(ResolveTest, EvidenceOfAnotherVersionOrNoneIsStale) {
  const RefResult old = Get("test:Old.Run");
  EXPECT_EQ(old.status, Status::kStale);
  EXPECT_EQ(old.version, "1.0");
  EXPECT_EQ(old.detail, "made on version 1.0; the model is version 1.1");
  const RefResult unstated = Get("sim:inject");
  EXPECT_EQ(unstated.status, Status::kStale);
  EXPECT_EQ(unstated.detail, "the evidence states no version; the model is version 1.1");
  const RefResult other = Get("test:Other.Run");
  EXPECT_EQ(other.status, Status::kStale);
  EXPECT_EQ(other.detail,
            "made for 'ventilator' version 1.1, not for 'pump'; the model is version 1.1");
  context_.version = "";
  EXPECT_EQ(Get("sim:modify").detail,
            "made on version 1.1; the model states no version (system.version)");
}

TEST_F(ResolveTest, SkippedTestIsUnverified) {
  const RefResult r = Get("test:Frame.Later");
  EXPECT_EQ(r.status, Status::kUnverified);
  EXPECT_EQ(r.detail, "skipped at ev/j.xml:5:5: needs hardware");
}

TEST_F(ResolveTest, FileReferencesAreCheckedRelativeToTheModel) {
  const RefResult present = Get("file:docs/report.pdf");
  EXPECT_EQ(present.kind, Kind::kFile);
  EXPECT_EQ(present.status, Status::kVerified);
  EXPECT_EQ(present.source, "m/docs/report.pdf");
  const RefResult missing = Get("file:docs/mac.pdf");
  EXPECT_EQ(missing.status, Status::kMissing);
  EXPECT_EQ(missing.detail, "file 'm/docs/mac.pdf' does not exist");
  context_.fs = nullptr;
  const RefResult unchecked = Get("file:docs/report.pdf");
  EXPECT_EQ(unchecked.status, Status::kUnverified);
  EXPECT_EQ(unchecked.detail, "file 'm/docs/report.pdf' was not checked (no file system given)");
}

TEST_F(ResolveTest, UrlsCannotBeCheckedOffline) {
  for (const char* ref : {"url:https://qms.example/sop", "https://qms.example/sop"}) {
    const RefResult r = Get(ref);
    EXPECT_EQ(r.kind, Kind::kUrl) << ref;
    EXPECT_EQ(r.status, Status::kUnverified);
    EXPECT_EQ(r.detail, "a URL cannot be checked offline");
  }
  EXPECT_EQ(Get("url:https://qms.example/sop").source, "https://qms.example/sop");
}

TEST_F(ResolveTest, ReferenceWithoutKindIsMissing) {
  const RefResult r = Get("Frame.Good");
  EXPECT_EQ(r.kind, Kind::kNone);
  EXPECT_EQ(r.status, Status::kMissing);
  EXPECT_EQ(r.detail, "it names no kind; write test:ID, sim:ID, file:PATH or url:URL");
}

TEST(StatusTest, WorstOfOrdersFailedMissingStaleUnverifiedVerified) {
  const Status order[] = {Status::kVerified, Status::kUnverified, Status::kStale, Status::kMissing,
                          Status::kFailed};
  for (size_t i = 0; i < 5; ++i) {
    for (size_t j = 0; j < 5; ++j) {
      EXPECT_EQ(Worst(order[i], order[j]), order[std::max(i, j)]) << i << " " << j;
    }
  }
  EXPECT_EQ(Worst(Status::kNotApplicable, Status::kVerified), Status::kVerified);
  std::vector<RefResult> refs(3);
  refs[0].status = Status::kStale;
  refs[1].status = Status::kVerified;
  refs[2].status = Status::kUnverified;
  EXPECT_EQ(WorstOf(refs, Status::kNotApplicable), Status::kStale);
  EXPECT_EQ(WorstOf({}, Status::kNotApplicable), Status::kNotApplicable);
  EXPECT_EQ(StatusName(Status::kNotApplicable), "not-applicable");
  EXPECT_EQ(StatusName(Status::kMissing), "missing");
}

constexpr char kModel[] = R"(medtra: 1
system: {id: pump, name: Pump, version: "1.1", intended_use: Dose.,
  essential_functions: [{id: EF-dose, name: Dose, component: pump-unit}],
  intended_environment: [{id: E, name: Home}]}
components: [{id: pump-unit, name: Pump, kind: other}]
measures:
  - {id: M-mac, name: MAC, kind: technical, essential_function_impact: none,
     verified_by: [sim:modify, "file:docs/mac.pdf", test:Old.Run]}
  - {id: M-none, name: Nothing, kind: technical, essential_function_impact: none}
  - {id: M-lock, name: Lock, kind: user, instructions: Lock it.}
  - {id: M-fail, name: Fail, kind: technical, essential_function_impact: none,
     verified_by: [test:Frame.Later, sim:replay, "url:https://x.example"]}
)";

TEST_F(ResolveTest, MeasuresTakeTheWorstOfTheirReferences) {
  MemoryFileSystem model_fs;
  model_fs.AddFile("m/system.yaml", kModel);
  DiagnosticSink sink;
  const auto model = model::LoadModel(model_fs, "m", sink, nullptr);
  ASSERT_TRUE(model) << RenderTextAll(sink, nullptr);
  const Context context = MakeContext(*model, &evidence_, &fs_);
  EXPECT_EQ(context.model_dir, "m");
  EXPECT_EQ(context.subject, "pump");
  EXPECT_EQ(context.version, "1.1");
  std::vector<Diagnostic> findings;
  const std::vector<MeasureVerification> v = VerifyMeasures(*model, context, &findings);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].status, Status::kMissing);
  ASSERT_EQ(v[0].refs.size(), 3u);
  EXPECT_EQ(v[0].refs[1].location, (SourceLocation{"m/system.yaml", 8, 32}));
  EXPECT_EQ(v[1].status, Status::kUnverified);
  EXPECT_EQ(v[2].status, Status::kNotApplicable);
  EXPECT_EQ(v[3].status, Status::kFailed);
  std::vector<std::string> lines;
  for (const Diagnostic& d : findings) lines.push_back(RenderText(d, nullptr));
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          "m/system.yaml:8:32: error: verification 'file:docs/mac.pdf' of measure 'M-mac' is "
          "missing: file 'm/docs/mac.pdf' does not exist [verification-missing]\n",
          "m/system.yaml:8:53: warning: verification 'test:Old.Run' of measure 'M-mac' is "
          "stale: made on version 1.0; the model is version 1.1 (ev/j.xml:7:39) "
          "[verification-stale]\n",
          "m/system.yaml:9:5: warning: measure 'M-none' names no verification ('verified_by') "
          "[measure-unverified]\n",
          "m/system.yaml:12:20: warning: verification 'test:Frame.Later' of measure 'M-fail' is "
          "unverified: skipped at ev/j.xml:5:5: needs hardware [verification-skipped]\n",
          "m/system.yaml:12:38: error: verification 'sim:replay' of measure 'M-fail' failed at "
          "ev/s.json:4:17: failed checks: accepted == 0 [verification-failed]\n",
          "m/system.yaml:12:50: note: verification 'url:https://x.example' of measure 'M-fail' "
          "is unverified: a URL cannot be checked offline [verification-unchecked]\n"}));
}

}  // namespace
}  // namespace medtra::verify
