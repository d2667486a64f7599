// ScoreVulnerabilities: the `vulnerabilities:` section read with located errors and scored.
#include "medtra/risk/vulnerabilities.h"

#include <algorithm>
#include <set>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "medtra/risk/cvss/cvss.h"
#include "medtra/risk/cvss/rubric.h"

namespace medtra::risk {
namespace {

// Reads one band list `[{minimum: 0, level: Low}, ...]` of the cvss_likelihood section.
std::vector<cvss::LikelihoodBand> ReadBands(model::MapReader& reader, std::string_view key,
                                            const model::SystemModel& model, DiagnosticSink& sink,
                                            std::vector<cvss::LikelihoodBand> fallback) {
  const model::Node list = reader.Raw(key);
  if (!list.valid() || list.is_null()) return fallback;
  if (!list.is_sequence()) {
    model::ReportWrongType(sink, list, "a list", key);
    return fallback;
  }
  std::vector<cvss::LikelihoodBand> bands;
  for (size_t i = 0; i < list.size(); ++i) {
    model::MapReader band(list.item(i), "likelihood band", sink);
    cvss::LikelihoodBand out;
    out.minimum = band.Number("minimum", true).value_or(0);
    out.level = band.Enum("level", model.risk_method.likelihood, true).value_or("");
    band.Finish();
    bands.push_back(std::move(out));
  }
  return bands;
}

std::string Step(const cvss::RubricStep& step) {
  const std::string group =
      step.question->group.empty() ? "" : " [" + std::string(step.question->group) + "]";
  std::string text = std::string(step.question->label) + " (" + std::string(step.question->id) +
                     ")" + group + " " + std::string(step.question->text) + " " +
                     std::string(cvss::RubricChoiceName(step.choice));
  if (step.value != '\0') text += " -> " + std::string(step.question->metric) + ":" + step.value;
  return text;
}

}  // namespace

cvss::LikelihoodOptions LikelihoodOptionsOf(const model::SystemModel& model, DiagnosticSink& sink) {
  cvss::LikelihoodOptions options;
  const model::RawSection* section = model.Section("cvss_likelihood");
  if (section == nullptr) {
    // The defaults name Low/Medium/High: they need those names on the likelihood scale.
    for (const auto* bands : {&options.cvss31, &options.cvss40}) {
      for (const auto& band : *bands) {
        if (model.risk_method.LikelihoodIndex(band.level) < 0 && model.Section("vulnerabilities")) {
          sink.Error(model.risk_method.location, "cvss-likelihood",
                     "the risk method's likelihood scale has no level '" + band.level +
                         "'; map CVSS to it with a 'cvss_likelihood' section");
          return options;
        }
      }
    }
    return options;
  }
  for (const model::Node node : section->nodes) {
    const int errors_before = sink.error_count();
    model::MapReader reader(node, "cvss_likelihood", sink);
    options.cvss31 = ReadBands(reader, "cvss31", model, sink, options.cvss31);
    options.cvss40 = ReadBands(reader, "cvss40", model, sink, options.cvss40);
    options.use_environmental = reader.Bool("use_environmental").value_or(true);
    reader.Finish();
    if (sink.error_count() > errors_before) continue;
    if (Status status = cvss::ValidateLikelihoodOptions(options); !status.ok()) {
      sink.Error(node.location(), "cvss-likelihood", status.message());
    }
  }
  return options;
}

std::vector<ScoredVulnerability> ScoreVulnerabilities(const model::SystemModel& model,
                                                      DiagnosticSink& sink,
                                                      std::vector<Diagnostic>* findings) {
  std::vector<ScoredVulnerability> out;
  const model::RawSection* section = model.Section("vulnerabilities");
  if (section == nullptr) return out;
  const cvss::LikelihoodOptions options = LikelihoodOptionsOf(model, sink);
  std::set<std::string> ids;
  std::set<std::string> risk_ids;
  for (const auto& r : model.risks) risk_ids.insert(r.id);
  for (const model::Node list : section->nodes) {
    if (!list.is_sequence()) {
      model::ReportWrongType(sink, list, "a list", "vulnerabilities");
      continue;
    }
    for (size_t i = 0; i < list.size(); ++i) {
      model::MapReader reader(list.item(i), "vulnerability", sink);
      if (!reader.ok()) continue;
      ScoredVulnerability v;
      v.location = list.item(i).location();
      v.id = reader.String("id", true).value_or("");
      if (!v.id.empty() && !ids.insert(v.id).second) {
        sink.Error(reader.LocationOf("id"), "duplicate-id",
                   "duplicate vulnerability id '" + v.id + "'");
      }
      v.title = reader.String("title", true).value_or("");
      v.cwe = reader.StringList("cwe").value_or(std::vector<std::string>{});
      v.affects = reader.StringList("affects").value_or(std::vector<std::string>{});
      for (const std::string& target : v.affects) {
        if (model.FindComponent(target) == nullptr && model.FindFlow(target) == nullptr) {
          sink.Error(reader.LocationOf("affects"), "unknown-reference",
                     "unknown component or flow '" + target + "'");
        }
      }
      v.risk = reader.String("risk").value_or("");
      if (!v.risk.empty() && !risk_ids.count(v.risk)) {
        sink.Error(reader.LocationOf("risk"), "unknown-reference", "unknown risk '" + v.risk + "'");
      }
      const std::optional<std::string> vector = reader.String("cvss");
      const model::Node rubric = reader.Raw("rubric");
      const std::optional<std::string> environmental = reader.String("environmental");
      const std::string rationale = reader.String("rationale").value_or("");
      reader.Finish();
      if (vector.has_value() == (rubric.valid() && !rubric.is_null())) {
        sink.Error(
            v.location, "cvss-source",
            "vulnerability '" + v.id + "' needs either 'cvss' (a vector) or 'rubric' (answers)");
        continue;
      }
      if (vector) {
        v.source = "vector";
        v.vector = *vector;
        if (!rationale.empty()) v.rationale.push_back(rationale);
      } else {
        Result<cvss::RubricAnswers> answers = cvss::ParseRubricAnswers(rubric, sink);
        if (!answers.ok()) continue;
        Result<cvss::RubricEvaluation> evaluation = cvss::EvaluateRubric(*answers);
        if (!evaluation.ok()) {
          sink.Error(rubric.location(), "rubric", evaluation.message());
          continue;
        }
        v.source = "rubric";
        v.vector = evaluation->vector;
        for (const cvss::RubricStep& step : evaluation->rationale)
          v.rationale.push_back(Step(step));
        if (!rationale.empty()) v.rationale.push_back(rationale);
      }
      if (environmental) v.vector += "/" + *environmental;
      Result<cvss::CvssAssessment> assessment = cvss::AssessVector(v.vector);
      if (!assessment.ok()) {
        sink.Error(reader.LocationOf(environmental ? "environmental" : "cvss"), "cvss-vector",
                   "malformed CVSS vector '" + v.vector + "': " + assessment.message());
        continue;
      }
      const bool v31 = assessment->version == cvss::CvssVersion::kV31;
      v.version = std::string(cvss::CvssVersionName(assessment->version));
      const cvss::Score score = v31 ? assessment->v31.base : assessment->v40.score;
      v.score = cvss::FormatScore(score);
      v.severity = std::string(cvss::RatingName(score.rating()));
      if (v31 && environmental) {
        v.environmental_score = cvss::FormatScore(assessment->v31.environmental);
        v.environmental_severity =
            std::string(cvss::RatingName(assessment->v31.environmental.rating()));
      }
      const cvss::LikelihoodMapping mapping = cvss::LikelihoodFromAssessment(*assessment, options);
      v.likelihood = mapping.level;
      v.likelihood_value = mapping.value;
      if (!v.risk.empty()) {
        const auto risk = std::find_if(model.risks.begin(), model.risks.end(),
                                       [&](const model::Risk& r) { return r.id == v.risk; });
        if (risk != model.risks.end() && risk->likelihood != v.likelihood) {
          findings->push_back({Severity::kWarning, "cvss-likelihood-differs",
                               "vulnerability '" + v.id + "' (CVSS " + v.score +
                                   ") suggests likelihood '" + v.likelihood + "' but risk '" +
                                   v.risk + "' estimates '" + risk->likelihood + "'",
                               v.location});
        }
      }
      out.push_back(std::move(v));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const ScoredVulnerability& a, const ScoredVulnerability& b) { return a.id < b.id; });
  return out;
}

}  // namespace medtra::risk
