// medtra trace MODEL: the traceability matrix risk -> measure -> requirement -> design ->
// verification, with every broken or missing link as a located finding.
#include <ostream>

#include "medtra/base/strings.h"
#include "medtra/model/model_loader.h"
#include "medtra/report/instructions.h"
#include "medtra/report/trace_render.h"
#include "tools/medtra/evidence_options.h"
#include "tools/medtra/model_options.h"

namespace medtra::cli {
namespace {

struct TraceOptions {
  std::string model;
  std::string format = "text";
  std::string fail_on = "error";
  std::string instructions;
  EvidenceOptions evidence;
};

std::string Render(const trace::TraceResult& result, const std::string& format) {
  if (format == "json") return report::RenderTraceJson(result);
  if (format == "csv") return report::RenderTraceCsv(result);
  if (format == "html") return report::RenderTraceHtmlTable(result);
  return report::RenderTraceText(result);
}

int RunTrace(const TraceOptions& options, const CommandContext& context) {
  const bool json = options.format == "json";
  ModelInput input;
  verify::Evidence evidence;
  if (!LoadWithEvidenceOrReport(context, options.model, options.evidence, json, &input,
                                &evidence)) {
    return kExitInput;
  }
  const model::SystemModel* model = input.model.get();
  const trace::TraceResult result =
      trace::BuildTrace(*model, evidence, trace::TraceOptions{context.fs});
  if (!options.instructions.empty()) {
    const std::string document = EndsWith(options.instructions, ".html")
                                     ? report::RenderInstructionsHtml(*model)
                                     : report::RenderInstructionsMarkdown(*model);
    const Status written = context.fs->WriteFileAtomic(options.instructions, document);
    if (!written.ok()) {
      *context.err << options.instructions << ": error: " << written.message() << "\n";
      return kExitInput;
    }
  }
  *context.out << Render(result, options.format);
  Severity level = Severity::kError;
  bool never = false;
  ParseFailOn(options.fail_on, &level, &never);
  return !never && trace::HasFindingsAtOrAbove(result, level) ? kExitFindings : kExitOk;
}

}  // namespace

void SetupTraceCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<TraceOptions>();
  CLI::App* command = app.add_subcommand(
      "trace", "traceability risk -> measure -> requirement -> design -> verification");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command->add_option("--format", options->format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  command->add_option("--fail-on", options->fail_on, "exit 1 on findings at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}))
      ->capture_default_str();
  command->add_option("--instructions", options->instructions,
                      "also write the instructions for secure use (Markdown; .html for HTML)");
  AddEvidenceOptions(command, &options->evidence);
  command->callback([options, context] { *context.exit_code = RunTrace(*options, context); });
}

}  // namespace medtra::cli
