// Evidence options shared by `medtra analyze`, `medtra sdl` and `medtra trace`.
#include "tools/medtra/evidence_options.h"

#include "medtra/base/strings.h"

namespace medtra::cli {

void AddEvidenceOptions(CLI::App* command, EvidenceOptions* options) {
  command->add_option("--junit", options->junit, "JUnit XML test results (CTest, GoogleTest)");
  command->add_option("--evidence", options->sim,
                      "medtra sim evidence JSON, or an evidence manifest JSON");
  command->add_flag("--no-evidence-dir", options->no_evidence_dir,
                    "do not read the evidence/ folder of the model");
}

bool ReadEvidence(const CommandContext& context, const std::string& model_path,
                  const EvidenceOptions& options, verify::Evidence* evidence, DiagnosticSink& sink,
                  SourceCache* sources) {
  const int before = sink.error_count();
  const FileSystem& fs = *context.fs;
  if (!options.no_evidence_dir && fs.Kind(model_path) == PathKind::kDirectory) {
    verify::LoadEvidenceFolder(fs, JoinPath(model_path, "evidence"), evidence, sink);
  }
  auto read = [&](const std::string& path, bool junit) {
    const Result<std::string> content = fs.ReadFile(path, verify::kMaxEvidenceBytes);
    if (!content.ok()) {
      sink.Error({path, 0, 0}, "evidence-unreadable", content.message());
      return;
    }
    if (sources != nullptr) sources->Add(path, *content);
    if (junit) {
      verify::ParseJUnitXml(path, *content, evidence, sink);
    } else {
      verify::ParseEvidenceJson(path, *content, evidence, sink);
    }
  };
  for (const std::string& path : options.junit) read(path, true);
  for (const std::string& path : options.sim) read(path, false);
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
