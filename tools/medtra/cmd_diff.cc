// medtra diff OLD NEW: what changed between two model revisions (or two report JSONs), in the
// model and in its analysis, with the change-control assessment.
#include <nlohmann/json.hpp>
#include <ostream>

#include "medtra/base/strings.h"
#include "medtra/diff/diff.h"
#include "tools/medtra/analyzed_model.h"
#include "tools/medtra/git_revision.h"

namespace medtra::cli {
namespace {

struct DiffOptions {
  std::string old_path;
  std::string new_path;
  std::string format = "json";
  std::string fail_on;
};

constexpr size_t kMaxReportBytes = 256u << 20;

// A report JSON given instead of a model.
bool ReadReport(const CommandContext& context, const std::string& path, diff::Revision* out) {
  const Result<std::string> text = context.fs->ReadFile(path, kMaxReportBytes);
  if (!text.ok()) {
    *context.err << path << ": error: " << text.message() << " [unreadable]\n";
    return false;
  }
  out->report = nlohmann::json::parse(text.value(), nullptr, false);
  if (const Status status = diff::CheckReport(out->report); !status.ok()) {
    *context.err << path << ":1:1: error: " << status.message() << " [diff-input]\n";
    return false;
  }
  return true;
}

// A model: analysed, as its report and its elements.
bool ReadModel(const CommandContext& context, const std::string& path, diff::Revision* out) {
  AnalyzedModel model;
  if (!AnalyzeQuietly(context, path, &model)) return false;
  out->report = std::move(model.report);
  out->elements = std::move(model.elements);
  out->has_model = true;
  return true;
}

bool ReadSide(const CommandContext& context, const std::string& path, diff::Revision* out) {
  out->label = path;
  std::string revision;
  std::string inside;
  if (SplitRevision(*context.fs, path, &revision, &inside)) {
    MemoryFileSystem files;
    if (const Status status = ReadRevision(revision, inside, &files); !status.ok()) {
      *context.err << "medtra: diff: " << status.message() << "\n";
      return false;
    }
    CommandContext at_revision = context;
    at_revision.fs = &files;
    return ReadModel(at_revision, inside, out);
  }
  if (path.ends_with(".json") && context.fs->Kind(path) == PathKind::kFile) {
    return ReadReport(context, path, out);
  }
  return ReadModel(context, path, out);
}

int Run(const DiffOptions& options, const CommandContext& context) {
  diff::Revision old_revision;
  diff::Revision new_revision;
  if (!ReadSide(context, options.old_path, &old_revision) ||
      !ReadSide(context, options.new_path, &new_revision)) {
    return kExitInput;
  }
  const nlohmann::ordered_json result = diff::Diff(old_revision, new_revision);
  *context.out << (options.format == "md"     ? diff::RenderMarkdown(result)
                   : options.format == "html" ? diff::RenderHtml(result)
                                              : diff::RenderJson(result));
  return !options.fail_on.empty() && diff::FailOnMet(result, options.fail_on) ? kExitFindings
                                                                              : kExitOk;
}

}  // namespace

void SetupDiffCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command =
      app.add_subcommand("diff", "what changed between two model revisions (or two report JSONs)");
  command
      ->add_option("OLD", options->old_path,
                   "model folder or file, report.json, or REV:PATH in the git repository")
      ->required();
  command
      ->add_option("NEW", options->new_path,
                   "model folder or file, report.json, or REV:PATH in the git repository")
      ->required();
  command->add_option("--format", options->format, "json|md|html")
      ->check(CLI::IsMember({"json", "md", "html"}))
      ->capture_default_str();
  const std::vector<std::string> values(diff::FailOnValues().begin(), diff::FailOnValues().end());
  command
      ->add_option("--fail-on", options->fail_on,
                   "exit 1 when met: any (a change), unacceptable (a residual risk became not "
                   "acceptable), unassessed (a new open threat linked to no risk)")
      ->check(CLI::IsMember(values));
  command->callback([options, context] { *context.exit_code = Run(*options, context); });
}

}  // namespace medtra::cli
