// The medical-device CVSS rubric: answer paths -> vectors, gaps, invalid and unused answers.
#include "medtra/risk/cvss/rubric.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

namespace medtra::risk::cvss {
namespace {

using C = RubricChoice;

// The given answers, and NONE for every impact question not given (XCP, a yes/no one, gets NO).
RubricAnswers Answers(std::initializer_list<std::pair<std::string_view, C>> given) {
  RubricAnswers answers;
  for (const auto& [id, choice] : given) answers.Set(id, choice);
  for (const RubricQuestion& q : RubricQuestions()) {
    if (!q.impact || q.follow_up || answers.Find(q.id) != nullptr) continue;
    answers.Set(q.id, q.answer_set == RubricAnswerSet::kImpact ? C::kNone : C::kNo);
  }
  return answers;
}

std::string Vector(const RubricAnswers& answers) {
  Result<std::string> vector = RubricToVector(answers);
  return vector.ok() ? *vector : "error: " + vector.message();
}

TEST(RubricTest, TableIsConsistent) {
  EXPECT_EQ(RubricQuestions().size(), 31u);
  for (const RubricQuestion& q : RubricQuestions()) {
    EXPECT_GT(q.branch_count, 0) << q.id;
    for (int i = 0; i < q.branch_count; ++i) {
      const std::string_view next = q.branches[i].next;
      if (!next.empty()) {
        ASSERT_NE(FindRubricQuestion(next), nullptr) << q.id << " -> " << next;
        EXPECT_TRUE(FindRubricQuestion(next)->follow_up) << next;
      }
    }
  }
  EXPECT_EQ(FindRubricQuestion("XNOPE"), nullptr);
}

TEST(RubricTest, NetworkPathWithPhiExposure) {
  EXPECT_EQ(Vector(Answers({{"XAVN", C::kYes},
                            {"XAVT", C::kYes},
                            {"XACL", C::kYes},
                            {"XPRL", C::kNo},
                            {"XUI", C::kNo},
                            {"XS", C::kNo},
                            {"XCP", C::kYes},
                            {"XCPM", C::kNo},
                            {"XIP", C::kHigh}})),
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N");
}

TEST(RubricTest, ShortRangeWirelessWithTherapyAvailability) {
  EXPECT_EQ(Vector(Answers({{"XAVN", C::kYes},
                            {"XAVT", C::kNo},
                            {"XAVW", C::kYes},
                            {"XAVR", C::kYes},
                            {"XACL", C::kNo},
                            {"XPRL", C::kYes},
                            {"XPRZ", C::kYes},
                            {"XPRS", C::kNo},
                            {"XUI", C::kYes},
                            {"XS", C::kUnknown},
                            {"XAT", C::kLow}})),
            "CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:N/I:N/A:L");
}

TEST(RubricTest, AttackVectorPaths) {
  const auto av = [](std::initializer_list<std::pair<std::string_view, C>> path) {
    RubricAnswers answers = Answers(path);
    for (const auto& [id, choice] :
         {std::pair{"XACL", C::kYes}, {"XPRL", C::kNo}, {"XUI", C::kNo}, {"XS", C::kNo}}) {
      answers.Set(id, choice);
    }
    const std::string vector = Vector(answers);
    return vector.substr(0, vector.find("/AC:"));
  };
  EXPECT_EQ(av({{"XAVN", C::kUnknown}}), "CVSS:3.1/AV:N");
  EXPECT_EQ(av({{"XAVN", C::kYes}, {"XAVT", C::kUnknown}}), "CVSS:3.1/AV:N");
  EXPECT_EQ(av({{"XAVN", C::kYes}, {"XAVT", C::kNo}, {"XAVW", C::kNo}}), "CVSS:3.1/AV:A");
  EXPECT_EQ(av({{"XAVN", C::kYes}, {"XAVT", C::kNo}, {"XAVW", C::kUnknown}}), "CVSS:3.1/AV:A");
  EXPECT_EQ(av({{"XAVN", C::kYes}, {"XAVT", C::kNo}, {"XAVW", C::kYes}, {"XAVR", C::kNo}}),
            "CVSS:3.1/AV:A");
  EXPECT_EQ(av({{"XAVN", C::kNo}, {"XAVP", C::kNo}}), "CVSS:3.1/AV:L");
  EXPECT_EQ(av({{"XAVN", C::kNo}, {"XAVP", C::kUnknown}}), "CVSS:3.1/AV:L");
  EXPECT_EQ(av({{"XAVN", C::kNo}, {"XAVP", C::kYes}, {"XAVPA", C::kNo}}), "CVSS:3.1/AV:P");
}

TEST(RubricTest, PrivilegesAndUnknownsPickTheMoreSevereValue) {
  RubricAnswers answers = Answers({{"XAVN", C::kUnknown},
                                   {"XACL", C::kUnknown},
                                   {"XPRL", C::kYes},
                                   {"XPRZ", C::kYes},
                                   {"XPRS", C::kYes},
                                   {"XUI", C::kUnknown},
                                   {"XS", C::kNo}});
  EXPECT_EQ(Vector(answers), "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:N/I:N/A:N");
  answers.Set("XPRS", C::kUnknown);
  EXPECT_EQ(Vector(answers), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N");
  answers.Set("XPRZ", C::kNo);
  EXPECT_EQ(Vector(answers), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N");
}

TEST(RubricTest, ImpactTakesTheHighestAnswerPerMetric) {
  RubricAnswers answers = Answers({{"XAVN", C::kYes},
                                   {"XAVT", C::kYes},
                                   {"XACL", C::kYes},
                                   {"XPRL", C::kNo},
                                   {"XUI", C::kNo},
                                   {"XS", C::kNo},
                                   {"XCS", C::kLow},
                                   {"XCO", C::kHigh},
                                   {"XID", C::kLow},
                                   {"XIO", C::kLow},
                                   {"XAD", C::kUnknown}});
  // XIO LOW feeds I only (the workbook's A formula reads it by mistake); UNKNOWN counts as NONE.
  EXPECT_EQ(Vector(answers), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N");
}

TEST(RubricTest, UnansweredQuestionsOnThePathAreErrors) {
  RubricAnswers answers = Answers(
      {{"XAVN", C::kYes}, {"XACL", C::kYes}, {"XPRL", C::kNo}, {"XUI", C::kNo}, {"XS", C::kNo}});
  EXPECT_EQ(Vector(answers), "error: rubric question 'XAVT' is not answered");
  RubricAnswers empty;
  EXPECT_EQ(NextRubricQuestion(empty)->id, "XAVN");
  EXPECT_EQ(UnansweredRubricQuestions(empty).size(), 23u);  // 5 chains + 18 impact questions
  answers.Set("XAVT", C::kYes);
  answers.Set("XCP", C::kYes);
  EXPECT_EQ(NextRubricQuestion(answers)->id, "XCPM");
}

TEST(RubricTest, InvalidAndUnusedAnswers) {
  RubricAnswers answers = Answers({{"XAVN", C::kYes},
                                   {"XAVT", C::kYes},
                                   {"XAVP", C::kYes},  // off the path
                                   {"XACL", C::kYes},
                                   {"XPRL", C::kNo},
                                   {"XUI", C::kNo},
                                   {"XS", C::kNo}});
  const Result<RubricEvaluation> evaluation = EvaluateRubric(answers);
  ASSERT_TRUE(evaluation.ok()) << evaluation.message();
  ASSERT_EQ(evaluation->unused.size(), 1u);
  EXPECT_EQ(evaluation->unused[0]->question, "XAVP");
  ASSERT_GE(evaluation->rationale.size(), 2u);
  EXPECT_EQ(evaluation->rationale[0].question->id, "XAVN");
  EXPECT_EQ(evaluation->rationale[1].value, 'N');

  answers.Set("XAVN", C::kHigh);
  EXPECT_EQ(Vector(answers),
            "error: invalid answer 'HIGH' to rubric question 'XAVN' (expected YES, NO or UNKNOWN)");
  answers.Set("XAVN", C::kYes);
  answers.Set("XBOGUS", C::kYes);
  EXPECT_EQ(Vector(answers), "error: unknown rubric question 'XBOGUS'");
}

TEST(RubricTest, ParsesChoices) {
  EXPECT_EQ(ParseRubricChoice("yes", RubricAnswerSet::kYesNoUnknown), C::kYes);
  EXPECT_EQ(ParseRubricChoice("N", RubricAnswerSet::kYesNoUnknown), C::kNo);
  EXPECT_EQ(ParseRubricChoice("n", RubricAnswerSet::kImpact), C::kNone);
  EXPECT_EQ(ParseRubricChoice("Unknown", RubricAnswerSet::kImpact), C::kUnknown);
  EXPECT_EQ(ParseRubricChoice("unknown", RubricAnswerSet::kYesNo), std::nullopt);
  EXPECT_EQ(ParseRubricChoice("high", RubricAnswerSet::kYesNoUnknown), std::nullopt);
  EXPECT_EQ(ParseRubricChoice("", RubricAnswerSet::kImpact), std::nullopt);
}

}  // namespace
}  // namespace medtra::risk::cvss
