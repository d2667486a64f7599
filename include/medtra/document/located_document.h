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

/// The JSON pointer of `token` below `parent` (escaping '~' and '/').
std::string PointerChild(std::string_view parent, std::string_view token);
std::string PointerChild(std::string_view parent, size_t index);

}  // namespace medtra::document
