// medtra decisions export MODEL: the store's decisions into MODEL/decisions.yaml (checked to load);
// medtra decisions import MODEL: the model's threat_decisions into the store.
#include <algorithm>
#include <filesystem>
#include <ostream>
#include <sstream>

#include "medtra/store/decisions_file.h"
#include "tools/medtra/analyzed_model.h"
#include "tools/medtra/store_options.h"

namespace medtra::cli {
namespace {

struct DecisionsOptions {
  std::string model;
  std::string store;
};

void Export(const DecisionsOptions& options, const CommandContext& context) {
  *context.exit_code = kExitInput;
  if (context.fs->Kind(options.model) != PathKind::kDirectory) {
    *context.err << "medtra: decisions export: " << options.model
                 << " is not a model folder (decisions.yaml is written into one)\n";
    return;
  }
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "decisions export", options.store, options.model, false);
  ModelInput input;
  if (!store || !LoadModelOrReport(context, options.model, false, &input)) return;
  std::string previous;
  Result<store::DecisionsFile> file = store::ExportDecisions(*store, *context.fs, *input.model,
                                                             options.model, CliActor(), &previous);
  if (!file.ok()) {
    *context.err << "medtra: decisions export: " << file.message() << "\n";
    return;
  }
  for (const std::string& skipped : file->skipped) {
    *context.err << "medtra: decisions export: not written: " << skipped << "\n";
  }
  const std::string path = JoinPath(options.model, store::kDecisionsFileName);
  // The model must still load; if it does not, the previous file comes back.
  std::ostringstream quiet;
  CommandContext captured = context;
  captured.err = &quiet;
  ModelInput reloaded;
  if (!LoadModelOrReport(captured, options.model, false, &reloaded)) {
    if (previous.empty()) {
      std::error_code error;
      std::filesystem::remove(path, error);
    } else {
      (void)context.fs->WriteFileAtomic(path, previous);
    }
    *context.err << quiet.str() << "medtra: decisions export: " << path
                 << " would not load; left as it was\n";
    *context.exit_code = kExitInternal;
    return;
  }
  *context.err << "wrote " << path << " (" << file->written << " decisions)\n";
  *context.exit_code = file->skipped.empty() ? kExitOk : kExitFindings;
}

void Import(const DecisionsOptions& options, const CommandContext& context) {
  *context.exit_code = kExitInput;
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "decisions import", options.store, options.model, true);
  AnalyzedModel analyzed;
  if (!store || !AnalyzeQuietly(context, options.model, &analyzed)) return;
  Result<std::vector<store::Decision>> existing = store->Decisions();
  if (!existing.ok()) {
    *context.err << "medtra: decisions import: " << existing.message() << "\n";
    return;
  }
  size_t imported = 0;
  for (const store::Decision& d :
       store::ModelDecisions(*analyzed.input.model, CliActor(), analyzed.result.report_id)) {
    const bool same = std::any_of(existing->begin(), existing->end(),
                                  [&](const auto& e) { return store::SameDecision(e, d); });
    if (same) continue;
    if (Status status = store->PutDecision(d); !status.ok()) {
      *context.err << "medtra: decisions import: " << status.message() << "\n";
      return;
    }
    ++imported;
  }
  *context.err << "imported " << imported << " decisions\n";
  *context.exit_code = kExitOk;
}

}  // namespace

void SetupDecisionsCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* group =
      app.add_subcommand("decisions", "move threat decisions between the store and the model");
  group->require_subcommand(1);
  auto options = std::make_shared<DecisionsOptions>();
  CLI::App* out = group->add_subcommand(
      "export", "write the store's decisions to MODEL/decisions.yaml (threat_decisions)");
  out->add_option("MODEL", options->model, "model folder")->required();
  AddStoreOption(out, &options->store);
  out->callback([options, context] { Export(*options, context); });
  CLI::App* in =
      group->add_subcommand("import", "read the model's threat_decisions into the store");
  in->add_option("MODEL", options->model, "model folder")->required();
  AddStoreOption(in, &options->store);
  in->callback([options, context] { Import(*options, context); });
}

}  // namespace medtra::cli
