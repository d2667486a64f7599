// Loading a model for a subcommand and printing its diagnostics.
#include "tools/medtra/model_options.h"

#include <ostream>

#include "medtra/model/model_loader.h"
#include "tools/medtra/rule_options.h"

namespace medtra::cli {

void PrintDiagnostics(const CommandContext& context, DiagnosticSink& sink,
                      const SourceCache& sources, bool json) {
  sink.SortByLocation();
  *context.err << (json ? RenderJsonAll(sink) : RenderTextAll(sink, &sources));
}

bool LoadModelOrReport(const CommandContext& context, const std::string& path, bool json,
                       ModelInput* input) {
  DiagnosticSink sink;
  model::LoadOptions options;
  options.threads = Jobs(context);
  input->model = model::LoadModel(*context.fs, path, sink, &input->sources, options);
  if (!input->model || !sink.diagnostics().empty()) {
    PrintDiagnostics(context, sink, input->sources, json);
  }
  return input->model != nullptr;
}

bool LoadWithEvidenceOrReport(const CommandContext& context, const std::string& path,
                              const EvidenceOptions& options, bool json, ModelInput* input,
                              verify::Evidence* evidence) {
  if (!LoadModelOrReport(context, path, json, input)) return false;
  DiagnosticSink sink;
  ReadEvidence(context, path, options, evidence, sink, &input->sources);
  if (!sink.diagnostics().empty()) PrintDiagnostics(context, sink, input->sources, json);
  return !sink.has_errors();
}

bool AnalyzeOrReport(const CommandContext& context, const std::string& path,
                     const AnalysisInputs& inputs, bool json, ModelInput* input,
                     rules::RuleCatalog* catalog, analysis::Analysis* result) {
  if (!LoadModelOrReport(context, path, json, input)) return false;
  std::vector<std::string> rule_files;
  if (!BuildCatalog(context, path, inputs.rules_dir, *catalog, &rule_files)) return false;
  DiagnosticSink sink;
  analysis::AnalyzeOptions options;
  options.inputs = analysis::HashFiles(*context.fs, rule_files, "rules");
  options.catalog = catalog;
  options.fs = context.fs;
  if (inputs.evidence != nullptr) {
    ReadEvidence(context, path, *inputs.evidence, &options.evidence, sink, &input->sources);
  }
  for (const verify::EvidenceFile& file : options.evidence.files) {
    for (analysis::Input& hashed : analysis::HashFiles(*context.fs, {file.path}, file.role)) {
      options.inputs.push_back(std::move(hashed));
    }
  }
  sbom::ScanInput software;
  if (input->model->software || !input->model->vex.empty()) {
    software =
        sbom::ReadSoftwareInputs(*context.fs, *input->model, {inputs.advisories, inputs.kev}, sink);
    options.software = &software;
    for (analysis::Input& hashed : analysis::SoftwareInputs(*context.fs, software)) {
      options.inputs.push_back(std::move(hashed));
    }
  }
  if (!sink.diagnostics().empty()) PrintDiagnostics(context, sink, input->sources, json);
  if (sink.has_errors()) return false;
  options.today = inputs.today;
  options.threads = Jobs(context);
  *result = analysis::Analyze(*input->model, options);
  return true;
}

void AddTextJsonFormat(CLI::App* command, std::string* format) {
  command->add_option("--format", *format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

}  // namespace medtra::cli
