// EscapeCsv, EscapeHtml and EscapeMarkdown: every writer of report/ escapes through these.
#include "report/escape.h"

namespace medtra::report {
namespace {

bool StartsFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string EscapeCsv(std::string_view cell) {
  const bool formula = StartsFormula(cell);
  if (!formula && cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(cell);
  }
  std::string out = formula ? "\"'" : "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void AppendCsvRow(std::span<const std::string> cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) *out += ',';
    *out += EscapeCsv(cells[i]);
  }
  *out += "\r\n";
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscapedHtml(text, &out);
  return out;
}

void AppendEscapedHtml(std::string_view text, std::string* out) {
  size_t plain = 0;  // start of the run of characters that need no escaping
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out->append(text.substr(plain, i - plain));
    out->append(entity);
    plain = i + 1;
  }
  out->append(text.substr(plain));
}

std::string EscapeMarkdown(std::string_view text, MarkdownContext context) {
  std::string out;
  out.reserve(text.size());
  AppendEscapedMarkdown(text, &out, context);
  return out;
}

void AppendEscapedMarkdown(std::string_view text, std::string* out, MarkdownContext context) {
  // At the start of a paragraph these would begin a heading, a quote or a list item.
  if (context == MarkdownContext::kText && !text.empty() &&
      std::string_view("#>+-").find(text.front()) != std::string_view::npos) {
    *out += '\\';
  }
  for (char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '|':
        *out += '\\';
        *out += c;
        break;
      case '\n':
        *out += context == MarkdownContext::kTableCell ? "<br>" : " ";
        break;
      default:
        *out += c;
    }
  }
}

std::string QuoteDot(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace medtra::report
