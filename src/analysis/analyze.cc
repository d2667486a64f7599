// Analyze(): runs the stages after loading, in pipeline order, and sorts the findings.
#include "medtra/analysis/analyze.h"

#include <algorithm>

#include "medtra/risk/evaluate.h"
#include "medtra/rules/derive.h"

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

Analysis Analyze(const model::SystemModel& model, const AnalyzeOptions& options) {
  Analysis analysis;
  analysis.model = &model;
  analysis.risks = risk::EvaluateRisks(model, &analysis.findings);
  analysis.measures = risk::EvaluateMeasures(model, options.evidence, &analysis.findings);
  const rules::RuleCatalog builtin =
      options.catalog == nullptr ? rules::BuiltinCatalog() : rules::RuleCatalog();
  DiagnosticSink threat_findings(1 << 20);
  analysis.threats = rules::DeriveThreats(
      model, options.catalog == nullptr ? builtin : *options.catalog, {}, &threat_findings);
  for (const Diagnostic& d : threat_findings.diagnostics()) analysis.findings.push_back(d);
  std::stable_sort(analysis.findings.begin(), analysis.findings.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tuple(Rank(a.severity), a.location.file, a.location.line,
                                       a.location.col, a.code) <
                            std::tuple(Rank(b.severity), b.location.file, b.location.line,
                                       b.location.col, b.code);
                   });
  return analysis;
}

}  // namespace medtra::analysis
