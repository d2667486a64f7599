// Loading a model for a subcommand and printing its diagnostics.
#include "tools/medtra/model_options.h"

#include <ostream>

#include "medtra/model/model_loader.h"

namespace medtra::cli {

void PrintDiagnostics(const CommandContext& context, const DiagnosticSink& sink,
                      const SourceCache& sources, bool json) {
  *context.err << (json ? RenderJsonAll(sink) : RenderTextAll(sink, &sources));
}

std::unique_ptr<const model::SystemModel> LoadModelOrReport(const CommandContext& context,
                                                            const std::string& path, bool json) {
  DiagnosticSink sink;
  SourceCache sources;
  std::unique_ptr<const model::SystemModel> model =
      model::LoadModel(*context.fs, path, sink, &sources);
  sink.SortByLocation();
  if (!model || !sink.diagnostics().empty()) PrintDiagnostics(context, sink, sources, json);
  return model;
}

void AddTextJsonFormat(CLI::App* command, std::string* format) {
  command->add_option("--format", *format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

}  // namespace medtra::cli
