// DiagnosticSink, and the text (with caret) and JSON renderers.
#include "medtra/diag/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "medtra/diag/diagnostic_json.h"

namespace medtra {
namespace {

constexpr size_t kMaxSnippet = 160;

// The length of the well-formed UTF-8 sequence at text[i], or 0 when the bytes there are not one.
size_t Utf8Length(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  const size_t length = c < 0x80                      ? 1
                        : (c >> 5) == 6 && c >= 0xc2  ? 2
                        : (c >> 4) == 14              ? 3
                        : (c >> 3) == 30 && c <= 0xf4 ? 4
                                                      : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) >> 6) != 2) return 0;
  }
  return length;
}

// The snippet line cut to kMaxSnippet characters around the caret, with control bytes and bytes
// that are not well-formed UTF-8 shown as '?' and a tab as one space, so that every character
// takes one column. Columns count characters: a byte that is not a UTF-8 continuation byte starts
// one (the same count the YAML reader uses). Returns the caret's 0-based offset in the result.
std::string PrintableSnippet(std::string_view line, int col, int* caret) {
  // Split the line into characters: [begin, end) byte ranges.
  std::vector<std::pair<size_t, size_t>> chars;
  for (size_t i = 0; i < line.size();) {
    size_t next = i + 1;
    while (next < line.size() && (static_cast<unsigned char>(line[next]) >> 6) == 2) ++next;
    chars.emplace_back(i, next);
    i = next;
  }
  const size_t column = col > 0 ? static_cast<size_t>(col - 1) : 0;
  size_t start = 0;
  if (column > kMaxSnippet / 2 && chars.size() > kMaxSnippet) start = column - kMaxSnippet / 2;
  start = std::min(start, chars.size());
  const size_t end = std::min(chars.size(), start + kMaxSnippet);
  std::string out;
  for (size_t k = start; k < end; ++k) {
    const auto [begin, stop] = chars[k];
    const unsigned char c = static_cast<unsigned char>(line[begin]);
    if (c == '\t') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7f || Utf8Length(line, begin) != stop - begin) {
      out += '?';
    } else {
      out.append(line.substr(begin, stop - begin));
    }
  }
  *caret = static_cast<int>(column - start);
  return out;
}

bool StartsWithBom(std::string_view text) { return text.substr(0, 3) == "\xef\xbb\xbf"; }

}  // namespace

std::string ToString(const SourceLocation& location) {
  if (!location.known()) return location.file;
  return location.file + ":" + std::to_string(location.line) + ":" + std::to_string(location.col);
}

int SeverityRank(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return 0;
    case Severity::kWarning:
      return 1;
    case Severity::kNote:
      return 2;
  }
  return 3;
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
  if (line == 1 && StartsWithBom(text)) text.remove_prefix(3);  // the reader skips it too
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
  nlohmann::ordered_json out = {{"format", "medtra-diagnostics"},
                                {"format_version", 1},
                                {"diagnostics", list},
                                {"errors", sink.error_count()},
                                {"suppressed", sink.suppressed()}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace medtra
