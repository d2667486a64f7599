// Evidence ingest: JUnit XML from GoogleTest and CTest, sim evidence JSON, hostile input.
#include "medtra/verify/evidence.h"

#include <gtest/gtest.h>

namespace medtra::verify {
namespace {

constexpr char kGTest[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="3" timestamp="2026-11-28T16:04:12.503" name="AllTests">
  <testsuite name="Frame" tests="3" timestamp="2026-11-28T16:04:13">
    <testcase name="Good" status="run" result="completed" classname="Frame" />
    <testcase name="Bad" status="run" result="completed" classname="Frame">
      <failure message="Expected equality&#x0A;second line" type=""><![CDATA[detail]]></failure>
    </testcase>
    <testcase name="DISABLED_Later" status="notrun" result="suppressed" classname="Frame" />
  </testsuite>
</testsuites>
)";

// What CTest --output-junit writes: one test suite, test names already qualified.
constexpr char kCTest[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="Linux-c++" tests="2" failures="1" disabled="0" skipped="0" hostname="" time="0" timestamp="2026-11-28T17:00:00">
	<testcase name="Frame.Good" classname="Frame.Good" time="0.01" status="run"/>
	<testcase name="Frame.Bad" classname="Frame.Bad" time="0.01" status="fail">
		<failure message="Failed"/>
	</testcase>
</testsuite>
)";

TEST(Evidence, ReadsGoogleTestXml) {
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseJUnitXml("g.xml", kGTest, &evidence, sink));
  ASSERT_EQ(evidence.tests.size(), 3u);
  const TestResult* good = evidence.FindTest("Frame.Good");
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->status, "passed");
  EXPECT_EQ(good->provenance.date, "2026-11-28T16:04:13");
  EXPECT_EQ(good->location, (SourceLocation{"g.xml", 4, 5}));
  const TestResult* bad = evidence.FindTest("Frame.Bad");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->status, "failed");
  EXPECT_EQ(bad->message, "Expected equality");
  EXPECT_EQ(evidence.FindTest("Frame.DISABLED_Later")->status, "skipped");
  EXPECT_EQ(evidence.files, (std::vector<EvidenceFile>{{"g.xml", "evidence"}}));
}

TEST(Evidence, ReadsCTestJUnit) {
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseJUnitXml("c.xml", kCTest, &evidence, sink));
  EXPECT_EQ(evidence.FindTest("Frame.Good")->status, "passed");
  EXPECT_EQ(evidence.FindTest("Frame.Bad")->status, "failed");
  EXPECT_EQ(evidence.FindTest("Frame.Bad")->provenance.date, "2026-11-28T17:00:00");
}

TEST(Evidence, WorstResultWinsWhenATestRepeats) {
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseJUnitXml("c.xml", kCTest, &evidence, sink));
  ASSERT_TRUE(ParseJUnitXml("g.xml", kGTest, &evidence, sink));
  EXPECT_EQ(evidence.FindTest("Frame.Bad")->location.file, "c.xml");
  EXPECT_EQ(evidence.Ids("test").front(), "test:Frame.Bad");
}

TEST(Evidence, MalformedXmlIsLocated) {
  Evidence evidence;
  DiagnosticSink sink;
  EXPECT_FALSE(ParseJUnitXml("m.xml", "<testsuites>\n  <testcase name=\"a\">\n</testsuites>\n",
                             &evidence, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(RenderText(sink.diagnostics()[0], nullptr),
            "m.xml:3:3: error: malformed XML: mismatched tag [junit-xml]\n");
  EXPECT_TRUE(evidence.tests.empty());
}

TEST(Evidence, RefusesDoctypeAndEntityExpansion) {
  Evidence evidence;
  DiagnosticSink sink;
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">\n"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
      "<testsuites><testcase name=\"&lol2;\"/></testsuites>\n";
  EXPECT_FALSE(ParseJUnitXml("l.xml", laughs, &evidence, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].message, "a DOCTYPE is not allowed in JUnit XML evidence");
  EXPECT_EQ(sink.diagnostics()[0].location.line, 2);
}

TEST(Evidence, RejectsOtherXmlAndNamelessTests) {
  Evidence evidence;
  DiagnosticSink sink;
  EXPECT_FALSE(ParseJUnitXml("h.xml", "<html><body/></html>", &evidence, sink));
  EXPECT_FALSE(ParseJUnitXml("n.xml", "<testsuite>\n <testcase classname=\"x\"/></testsuite>",
                             &evidence, sink));
  ASSERT_EQ(sink.diagnostics().size(), 2u);
  EXPECT_EQ(RenderText(sink.diagnostics()[0], nullptr),
            "h.xml:1:1: error: not a JUnit XML file: the root element is <html>, expected "
            "<testsuites> or <testsuite> [junit-xml]\n");
  EXPECT_EQ(RenderText(sink.diagnostics()[1], nullptr),
            "n.xml:2:2: error: <testcase> without a 'name' attribute [junit-xml]\n");
  EXPECT_FALSE(ParseJUnitXml("e.xml", "", &evidence, sink));
}

TEST(Evidence, ReadsSimEvidence) {
  Evidence evidence;
  DiagnosticSink sink;
  const char* json = R"({"format": "medtra-sim-evidence", "date": "2026-11-28",
    "subject": {"id": "icd", "version": "2.1"}, "extra": {"ignored": [1, 2]},
    "scenarios": [{"id": "sim:eavesdrop", "passed": true, "frames": 200},
		  {"id": "replay", "passed": false, "detail": "3 of 200 accepted", "date": "d2"},
		  {"id": "jam", "passed": false, "failed_checks": ["a == 0", "b == 1"]}]})";
  ASSERT_TRUE(ParseSimEvidence("s.json", json, &evidence, sink)) << RenderTextAll(sink, nullptr);
  ASSERT_EQ(evidence.scenarios.size(), 3u);
  const ScenarioResult* eavesdrop = evidence.FindScenario("sim:eavesdrop");
  ASSERT_NE(eavesdrop, nullptr);
  EXPECT_TRUE(eavesdrop->passed);
  EXPECT_EQ(eavesdrop->provenance.date, "2026-11-28");
  EXPECT_EQ(eavesdrop->provenance.subject, "icd");
  EXPECT_EQ(eavesdrop->provenance.version, "2.1");
  EXPECT_EQ(eavesdrop->location, (SourceLocation{"s.json", 3, 19}));
  const ScenarioResult* replay = evidence.FindScenario("sim:replay");
  ASSERT_NE(replay, nullptr);
  EXPECT_FALSE(replay->passed);
  EXPECT_EQ(replay->detail, "3 of 200 accepted");
  EXPECT_EQ(replay->provenance.date, "d2");
  EXPECT_EQ(replay->provenance.version, "2.1");
  EXPECT_EQ(evidence.FindScenario("sim:jam")->detail, "failed checks: a == 0, b == 1");
}

// Found by json_evidence_fuzz: a duplicate key was reported but the file still counted as read.
TEST(Evidence, ADuplicateKeyMakesTheEvidenceFileMalformed) {
  for (const bool manifest : {false, true}) {
    Evidence evidence;
    DiagnosticSink sink;
    const std::string format = manifest ? "medtra-evidence-manifest" : "medtra-sim-evidence";
    EXPECT_FALSE(ParseEvidenceJson(
        "d.json", "{\"format\": \"" + format + "\",\n \"format\": \"" + format + "\"}", &evidence,
        sink));
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    EXPECT_EQ(sink.diagnostics()[0].code, "duplicate-key");
    EXPECT_EQ(sink.diagnostics()[0].location, (SourceLocation{"d.json", 2, 2}));
  }
}

TEST(Evidence, MalformedSimEvidenceIsLocated) {
  Evidence evidence;
  DiagnosticSink sink;
  EXPECT_FALSE(ParseSimEvidence(
      "s.json", "{\"format\": \"medtra-sim-evidence\",\n \"scenarios\": [{\"id\": \"sim:x\"}]}",
      &evidence, sink));
  ASSERT_FALSE(sink.diagnostics().empty());
  EXPECT_EQ(RenderText(sink.diagnostics()[0], nullptr),
            "s.json:2:16: error: missing required key 'passed' in sim evidence scenario "
            "[missing-key]\n");
  DiagnosticSink other;
  EXPECT_FALSE(
      ParseSimEvidence("t.json", "{\"format\": \"sarif\", \"scenarios\": []}", &evidence, other));
  EXPECT_EQ(other.diagnostics()[0].location, (SourceLocation{"t.json", 1, 12}));
  DiagnosticSink broken;
  EXPECT_FALSE(ParseSimEvidence("u.json", "{\"format\": \"medtra-sim-evidence\",\n  \"scen",
                                &evidence, broken));
  EXPECT_EQ(broken.diagnostics()[0].location.file, "u.json");
  EXPECT_EQ(broken.diagnostics()[0].location.line, 2);
  EXPECT_TRUE(evidence.scenarios.empty());
}

TEST(Evidence, LoadsAnEvidenceFolder) {
  MemoryFileSystem fs;
  fs.AddFile("m/evidence/a.xml", kCTest);
  fs.AddFile("m/evidence/b.json", R"({"format": "medtra-sim-evidence", "scenarios": []})");
  fs.AddFile("m/evidence/notes.txt", "ignored");
  Evidence evidence;
  DiagnosticSink sink;
  EXPECT_TRUE(LoadEvidenceFolder(fs, "m/evidence", &evidence, sink));
  EXPECT_EQ(evidence.files, (std::vector<EvidenceFile>{{"m/evidence/a.xml", "evidence"},
                                                       {"m/evidence/b.json", "evidence"}}));
  EXPECT_TRUE(LoadEvidenceFolder(fs, "m/none", &evidence, sink));
}

}  // namespace
}  // namespace medtra::verify
