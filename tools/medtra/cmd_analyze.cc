// medtra analyze MODEL: the threat/risk analysis, written as report.<format> files or to stdout.
#include <ostream>

#include "medtra/analysis/analyze.h"
#include "medtra/report/document.h"
#include "tools/medtra/fail_on.h"
#include "tools/medtra/model_options.h"
#include "tools/medtra/report_options.h"

namespace medtra::cli {
namespace {

struct AnalyzeOptions {
  std::string model;
  std::string output = "medtra-report";
  std::vector<std::string> formats = {"html", "md", "json", "csv", "trace.csv", "dot"};
  std::string fail_on;
  EvidenceOptions evidence;
  std::string rules_dir;
};

void Run(const AnalyzeOptions& options, const CommandContext& context) {
  if (!FormatsKnownOrReport(context, "analyze", options.formats, report::ReportFormats())) {
    *context.exit_code = kExitInput;
    return;
  }
  if (options.output == "-" && options.formats.size() != 1) {
    *context.err
        << "medtra: analyze: '-o -' writes one format to stdout; choose it with --format\n";
    *context.exit_code = kExitInput;
    return;
  }
  ModelInput input;
  analysis::Analysis result;
  rules::RuleCatalog catalog;
  if (!AnalyzeOrReport(context, options.model, {&options.evidence, options.rules_dir}, false,
                       &input, &catalog, &result)) {
    *context.exit_code = kExitInput;
    return;
  }
  const model::SystemModel* model = input.model.get();
  if (!FailOnValidOrReport(context, "analyze", options.fail_on, model->risk_method)) {
    *context.exit_code = kExitInput;
    return;
  }
  if (options.output == "-") {
    report::WriteFormat(options.formats.front(), result, *context.out, Jobs(context));
  } else {
    if (Status status = context.fs->CreateDirectories(options.output); !status.ok()) {
      *context.err << "medtra: analyze: " << status.message() << "\n";
      *context.exit_code = kExitInput;
      return;
    }
    for (const std::string& format : options.formats) {
      const std::string path = JoinPath(options.output, "report." + format);
      if (Status status = context.fs->WriteFileAtomicStream(
              path,
              [&](std::ostream& out) { report::WriteFormat(format, result, out, Jobs(context)); });
          !status.ok()) {
        *context.err << "medtra: analyze: cannot write " << status.message() << "\n";
        *context.exit_code = kExitInput;
        return;
      }
      *context.err << "wrote " << path << "\n";
    }
  }
  *context.exit_code =
      !options.fail_on.empty() && FailOnMet(options.fail_on, result) ? kExitFindings : kExitOk;
}

}  // namespace

void SetupAnalyzeCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command =
      app.add_subcommand("analyze", "run the threat/risk analysis and write the report");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command
      ->add_option("-o,--output", options->output,
                   "output folder for report.<format>, or '-' for stdout (one format)")
      ->capture_default_str();
  AddReportOptions(command, "formats, comma-separated: html,md,json,csv,sarif,dot,trace.csv",
                   &options->formats, &options->fail_on, &options->evidence, &options->rules_dir);
  command->callback([options, context] { Run(*options, context); });
}

}  // namespace medtra::cli
