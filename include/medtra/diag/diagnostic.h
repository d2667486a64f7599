// Diagnostics: problems in user input, each with a source location, collected in a sink.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace medtra {

/// A position in an input file; line and col are 1-based, 0 when unknown. Columns count characters
/// (UTF-8 code points), as libyaml does; a tab is one column.
struct SourceLocation {
  std::string file;
  int line = 0;
  int col = 0;

  bool known() const { return line > 0; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// "file:line:col" (or just "file" when the position is unknown); also GoogleTest's printer.
std::string ToString(const SourceLocation& location);
inline void PrintTo(const SourceLocation& location, std::ostream* os);

enum class Severity { kNote, kWarning, kError };

std::string_view SeverityName(Severity severity);
/// The order in which findings are listed: errors 0, warnings 1, notes 2.
int SeverityRank(Severity severity);

/// One problem in the input: `file:line:col: severity: message [code]`.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;  ///< kebab-case identifier, e.g. "unknown-key"
  std::string message;
  SourceLocation location;
};

/// Collects diagnostics. Keeps the first `limit` errors and counts the rest.
class DiagnosticSink {
 public:
  static constexpr int kDefaultLimit = 50;
  explicit DiagnosticSink(int limit = kDefaultLimit) : limit_(limit) {}

  void Report(Diagnostic diagnostic);
  void Error(const SourceLocation& location, std::string code, std::string message) {
    Report({Severity::kError, std::move(code), std::move(message), location});
  }
  void Warning(const SourceLocation& location, std::string code, std::string message) {
    Report({Severity::kWarning, std::move(code), std::move(message), location});
  }
  void Note(const SourceLocation& location, std::string code, std::string message) {
    Report({Severity::kNote, std::move(code), std::move(message), location});
  }

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  int error_count() const { return error_count_; }
  bool has_errors() const { return error_count_ > 0; }
  /// Errors beyond the limit that were counted but not kept.
  int suppressed() const { return suppressed_; }
  bool full() const { return error_count_ >= limit_; }

  /// Sorts the kept diagnostics by file, line and column (stable for equal positions).
  void SortByLocation();

 private:
  int limit_;
  int error_count_ = 0;
  int suppressed_ = 0;
  bool last_kept_ = true;
  std::vector<Diagnostic> diagnostics_;
};

/// The text of the files that diagnostics point into, for the caret snippet.
class SourceCache {
 public:
  void Add(const std::string& file, std::string content) { files_[file] = std::move(content); }
  /// The 1-based line of a file, or "" when unknown.
  std::string_view Line(const std::string& file, int line) const;

 private:
  std::map<std::string, std::string> files_;
};

/// `file:line:col: error: message [code]` plus, when the source is known, the line and a caret.
std::string RenderText(const Diagnostic& diagnostic, const SourceCache* sources);

/// Every diagnostic as text, then "N more errors not shown" when some were suppressed.
std::string RenderTextAll(const DiagnosticSink& sink, const SourceCache* sources);

/// A JSON array of {"severity","code","message","file","line","col"}, one object per diagnostic,
/// wrapped as {"format": "medtra-diagnostics", "format_version": 1, "diagnostics": [...],
/// "errors": N, "suppressed": N}. Bytes that are not UTF-8 are replaced by U+FFFD.
std::string RenderJsonAll(const DiagnosticSink& sink);

inline void PrintTo(const SourceLocation& location, std::ostream* os) { *os << ToString(location); }

}  // namespace medtra
