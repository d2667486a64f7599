// ScoreVulnerabilities: the model's vulnerabilities scored and mapped to likelihood levels.
#include "medtra/risk/vulnerabilities.h"

#include <algorithm>

#include "medtra/base/strings.h"
#include "medtra/risk/cvss/cvss.h"
#include "medtra/risk/cvss/rubric.h"

namespace medtra::risk {
namespace {

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

std::vector<ScoredVulnerability> ScoreVulnerabilities(const model::SystemModel& model,
                                                      std::vector<Diagnostic>* findings) {
  std::vector<ScoredVulnerability> out;
  const cvss::LikelihoodOptions options =
      model.cvss_likelihood ? model.cvss_likelihood->options : cvss::LikelihoodOptions();
  for (const model::Vulnerability& in : model.vulnerabilities) {
    ScoredVulnerability v;
    v.id = in.id;
    v.title = in.title;
    v.cwe = in.cwe;
    v.affects = in.affects;
    v.risk = in.risk;
    v.location = in.location;
    if (in.rubric) {
      Result<cvss::RubricEvaluation> evaluation = cvss::EvaluateRubric(*in.rubric);
      if (!evaluation.ok()) continue;  // the loader rejects such answers
      v.source = "rubric";
      v.vector = evaluation->vector;
      for (const cvss::RubricStep& step : evaluation->rationale) v.rationale.push_back(Step(step));
    } else {
      v.source = "vector";
      v.vector = in.vector;
    }
    if (!in.rationale.empty()) v.rationale.push_back(in.rationale);
    if (!in.environmental.empty()) v.vector += "/" + in.environmental;
    Result<cvss::CvssAssessment> assessment = cvss::AssessVector(v.vector);
    if (!assessment.ok()) continue;  // the loader rejects malformed vectors
    const bool v31 = assessment->version == cvss::CvssVersion::kV31;
    v.version = std::string(cvss::CvssVersionName(assessment->version));
    const cvss::Score score = v31 ? assessment->v31.base : assessment->v40.score;
    v.score = cvss::FormatScore(score);
    v.severity = std::string(cvss::RatingName(score.rating()));
    if (v31 && !in.environmental.empty()) {
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
  std::sort(out.begin(), out.end(),
            [](const ScoredVulnerability& a, const ScoredVulnerability& b) { return a.id < b.id; });
  return out;
}

}  // namespace medtra::risk
