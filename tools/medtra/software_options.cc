// AnalyzeSoftwareOrReport: analyze with the model's software, or say why not.
#include "tools/medtra/software_options.h"

#include <ostream>

namespace medtra::cli {

bool AnalyzeSoftwareOrReport(const CommandContext& context, const std::string& path,
                             const SoftwareSources& sources, const std::string& command,
                             AnalyzedSoftware* out) {
  EvidenceOptions evidence;
  AnalysisInputs inputs{&evidence, ""};
  inputs.advisories = sources.advisories;
  inputs.kev = sources.kev;
  inputs.today = sources.today;
  if (!AnalyzeOrReport(context, path, inputs, false, &out->input, &out->catalog, &out->result)) {
    return false;
  }
  if (!out->result.software) {
    *context.err << "medtra: " << command
                 << ": the model names no SBOM (a `software:` section with `sboms:`)\n";
    return false;
  }
  return true;
}

}  // namespace medtra::cli
