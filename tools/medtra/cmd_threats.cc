// medtra threats export MODEL: the derived threats and their decisions as CSV for trackers.
#include <filesystem>
#include <ostream>

#include "medtra/interchange/threat_status_import.h"
#include "medtra/interchange/threats_csv.h"
#include "medtra/interchange/threats_xlsx.h"
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
  if (options.format == "xlsx") {
    const Result<std::string> xlsx =
        interchange::RenderXlsx(interchange::ThreatTable(model.elements, model.report),
                                std::filesystem::temp_directory_path().string());
    if (!xlsx.ok()) {
      *context.err << "medtra: threats export: " << xlsx.message() << "\n";
      return kExitInput;
    }
    return WriteOutput(context, options.output, xlsx.value(), "threats export");
  }
  const std::string text = interchange::RenderThreatsCsv(model.elements, model.report);
  return WriteOutput(context, options.output, text, "threats export");
}

struct ImportStatusOptions {
  std::string model;
  std::string file;
  std::string output;
  bool force = false;
};

constexpr size_t kMaxCsvBytes = 16u << 20;

std::string Normal(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().string();
}

int RunImportStatus(const ImportStatusOptions& options, const CommandContext& context) {
  AnalyzedModel model;
  if (!AnalyzeQuietly(context, options.model, &model)) return kExitInput;
  const Result<std::string> text = context.fs->ReadFile(options.file, kMaxCsvBytes);
  if (!text.ok()) {
    *context.err << options.file << ": error: " << text.message() << " [unreadable]\n";
    return kExitInput;
  }
  DiagnosticSink sink;
  SourceCache sources;
  sources.Add(options.file, text.value());
  std::optional<std::string> yaml = interchange::ImportThreatStatus(
      model.elements, model.report, text.value(), options.file, sink);
  // The written file replaces the model's decisions: none may stay in another file of the model.
  for (const model::ThreatDecision& d : model.input.model->threat_decisions) {
    if (yaml && Normal(d.location.file) != Normal(options.output)) {
      sink.Error(d.location, "threat-decision-elsewhere",
                 "the model decides '" + d.threat + "' outside " + options.output +
                     ", which import-status writes: keep the model's decisions in that file");
    }
  }
  if (sink.has_errors()) {
    PrintDiagnostics(context, sink, sources, false);
    return kExitInput;
  }
  if (!options.force && options.output != "-" &&
      context.fs->Kind(options.output) != PathKind::kMissing) {
    *context.err << "medtra: threats import-status: " << options.output
                 << " exists; pass --force to replace it\n";
    return kExitInput;
  }
  return WriteOutput(context, options.output, "medtra: 1\n" + *yaml, "threats import-status");
}

}  // namespace

void SetupThreatsCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* threats = app.add_subcommand("threats", "the derived threats, for issue trackers");
  threats->require_subcommand(1);
  auto options = std::make_shared<ThreatsExportOptions>();
  CLI::App* command = threats->add_subcommand(
      "export", "write the threats with status, decision, rationale and risk as CSV");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command->add_option("--format", options->format, "csv|xlsx")
      ->check(CLI::IsMember({"csv", "xlsx"}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "the file to write, or '-' for stdout")
      ->capture_default_str();
  command->callback([options, context] { *context.exit_code = RunExport(*options, context); });
  auto status = std::make_shared<ImportStatusOptions>();
  CLI::App* import = threats->add_subcommand(
      "import-status", "write a tracker's decision and rationale columns as threat_decisions");
  import->add_option("MODEL", status->model, "model file or folder")->required();
  import->add_option("FILE", status->file, "the CSV of `threats export`, edited")->required();
  import
      ->add_option("-o,--output", status->output,
                   "the threat_decisions file to write (the model's own, to replace it), or '-'")
      ->required();
  import->add_flag("--force", status->force, "replace an existing file");
  import->callback([status, context] { *context.exit_code = RunImportStatus(*status, context);
});
}  // namespace medtra::cli

}  // namespace medtra::cli
