// medtra check MODEL: validates a model; exit 0 when valid, 2 with located diagnostics when not.
#include <nlohmann/json.hpp>
#include <ostream>

#include "tools/medtra/model_options.h"
#include "tools/medtra/rule_options.h"

namespace medtra::cli {
namespace {

std::string Count(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

struct CheckOptions {
  std::string model;
  std::string format = "text";
  std::string rules_dir;
};

}  // namespace

void SetupCheckCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand("check", "validate a model file or folder");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  AddTextJsonFormat(command, &options->format);
  AddRulesDirOption(command, &options->rules_dir);
  command->callback([options, context] {
    const bool json = options->format == "json";
    // The loader validates every section; the user rules are loaded and validated too. No
    // analysis runs: no threats are derived and no evidence is read.
    ModelInput input;
    rules::RuleCatalog catalog;
    if (!LoadModelOrReport(context, options->model, json, &input) ||
        !BuildCatalog(context, options->model, options->rules_dir, catalog)) {
      *context.exit_code = kExitInput;
      return;
    }
    const model::SystemModel* model = input.model.get();
    if (json) {
      const nlohmann::ordered_json out = {{"valid", true},
                                          {"model", model->system.id},
                                          {"files", model->files},
                                          {"components", model->components.size()},
                                          {"flows", model->flows.size()},
                                          {"risks", model->risks.size()}};
      *context.out << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                   << "\n";
    } else {
      *context.out << options->model << ": ok (" << Count(model->components.size(), "component")
                   << ", " << Count(model->flows.size(), "flow") << ", "
                   << Count(model->risks.size(), "risk") << ")\n";
    }
    *context.exit_code = kExitOk;
  });
}

}  // namespace medtra::cli
