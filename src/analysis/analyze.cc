// Analyze(): runs the stages after loading, in pipeline order, and sorts the findings.
#include "medtra/analysis/analyze.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "analysis/software.h"
#include "medtra/base/parallel.h"
#include "medtra/base/permute.h"
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
namespace {

/// Errors first, then by file, line, column and code, stable. Each finding's place is reduced to
/// integers first (its file by rank among the files), so that the sort compares strings only
/// where two findings share a place, and the findings are moved once (through an index).
void SortFindings(std::vector<Diagnostic>& findings) {
  std::unordered_map<std::string_view, uint32_t> rank;
  for (const Diagnostic& d : findings) rank.emplace(d.location.file, 0);
  std::vector<std::string_view> files;
  files.reserve(rank.size());
  for (const auto& [file, r] : rank) files.push_back(file);
  std::sort(files.begin(), files.end());
  for (uint32_t r = 0; r < files.size(); ++r) rank[files[r]] = r;
  struct Place {
    int severity;
    uint32_t file;
    int line;
    int col;
    auto operator<=>(const Place&) const = default;
  };
  std::vector<Place> places;
  places.reserve(findings.size());
  for (const Diagnostic& d : findings) {
    places.push_back(
        {SeverityRank(d.severity), rank[d.location.file], d.location.line, d.location.col});
  }
  std::vector<uint32_t> order(findings.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (places[a] != places[b]) return places[a] < places[b];
    return findings[a].code < findings[b].code;
  });
  PermuteInPlace(order, findings);
}

}  // namespace

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
  SortFindings(analysis.findings);
  return analysis;
}

}  // namespace medtra::analysis
