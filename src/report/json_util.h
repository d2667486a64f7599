// Small helpers the trace renderers share (private to src/report).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "medtra/diag/diagnostic.h"
#include "medtra/verify/verify.h"

namespace medtra::report::internal {

using Json = nlohmann::ordered_json;

/// {"severity","code","message","file","line","col"}
Json DiagnosticJson(const Diagnostic& diagnostic);
/// {"ref","kind","status","subject","version","date","source","detail","file","line","col"}
Json VerificationJson(const verify::RefResult& verification);
/// Pads `text` with spaces to `width` (no truncation).
std::string Pad(std::string_view text, size_t width);
/// `file:line:col: severity: message [code]` (no caret).
std::string DiagnosticLine(const Diagnostic& diagnostic);

}  // namespace medtra::report::internal
