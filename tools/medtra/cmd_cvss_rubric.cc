// medtra cvss rubric [--answers FILE] [--format text|json]: asks the questions of the MITRE
// medical-device CVSS rubric at a plain prompt (prompts on stderr, answers from stdin) or reads
// them from a YAML file, then prints the CVSS 3.1 vector, its score and the answers as rationale
// on stdout.
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/rubric_reader.h"
#include "medtra/model/yaml_tree.h"
#include "medtra/risk/cvss/cvss31.h"
#include "medtra/risk/cvss/rubric.h"
#include "tools/medtra/cmd_cvss_rubric.h"

namespace medtra::cli {
namespace {

namespace cvss = medtra::risk::cvss;

constexpr std::string_view kSource =
    "MITRE, Rubric for Applying CVSS to Medical Devices (FDA-qualified MDDT, 2020)";

struct RubricOptions {
  std::string answers_file;
  std::string format = "text";
};

std::string Trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  const size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string PromptChoices(cvss::RubricAnswerSet set) {
  switch (set) {
    case cvss::RubricAnswerSet::kYesNoUnknown:
      return "[y]es / [n]o / [u]nknown";
    case cvss::RubricAnswerSet::kYesNo:
      return "[y]es / [n]o";
    case cvss::RubricAnswerSet::kImpact:
      return "[h]igh / [l]ow / [n]one / [u]nknown";
  }
  return "";
}

// Asks until every question on the path is answered; false when the input ends first.
bool Interview(const CommandContext& context, cvss::RubricAnswers& answers) {
  std::ostream& err = *context.err;
  err << "Rubric for Applying CVSS to Medical Devices (MITRE, FDA-qualified MDDT).\n"
         "Answer each question; UNKNOWN takes the more severe reading where the rubric says so.\n";
  std::string_view group;
  while (const cvss::RubricQuestion* question = cvss::NextRubricQuestion(answers)) {
    if (question->group != group) {
      group = question->group;
      err << "\nImpact on " << group << ":\n";
    }
    while (true) {
      err << "[" << question->id << "] " << question->label << ": " << question->text << " ("
          << PromptChoices(question->answer_set) << ") " << std::flush;
      std::string line;
      if (!std::getline(*context.in, line)) {
        err << "\n";
        return false;
      }
      const auto choice = cvss::ParseRubricChoice(Trim(line), question->answer_set);
      if (choice) {
        answers.Set(question->id, *choice);
        break;
      }
      err << "  please answer " << cvss::RubricChoicesText(question->answer_set) << "\n";
    }
  }
  return true;
}

void PrintText(const cvss::RubricEvaluation& evaluation, const cvss::Cvss31Scores& scores,
               std::ostream& out) {
  out << evaluation.vector << "\t" << cvss::FormatScore(scores.base) << "\t"
      << cvss::RatingName(scores.base.rating()) << "\n";
  for (const cvss::RubricStep& step : evaluation.rationale) {
    out << step.question->metric << ":" << (step.value == '\0' ? '-' : step.value) << "\t"
        << step.question->id << "\t" << cvss::RubricChoiceName(step.choice) << "\t"
        << step.question->label << ": " << step.question->text << "\n";
  }
  out << "source: " << kSource << "\n";
}

void PrintJson(const cvss::RubricEvaluation& evaluation, const cvss::Cvss31Scores& scores,
               std::ostream& out) {
  nlohmann::ordered_json rationale = nlohmann::ordered_json::array();
  for (const cvss::RubricStep& step : evaluation.rationale) {
    nlohmann::ordered_json item = {{"question", step.question->id},
                                   {"label", step.question->label},
                                   {"metric", step.question->metric},
                                   {"text", step.question->text},
                                   {"answer", cvss::RubricChoiceName(step.choice)}};
    item["value"] = step.value == '\0' ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(std::string(1, step.value));
    if (!step.question->group.empty()) item["group"] = step.question->group;
    rationale.push_back(std::move(item));
  }
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
  static constexpr std::string_view kMetrics[] = {"AV", "AC", "PR", "UI", "S", "C", "I", "A"};
  for (int i = 0; i < 8; ++i) {
    metrics[std::string(kMetrics[i])] = std::string(1, evaluation.metrics[i]);
  }
  const nlohmann::ordered_json document = {
      {"vector", evaluation.vector},
      {"score", scores.base.value()},
      {"severity", cvss::RatingName(scores.base.rating())},
      {"metrics", metrics},
      {"rationale", rationale},
      {"source", kSource},
  };
  out << document.dump(2) << "\n";
}

int RunRubric(const RubricOptions& options, const CommandContext& context) {
  cvss::RubricAnswers answers;
  if (!options.answers_file.empty()) {
    Result<std::string> content = context.fs->ReadFile(options.answers_file, 1u << 20);
    if (!content.ok()) {
      *context.err << options.answers_file << ": error: " << content.message() << "\n";
      return kExitInput;
    }
    DiagnosticSink sink;
    SourceCache sources;
    sources.Add(options.answers_file, *content);
    std::optional<model::YamlTree> tree = model::ParseYaml(options.answers_file, *content, sink);
    if (tree) {
      Result<cvss::RubricAnswers> parsed = model::ReadRubricAnswers(tree->root(), sink);
      if (parsed.ok()) answers = std::move(parsed).value();
    }
    *context.err << RenderTextAll(sink, &sources);
    if (sink.has_errors()) return kExitInput;
  } else if (!Interview(context, answers)) {
    *context.err << "medtra: cvss rubric: input ended before every question was answered\n";
    return kExitInput;
  }
  Result<cvss::RubricEvaluation> evaluation = cvss::EvaluateRubric(answers);
  if (!evaluation.ok()) {
    *context.err << "medtra: cvss rubric: " << evaluation.message() << "\n";
    return kExitInput;
  }
  Result<cvss::Cvss31Vector> vector = cvss::ParseCvss31(evaluation->vector);
  if (!vector.ok()) {
    *context.err << "medtra: internal error: rubric vector: " << vector.message() << "\n";
    return kExitInternal;
  }
  const cvss::Cvss31Scores scores = cvss::ScoreCvss31(*vector);
  if (options.format == "json") {
    PrintJson(*evaluation, scores, *context.out);
  } else {
    PrintText(*evaluation, scores, *context.out);
  }
  return kExitOk;
}

}  // namespace

CLI::App* SetupCvssRubricCommand(CLI::App& cvss_command, const CommandContext& context) {
  auto options = std::make_shared<RubricOptions>();
  CLI::App* command = cvss_command.add_subcommand(
      "rubric",
      "Build a CVSS 3.1 base vector with the MITRE medical-device rubric (interactive, or "
      "--answers FILE)");
  command->add_option("--answers", options->answers_file,
                      "YAML mapping of rubric question ID to answer, e.g. 'XAVN: YES'");
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  command->callback([options, context] { *context.exit_code = RunRubric(*options, context); });
  return command;
}

}  // namespace medtra::cli
