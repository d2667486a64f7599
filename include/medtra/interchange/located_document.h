// Source files of other tools as located documents: JSON through document/, YAML through the
// model's reader.
#pragma once

#include "medtra/document/located_document.h"

namespace medtra::interchange {

using document::DocumentLimits;
using document::LocatedDocument;
using document::ParseJsonDocument;
using document::PointerChild;

/// Parses YAML with the model's reader (libyaml). Plain scalars that spell null, a boolean or a
/// number become those JSON types; everything else is a string.
std::optional<LocatedDocument> ParseYamlDocument(const std::string& file, std::string_view text,
                                                 DiagnosticSink& sink,
                                                 const DocumentLimits& limits = {});

}  // namespace medtra::interchange
