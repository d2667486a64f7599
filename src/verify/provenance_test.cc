// What evidence states it verified: JUnit attributes and properties, manifests and their errors.
#include <gtest/gtest.h>

#include "medtra/verify/evidence.h"

namespace medtra::verify {
namespace {

Provenance Of(const Evidence& evidence, std::string_view test) {
  const TestResult* result = evidence.FindTest(test);
  EXPECT_NE(result, nullptr) << test;
  if (result == nullptr) return {};
  return evidence.ProvenanceOf(result->provenance, result->location);
}

void ExpectProvenance(const Provenance& p, std::string_view subject, std::string_view version,
                      std::string_view date) {
  EXPECT_EQ(p.subject, subject);
  EXPECT_EQ(p.version, version);
  EXPECT_EQ(p.date, date);
}

// GoogleTest's RecordProperty outside a test: attributes of <testsuites> (global environment) or
// <testsuite> (SetUpTestSuite); the innermost suite wins.
TEST(JUnitProvenance, AttributesOfTestsuitesAndTestsuite) {
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseJUnitXml("g.xml", R"(<?xml version="1.0"?>
<testsuites subject="icd-system" version="1.0" timestamp="2026-11-28T16:04:12">
  <testsuite name="Link" timestamp="2026-11-28T16:04:13">
    <testcase name="Good" classname="Link"/>
  </testsuite>
  <testsuite name="Sim" version="1.1" date="2026-11-30">
    <testcase name="Runs" classname="Sim"/>
  </testsuite>
</testsuites>
)",
                            &evidence, sink))
      << RenderTextAll(sink, nullptr);
  ExpectProvenance(Of(evidence, "Link.Good"), "icd-system", "1.0", "2026-11-28T16:04:13");
  ExpectProvenance(Of(evidence, "Sim.Runs"), "icd-system", "1.1", "2026-11-30");
}

// pytest's record_testsuite_property and Surefire: <properties> inside <testsuite> or
// <testsuites>, before or after the test cases; a property wins over an attribute of its suite.
TEST(JUnitProvenance, PropertiesOfTestsuiteAndTestsuites) {
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseJUnitXml("p.xml", R"(<testsuites>
  <properties><property name="subject" value="icd-system"/></properties>
  <testsuite name="pytest" timestamp="2026-11-28T10:00:00" version="0.9">
    <properties>
      <property name="version" value="1.0"/>
      <property name="owner" value="qa"/>
    </properties>
    <testcase classname="tests.test_link" name="test_mac"/>
  </testsuite>
  <testsuite name="late" timestamp="2026-11-28T11:00:00">
    <testcase classname="late" name="case">
      <properties><property name="version" value="9.9"/></properties>
    </testcase>
    <properties><property name="version" value="1.0"/><property name="date" value="d"/></properties>
  </testsuite>
</testsuites>
)",
                            &evidence, sink))
      << RenderTextAll(sink, nullptr);
  ExpectProvenance(Of(evidence, "tests.test_link.test_mac"), "icd-system", "1.0",
                   "2026-11-28T10:00:00");
  // A test case's own properties are not the suite's statement.
  ExpectProvenance(Of(evidence, "late.case"), "icd-system", "1.0", "d");
}

constexpr char kJUnit[] = R"(<testsuites>
  <testsuite name="Link" timestamp="2026-11-28T16:04:13">
    <testcase name="Good" classname="Link"/>
  </testsuite>
</testsuites>
)";

// A manifest beside the JUnit file (a CI job writes it) fills in what the XML does not state.
TEST(Manifest, FillsInWhatTheEvidenceDoesNotState) {
  MemoryFileSystem fs;
  fs.AddFile("m/evidence/junit.xml", kJUnit);
  fs.AddFile("m/evidence/manifest.json", R"({"format": "medtra-evidence-manifest",
  "format_version": 1,
  "files": [{"path": "junit.xml", "subject": "icd-system", "version": "1.0",
             "date": "2026-11-29T00:00:00Z"}]})");
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadEvidenceFolder(fs, "m/evidence", &evidence, sink))
      << RenderTextAll(sink, nullptr);
  EXPECT_EQ(evidence.files, (std::vector<EvidenceFile>{{"m/evidence/junit.xml", "evidence"},
                                                       {"m/evidence/manifest.json", "manifest"}}));
  ASSERT_EQ(evidence.manifest.size(), 1u);
  EXPECT_EQ(evidence.manifest[0].path, "m/evidence/junit.xml");
  EXPECT_EQ(evidence.manifest[0].location, (SourceLocation{"m/evidence/manifest.json", 3, 13}));
  // The XML's own timestamp is its date; the manifest gives subject and version.
  ExpectProvenance(Of(evidence, "Link.Good"), "icd-system", "1.0", "2026-11-28T16:04:13");
}

TEST(Manifest, TheFileOwnStatementWins) {
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseJUnitXml("e/j.xml",
                            R"(<testsuite name="S" version="2.0"><testcase name="T"/></testsuite>)",
                            &evidence, sink));
  ASSERT_TRUE(ParseManifest("e/m.json", R"({"format": "medtra-evidence-manifest",
    "format_version": 1, "files": [{"path": "j.xml", "subject": "pump", "version": "1.0",
    "date": "2026-01-01"}]})",
                            &evidence, sink))
      << RenderTextAll(sink, nullptr);
  ExpectProvenance(Of(evidence, "T"), "pump", "2.0", "2026-01-01");
}

std::vector<std::string> Errors(std::string_view content) {
  Evidence evidence;
  DiagnosticSink sink;
  EXPECT_FALSE(ParseEvidenceJson("ev/manifest.json", content, &evidence, sink));
  EXPECT_TRUE(evidence.manifest.empty());
  EXPECT_TRUE(evidence.files.empty());
  std::vector<std::string> lines;
  for (const Diagnostic& d : sink.diagnostics()) lines.push_back(RenderText(d, nullptr));
  return lines;
}

TEST(Manifest, MalformedManifestsAreLocatedErrors) {
  EXPECT_EQ(Errors(R"({"format": "medtra-evidence-manifest", "format_version": 2,
 "files": [{"path": "junit.xml", "version": "1.0"},
           {"path": "junit.xml"},
           {"subject": "x"},
           {"path": "/abs.xml", "verson": "1"}],
 "extra": true})"),
            (std::vector<std::string>{
                "ev/manifest.json:6:2: error: unknown key 'extra' in evidence manifest "
                "[unknown-key]\n",
                "ev/manifest.json:1:58: error: unsupported evidence manifest format_version "
                "'2', expected 1 [evidence-manifest]\n",
                "ev/manifest.json:3:21: error: evidence file 'ev/junit.xml' is already "
                "described at ev/manifest.json:2:12 [evidence-manifest]\n",
                "ev/manifest.json:4:12: error: missing required key 'path' in evidence "
                "manifest entry [missing-key]\n",
                "ev/manifest.json:5:33: error: unknown key 'verson' in evidence manifest entry "
                "(did you mean 'version'?) [unknown-key]\n",
                "ev/manifest.json:5:21: error: evidence manifest path '/abs.xml' must name a "
                "file relative to the manifest's folder [evidence-manifest]\n"}));
  EXPECT_EQ(Errors(R"({"format": "medtra-evidence-manifest", "format_version": 1,
  "files": {"path": "junit.xml"}})"),
            (std::vector<std::string>{"ev/manifest.json:2:12: error: expected a list for "
                                      "'files', found a mapping [wrong-type]\n"}));
  EXPECT_EQ(Errors(R"({"format": "medtra-evidence-manifest"})"),
            (std::vector<std::string>{
                "ev/manifest.json:1:1: error: missing required key 'format_version' in evidence "
                "manifest [missing-key]\n",
                "ev/manifest.json:1:1: error: missing required key 'files' in evidence manifest "
                "[missing-key]\n"}));
  EXPECT_EQ(Errors("{\"format\": \"medtra-evidence-manifest\",\n  \"files\": [\n"),
            (std::vector<std::string>{"ev/manifest.json:3:1: error: while parsing a flow node: did "
                                      "not find expected node content [yaml-syntax]\n"}));
}

// Who tested, and their independence from the developers: a JUnit property, then an attribute,
// then the manifest; the sim evidence file's own keys.
TEST(TesterProvenance, JUnitManifestAndSimEvidenceStateWhoTested) {
  Evidence evidence;
  DiagnosticSink sink;
  ASSERT_TRUE(ParseJUnitXml("e/j.xml", R"(<testsuites tester="QA lab" independence="external">
  <testsuite name="A">
    <properties><property name="tester" value="Link team"/></properties>
    <testcase name="T" classname="A"/>
  </testsuite>
  <testsuite name="B" independence="developer"><testcase name="U" classname="B"/></testsuite>
  <testsuite name="C"><testcase name="V" classname="C"/></testsuite>
</testsuites>)",
                            &evidence, sink))
      << RenderTextAll(sink, nullptr);
  const Provenance a = Of(evidence, "A.T");
  EXPECT_EQ(a.tester, "Link team");
  EXPECT_EQ(a.independence, "external");
  const Provenance b = Of(evidence, "B.U");
  EXPECT_EQ(b.tester, "QA lab");
  EXPECT_EQ(b.independence, "developer");

  Evidence bare;
  ASSERT_TRUE(ParseJUnitXml("e/j.xml", kJUnit, &bare, sink));
  ASSERT_TRUE(ParseManifest("e/m.json", R"({"format": "medtra-evidence-manifest",
    "format_version": 1, "files": [{"path": "j.xml", "tester": "V&V", "independence": "internal"}]})",
                            &bare, sink))
      << RenderTextAll(sink, nullptr);
  const Provenance filled = Of(bare, "Link.Good");
  EXPECT_EQ(filled.tester, "V&V");
  EXPECT_EQ(filled.independence, "internal");

  Evidence sim;
  ASSERT_TRUE(ParseEvidenceJson("e/s.json", R"({"format": "medtra-sim-evidence",
    "tester": "Red team", "independence": "external",
    "scenarios": [{"id": "spoof", "passed": true}]})",
                                &sim, sink))
      << RenderTextAll(sink, nullptr);
  ASSERT_NE(sim.FindScenario("sim:spoof"), nullptr);
  EXPECT_EQ(sim.FindScenario("sim:spoof")->provenance.tester, "Red team");
  EXPECT_EQ(sim.FindScenario("sim:spoof")->provenance.independence, "external");
}

TEST(TesterProvenance, AnUnknownIndependenceIsALocatedError) {
  Evidence evidence;
  DiagnosticSink sink;
  EXPECT_FALSE(ParseJUnitXml("e/j.xml", R"(<testsuite name="S">
  <properties><property name="independence" value="partly"/></properties>
  <testcase name="T"/>
</testsuite>)",
                             &evidence, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(RenderText(sink.diagnostics()[0], nullptr),
            "e/j.xml:2:15: error: unknown value 'partly' for 'independence'; expected one of: "
            "developer, internal, external [junit-xml]\n");
  EXPECT_TRUE(evidence.tests.empty());
  EXPECT_EQ(Errors(R"({"format": "medtra-evidence-manifest", "format_version": 1,
 "files": [{"path": "junit.xml", "independence": "externl"}]})"),
            (std::vector<std::string>{
                "ev/manifest.json:2:50: error: unknown value 'externl' for 'independence' "
                "(did you mean 'external'?); expected one of: developer, internal, external "
                "[unknown-value]\n"}));
  // Flipped: a stated level is no error.
  DiagnosticSink clean;
  Evidence ok;
  EXPECT_TRUE(ParseJUnitXml("e/j.xml",
                            R"(<testsuite name="S" independence="internal"><testcase name="T"/>
</testsuite>)",
                            &ok, clean));
  EXPECT_EQ(clean.diagnostics().size(), 0u);
}

TEST(Manifest, UnknownJsonFormatNamesBoth) {
  Evidence evidence;
  DiagnosticSink sink;
  EXPECT_FALSE(
      ParseEvidenceJson("x.json", R"({"format": "sarif", "scenarios": []})", &evidence, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(RenderText(sink.diagnostics()[0], nullptr),
            "x.json:1:12: error: unknown evidence format 'sarif', expected "
            "'medtra-sim-evidence' or 'medtra-evidence-manifest' [sim-evidence]\n");
}

}  // namespace
}  // namespace medtra::verify
