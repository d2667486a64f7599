// medtra check MODEL: validates a model; exit 0 when valid, 2 with located diagnostics when not.
#include <ostream>

#include "tools/medtra/model_options.h"

namespace medtra::cli {
namespace {

struct CheckOptions {
  std::string model;
  std::string format = "text";
};

}  // namespace

void SetupCheckCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand("check", "validate a model file or folder");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  AddTextJsonFormat(command, &options->format);
  command->callback([options, context] {
    const bool json = options->format == "json";
    ModelInput input;
    analysis::Analysis result;
    if (!AnalyzeOrReport(context, options->model, {}, json, &input, &result)) {
      *context.exit_code = kExitInput;
      return;
    }
    const model::SystemModel* model = input.model.get();
    if (json) {
      *context.out << "{\"valid\": true, \"model\": \"" << model->system.id << "\"}\n";
    } else {
      *context.out << options->model << ": ok (" << model->components.size() << " components, "
                   << model->flows.size() << " flows, " << model->risks.size() << " risks)\n";
    }
    *context.exit_code = kExitOk;
  });
}

}  // namespace medtra::cli
