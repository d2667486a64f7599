// AnalyzeQuietly: the model analysed with its warnings held back, then read as elements.
#include "tools/medtra/analyzed_model.h"

#include <ostream>
#include <sstream>

#include "medtra/report/document.h"

namespace medtra::cli {

bool AnalyzeQuietly(const CommandContext& context, const std::string& path, AnalyzedModel* out) {
  std::ostringstream quiet;
  CommandContext captured = context;
  captured.err = &quiet;
  const EvidenceOptions evidence;
  AnalysisInputs inputs;
  inputs.evidence = &evidence;
  if (!AnalyzeOrReport(captured, path, inputs, false, &out->input, &out->catalog, &out->result)) {
    *context.err << quiet.str();
    return false;
  }
  out->report = nlohmann::json::parse(report::RenderJson(out->result));
  DiagnosticSink sink;
  out->elements = interchange::ReadElements(*context.fs, out->input.model->files, sink);
  if (sink.has_errors()) PrintDiagnostics(context, sink, out->input.sources, false);
  return !sink.has_errors();
}

int WriteOutput(const CommandContext& context, const std::string& output, const std::string& text,
                const std::string& command) {
  if (output == "-") {
    *context.out << text;
    return kExitOk;
  }
  if (Status status = context.fs->WriteFileAtomic(output, text); !status.ok()) {
    *context.err << "medtra: " << command << ": cannot write " << status.message() << "\n";
    return kExitInput;
  }
  *context.err << "wrote " << output << "\n";
  return kExitOk;
}

}  // namespace medtra::cli
