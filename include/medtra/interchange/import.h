// Importing another tool's threat model (OTM, Threat Dragon v2, Threagile, pytm) as a medtra model.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "medtra/diag/diagnostic.h"
#include "medtra/interchange/imported_model.h"
#include "medtra/interchange/located_document.h"

namespace medtra::interchange {

/// The formats `medtra import` reads, as named on its command line.
std::span<const std::string> ImportFormats();

/// Parses `text` (JSON, or YAML for Threagile and for OTM files named *.yaml / *.yml) and maps it
/// to medtra elements. Syntax errors and files that are not of the format are located errors;
/// what has no medtra home and is not kept in a `source:` block is a located warning. Returns
/// nullopt when an error was reported.
std::optional<ImportedModel> Import(std::string_view format, const std::string& file,
                                    std::string_view text, DiagnosticSink& sink);

// The importers, for a parsed document (each in its own file).
std::optional<ImportedModel> ImportOtm(const LocatedDocument& doc, DiagnosticSink& sink);
std::optional<ImportedModel> ImportThreatDragon(const LocatedDocument& doc, DiagnosticSink& sink);
std::optional<ImportedModel> ImportThreagile(const LocatedDocument& doc, DiagnosticSink& sink);
std::optional<ImportedModel> ImportPytm(const LocatedDocument& doc, DiagnosticSink& sink);

}  // namespace medtra::interchange
