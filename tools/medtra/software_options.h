// Shared CLI plumbing for `sbom scan MODEL` and `vex export`: the model analysed with the software
// it names (SBOMs, advisories, VEX), with the advisory sources of the command line.
#pragma once

#include <string>

#include "tools/medtra/model_options.h"

namespace medtra::cli {

/// A model analysed with its software; `catalog` outlives `result`.
struct AnalyzedSoftware {
  ModelInput input;
  rules::RuleCatalog catalog;
  analysis::Analysis result;
};

/// Where the advisories come from when the command line names them (else the model's).
struct SoftwareSources {
  std::string advisories;
  std::string kev;
  std::string today;
};

/// Loads and analyses `path` with its evidence folder and software. On input errors, or when the
/// model names no SBOM, prints why (prefixed "medtra: COMMAND: ") and returns false.
bool AnalyzeSoftwareOrReport(const CommandContext& context, const std::string& path,
                             const SoftwareSources& sources, const std::string& command,
                             AnalyzedSoftware* out);

}  // namespace medtra::cli
