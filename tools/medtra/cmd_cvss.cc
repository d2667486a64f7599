// medtra cvss [VECTOR...|-]: scores CVSS 3.1 and 4.0 vectors, one TAB-separated line per vector in
// input order (DESIGN.md section 5); `cvss rubric` is wired from cmd_cvss_rubric.cc.
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/risk/cvss/cvss.h"
#include "tools/medtra/cmd_cvss_rubric.h"
#include "tools/medtra/command.h"

namespace medtra::cli {
namespace {

namespace cvss = medtra::risk::cvss;

struct CvssOptions {
  std::vector<std::string> vectors;
  std::string format = "text";
};

void AppendScoreColumns(cvss::Score score, std::string& line) {
  line += '\t';
  cvss::AppendScore(score, line);
  line += '\t';
  line += cvss::RatingName(score.rating());
}

// VECTOR BASE BASE_SEV TEMPORAL TEMPORAL_SEV ENVIRONMENTAL ENVIRONMENTAL_SEV (3.1),
// VECTOR SCORE SEV (4.0) or VECTOR error MESSAGE.
void AppendTextLine(std::string_view vector, const Result<cvss::CvssAssessment>& result,
                    std::string& out) {
  out += vector;
  if (!result.ok()) {
    out += "\terror\t";
    out += result.message();
  } else if (result->version == cvss::CvssVersion::kV31) {
    AppendScoreColumns(result->v31.base, out);
    AppendScoreColumns(result->v31.temporal, out);
    AppendScoreColumns(result->v31.environmental, out);
  } else {
    AppendScoreColumns(result->v40.score, out);
  }
  out += '\n';
}

nlohmann::ordered_json ScoreJson(cvss::Score score) {
  return {{"score", score.value()}, {"severity", cvss::RatingName(score.rating())}};
}

nlohmann::ordered_json JsonObject(std::string_view vector,
                                  const Result<cvss::CvssAssessment>& result) {
  nlohmann::ordered_json object = {{"vector", vector}};
  if (!result.ok()) {
    object["error"] = result.message();
    return object;
  }
  object["version"] = cvss::CvssVersionName(result->version);
  if (result->version == cvss::CvssVersion::kV31) {
    object["base"] = ScoreJson(result->v31.base);
    object["temporal"] = ScoreJson(result->v31.temporal);
    object["environmental"] = ScoreJson(result->v31.environmental);
  } else {
    object["score"] = result->v40.score.value();
    object["severity"] = cvss::RatingName(result->v40.score.rating());
    object["nomenclature"] = cvss::Cvss40NomenclatureName(result->v40.nomenclature);
    object["macro_vector"] = cvss::FormatMacroVector(result->v40.macro_vector);
  }
  return object;
}

// One vector per line; blank lines are skipped, trailing CR and white space stripped.
void ReadVectors(std::istream& in, std::vector<std::string>& vectors) {
  std::string line;
  while (std::getline(in, line)) {
    size_t end = line.size();
    while (end > 0 && (line[end - 1] == '\r' || line[end - 1] == ' ' || line[end - 1] == '\t' ||
                       line[end - 1] == '\v' || line[end - 1] == '\f')) {
      --end;
    }
    if (end == 0) continue;
    line.resize(end);
    vectors.push_back(line);
  }
}

int RunCvss(const CvssOptions& options, const CommandContext& context) {
  if (options.vectors.empty()) {
    *context.err
        << "medtra: cvss: no vector given (pass vectors, or '-' to read them from stdin)\n";
    return kExitInput;
  }
  std::vector<std::string> vectors;
  for (const std::string& argument : options.vectors) {
    if (argument == "-") {
      ReadVectors(*context.in, vectors);
    } else {
      vectors.push_back(argument);
    }
  }
  int malformed = 0;
  std::string text;
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  const bool json = options.format == "json";
  for (const std::string& vector : vectors) {
    const Result<cvss::CvssAssessment> result = cvss::AssessVector(vector);
    if (!result.ok()) ++malformed;
    if (json) {
      array.push_back(JsonObject(vector, result));
    } else {
      AppendTextLine(vector, result, text);
    }
  }
  if (json) {
    *context.out << array.dump(2) << "\n";
  } else {
    *context.out << text;
  }
  if (malformed > 0) {
    *context.err << "medtra: cvss: " << malformed << " of " << vectors.size()
                 << (vectors.size() == 1 ? " vector" : " vectors") << " malformed\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace

void SetupCvssCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<CvssOptions>();
  CLI::App* command = app.add_subcommand(
      "cvss", "Score CVSS 3.1 and 4.0 vectors, or build one with the medical-device rubric");
  command->add_option("vectors", options->vectors,
                      "CVSS vectors (CVSS:3.1/... or CVSS:4.0/...); '-' reads one per line from "
                      "stdin");
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  command->require_subcommand(0, 1);
  CLI::App* rubric = SetupCvssRubricCommand(*command, context);
  command->callback([options, context, rubric] {
    if (rubric->parsed()) return;
    *context.exit_code = RunCvss(*options, context);
  });
}

}  // namespace medtra::cli
