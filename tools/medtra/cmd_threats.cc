// medtra threats export MODEL: the derived threats and their decisions as CSV for trackers.
#include <ostream>

#include "medtra/interchange/threats_csv.h"
#include "tools/medtra/analyzed_model.h"

namespace medtra::cli {
namespace {

struct ThreatsExportOptions {
  std::string model;
  std::string format = "csv";
  std::string output = "-";
};

int RunExport(const ThreatsExportOptions& options, const CommandContext& context) {
  AnalyzedModel model;
  if (!AnalyzeQuietly(context, options.model, &model)) return kExitInput;
  const std::string text = interchange::RenderThreatsCsv(model.elements, model.report);
  return WriteOutput(context, options.output, text, "threats export");
}

}  // namespace

void SetupThreatsCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* threats = app.add_subcommand("threats", "the derived threats, for issue trackers");
  threats->require_subcommand(1);
  auto options = std::make_shared<ThreatsExportOptions>();
  CLI::App* command = threats->add_subcommand(
      "export", "write the threats with status, decision, rationale and risk as CSV");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command->add_option("--format", options->format, "csv")
      ->check(CLI::IsMember({"csv"}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "the file to write, or '-' for stdout")
      ->capture_default_str();
  command->callback([options, context] { *context.exit_code = RunExport(*options, context); });
}

}  // namespace medtra::cli
