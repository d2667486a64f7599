// medtra sdl MODEL: the SDL plan's activities, coverage per practice and IEC 62304 process, gaps.
#include <ostream>

#include "medtra/model/model_loader.h"
#include "medtra/report/sdl_render.h"
#include "tools/medtra/evidence_options.h"
#include "tools/medtra/model_options.h"

namespace medtra::cli {
namespace {

struct SdlOptions {
  std::string model;
  std::string format = "text";
  std::string fail_on = "none";
  EvidenceOptions evidence;
};

int RunSdl(const SdlOptions& options, const CommandContext& context) {
  const bool json = options.format == "json";
  ModelInput input;
  verify::Evidence evidence;
  if (!LoadWithEvidenceOrReport(context, options.model, options.evidence, json, &input,
                                &evidence)) {
    return kExitInput;
  }
  const model::SystemModel* model = input.model.get();
  const trace::SdlReport report = trace::BuildSdlReport(*model, evidence, context.fs);
  *context.out << (json ? report::RenderSdlJson(report) : report::RenderSdlText(report));
  Severity level = Severity::kError;
  bool never = true;
  ParseFailOn(options.fail_on, &level, &never);
  if (never) return kExitOk;
  for (const trace::SdlGap& gap : report.gaps) {
    if (gap.diagnostic.severity >= level) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

void SetupSdlCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<SdlOptions>();
  CLI::App* command = app.add_subcommand(
      "sdl", "secure development life cycle plan: coverage per practice and process, and gaps");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  AddTextJsonFormat(command, &options->format);
  command->add_option("--fail-on", options->fail_on, "exit 1 on gaps at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}))
      ->capture_default_str();
  AddEvidenceOptions(command, &options->evidence);
  command->callback([options, context] { *context.exit_code = RunSdl(*options, context); });
}

}  // namespace medtra::cli
