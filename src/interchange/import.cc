// Import: picks the parser (JSON or YAML) and the importer for a format.
#include "medtra/interchange/import.h"

namespace medtra::interchange {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::span<const std::string> ImportFormats() {
  static const std::string kFormats[] = {"otm", "threat-dragon", "threagile", "pytm"};
  return kFormats;
}

std::optional<ImportedModel> Import(std::string_view format, const std::string& file,
                                    std::string_view text, DiagnosticSink& sink) {
  const bool yaml = format == "threagile" || EndsWith(file, ".yaml") || EndsWith(file, ".yml");
  std::optional<LocatedDocument> doc =
      yaml ? ParseYamlDocument(file, text, sink) : ParseJsonDocument(file, text, sink);
  if (!doc) return std::nullopt;
  std::optional<ImportedModel> model;
  if (format == "otm") model = ImportOtm(*doc, sink);
  if (format == "threat-dragon") model = ImportThreatDragon(*doc, sink);
  if (format == "threagile") model = ImportThreagile(*doc, sink);
  if (format == "pytm") model = ImportPytm(*doc, sink);
  if (!model || sink.has_errors()) return std::nullopt;
  model->format = std::string(format);
  model->source_file = file;
  return model;
}

}  // namespace medtra::interchange
