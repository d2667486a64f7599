// Analyze(): runs the stages after loading, in pipeline order, and sorts the findings.
#include "medtra/analysis/analyze.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "analysis/software.h"
#include "medtra/base/parallel.h"
#include "medtra/base/strings.h"

#include "medtra/risk/evaluate.h"
#include "medtra/risk/introduced.h"
#include "medtra/risk/threat_links.h"
#include "medtra/risk/vulnerabilities.h"
#include "medtra/rules/derive.h"
#include "medtra/rules/design_views.h"
#include "medtra/verdict/verdict.h"
#include "medtra/verify/verify.h"

namespace medtra::analysis {

ThreatsAndPaths DeriveThreatsAndPaths(const model::SystemModel& model,
                                      const rules::RuleCatalog& catalog,
                                      paths::PathOptions path_options, unsigned threads,
                                      DiagnosticSink* findings, bool cited_rules_only) {
  // One index, one pair of design views and one attack graph per design serve the rules (the
  // multi-patient harm rule walks the graphs) and the paths; the two graphs are built at once.
  threads = ThreadCount(threads);
  const rules::ModelIndex index(model);
  const rules::DesignViews views(model, index);
  BothAtOnce(
      threads, [&] { views.Graph(false); }, [&] { views.Graph(true); });
  rules::DeriveOptions derive;
  derive.views = &views;
  derive.threads = threads;
  std::set<std::string, std::less<>> cited;
  if (cited_rules_only) {
    cited.emplace(paths::kMultiPatientHarmRule);  // the threat of each many-instance reach
    for (const bool residual : {false, true}) {
      const paths::AttackGraph& graph = *views.Graph(residual);
      for (const paths::Edge& e : graph.edges()) {
        for (const paths::Reason& r : graph.Reasons(e)) cited.emplace(r.rule);
      }
    }
    derive.only_rules = &cited;
  }
  ThreatsAndPaths result;
  result.threats = rules::DeriveThreats(model, catalog, derive, findings);
  path_options.threads = threads;
  result.paths = std::make_shared<const paths::PathsAnalysis>(
      paths::AnalyzePaths(views, result.threats, path_options));
  return result;
}

Analysis Analyze(const model::SystemModel& model, const AnalyzeOptions& options) {
  Analysis analysis;
  analysis.model = &model;
  analysis.vulnerabilities = risk::ScoreVulnerabilities(model, &analysis.findings);
  std::vector<verdict::VulnerabilityBlock> blocks;
  if (options.software != nullptr)
    blocks = ScanSoftware(*options.software, options.today, &analysis);
  analysis.risks = risk::EvaluateRisks(model, &analysis.findings);
  analysis.measures = risk::EvaluateMeasures(model, &analysis.findings);
  const verify::Context context = verify::MakeContext(model, &options.evidence, options.fs);
  const std::vector<verify::MeasureVerification> verified =
      verify::VerifyMeasures(model, context, &analysis.findings);
  for (size_t i = 0; i < verified.size(); ++i) {
    analysis.measures[i].verifications = verified[i].refs;
    analysis.measures[i].verification_status = verified[i].status;
  }
  analysis.trace = trace::BuildTrace(model, options.evidence, {options.fs, &verified});
  analysis.sdl = trace::BuildSdlReport(model, options.evidence, options.fs);
  risk::CheckIntroducedAssets(model, &analysis.findings);
  analysis.findings.insert(analysis.findings.end(), analysis.trace.findings.begin(),
                           analysis.trace.findings.end());
  const rules::RuleCatalog builtin =
      options.catalog == nullptr ? rules::BuiltinCatalog() : rules::RuleCatalog();
  DiagnosticSink threat_findings(1 << 20);
  ThreatsAndPaths derived =
      DeriveThreatsAndPaths(model, options.catalog == nullptr ? builtin : *options.catalog, {},
                            options.threads, &threat_findings);
  analysis.threats = std::move(derived.threats);
  analysis.paths = std::move(derived.paths);
  for (const Diagnostic& d : threat_findings.diagnostics()) analysis.findings.push_back(d);
  analysis.links = risk::LinkThreats(model, analysis.threats, &analysis.findings);
  std::vector<verdict::MeasureStatus> statuses;
  for (const MeasureResult& m : analysis.measures) {
    std::vector<std::string> refs;
    for (const verify::RefResult& v : m.verifications) {
      refs.push_back(v.ref + " " + std::string(verify::StatusName(v.status)) +
                     (v.version.empty() ? "" : " on version " + v.version));
    }
    statuses.push_back(
        {m.measure->id, std::string(verify::StatusName(m.verification_status)), Join(refs, ", ")});
  }
  analysis.verdicts = verdict::DecideRisks(analysis.risks, statuses, analysis.threats,
                                           analysis.links, &analysis.findings, blocks);
  AssessSoftware(&analysis);
  const std::string model_dir = verify::ModelDirectory(model.files);
  for (size_t i = 0; i < model.files.size() && i < model.file_hashes.size(); ++i) {
    analysis.inputs.push_back(
        {RelativeToModel(model_dir, model.files[i]), model.file_hashes[i], "model"});
  }
  for (const Input& input : options.inputs) {
    analysis.inputs.push_back({RelativeToModel(model_dir, input.path), input.sha256, input.role});
  }
  SortInputs(analysis.inputs);
  analysis.report_id =
      ReportId(analysis.inputs, options.catalog == nullptr ? builtin : *options.catalog);
  std::stable_sort(analysis.findings.begin(), analysis.findings.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     // References, not copies: this runs n log n times.
                     return std::forward_as_tuple(SeverityRank(a.severity), a.location.file,
                                                  a.location.line, a.location.col, a.code) <
                            std::forward_as_tuple(SeverityRank(b.severity), b.location.file,
                                                  b.location.line, b.location.col, b.code);
                   });
  return analysis;
}

}  // namespace medtra::analysis
