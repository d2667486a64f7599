// medtra analyze MODEL: the threat/risk analysis, written as report.<format> files or to stdout.
#include <algorithm>
#include <ostream>

#include "medtra/analysis/analyze.h"
#include "medtra/base/strings.h"
#include "medtra/report/document.h"
#include "tools/medtra/model_options.h"
#include "tools/medtra/rule_options.h"

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

// Whether the analysis meets --fail-on: a finding severity, "unacceptable", or a risk level.
bool FailOnMet(const std::string& fail_on, const analysis::Analysis& analysis) {
  if (fail_on == "error" || fail_on == "warning" || fail_on == "note") {
    const int threshold = fail_on == "error" ? 2 : fail_on == "warning" ? 1 : 0;
    return std::any_of(
        analysis.findings.begin(), analysis.findings.end(),
        [&](const Diagnostic& f) { return static_cast<int>(f.severity) >= threshold; });
  }
  const model::RiskMethod& method = analysis.model->risk_method;
  if (fail_on == "unacceptable") {
    return std::any_of(analysis.risks.begin(), analysis.risks.end(),
                       [&](const risk::RiskResult& r) { return !analysis.ResidualAcceptable(r); });
  }
  int threshold = -1;
  for (size_t i = 0; i < method.levels.size(); ++i) {
    if (method.levels[i].name == fail_on) threshold = static_cast<int>(i);
  }
  return std::any_of(analysis.risks.begin(), analysis.risks.end(), [&](const risk::RiskResult& r) {
    for (size_t i = 0; i < method.levels.size(); ++i) {
      if (method.levels[i].name == r.residual_level) return static_cast<int>(i) >= threshold;
    }
    return false;
  });
}

// The values --fail-on accepts for this model.
std::vector<std::string> FailOnValues(const model::RiskMethod& method) {
  std::vector<std::string> values = {"error", "warning", "note", "unacceptable"};
  for (const auto& level : method.levels) values.push_back(level.name);
  return values;
}

void Run(const AnalyzeOptions& options, const CommandContext& context) {
  for (const std::string& format : options.formats) {
    if (std::find(report::ReportFormats().begin(), report::ReportFormats().end(), format) ==
        report::ReportFormats().end()) {
      *context.err << "medtra: analyze: unknown format '" << format << "'"
                   << DidYouMean(format, report::ReportFormats())
                   << "; expected a comma-separated list of: " << Join(report::ReportFormats(), ",")
                   << "\n";
      *context.exit_code = kExitInput;
      return;
    }
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
  if (!options.fail_on.empty()) {
    const std::vector<std::string> values = FailOnValues(model->risk_method);
    if (std::find(values.begin(), values.end(), options.fail_on) == values.end()) {
      *context.err << "medtra: analyze: unknown --fail-on value '" << options.fail_on << "'"
                   << DidYouMean(options.fail_on, values)
                   << "; expected one of: " << Join(values, ", ") << "\n";
      *context.exit_code = kExitInput;
      return;
    }
  }
  if (options.output == "-") {
    report::WriteFormat(options.formats.front(), result, *context.out);
  } else {
    if (Status status = context.fs->CreateDirectories(options.output); !status.ok()) {
      *context.err << "medtra: analyze: " << status.message() << "\n";
      *context.exit_code = kExitInput;
      return;
    }
    for (const std::string& format : options.formats) {
      const std::string path = JoinPath(options.output, "report." + format);
      if (Status status = context.fs->WriteFileAtomic(path, report::RenderFormat(format, result));
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
  command
      ->add_option("--format", options->formats,
                   "formats, comma-separated: html,md,json,csv,sarif,dot,trace.csv")
      ->delimiter(',')
      ->capture_default_str();
  command->add_option("--fail-on", options->fail_on,
                      "exit 1 when met: error|warning|note (findings), unacceptable (a residual "
                      "risk), or a risk level name (a residual risk at or above it)");
  AddEvidenceOptions(command, &options->evidence);
  AddRulesDirOption(command, &options->rules_dir);
  command->callback([options, context] { Run(*options, context); });
}

}  // namespace medtra::cli
