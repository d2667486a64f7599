// Helpers shared by the SDL and trace renderers.
#include "report/json_util.h"

#include "medtra/diag/diagnostic_json.h"

namespace medtra::report::internal {

Json DiagnosticJson(const Diagnostic& d) { return DiagnosticToJson(d); }

Json VerificationJson(const verify::RefResult& v) {
  Json j;
  j["ref"] = v.ref;
  j["kind"] = verify::RefKindName(v.kind);
  j["status"] = verify::StatusName(v.status);
  j["subject"] = v.subject;
  j["version"] = v.version;
  j["date"] = v.date;
  j["tester"] = v.tester;
  j["independence"] = v.independence;
  j["source"] = v.source;
  j["detail"] = v.detail;
  j["file"] = v.location.file;
  j["line"] = v.location.line;
  j["col"] = v.location.col;
  return j;
}

std::string Pad(std::string_view text, size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string DiagnosticLine(const Diagnostic& d) {
  std::string line = RenderText(d, nullptr);
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return line;
}

}  // namespace medtra::report::internal
