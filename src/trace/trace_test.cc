// Traceability: chains, every kind of broken link as a located finding, and the renderers.
#include "medtra/trace/trace.h"

#include <gtest/gtest.h>

#include "medtra/report/trace_render.h"
#include "trace/test_model.h"

namespace medtra::trace {
namespace {

constexpr char kRequirements[] = R"(requirements:
  - id: REQ-1
    text: Frames carry a valid MAC.
    category: [authentication, communication-integrity]
    measures: [M-mac]
    design: [F-ble, pump]
    controls: ["62443-4-2:CR 3.1", "FDA:authentication"]
    verified_by: [test:Frame.Good, sim:modify]
security_categories:
  - {category: authorization, justification: One role only.}
)";

class TraceBuilderTest : public ::testing::Test {
 protected:
  TraceResult Build(const std::string& requirements) {
    fs_.AddFile("m/system.yaml", testing::kSystemYaml);
    if (!requirements.empty()) fs_.AddFile("m/requirements.yaml", requirements);
    // The loader validates the trace sections: its errors are in `sink_`, and then no model.
    model_ = testing::LoadTestModel(fs_, "m", sink_);
    if (!model_) return {};
    return BuildTrace(*model_, evidence_, TraceOptions{&fs_});
  }

  void AddJUnit(const std::string& xml) {
    DiagnosticSink sink;
    ASSERT_TRUE(verify::ParseJUnitXml("junit.xml", xml, &evidence_, sink));
  }
  void AddSim(bool passed) {
    DiagnosticSink sink;
    ASSERT_TRUE(verify::ParseSimEvidence(
        "sim.json",
        std::string(R"({"format": "medtra-sim-evidence", "subject": {"version": "2.0"}, )"
                    R"("scenarios": [{"id": "sim:modify", "passed": )") +
            (passed ? "true" : "false") + "}]}",
        &evidence_, sink));
  }

  static std::vector<std::string> Lines(const std::vector<Diagnostic>& findings) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : findings) lines.push_back(RenderText(d, nullptr));
    return lines;
  }

  MemoryFileSystem fs_;
  verify::Evidence evidence_;
  DiagnosticSink sink_;
  std::unique_ptr<const model::SystemModel> model_;
};

constexpr char kPassing[] =
    "<testsuites version=\"2.0\"><testsuite name=\"Frame\" timestamp=\"2026-11-28T10:00:00\">"
    "<testcase name=\"Good\" classname=\"Frame\"/></testsuite></testsuites>";
constexpr char kFailing[] =
    "<testsuites><testsuite name=\"Frame\">\n"
    "<testcase name=\"Good\" classname=\"Frame\"><failure message=\"tag accepted\"/></testcase>\n"
    "</testsuite></testsuites>";

TEST_F(TraceBuilderTest, CompleteChainIsVerified) {
  AddJUnit(kPassing);
  AddSim(true);
  const TraceResult result = Build(kRequirements);
  EXPECT_TRUE(sink_.diagnostics().empty()) << RenderTextAll(sink_, nullptr);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[0].measure, "M-lock");
  EXPECT_EQ(result.rows[0].status, "instructions");
  const TraceRow& row = result.rows[1];
  EXPECT_EQ(row.risk, "1");
  EXPECT_EQ(row.risk_level, "High");
  EXPECT_EQ(row.measure, "M-mac");
  EXPECT_EQ(row.requirement, "REQ-1");
  EXPECT_EQ(row.design, (std::vector<std::string>{"F-ble", "pump"}));
  EXPECT_EQ(row.controls, (std::vector<std::string>{"IEC 62443-4-2 CR 3.1", "FDA authentication"}));
  ASSERT_EQ(row.verifications.size(), 2u);
  EXPECT_EQ(row.verifications[0].status, verify::Status::kVerified);
  EXPECT_EQ(row.verifications[0].version, "2.0");
  EXPECT_EQ(row.verifications[0].date, "2026-11-28T10:00:00");
  EXPECT_EQ(row.verifications[0].source, "junit.xml:1:83");
  // M-mac names no verification of its own: unverified, which does not weaken the chain.
  EXPECT_EQ(row.measure_status, "unverified");
  EXPECT_EQ(row.status, "verified");
  EXPECT_EQ(result.rows[2].risk, "2");
  EXPECT_EQ(result.rows[2].status, "broken");
  EXPECT_EQ(Lines(result.findings)[0],
            "m/system.yaml:29:5: error: risk '2' (High) has no measure [risk-unmitigated]\n");
  EXPECT_EQ(result.categories[2].status, "justified");  // authorization
  EXPECT_EQ(result.categories[3].status, "gap");        // audit trail
  EXPECT_EQ(result.model_hash, model_->content_hash);
}

TEST_F(TraceBuilderTest, MeasureWithoutRequirementIsLocatedAtTheMeasure) {
  const TraceResult result = Build("");
  const std::vector<std::string> lines = Lines(result.findings);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "m/system.yaml:29:5: error: risk '2' (High) has no measure [risk-unmitigated]\n");
  EXPECT_EQ(lines[1],
            "m/system.yaml:37:5: error: measure 'M-mac' is not implemented by any security "
            "requirement [measure-without-requirement]\n");
  EXPECT_EQ(result.rows[1].status, "broken");
  EXPECT_EQ(lines[2],
            "m/system.yaml:1:1: warning: no security requirement covers the IEC 62304 category "
            "'Protection of sensitive information' (sensitive-information) and "
            "'security_categories' does not justify it [security-category-uncovered]\n");
}

TEST_F(TraceBuilderTest, FailedTestIsAFindingAtTheVerificationReference) {
  AddJUnit(kFailing);
  AddSim(true);
  const TraceResult result = Build(kRequirements);
  EXPECT_EQ(result.rows[1].status, "failed");
  const std::vector<std::string> lines = Lines(result.findings);
  EXPECT_NE(std::find(lines.begin(), lines.end(),
                      "m/requirements.yaml:8:19: error: verification 'test:Frame.Good' of "
                      "requirement 'REQ-1' failed at junit.xml:2:1: tag accepted "
                      "[verification-failed]\n"),
            lines.end())
      << ::testing::PrintToString(lines);
  EXPECT_TRUE(HasFindingsAtOrAbove(result, Severity::kError));
}

TEST_F(TraceBuilderTest, MissingEvidenceAndMissingVerification) {
  const TraceResult result = Build(R"(requirements:
  - {id: REQ-1, text: t, category: authentication, measures: [M-mac], design: [F-ble],
     verified_by: [test:Frame.Godo, "file:report.pdf"]}
  - {id: REQ-2, text: t, category: audit-trail}
)");
  EXPECT_TRUE(sink_.diagnostics().empty()) << RenderTextAll(sink_, nullptr);
  const std::vector<std::string> lines = Lines(result.findings);
  const auto has = [&](const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  EXPECT_TRUE(
      has("m/requirements.yaml:3:37: error: verification 'file:report.pdf' of requirement "
          "'REQ-1' is missing: file 'm/report.pdf' does not exist [verification-missing]\n"))
      << ::testing::PrintToString(lines);
  EXPECT_TRUE(
      has("m/requirements.yaml:4:5: error: security requirement 'REQ-2' has no "
          "verification [requirement-unverified]\n"));
  EXPECT_TRUE(
      has("m/requirements.yaml:4:5: warning: security requirement 'REQ-2' implements no "
          "measure of a risk [requirement-without-measure]\n"));
  EXPECT_TRUE(
      has("m/requirements.yaml:3:20: error: verification 'test:Frame.Godo' of requirement "
          "'REQ-1' is missing: no result for test 'Frame.Godo': no evidence was read "
          "[verification-missing]\n"));
  EXPECT_TRUE(
      has("m/system.yaml:37:5: warning: measure 'M-mac' names no verification "
          "('verified_by') [measure-unverified]\n"));
  EXPECT_EQ(result.rows[1].status, "missing");
}

TEST_F(TraceBuilderTest, UserMeasureWithoutInstructions) {
  fs_.AddFile("m/more.yaml", R"(measures:
  - {id: M-train, name: Train the staff, kind: user}
)");
  const TraceResult result = Build("");
  const std::vector<std::string> lines = Lines(result.findings);
  EXPECT_NE(std::find(lines.begin(), lines.end(),
                      "m/more.yaml:2:5: error: user measure 'M-train' is missing from the "
                      "instructions for secure use (no 'instructions' text and no labeling item "
                      "carries it) [user-measure-not-in-instructions]\n"),
            lines.end())
      << ::testing::PrintToString(lines);
}

TEST_F(TraceBuilderTest, SectionErrorsAreInputErrorsWithDidYouMean) {
  Build(R"(requirements:
  - id: REQ-1
    text: t
    category: authentification
    measures: [M-ma]
    design: [F-bl]
    controls: ["62443-4-2:CR 3.l"]
    verified_by: [Frame.Good]
    owner: me
)");
  std::vector<std::string> lines;
  for (const Diagnostic& d : sink_.diagnostics()) lines.push_back(RenderText(d, nullptr));
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                "m/requirements.yaml:4:15: error: unknown value 'authentification' in 'category' "
                "(did you mean 'authentication'?); expected one of: sensitive-information, "
                "authentication, authorization, audit-trail, communication-integrity, other "
                "[unknown-value]\n",
                "m/requirements.yaml:5:16: error: unknown measure 'M-ma' (did you mean "
                "'M-mac'?) [unknown-reference]\n",
                "m/requirements.yaml:6:14: error: unknown design element 'F-bl' (a component or "
                "flow) (did you mean 'F-ble'?) [unknown-reference]\n",
                "m/requirements.yaml:7:16: error: unknown control '62443-4-2:CR 3.l' (did you "
                "mean '62443-4-2:CR 3.1'?); cite 62443-4-2:CR x.y, 60601-4-5:CR x.y or "
                "FDA:<category> [unknown-control]\n",
                "m/requirements.yaml:8:19: error: verification 'Frame.Good' names no kind; write "
                "test:ID, sim:ID, file:PATH or url:URL [unknown-verification-kind]\n",
                "m/requirements.yaml:9:5: error: unknown key 'owner' in security requirement "
                "[unknown-key]\n"}));
  EXPECT_EQ(model_, nullptr);  // the loader rejects the model
}

TEST_F(TraceBuilderTest, CsvAndHtmlAreEscaped) {
  AddJUnit(kPassing);
  AddSim(true);
  TraceResult result = Build(kRequirements);
  result.rows[1].requirement = "R<1>, \"x\"";
  const std::string csv = report::RenderTraceCsv(result);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "risk,level,measure,kind,requirement,categories,design,verification,status");
  EXPECT_NE(csv.find("1,High,M-mac,technical,\"R<1>, \"\"x\"\"\",\"authentication, "
                     "communication-integrity\",\"F-ble, pump\",\"test:Frame.Good=verified, "
                     "sim:modify=verified\",verified\r\n"),
            std::string::npos)
      << csv;
  const std::string html = report::RenderTraceHtmlTable(result);
  EXPECT_NE(html.find("<td>R&lt;1&gt;, &quot;x&quot;</td>"), std::string::npos) << html;
  EXPECT_EQ(html.substr(0, 29), "<table class=\"medtra-trace\">\n");
  const std::string json = report::RenderTraceJson(result);
  EXPECT_NE(json.find("\"matrix\": ["), std::string::npos);
  EXPECT_NE(json.find("\"findings\": ["), std::string::npos);
}

}  // namespace
}  // namespace medtra::trace
