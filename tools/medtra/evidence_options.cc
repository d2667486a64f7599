// Evidence options shared by `medtra sdl` and `medtra trace`.
#include "tools/medtra/evidence_options.h"

#include "medtra/base/strings.h"

namespace medtra::cli {

void AddEvidenceOptions(CLI::App* command, EvidenceOptions* options) {
  command->add_option("--junit", options->junit, "JUnit XML test results (CTest, GoogleTest)");
  command->add_option("--evidence", options->sim, "medtra sim evidence JSON");
  command->add_flag("--no-evidence-dir", options->no_evidence_dir,
                    "do not read the evidence/ folder of the model");
}

bool ReadEvidence(const CommandContext& context, const std::string& model_path,
                  const EvidenceOptions& options, trace::Evidence* evidence, DiagnosticSink& sink,
                  SourceCache* sources) {
  const int before = sink.error_count();
  const FileSystem& fs = *context.fs;
  if (!options.no_evidence_dir && fs.Kind(model_path) == PathKind::kDirectory) {
    const std::string folder = JoinPath(model_path, "evidence");
    if (fs.Kind(folder) == PathKind::kDirectory) {
      const Result<std::vector<std::string>> names = fs.ListDirectory(folder);
      if (names.ok()) {
        for (const std::string& name : *names) {
          if (!EndsWith(name, ".xml") && !EndsWith(name, ".json")) continue;
          const std::string path = JoinPath(folder, name);
          if (fs.Kind(path) != PathKind::kFile) continue;
          trace::LoadEvidenceFile(fs, path, evidence, sink);
        }
      }
    }
  }
  for (const std::string& path : options.junit) {
    const Result<std::string> content = fs.ReadFile(path, trace::kMaxEvidenceBytes);
    if (!content.ok()) {
      sink.Error({path, 0, 0}, "evidence-unreadable", content.message());
      continue;
    }
    if (sources != nullptr) sources->Add(path, *content);
    trace::ParseJUnitXml(path, *content, evidence, sink);
  }
  for (const std::string& path : options.sim) {
    const Result<std::string> content = fs.ReadFile(path, trace::kMaxEvidenceBytes);
    if (!content.ok()) {
      sink.Error({path, 0, 0}, "evidence-unreadable", content.message());
      continue;
    }
    if (sources != nullptr) sources->Add(path, *content);
    trace::ParseSimEvidence(path, *content, evidence, sink);
  }
  return sink.error_count() == before;
}

bool ParseFailOn(const std::string& text, Severity* level, bool* never) {
  *never = text == "none";
  if (text == "error") *level = Severity::kError;
  if (text == "warning") *level = Severity::kWarning;
  if (text == "note") *level = Severity::kNote;
  return *never || text == "error" || text == "warning" || text == "note";
}

}  // namespace medtra::cli
