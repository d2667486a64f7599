// Walks the medical-device CVSS rubric: answers -> CVSS v3.1 base metrics, with the rationale.
#include "medtra/risk/cvss/rubric.h"

#include <algorithm>

#include "risk/cvss/vector_parser.h"

namespace medtra::risk::cvss {
namespace {

constexpr std::array<std::string_view, 8> kBaseMetrics = {"AV", "AC", "PR", "UI",
                                                          "S",  "C",  "I",  "A"};

int MetricIndex(std::string_view metric) {
  for (int i = 0; i < static_cast<int>(kBaseMetrics.size()); ++i) {
    if (kBaseMetrics[i] == metric) return i;
  }
  return -1;
}

int ImpactRank(char value) { return value == 'H' ? 2 : value == 'L' ? 1 : 0; }

const RubricBranch* FindBranch(const RubricQuestion& question, RubricChoice choice) {
  for (int i = 0; i < question.branch_count; ++i) {
    if (question.branches[i].choice == choice) return &question.branches[i];
  }
  return nullptr;
}

// Visits the questions on the path in rubric order. `on_answer` gets each answered question and
// its branch; `on_missing` each unanswered question on the path (its chain stops there).
// Returns an error for an answer outside its question's answer set.
template <typename OnAnswer, typename OnMissing>
Status Walk(const RubricAnswers& answers, OnAnswer on_answer, OnMissing on_missing) {
  for (const RubricQuestion& entry : RubricQuestions()) {
    if (entry.follow_up) continue;
    const RubricQuestion* question = &entry;
    while (question != nullptr) {
      const RubricAnswer* answer = answers.Find(question->id);
      if (answer == nullptr) {
        if (!on_missing(*question)) return Status::Ok();
        break;
      }
      const RubricBranch* branch = FindBranch(*question, answer->choice);
      if (branch == nullptr) {
        return Status::Error(internal::Cat("invalid answer '", RubricChoiceName(answer->choice),
                                           "' to rubric question '", question->id, "' (expected ",
                                           RubricChoicesText(question->answer_set), ")"));
      }
      on_answer(*question, *answer, *branch);
      question = branch->next.empty() ? nullptr : FindRubricQuestion(branch->next);
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view RubricChoiceName(RubricChoice choice) {
  switch (choice) {
    case RubricChoice::kYes:
      return "YES";
    case RubricChoice::kNo:
      return "NO";
    case RubricChoice::kUnknown:
      return "UNKNOWN";
    case RubricChoice::kHigh:
      return "HIGH";
    case RubricChoice::kLow:
      return "LOW";
    case RubricChoice::kNone:
      return "NONE";
  }
  return "UNKNOWN";
}

std::string RubricChoicesText(RubricAnswerSet set) {
  switch (set) {
    case RubricAnswerSet::kYesNoUnknown:
      return "YES, NO or UNKNOWN";
    case RubricAnswerSet::kYesNo:
      return "YES or NO";
    case RubricAnswerSet::kImpact:
      return "HIGH, LOW, NONE or UNKNOWN";
  }
  return "";
}

std::optional<RubricChoice> ParseRubricChoice(std::string_view text, RubricAnswerSet set) {
  std::string lower;
  for (const char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  struct Word {
    std::string_view word;
    std::string_view letter;
    RubricChoice choice;
  };
  static constexpr Word kYesNo[] = {{"yes", "y", RubricChoice::kYes},
                                    {"no", "n", RubricChoice::kNo},
                                    {"unknown", "u", RubricChoice::kUnknown}};
  static constexpr Word kImpact[] = {{"high", "h", RubricChoice::kHigh},
                                     {"low", "l", RubricChoice::kLow},
                                     {"none", "n", RubricChoice::kNone},
                                     {"unknown", "u", RubricChoice::kUnknown}};
  const std::span<const Word> words = set == RubricAnswerSet::kImpact
                                          ? std::span<const Word>(kImpact)
                                          : std::span<const Word>(kYesNo);
  for (const Word& w : words) {
    if (set == RubricAnswerSet::kYesNo && w.choice == RubricChoice::kUnknown) continue;
    if (lower == w.word || lower == w.letter) return w.choice;
  }
  return std::nullopt;
}

const RubricAnswer* RubricAnswers::Find(std::string_view question) const {
  const auto it = std::find_if(answers.begin(), answers.end(), [question](const RubricAnswer& a) {
    return a.question == question;
  });
  return it == answers.end() ? nullptr : &*it;
}

void RubricAnswers::Set(std::string_view question, RubricChoice choice, SourceLocation location) {
  for (RubricAnswer& answer : answers) {
    if (answer.question == question) {
      answer.choice = choice;
      answer.location = std::move(location);
      return;
    }
  }
  answers.push_back({std::string(question), choice, std::move(location)});
}

const RubricQuestion* NextRubricQuestion(const RubricAnswers& answers) {
  const RubricQuestion* next = nullptr;
  const Status status = Walk(
      answers, [](const RubricQuestion&, const RubricAnswer&, const RubricBranch&) {},
      [&next](const RubricQuestion& question) {
        next = &question;
        return false;  // stop at the first
      });
  (void)status;  // an invalid answer leaves the interview where it is
  return next;
}

std::vector<const RubricQuestion*> UnansweredRubricQuestions(const RubricAnswers& answers) {
  std::vector<const RubricQuestion*> missing;
  const Status status = Walk(
      answers, [](const RubricQuestion&, const RubricAnswer&, const RubricBranch&) {},
      [&missing](const RubricQuestion& question) {
        missing.push_back(&question);
        return true;
      });
  (void)status;
  return missing;
}

Result<RubricEvaluation> EvaluateRubric(const RubricAnswers& answers) {
  for (const RubricAnswer& answer : answers.answers) {
    if (FindRubricQuestion(answer.question) == nullptr) {
      return Result<RubricEvaluation>::Error(
          internal::Cat("unknown rubric question '", answer.question, "'"));
    }
  }
  RubricEvaluation out;
  out.metrics.fill('\0');
  std::array<char, 8> impact = {'\0', '\0', '\0', '\0', '\0', 'N', 'N', 'N'};
  std::vector<std::string_view> missing;
  std::vector<const RubricAnswer*> used;
  const Status status = Walk(
      answers,
      [&](const RubricQuestion& question, const RubricAnswer& answer, const RubricBranch& branch) {
        used.push_back(&answer);
        out.rationale.push_back({&question, answer.choice, branch.value});
        const int index = MetricIndex(question.metric);
        if (branch.value == '\0' || index < 0) return;
        if (question.impact) {
          if (ImpactRank(branch.value) > ImpactRank(impact[index]) || impact[index] == '\0') {
            impact[index] = branch.value;
          }
        } else if (out.metrics[index] == '\0') {
          out.metrics[index] = branch.value;
        }
      },
      [&missing](const RubricQuestion& question) {
        missing.push_back(question.id);
        return true;
      });
  if (!status.ok()) return status;
  if (!missing.empty()) {
    std::string message = missing.size() == 1 ? "rubric question '" : "rubric questions '";
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i > 0) message += "', '";
      message += missing[i];
    }
    message += missing.size() == 1 ? "' is not answered" : "' are not answered";
    return Result<RubricEvaluation>::Error(std::move(message));
  }
  for (int i = 5; i < 8; ++i) out.metrics[i] = impact[i];
  out.vector = "CVSS:3.1";
  for (size_t i = 0; i < kBaseMetrics.size(); ++i) {
    out.vector += '/';
    out.vector += kBaseMetrics[i];
    out.vector += ':';
    out.vector += out.metrics[i];
  }
  for (const RubricAnswer& answer : answers.answers) {
    if (std::find(used.begin(), used.end(), &answer) == used.end()) out.unused.push_back(&answer);
  }
  return out;
}

Result<std::string> RubricToVector(const RubricAnswers& answers) {
  Result<RubricEvaluation> evaluation = EvaluateRubric(answers);
  if (!evaluation.ok()) return evaluation.status();
  return std::move(evaluation).value().vector;
}

}  // namespace medtra::risk::cvss
