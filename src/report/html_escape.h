// HTML and XML text escaping, shared by the HTML writer and the SVG figures.
#pragma once

#include <string>
#include <string_view>

namespace medtra::report {

/// Escapes &, <, >, " and ' for element text and attribute values.
std::string EscapeHtml(std::string_view text);
/// Appends `text` escaped as EscapeHtml() does, without a temporary.
void AppendEscapedHtml(std::string_view text, std::string* out);

}  // namespace medtra::report
