// BuildReport: the sections of the report in the order a reviewer reads them.
#include "medtra/report/dfd.h"
#include "medtra/report/document.h"
#include "medtra/report/paths_render.h"
#include "medtra/report/trace_render.h"
#include "medtra/version.h"
#include "report/sections.h"

namespace medtra::report {

std::string ImpactText(const std::string& impact, const std::string& description) {
  return description.empty() ? impact : impact + ": " + description;
}

std::string YesNo(bool value) { return value ? "yes" : "no"; }

Document BuildReport(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  Document document;
  document.title = "Threat and risk analysis: " + model.system.name;
  document.subtitle =
      "System " + model.system.id +
      (model.system.version.empty() ? "" : ", version " + model.system.version) +
      ". Security risk analysis per AAMI TIR57, crosswalked to ISO 14971. "
      "Written by medtra " +
      kVersion + "; report id " + analysis.report_id.substr(0, 16) +
      (model.document ? "; document " + model.document->id + " revision " + model.document->revision
                      : "; DRAFT (no document control)") +
      ".";
  document.sections.push_back(DocumentControlSection(analysis));
  document.sections.push_back(OverviewSection(analysis));
  document.sections.push_back(CrosswalkSection());
  document.sections.push_back(RiskMethodSection(model.risk_method));
  document.sections.push_back(RiskEstimationSection(analysis));
  document.sections.push_back(ResidualRiskSection(analysis));
  document.sections.push_back(RiskMatrixSection(analysis));
  document.sections.push_back(SafetySection(analysis));
  document.sections.push_back(VulnerabilitiesSection(analysis));
  if (analysis.software) document.sections.push_back(SoftwareSection(analysis));
  document.sections.push_back(MeasuresSection(analysis));
  document.sections.push_back(ThreatsSection(analysis));
  if (analysis.paths) {
    for (Section& section : PathsSections(*analysis.paths)) {
      document.sections.push_back(std::move(section));
    }
  }
  document.sections.push_back(TraceSection(analysis));
  document.sections.push_back(SdlSection(analysis));
  document.sections.push_back(InstructionsSection(analysis));
  document.sections.push_back(FindingsSection(analysis));
  document.sections.push_back(IdentitySection(analysis));
  // Threats and findings summarise themselves above kFullTableRows; any other long table shows
  // its first rows (the JSON and CSV reports hold everything).
  for (Section& section : document.sections) ShortenTables(&section);
  return document;
}

std::string RenderFormat(std::string_view format, const analysis::Analysis& analysis) {
  if (format == "json") return RenderJson(analysis);
  if (format == "csv") return RenderCsv(analysis);
  if (format == "sarif") return RenderSarif(analysis);
  if (format == "md") return RenderMarkdown(BuildReport(analysis));
  if (format == "html") return RenderHtml(BuildReport(analysis));
  if (format == "dot") return RenderDfdDot(analysis);
  if (format == "trace.csv") return RenderTraceCsv(analysis.trace);
  return "";
}

void WriteFormat(std::string_view format, const analysis::Analysis& analysis, std::ostream& out,
                 unsigned threads) {
  if (format == "json") {
    WriteJson(analysis, out, threads);
  } else if (format == "sarif") {
    WriteSarif(analysis, out);
  } else {
    out << RenderFormat(format, analysis);
  }
}

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> kFormats = {"html",  "md",  "json",     "csv",
                                                    "sarif", "dot", "trace.csv"};
  return kFormats;
}

}  // namespace medtra::report
