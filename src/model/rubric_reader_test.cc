// Rubric answers from YAML: located diagnostics for every problem.
#include <gtest/gtest.h>

#include <string>

#include "medtra/model/rubric_reader.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::risk::cvss {
namespace {

constexpr char kComplete[] =
    "XAVN: YES\nXAVT: yes\nXACL: YES\nXPRL: NO\nXUI: NO\nXS: NO\n"
    "XCP: YES\nXCPM: NO\nXIP: HIGH\nXAP: NONE\n"
    "XCD: NONE\nXID: NONE\nXAD: NONE\nXCT: NONE\nXIT: HIGH\nXAT: HIGH\n"
    "XCW: NONE\nXIW: NONE\nXAW: NONE\nXCS: NONE\nXIS: NONE\nXAS: NONE\n"
    "XCO: NONE\nXIO: NONE\nXAO: NONE\n";

struct Parsed {
  std::string vector;
  std::string diagnostics;
};

Parsed Parse(const std::string& yaml) {
  DiagnosticSink sink;
  Parsed out;
  std::optional<model::YamlTree> tree = model::ParseYaml("a.yaml", yaml, sink);
  if (tree) {
    Result<RubricAnswers> answers = model::ReadRubricAnswers(tree->root(), sink);
    if (answers.ok()) out.vector = *RubricToVector(*answers);
  }
  for (const Diagnostic& d : sink.diagnostics()) out.diagnostics += RenderText(d, nullptr);
  return out;
}

TEST(RubricYamlTest, CompleteAnswersGiveTheVector) {
  const Parsed p = Parse(kComplete);
  EXPECT_EQ(p.diagnostics, "");
  EXPECT_EQ(p.vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
}

TEST(RubricYamlTest, ReportsUnknownQuestionsAndInvalidAnswers) {
  const Parsed p = Parse(std::string(kComplete) + "XAVX: YES\n" + "XAVW: maybe\n");
  EXPECT_EQ(p.vector, "");
  EXPECT_EQ(p.diagnostics,
            "a.yaml:26:1: error: unknown rubric question 'XAVX' (did you mean 'XAVN'?) "
            "[rubric-unknown-question]\n"
            "a.yaml:27:7: error: invalid answer 'maybe' to rubric question 'XAVW' (expected YES, "
            "NO or UNKNOWN) [rubric-invalid-answer]\n");
}

TEST(RubricYamlTest, ReportsUnansweredQuestionsAndUnusedAnswers) {
  std::string yaml = kComplete;
  yaml.replace(yaml.find("XAVT: yes\n"), 10, "XAVP: NO\n");
  const Parsed p = Parse(yaml);
  EXPECT_EQ(p.diagnostics,
            "a.yaml:1:1: error: rubric question 'XAVT' (AV Q2) is not answered: Does that "
            "communication use routable OSI layer 3 or 4 protocols, such as IP, TCP or UDP? "
            "[rubric-unanswered]\n");
  const Parsed unused = Parse(std::string(kComplete) + "XAVP: NO\n");
  EXPECT_EQ(unused.vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_EQ(unused.diagnostics,
            "a.yaml:26:7: warning: rubric question 'XAVP' is not asked on this path; its answer "
            "is ignored [rubric-unused-answer]\n");
}

TEST(RubricYamlTest, RejectsANonMapping) {
  const Parsed p = Parse("- XAVN\n");
  EXPECT_EQ(p.diagnostics,
            "a.yaml:1:1: error: rubric answers must be a mapping of question ID to answer, found "
            "sequence [rubric-not-mapping]\n");
}

}  // namespace
}  // namespace medtra::risk::cvss
