// Reads rubric answers from the located YAML tree, reporting every problem with its location.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/strings.h"
#include "medtra/model/rubric_reader.h"

namespace medtra::model {

using risk::cvss::RubricAnswer;
using risk::cvss::RubricAnswers;
using risk::cvss::RubricChoice;
using risk::cvss::RubricEvaluation;
using risk::cvss::RubricQuestion;

namespace {

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}

}  // namespace

Result<RubricAnswers> ReadRubricAnswers(Node node, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  RubricAnswers answers;
  if (!node.valid() || !node.is_mapping()) {
    sink.Error(node.valid() ? node.location() : SourceLocation{}, "rubric-not-mapping",
               std::string("rubric answers must be a mapping of question ID to answer, found ") +
                   std::string(node.valid() ? node.kind_name() : "nothing"));
    return Result<RubricAnswers>::Error("invalid rubric answers");
  }
  std::vector<std::string> ids;
  for (const RubricQuestion& question : risk::cvss::RubricQuestions())
    ids.emplace_back(question.id);

  for (size_t i = 0; i < node.size(); ++i) {
    const Node key = node.key(i);
    const Node value = node.value(i);
    const std::string id(key.scalar());
    const RubricQuestion* question = risk::cvss::FindRubricQuestion(id);
    if (question == nullptr) {
      sink.Error(key.location(), "rubric-unknown-question",
                 Cat({"unknown rubric question '", id, "'", DidYouMean(id, ids)}));
      continue;
    }
    std::optional<RubricChoice> choice;
    if (value.is_scalar() && !value.is_null()) {
      choice = risk::cvss::ParseRubricChoice(value.scalar(), question->answer_set);
    }
    if (!choice) {
      const std::string found = value.is_scalar() && !value.is_null()
                                    ? Cat({"'", value.scalar(), "'"})
                                    : std::string(value.kind_name());
      sink.Error(value.location(), "rubric-invalid-answer",
                 Cat({"invalid answer ", found, " to rubric question '", id, "' (expected ",
                      risk::cvss::RubricChoicesText(question->answer_set), ")"}));
      continue;
    }
    answers.Set(id, *choice, value.location());
  }
  if (sink.error_count() > errors_before) {
    return Result<RubricAnswers>::Error("invalid rubric answers");
  }

  // Completeness: every question on the path must be answered; answers off the path are ignored.
  for (const RubricQuestion* missing : risk::cvss::UnansweredRubricQuestions(answers)) {
    sink.Error(node.location(), "rubric-unanswered",
               Cat({"rubric question '", missing->id, "' (", missing->label,
                    ") is not answered: ", missing->text}));
  }
  if (sink.error_count() > errors_before) {
    return Result<RubricAnswers>::Error("invalid rubric answers");
  }
  Result<RubricEvaluation> evaluation = risk::cvss::EvaluateRubric(answers);
  if (!evaluation.ok()) return evaluation.status();
  for (const RubricAnswer* unused : evaluation->unused) {
    sink.Warning(unused->location, "rubric-unused-answer",
                 Cat({"rubric question '", unused->question,
                      "' is not asked on this path; its answer is ignored"}));
  }
  return answers;
}

}  // namespace medtra::model
