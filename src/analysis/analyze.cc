// Analyze(): runs the stages after loading, in pipeline order, and sorts the findings.
#include "medtra/analysis/analyze.h"

#include <algorithm>
#include <tuple>

#include "medtra/risk/evaluate.h"
#include "medtra/risk/vulnerabilities.h"
#include "medtra/rules/derive.h"
#include "medtra/verify/verify.h"
#include "rules/decisions.h"

namespace medtra::analysis {
namespace {

int Rank(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return 0;
    case Severity::kWarning:
      return 1;
    case Severity::kNote:
      return 2;
  }
  return 3;
}

}  // namespace

Analysis Analyze(const model::SystemModel& model, const AnalyzeOptions& options,
                 DiagnosticSink& input_errors) {
  Analysis analysis;
  analysis.model = &model;
  analysis.vulnerabilities = risk::ScoreVulnerabilities(model, input_errors, &analysis.findings);
  analysis.risks = risk::EvaluateRisks(model, &analysis.findings);
  analysis.measures = risk::EvaluateMeasures(model, &analysis.findings);
  const verify::Context context = verify::MakeContext(model, &options.evidence, options.fs);
  const std::vector<verify::MeasureVerification> verified =
      verify::VerifyMeasures(model, context, &analysis.findings);
  for (size_t i = 0; i < verified.size(); ++i) {
    analysis.measures[i].verifications = verified[i].refs;
    analysis.measures[i].verification_status = verified[i].status;
  }
  analysis.trace =
      trace::BuildTrace(model, options.evidence, &input_errors, {options.fs, &verified});
  analysis.sdl = trace::BuildSdlReport(model, options.evidence, input_errors, options.fs);
  analysis.findings.insert(analysis.findings.end(), analysis.trace.findings.begin(),
                           analysis.trace.findings.end());
  const rules::RuleCatalog builtin =
      options.catalog == nullptr ? rules::BuiltinCatalog() : rules::RuleCatalog();
  DiagnosticSink threat_findings(1 << 20);
  if (options.derive_threats) {
    analysis.threats = rules::DeriveThreats(
        model, options.catalog == nullptr ? builtin : *options.catalog, {}, &threat_findings);
  } else {
    rules::ParseThreatDecisions(model, threat_findings);
  }
  // Malformed decisions are input errors; stale decisions and the like are findings.
  for (const Diagnostic& d : threat_findings.diagnostics()) {
    if (d.severity == Severity::kError) {
      input_errors.Report(d);
    } else {
      analysis.findings.push_back(d);
    }
  }
  std::stable_sort(analysis.findings.begin(), analysis.findings.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     // References, not copies: this runs n log n times.
                     return std::forward_as_tuple(Rank(a.severity), a.location.file,
                                                  a.location.line, a.location.col, a.code) <
                            std::forward_as_tuple(Rank(b.severity), b.location.file,
                                                  b.location.line, b.location.col, b.code);
                   });
  return analysis;
}

}  // namespace medtra::analysis
