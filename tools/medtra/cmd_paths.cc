// medtra paths MODEL: the attack paths from the entry points to the essential functions, the reach
// of many-instance components, and the smallest sets of design changes that cut the paths.
#include <ostream>

#include "medtra/analysis/analyze.h"
#include "medtra/base/strings.h"
#include "medtra/paths/analyze_paths.h"
#include "medtra/report/dfd_paths.h"
#include "medtra/report/paths_render.h"
#include "medtra/rules/derive.h"
#include "tools/medtra/analyzed_model.h"
#include "tools/medtra/rule_options.h"

namespace medtra::cli {
namespace {

struct PathsCommandOptions {
  std::string model;
  std::string format = "md";
  std::string output = "-";
  std::string rules_dir;
  size_t k = 3;
  size_t limit = 10000;
  std::vector<std::string> costs;
  bool fail_on_paths = false;
};

/// Applies `KIND=N` items to the costs; false (with a message) on a bad item.
bool ParseCosts(const std::vector<std::string>& items, paths::PathOptions* options,
                std::string* error) {
  for (const std::string& item : items) {
    const size_t eq = item.find('=');
    const std::string kind = item.substr(0, eq);
    uint32_t k = 1;
    while (k < paths::kCutKinds && paths::CutKindName(static_cast<paths::CutKind>(k)) != kind) ++k;
    int64_t cost = 0;
    if (eq != std::string::npos) {
      const std::string number = item.substr(eq + 1);
      if (!number.empty() && number.size() <= 9 &&
          number.find_first_not_of("0123456789") == std::string::npos) {
        cost = std::stoll(number);
      }
    }
    if (k == paths::kCutKinds || cost < 1) {
      *error = "--cost '" + item +
               "': expected KIND=N with N from 1 to 999999999 and KIND one of protect-flow, "
               "authorize-therapy, sign-updates, disable-debug-port, user-credentials, "
               "per-device-keys";
      return false;
    }
    options->costs[k] = cost;
  }
  return true;
}

int RunPaths(const PathsCommandOptions& options, const CommandContext& context) {
  paths::PathOptions path_options;
  path_options.k = options.k;
  path_options.enumeration_limit = options.limit;
  std::string error;
  if (!ParseCosts(options.costs, &path_options, &error)) {
    *context.err << "medtra: paths: " << error << "\n";
    return kExitInput;
  }
  ModelInput input;
  if (!LoadModelOrReport(context, options.model, options.format == "json", &input)) {
    return kExitInput;
  }
  rules::RuleCatalog catalog;
  if (!BuildCatalog(context, options.model, options.rules_dir, catalog)) return kExitInput;
  const analysis::ThreatsAndPaths derived =
      analysis::DeriveThreatsAndPaths(*input.model, catalog, path_options, Jobs(context), nullptr,
                                      /*cited_rules_only=*/true);
  const std::vector<rules::Threat>& threats = derived.threats;
  const paths::PathsAnalysis& analysis = *derived.paths;
  std::string text;
  if (options.format == "json") {
    text = report::PathsJson(analysis, path_options, threats).dump(2) + "\n";
  } else if (options.format == "dot") {
    text = report::PathsDot(analysis);
  } else if (options.format == "dfd-dot") {
    text = report::PathsDfdDot(analysis);
  } else if (options.format == "reach-dot") {
    text = report::ReachDfdDot(analysis);
  } else {
    const report::Document document = report::PathsDocument(analysis);
    text =
        options.format == "html" ? report::RenderHtml(document) : report::RenderMarkdown(document);
  }
  const int written = WriteOutput(context, options.output, text, "paths");
  if (written != kExitOk) return written;
  return options.fail_on_paths && analysis.after_paths.path_count > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void SetupPathsCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<PathsCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "paths", "attack paths to the essential functions, multi-patient reach, minimal cuts");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command->add_option("--format", options->format, "output format")
      ->check(CLI::IsMember({"md", "html", "json", "dot", "dfd-dot", "reach-dot"}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "output file ('-' for stdout)")
      ->capture_default_str();
  command->add_option("-k", options->k, "paths kept per essential function")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command
      ->add_option("--limit", options->limit,
                   "paths enumerated per essential function (the count stays exact where the "
                   "graph has no cycle)")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  command->add_option("--cost", options->costs,
                      "cost of a kind of design change, KIND=N (default 1 each); repeatable");
  command->add_flag("--fail-on-paths", options->fail_on_paths,
                    "exit 1 when a path remains after the measures");
  AddRulesDirOption(command, &options->rules_dir);
  command->callback([options, context] { *context.exit_code = RunPaths(*options, context); });
}

}  // namespace medtra::cli
