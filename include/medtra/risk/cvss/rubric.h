// The MITRE "Rubric for Applying CVSS to Medical Devices" as a decision structure: questions whose
// answers select the CVSS v3.1 base metrics, plus evaluation of a set of answers to a vector.
// Source: The MITRE Corporation, "Rubric for Applying CVSS to Medical Devices" (2019), qualified by
// FDA as a Medical Device Development Tool on 2020-10-20, https://www.mitre.org/md-cvss-rubric, and
// its calculator workbook (https://github.com/mitre/md-cvss-rubric-tools, MedSec, Apache-2.0).
// The question wording here is the project's own; the question IDs are the rubric's.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/diag/diagnostic.h"

namespace medtra::risk::cvss {

enum class RubricChoice : uint8_t { kYes, kNo, kUnknown, kHigh, kLow, kNone };
enum class RubricAnswerSet : uint8_t {
  kYesNoUnknown,  ///< YES, NO, UNKNOWN
  kYesNo,         ///< YES, NO
  kImpact,        ///< HIGH, LOW, NONE, UNKNOWN
};

/// "YES", "NO", "UNKNOWN", "HIGH", "LOW" or "NONE".
std::string_view RubricChoiceName(RubricChoice choice);
/// The choices of an answer set, for prompts and messages: "YES, NO or UNKNOWN".
std::string RubricChoicesText(RubricAnswerSet set);
/// Parses an answer (case-insensitive; also the first letter: y/n/u, h/l/n/u) within a set.
std::optional<RubricChoice> ParseRubricChoice(std::string_view text, RubricAnswerSet set);

/// What one answer does: sets the metric value (exploitability questions), contributes a value
/// (impact questions: C, I, A take the highest contribution), and/or leads to a next question.
struct RubricBranch {
  RubricChoice choice = RubricChoice::kYes;
  char value = '\0';      ///< metric value abbreviation, '\0' when the answer sets none
  std::string_view next;  ///< the question asked next, "" when none
};

struct RubricQuestion {
  std::string_view id;      ///< the rubric's extended-vector element, e.g. "XAVN"
  std::string_view label;   ///< the rubric's numbering, e.g. "AV Q1" or "Q3.I"
  std::string_view metric;  ///< the CVSS v3.1 base metric it informs: "AV" ... "A"
  std::string_view group;   ///< impact questions: the kind of data or function; else ""
  std::string_view text;    ///< the question, in the project's words
  RubricAnswerSet answer_set = RubricAnswerSet::kYesNoUnknown;
  bool impact = false;     ///< contributes to C/I/A instead of setting the metric directly
  bool follow_up = false;  ///< asked only when another answer leads to it
  std::array<RubricBranch, 4> branches{};
  int branch_count = 0;
};

/// Every question, in the order the rubric asks them.
std::span<const RubricQuestion> RubricQuestions();
/// The question with this ID, or nullptr.
const RubricQuestion* FindRubricQuestion(std::string_view id);

/// One answer, with where it came from (for diagnostics; unknown for interactive answers).
struct RubricAnswer {
  std::string question;
  RubricChoice choice = RubricChoice::kUnknown;
  SourceLocation location;
};

/// A set of answers keyed by question ID.
struct RubricAnswers {
  std::vector<RubricAnswer> answers;

  /// The answer to `question`, or nullptr.
  const RubricAnswer* Find(std::string_view question) const;
  /// Adds or replaces the answer to `question`.
  void Set(std::string_view question, RubricChoice choice, SourceLocation location = {});
};

/// One answered question on the rubric's path and what it decided.
struct RubricStep {
  const RubricQuestion* question = nullptr;
  RubricChoice choice = RubricChoice::kUnknown;
  char value = '\0';  ///< the metric value this answer set or contributed, '\0' when none
};

/// The outcome of the rubric: the CVSS v3.1 base vector and the reasoning behind it.
struct RubricEvaluation {
  std::string vector;                       ///< "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
  std::array<char, 8> metrics{};            ///< AV, AC, PR, UI, S, C, I, A values
  std::vector<RubricStep> rationale;        ///< answered questions on the path, in rubric order
  std::vector<const RubricAnswer*> unused;  ///< answers to questions off the path (ignored)
};

/// The first question on the path that has no answer yet, or nullptr when the answers are
/// complete. Drives an interview: ask it, add the answer, repeat.
const RubricQuestion* NextRubricQuestion(const RubricAnswers& answers);

/// The unanswered questions on the path: the first gap of each chain of questions, in rubric
/// order (a question after a gap depends on the missing answer, so it is not listed).
std::vector<const RubricQuestion*> UnansweredRubricQuestions(const RubricAnswers& answers);

/// Walks the rubric: every question on the path must be answered with a choice of its answer set.
/// Errors name the question, e.g. "rubric question 'XAVT' is not answered".
Result<RubricEvaluation> EvaluateRubric(const RubricAnswers& answers);

/// The CVSS v3.1 base vector that the answers select (EvaluateRubric(answers).vector).
Result<std::string> RubricToVector(const RubricAnswers& answers);

}  // namespace medtra::risk::cvss
