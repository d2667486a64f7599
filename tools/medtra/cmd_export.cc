// medtra export otm MODEL -o FILE: the model and its analysis as an Open Threat Model document.
#include <nlohmann/json.hpp>
#include <ostream>

#include "medtra/interchange/otm_export.h"
#include "tools/medtra/analyzed_model.h"

namespace medtra::cli {
namespace {

struct ExportOptions {
  std::string format;
  std::string model;
  std::string output = "-";
};

int Run(const ExportOptions& options, const CommandContext& context) {
  AnalyzedModel model;
  if (!AnalyzeQuietly(context, options.model, &model)) return kExitInput;
  const nlohmann::ordered_json otm = interchange::ExportOtm(model.elements, model.report);
  const std::string text =
      otm.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  return WriteOutput(context, options.output, text, "export");
}

}  // namespace

void SetupExportCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command =
      app.add_subcommand("export", "write the model and its threats as an OTM document");
  command->add_option("FORMAT", options->format, "otm")->required()->check(CLI::IsMember({"otm"}));
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command->add_option("-o,--output", options->output, "the file to write, or '-' for stdout")
      ->capture_default_str();
  command->callback([options, context] { *context.exit_code = Run(*options, context); });
}

}  // namespace medtra::cli
