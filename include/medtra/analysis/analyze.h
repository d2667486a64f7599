// Analyze(): the pipeline after loading (rules -> risk -> trace), producing an Analysis.
#pragma once

#include <string>

#include "medtra/analysis/analysis.h"
#include "medtra/analysis/inputs.h"
#include "medtra/model/system_model.h"
#include "medtra/rules/rule_catalog.h"
#include "medtra/sbom/scan.h"
#include "medtra/verify/evidence.h"

namespace medtra::analysis {

struct AnalyzeOptions {
  /// Test results and sim scenarios read from evidence files (`medtra sim --evidence`, JUnit XML,
  /// manifests). A `verified_by` ref (`sim:eavesdrop`, `test:Suite.Name`) without a result here
  /// is "missing".
  verify::Evidence evidence;
  /// Checks `file:` references (relative to the model folder); null: they stay "unverified".
  const FileSystem* fs = nullptr;
  /// The threat rules to run (built-in plus user rules); null runs the built-in catalog.
  const rules::RuleCatalog* catalog = nullptr;
  /// The evidence and user-rule files read for this run, with their hashes (the model's own files
  /// are added by Analyze from the model).
  std::vector<Input> inputs;
  /// The SBOMs, advisories and KEV catalog the model's `software` section names
  /// (sbom::ReadSoftwareInputs); null: no vulnerability scan.
  const sbom::ScanInput* software = nullptr;
  /// Today (YYYY-MM-DD), for the age of open vulnerabilities; "" leaves ages out.
  std::string today;
  /// Threads for the attack graphs, the rules and the paths; 0: one per core. The analysis is
  /// the same for any number (tested byte for byte on the reports).
  unsigned threads = 0;
};

/// The threats of `catalog` (rules::DeriveThreats) and the attack paths (paths::AnalyzePaths),
/// on one shared index, design views and pair of attack graphs, on `threads` threads (0: one per
/// core). With `cited_rules_only`, only the rules whose threats the graphs cite run: the paths are
/// the same, the threats are those the paths need (for `medtra paths`).
struct ThreatsAndPaths {
  std::vector<rules::Threat> threats;
  std::shared_ptr<const paths::PathsAnalysis> paths;
};
ThreatsAndPaths DeriveThreatsAndPaths(const model::SystemModel& model,
                                      const rules::RuleCatalog& catalog,
                                      paths::PathOptions path_options, unsigned threads,
                                      DiagnosticSink* findings, bool cited_rules_only = false);

/// Runs every analysis stage on a loaded model, in the order data flows: vulnerabilities, risks,
/// measures, verification, trace and SDL, threats, links, verdicts. Pure: no printing, no input
/// errors (the loader validated every section); reads evidence files only through `options.fs`.
Analysis Analyze(const model::SystemModel& model, const AnalyzeOptions& options);

/// The report inputs of a vulnerability scan: each SBOM, listing, KEV catalog and VEX document it
/// read (role "software"), and the advisory folder as one input whose hash covers every record
/// (role "advisories").
std::vector<Input> SoftwareInputs(const FileSystem& fs, const sbom::ScanInput& software);

}  // namespace medtra::analysis
