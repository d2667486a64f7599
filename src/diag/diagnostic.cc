// DiagnosticSink, and the text (with caret) and JSON renderers.
#include "medtra/diag/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "medtra/diag/diagnostic_json.h"

namespace medtra {
namespace {

constexpr size_t kMaxSnippet = 160;

// True when every multi-byte sequence of `text` is well-formed UTF-8 (no overlong checks needed
// for display purposes).
bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t length = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 2) return false;
    }
    i += length;
  }
  return true;
}

// The snippet line, with control bytes and invalid UTF-8 shown as '?', cut to kMaxSnippet columns
// around the caret; returns the caret's 0-based offset in the printed line.
std::string PrintableSnippet(std::string_view line, int col, int* caret) {
  std::string out;
  size_t start = 0;
  const size_t column = col > 0 ? static_cast<size_t>(col - 1) : 0;
  if (column > kMaxSnippet / 2 && line.size() > kMaxSnippet) start = column - kMaxSnippet / 2;
  const size_t end = std::min(line.size(), start + kMaxSnippet);
  const bool utf8 = IsValidUtf8(line);
  for (size_t i = start; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const bool bad = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && !utf8);
    out += bad ? '?' : (c == '\t' ? ' ' : static_cast<char>(c));
  }
  *caret = static_cast<int>(column - start);
  return out;
}

}  // namespace

std::string ToString(const SourceLocation& location) {
  if (!location.known()) return location.file;
  return location.file + ":" + std::to_string(location.line) + ":" + std::to_string(location.col);
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

void DiagnosticSink::Report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) {
    ++error_count_;
    if (error_count_ > limit_) {
      ++suppressed_;
      last_kept_ = false;
      return;
    }
  } else if (!last_kept_ || error_count_ > limit_) {
    return;  // a note or warning after the limit (or after a dropped error) is dropped too
  }
  last_kept_ = true;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::SortByLocation() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.location.file, a.location.line, a.location.col) <
                            std::tie(b.location.file, b.location.line, b.location.col);
                   });
}

std::string_view SourceCache::Line(const std::string& file, int line) const {
  const auto it = files_.find(file);
  if (it == files_.end() || line < 1) return {};
  std::string_view text = it->second;
  for (int i = 1; i < line; ++i) {
    const size_t next = text.find('\n');
    if (next == std::string_view::npos) return {};
    text.remove_prefix(next + 1);
  }
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::string RenderText(const Diagnostic& d, const SourceCache* sources) {
  std::string out = d.location.file.empty() ? std::string("medtra") : d.location.file;
  if (d.location.known()) {
    out += ':' + std::to_string(d.location.line) + ':' + std::to_string(d.location.col);
  }
  out += ": ";
  out += SeverityName(d.severity);
  out += ": " + d.message;
  if (!d.code.empty()) out += " [" + d.code + "]";
  out += '\n';
  if (sources != nullptr && d.location.known()) {
    const std::string_view line = sources->Line(d.location.file, d.location.line);
    if (!line.empty()) {
      int caret = 0;
      out += "  " + PrintableSnippet(line, d.location.col, &caret) + '\n';
      out += "  " + std::string(static_cast<size_t>(std::max(caret, 0)), ' ') + "^\n";
    }
  }
  return out;
}

std::string RenderTextAll(const DiagnosticSink& sink, const SourceCache* sources) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) out += RenderText(d, sources);
  if (sink.suppressed() > 0) {
    out += "medtra: " + std::to_string(sink.suppressed()) + " more error" +
           (sink.suppressed() == 1 ? "" : "s") + " not shown (" +
           std::to_string(sink.error_count()) + " in all)\n";
  }
  return out;
}

nlohmann::ordered_json DiagnosticToJson(const Diagnostic& d) {
  return {{"severity", SeverityName(d.severity)},
          {"code", d.code},
          {"message", d.message},
          {"file", d.location.file},
          {"line", d.location.line},
          {"col", d.location.col}};
}

std::string RenderJsonAll(const DiagnosticSink& sink) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic& d : sink.diagnostics()) list.push_back(DiagnosticToJson(d));
  nlohmann::ordered_json out = {
      {"diagnostics", list}, {"errors", sink.error_count()}, {"suppressed", sink.suppressed()}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace medtra
