// The one escaper per output format, shared by every writer: CSV cells, HTML/XML text, Markdown.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace medtra::report {

/// One CSV cell (RFC 4180). A cell that a spreadsheet would read as a formula, one that begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, CSV injection), is neutralised: it
/// gets a leading `'` and is quoted. Any other cell is quoted only when it holds `,`, `"`, CR or
/// LF; `"` is doubled inside quotes.
std::string EscapeCsv(std::string_view cell);
/// Appends `cells` as one CSV record (each escaped by EscapeCsv) ending in CRLF.
void AppendCsvRow(std::span<const std::string> cells, std::string* out);

/// Escapes &, <, >, " and ' for element text and attribute values (HTML, XML, SVG).
std::string EscapeHtml(std::string_view text);
/// Appends `text` escaped as EscapeHtml() does, without a temporary.
void AppendEscapedHtml(std::string_view text, std::string* out);

/// Where a Markdown text goes: a table cell cannot hold a line break.
enum class MarkdownContext { kText, kTableCell };
/// Puts a backslash before each of \ ` * _ [ ] < | and, in text, before a leading # > + or -, so
/// that the text renders as written (no emphasis, code, links, HTML, headings, quotes, list items
/// or table columns). A newline becomes a space in text and `<br>` in a table cell.
std::string EscapeMarkdown(std::string_view text, MarkdownContext context = MarkdownContext::kText);
/// Appends `text` escaped as EscapeMarkdown() does.
void AppendEscapedMarkdown(std::string_view text, std::string* out,
                           MarkdownContext context = MarkdownContext::kText);

/// A Graphviz DOT double-quoted string: `"` and `\` escaped, a newline as `\n`.
std::string QuoteDot(std::string_view text);

}  // namespace medtra::report
