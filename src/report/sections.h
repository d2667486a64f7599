// The report's sections, one builder each, in reading order (called by BuildReport).
#pragma once

#include "medtra/analysis/analysis.h"
#include "medtra/report/document.h"

namespace medtra::report {

Section DocumentControlSection(const analysis::Analysis& analysis);
Section OverviewSection(const analysis::Analysis& analysis);
Section CrosswalkSection();
Section RiskMethodSection(const model::RiskMethod& method);
Section RiskEstimationSection(const analysis::Analysis& analysis);
Section ResidualRiskSection(const analysis::Analysis& analysis);
Section RiskMatrixSection(const analysis::Analysis& analysis);
Section SafetySection(const analysis::Analysis& analysis);
Section VulnerabilitiesSection(const analysis::Analysis& analysis);
/// Only when the model names SBOMs (analysis.software).
Section SoftwareSection(const analysis::Analysis& analysis);
Section MeasuresSection(const analysis::Analysis& analysis);
Section ThreatsSection(const analysis::Analysis& analysis);
Section TraceSection(const analysis::Analysis& analysis);
Section SdlSection(const analysis::Analysis& analysis);
Section InstructionsSection(const analysis::Analysis& analysis);
Section FindingsSection(const analysis::Analysis& analysis);
Section IdentitySection(const analysis::Analysis& analysis);

/// Above this many rows, a table of the HTML and Markdown report is summarised (threats, findings)
/// or shortened to its first kShownRows rows: the full lists are in report.json and report.csv.
inline constexpr size_t kFullTableRows = 500;
inline constexpr size_t kShownRows = 100;
/// Cuts every table of the section longer than kFullTableRows to its first kShownRows rows and
/// says, after it, how many rows are left out and where they are.
void ShortenTables(Section* section);

/// "Medium: Disclosure of patient data", the source's way of writing an impact.
std::string ImpactText(const std::string& impact, const std::string& description);
std::string YesNo(bool value);
/// "sim:modify: verified (icd-system 1.0, 2026-11-29T02:15:16Z); ..." per reference: status, the
/// subject and version the evidence was made on, and its date; "-" for none.
std::string VerificationsText(std::span<const verify::RefResult> verifications);

}  // namespace medtra::report
