// ReadVulnerabilities: the `cvss_likelihood` and `vulnerabilities` sections, with located errors.
#include <set>

#include "medtra/model/field_reader.h"
#include "medtra/model/rubric_reader.h"
#include "medtra/risk/cvss/cvss.h"
#include "model/section_readers.h"

namespace medtra::model {
namespace {

namespace cvss = risk::cvss;

// Reads one band list `[{minimum: 0, level: Low}, ...]` of the cvss_likelihood section.
std::vector<cvss::LikelihoodBand> ReadBands(MapReader& reader, std::string_view key,
                                            const SystemModel& model, DiagnosticSink& sink,
                                            std::vector<cvss::LikelihoodBand> fallback) {
  const Node list = reader.Raw(key);
  if (!list.valid() || list.is_null()) return fallback;
  if (!list.is_sequence()) {
    ReportWrongType(sink, list, "a list", key);
    return fallback;
  }
  std::vector<cvss::LikelihoodBand> bands;
  for (size_t i = 0; i < list.size(); ++i) {
    MapReader band(list.item(i), "likelihood band", sink);
    cvss::LikelihoodBand out;
    out.minimum = band.Number("minimum", true).value_or(0);
    out.level = band.Enum("level", model.risk_method.likelihood, true).value_or("");
    band.Finish();
    bands.push_back(std::move(out));
  }
  return bands;
}

void ReadLikelihood(const std::vector<Node>& nodes, bool has_vulnerabilities, SystemModel* model,
                    DiagnosticSink& sink) {
  if (nodes.empty()) {
    // The default bands name Low/Medium/High: vulnerabilities need those names on the scale.
    if (!has_vulnerabilities) return;
    const cvss::LikelihoodOptions defaults;
    for (const auto* bands : {&defaults.cvss31, &defaults.cvss40}) {
      for (const auto& band : *bands) {
        if (model->risk_method.LikelihoodIndex(band.level) >= 0) continue;
        sink.Error(model->risk_method.location, "cvss-likelihood",
                   "the risk method's likelihood scale has no level '" + band.level +
                       "'; map CVSS to it with a 'cvss_likelihood' section");
        return;
      }
    }
    return;
  }
  CvssLikelihood likelihood;
  likelihood.location = nodes.front().location();
  for (const Node& node : nodes) {
    const int errors_before = sink.error_count();
    MapReader reader(node, "cvss_likelihood", sink);
    cvss::LikelihoodOptions& options = likelihood.options;
    options.cvss31 = ReadBands(reader, "cvss31", *model, sink, options.cvss31);
    options.cvss40 = ReadBands(reader, "cvss40", *model, sink, options.cvss40);
    options.use_environmental = reader.Bool("use_environmental").value_or(true);
    reader.Finish();
    if (sink.error_count() > errors_before) continue;
    if (Status status = cvss::ValidateLikelihoodOptions(options); !status.ok()) {
      sink.Error(node.location(), "cvss-likelihood", status.message());
    }
  }
  model->cvss_likelihood = std::move(likelihood);
}

class VulnerabilityReader {
 public:
  VulnerabilityReader(SystemModel* model, DiagnosticSink& sink) : model_(*model), sink_(sink) {
    for (const Risk& r : model_.risks) risk_ids_.insert(r.id);
  }

  void Section(Node list) {
    if (list.is_null()) return;
    if (!list.is_sequence()) {
      ReportWrongType(sink_, list, "a list", "vulnerabilities");
      return;
    }
    for (size_t i = 0; i < list.size() && !sink_.full(); ++i) Item(list.item(i));
  }

 private:
  void Item(Node node) {
    MapReader reader(node, "vulnerability", sink_);
    if (!reader.ok()) return;
    const int errors = sink_.error_count();
    Vulnerability v;
    v.location = node.location();
    v.id = reader.String("id", true).value_or("");
    if (!v.id.empty() && !ids_.insert(v.id).second) {
      sink_.Error(reader.LocationOf("id"), "duplicate-id",
                  "duplicate vulnerability id '" + v.id + "'");
    }
    v.title = reader.String("title", true).value_or("");
    v.cwe = reader.StringList("cwe").value_or(std::vector<std::string>{});
    v.affects = reader.StringList("affects").value_or(std::vector<std::string>{});
    for (const std::string& target : v.affects) {
      if (model_.FindComponent(target) == nullptr && model_.FindFlow(target) == nullptr) {
        sink_.Error(reader.LocationOf("affects"), "unknown-reference",
                    "unknown component or flow '" + target + "'");
      }
    }
    v.risk = reader.String("risk").value_or("");
    if (!v.risk.empty() && !risk_ids_.count(v.risk)) {
      sink_.Error(reader.LocationOf("risk"), "unknown-reference", "unknown risk '" + v.risk + "'");
    }
    const std::optional<std::string> vector = reader.String("cvss");
    const Node rubric = reader.Raw("rubric");
    v.environmental = reader.String("environmental").value_or("");
    v.rationale = reader.String("rationale").value_or("");
    reader.Finish();
    if (vector.has_value() == (rubric.valid() && !rubric.is_null())) {
      sink_.Error(
          v.location, "cvss-source",
          "vulnerability '" + v.id + "' needs either 'cvss' (a vector) or 'rubric' (answers)");
      return;
    }
    std::string full;
    if (vector) {
      v.vector = *vector;
      full = v.vector;
    } else {
      Result<cvss::RubricAnswers> answers = ReadRubricAnswers(rubric, sink_);
      if (!answers.ok()) return;
      Result<std::string> selected = cvss::RubricToVector(*answers);
      if (!selected.ok()) {
        sink_.Error(rubric.location(), "rubric", selected.message());
        return;
      }
      full = *selected;
      v.rubric = std::move(answers).value();
    }
    if (!v.environmental.empty()) full += "/" + v.environmental;
    if (Result<cvss::CvssAssessment> assessment = cvss::AssessVector(full); !assessment.ok()) {
      sink_.Error(reader.LocationOf(v.environmental.empty() ? "cvss" : "environmental"),
                  "cvss-vector", "malformed CVSS vector '" + full + "': " + assessment.message());
      return;
    }
    if (sink_.error_count() == errors) model_.vulnerabilities.push_back(std::move(v));
  }

  SystemModel& model_;
  DiagnosticSink& sink_;
  std::set<std::string> ids_;
  std::set<std::string> risk_ids_;
};

}  // namespace

void ReadVulnerabilities(const PendingSections& sections, SystemModel* model,
                         DiagnosticSink& sink) {
  ReadLikelihood(sections.cvss_likelihood, !sections.vulnerabilities.empty(), model, sink);
  VulnerabilityReader reader(model, sink);
  for (const Node& node : sections.vulnerabilities) reader.Section(node);
}

}  // namespace medtra::model
