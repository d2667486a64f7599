// A parsed JSON source file as nlohmann::json plus the position of every value. Below the model,
// the SBOM and advisory readers and the importers, so that each of them reads JSON the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "medtra/diag/diagnostic.h"

namespace medtra::document {

/// Limits that keep hostile source files bounded in time and memory.
struct DocumentLimits {
  int max_depth = 64;
  size_t max_values = 4'000'000;
  /// False: record no value positions (`where` stays empty; syntax and limit errors are still
  /// located). ReadLocated uses it for a first pass that only a file with errors repeats.
  bool positions = true;
};

/// A line and column in the document's file (1-based).
struct Position {
  int line = 0;
  int col = 0;
};

/// A source document: its values, and where each one is, by JSON pointer ("/components/0/id").
struct LocatedDocument {
  std::string file;
  nlohmann::json root;
  std::unordered_map<std::string, Position> where;  ///< positions only: one file name above

  /// The location of the value at `pointer`, else of its closest located parent.
  SourceLocation At(std::string_view pointer) const;
};

/// Parses JSON (RFC 8259) with nlohmann-json. Syntax errors, duplicate keys and limits become one
/// located error in `sink`; returns nullopt then.
std::optional<LocatedDocument> ParseJsonDocument(const std::string& file, std::string_view text,
                                                 DiagnosticSink& sink,
                                                 const DocumentLimits& limits = {});

/// Reads a JSON file with `read(const LocatedDocument&, DiagnosticSink&) -> std::optional<T>` on a
/// document parsed without positions; only when that reports an error is the file parsed again
/// with positions and read again into `sink`, so a valid file pays for no positions.
template <typename Read>
auto ReadLocated(const std::string& file, std::string_view text, DiagnosticSink& sink,
                 DocumentLimits limits, Read read) -> decltype(read(LocatedDocument{}, sink)) {
  limits.positions = false;
  DiagnosticSink quiet;
  if (std::optional<LocatedDocument> doc = ParseJsonDocument(file, text, quiet, limits)) {
    auto result = read(*doc, quiet);
    if (!quiet.has_errors()) {
      for (const Diagnostic& d : quiet.diagnostics()) sink.Report(d);
      return result;
    }
  }
  limits.positions = true;
  std::optional<LocatedDocument> doc = ParseJsonDocument(file, text, sink, limits);
  if (!doc) return std::nullopt;
  return read(*doc, sink);
}

/// The JSON pointer of `token` below `parent` (escaping '~' and '/').
std::string PointerChild(std::string_view parent, std::string_view token);
std::string PointerChild(std::string_view parent, size_t index);

}  // namespace medtra::document
