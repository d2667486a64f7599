// ReadSbom: parses the JSON, tells CycloneDX from SPDX by content, and checks refs for both.
#include "sbom/sbom_reader.h"

#include "medtra/model/software.h"

namespace medtra::sbom {

bool IsIsoDate(std::string_view text) {
  return text.size() >= 10 && model::IsIsoDate(text.substr(0, 10)) &&
         (text.size() == 10 || text[10] == 'T' || text[10] == 't' || text[10] == ' ');
}

void DefineRef(SbomContext& context, const std::string& ref, std::string_view pointer,
               std::string_view what) {
  const SourceLocation at = context.doc.At(pointer);
  const auto [found, added] = context.known.emplace(ref, at);
  if (!added) {
    context.sink.Error(at, "sbom-duplicate-ref",
                       "duplicate " + std::string(what) + " '" + ref + "' (first defined at " +
                           ToString(found->second) + ")");
  }
}

void CheckRefs(SbomContext& context) {
  for (const SbomContext::Use& use : context.uses) {
    if (context.known.count(use.ref) != 0) continue;
    context.sink.Error(context.doc.At(use.pointer), "sbom-dangling-ref",
                       std::string(use.what) + " '" + use.ref + "' is not defined in the SBOM");
  }
}

void SetPurl(SbomContext& context, const std::string& text, std::string_view pointer,
             SbomComponent* component) {
  component->purl_text = text;
  if (text.empty()) return;
  std::string error;
  component->purl = ParsePurl(text, &error);
  if (!component->purl) {
    context.sink.Error(context.doc.At(pointer), "sbom-bad-purl",
                       "malformed purl '" + text + "': " + error);
  }
}

std::string DateAt(SbomContext& context, const std::string& text, std::string_view pointer,
                   std::string_view what) {
  if (IsIsoDate(text)) return text.substr(0, 10);
  context.sink.Error(context.doc.At(pointer), "sbom-bad-date",
                     std::string(what) + " '" + text + "' is not a date (YYYY-MM-DD)");
  return "";
}

std::optional<Sbom> ReadSbom(const std::string& file, std::string_view text, DiagnosticSink& sink,
                             const document::DocumentLimits& limits) {
  const int errors_before = sink.error_count();
  const std::optional<document::LocatedDocument> doc =
      document::ParseJsonDocument(file, text, sink, limits);
  if (!doc) return std::nullopt;
  SbomContext context(*doc, sink);
  context.sbom.file = file;
  context.sbom.location = doc->At("");
  const nlohmann::json& root = doc->root;
  if (root.is_object() && root.contains("bomFormat")) {
    ReadCycloneDx(context);
  } else if (root.is_object() && root.contains("spdxVersion")) {
    ReadSpdx(context);
  } else {
    sink.Error(doc->At(""), "sbom-format",
               root.is_object()
                   ? "not an SBOM: no 'bomFormat' (CycloneDX) or 'spdxVersion' (SPDX) at the top "
                     "level"
                   : "not an SBOM: the top level is " + std::string(root.type_name()));
    return std::nullopt;
  }
  CheckRefs(context);
  if (sink.error_count() != errors_before) return std::nullopt;
  return std::move(context.sbom);
}

}  // namespace medtra::sbom
