// medtra import FORMAT FILE -o DIR: another tool's threat model as a medtra model folder.
#include <ostream>

#include "medtra/base/strings.h"
#include "medtra/interchange/import.h"
#include "medtra/interchange/yaml_emitter.h"
#include "medtra/model/model_loader.h"
#include "tools/medtra/model_options.h"

namespace medtra::cli {
namespace {

struct ImportOptions {
  std::string format;
  std::string file;
  std::string output;
  bool force = false;
};

constexpr size_t kMaxSourceBytes = 64u << 20;

// Whether DIR already holds model files (which an import must not mix with its own).
bool HoldsModel(const FileSystem& fs, const std::string& dir) {
  if (fs.Kind(dir) != PathKind::kDirectory) return false;
  const Result<std::vector<std::string>> names = fs.ListDirectory(dir);
  if (!names.ok()) return false;
  for (const std::string& name : names.value()) {
    if (name.ends_with(".yaml") || name.ends_with(".yml")) return true;
  }
  return false;
}

std::string Count(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

int Run(const ImportOptions& options, const CommandContext& context) {
  const Result<std::string> text = context.fs->ReadFile(options.file, kMaxSourceBytes);
  if (!text.ok()) {
    *context.err << options.file << ": error: " << text.message() << " [unreadable]\n";
    return kExitInput;
  }
  DiagnosticSink sink;
  SourceCache sources;
  sources.Add(options.file, text.value());
  const std::optional<interchange::ImportedModel> model =
      interchange::Import(options.format, options.file, text.value(), sink);
  if (!sink.diagnostics().empty()) PrintDiagnostics(context, sink, sources, false);
  if (!model) return kExitInput;
  if (context.fs->Kind(options.output) == PathKind::kFile ||
      (!options.force && HoldsModel(*context.fs, options.output))) {
    *context.err << "medtra: import: " << options.output
                 << " is a file or already holds a model; choose an empty folder (or --force)\n";
    return kExitInput;
  }
  const std::map<std::string, std::string> files = interchange::RenderImportedModel(*model);
  // The written model must load: check it in memory before anything touches the disk.
  MemoryFileSystem memory;
  for (const auto& [name, content] : files) memory.AddFile(JoinPath("imported", name), content);
  DiagnosticSink check;
  SourceCache written;
  if (!model::LoadModel(memory, "imported", check, &written)) {
    PrintDiagnostics(context, check, written, false);
    *context.err << "medtra: internal error: the imported model does not load\n";
    return kExitInternal;
  }
  if (Status status = context.fs->CreateDirectories(options.output); !status.ok()) {
    *context.err << "medtra: import: " << status.message() << "\n";
    return kExitInput;
  }
  for (const auto& [name, content] : files) {
    const std::string path = JoinPath(options.output, name);
    if (Status status = context.fs->WriteFileAtomic(path, content); !status.ok()) {
      *context.err << "medtra: import: cannot write " << status.message() << "\n";
      return kExitInput;
    }
    *context.err << "wrote " << path << "\n";
  }
  *context.out << options.file << ": imported " << Count(model->zones.size(), "zone") << ", "
               << Count(model->components.size(), "component") << ", "
               << Count(model->assets.size(), "asset") << ", " << Count(model->flows.size(), "flow")
               << ", " << Count(model->threat_events.size(), "threat") << " into " << options.output
               << "\n";
  return kExitOk;
}

}  // namespace

void SetupImportCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand(
      "import", "seed a medtra model from an OTM, Threat Dragon, Threagile or pytm file");
  std::vector<std::string> formats(interchange::ImportFormats().begin(),
                                   interchange::ImportFormats().end());
  command->add_option("FORMAT", options->format, Join(formats, "|"))
      ->required()
      ->check(CLI::IsMember(formats));
  command->add_option("FILE", options->file, "the source file")->required();
  command->add_option("-o,--output", options->output, "the model folder to write")->required();
  command->add_flag("--force", options->force, "write into a folder that already holds a model");
  command->callback([options, context] { *context.exit_code = Run(*options, context); });
}

}  // namespace medtra::cli
