// Writing YAML that cannot be subverted by its values: every text is double-quoted and escaped.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "medtra/interchange/imported_model.h"

namespace medtra::interchange {

/// `text` as a YAML double-quoted scalar: '\\', '"', control characters and YAML's line breaks
/// (NEL, U+2028, U+2029) are escaped, so the value stays one scalar whatever it holds.
std::string QuoteYaml(std::string_view text);

/// A mapping key: plain when it is a simple word ([A-Za-z_][A-Za-z0-9_-]*), else quoted.
std::string YamlKey(std::string_view key);

/// `text` made safe for a one-line comment: line breaks and control characters become spaces;
/// at most 200 bytes (cut at a character boundary).
std::string CommentText(std::string_view text);

/// A JSON value as block YAML at `indent` spaces (mappings and sequences one entry a line;
/// strings quoted; numbers, booleans and null plain). `out` gets whole lines.
void EmitYaml(const nlohmann::json& value, int indent, std::string* out);

/// The files of an imported model folder (name -> YAML text): system.yaml with the system, zones,
/// components, assets and flows; threats.yaml with the threat events, when there are any.
std::map<std::string, std::string> RenderImportedModel(const ImportedModel& model);

}  // namespace medtra::interchange
