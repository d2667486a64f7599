// Reads rubric answers from the located YAML tree, reporting every problem with its location.
#include <string>
#include <vector>

#include "medtra/base/strings.h"
#include "medtra/risk/cvss/rubric.h"
#include "risk/cvss/vector_parser.h"

namespace medtra::risk::cvss {

Result<RubricAnswers> ParseRubricAnswers(model::Node node, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  RubricAnswers answers;
  if (!node.valid() || !node.is_mapping()) {
    sink.Error(node.valid() ? node.location() : SourceLocation{}, "rubric-not-mapping",
               std::string("rubric answers must be a mapping of question ID to answer, found ") +
                   std::string(node.valid() ? node.kind_name() : "nothing"));
    return Result<RubricAnswers>::Error("invalid rubric answers");
  }
  std::vector<std::string> ids;
  for (const RubricQuestion& question : RubricQuestions()) ids.emplace_back(question.id);

  for (size_t i = 0; i < node.size(); ++i) {
    const model::Node key = node.key(i);
    const model::Node value = node.value(i);
    const std::string id(key.scalar());
    const RubricQuestion* question = FindRubricQuestion(id);
    if (question == nullptr) {
      sink.Error(key.location(), "rubric-unknown-question",
                 internal::Cat("unknown rubric question '", id, "'", DidYouMean(id, ids)));
      continue;
    }
    std::optional<RubricChoice> choice;
    if (value.is_scalar() && !value.is_null()) {
      choice = ParseRubricChoice(value.scalar(), question->answer_set);
    }
    if (!choice) {
      const std::string found = value.is_scalar() && !value.is_null()
                                    ? internal::Cat("'", value.scalar(), "'")
                                    : std::string(value.kind_name());
      sink.Error(value.location(), "rubric-invalid-answer",
                 internal::Cat("invalid answer ", found, " to rubric question '", id,
                               "' (expected ", RubricChoicesText(question->answer_set), ")"));
      continue;
    }
    answers.Set(id, *choice, value.location());
  }
  if (sink.error_count() > errors_before) {
    return Result<RubricAnswers>::Error("invalid rubric answers");
  }

  // Completeness: every question on the path must be answered; answers off the path are ignored.
  for (const RubricQuestion* missing : UnansweredRubricQuestions(answers)) {
    sink.Error(node.location(), "rubric-unanswered",
               internal::Cat("rubric question '", missing->id, "' (", missing->label,
                             ") is not answered: ", missing->text));
  }
  if (sink.error_count() > errors_before) {
    return Result<RubricAnswers>::Error("invalid rubric answers");
  }
  Result<RubricEvaluation> evaluation = EvaluateRubric(answers);
  if (!evaluation.ok()) return evaluation.status();
  for (const RubricAnswer* unused : evaluation->unused) {
    sink.Warning(unused->location, "rubric-unused-answer",
                 internal::Cat("rubric question '", unused->question,
                               "' is not asked on this path; its answer is ignored"));
  }
  return answers;
}

}  // namespace medtra::risk::cvss
