// MapReader: reads the keys of one YAML mapping with typed accessors and located diagnostics.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::model {

/// Reads one mapping. Every accessor marks its key as known; Finish() reports the keys that no
/// accessor asked for as unknown, with "did you mean". Wrong types are reported where they occur.
class MapReader {
 public:
  /// `what` names the mapping in messages ("component", "flow 'F-1'"). Reports an error when
  /// `node` is not a mapping; all accessors then return nothing.
  MapReader(Node node, std::string what, DiagnosticSink& sink);

  bool ok() const { return ok_; }
  Node node() const { return node_; }
  const std::string& what() const { return what_; }

  /// A scalar as text (numbers and booleans keep their spelling). Reports a missing required key.
  std::optional<std::string> String(std::string_view key, bool required = false);
  /// Like String(), but the value must be one of `values` (reported with did-you-mean).
  std::optional<std::string> Enum(std::string_view key, std::span<const std::string> values,
                                  bool required = false);
  std::optional<bool> Bool(std::string_view key, bool required = false);
  std::optional<double> Number(std::string_view key, bool required = false);
  /// A sequence of scalars, or a single scalar taken as a one-item list.
  std::optional<std::vector<std::string>> StringList(std::string_view key, bool required = false);
  /// Like StringList() with every item one of `values`.
  std::optional<std::vector<std::string>> EnumList(std::string_view key,
                                                   std::span<const std::string> values,
                                                   bool required = false);
  /// The raw node of a key (any kind), or an invalid node when absent.
  Node Raw(std::string_view key, bool required = false);
  /// The location of a key's value, or of the mapping when the key is absent.
  SourceLocation LocationOf(std::string_view key) const;

  /// Reports every key that no accessor asked for, suggesting the closest known key.
  void Finish();

 private:
  Node Lookup(std::string_view key, bool required);
  std::optional<std::string> ScalarText(Node value, std::string_view key);

  Node node_;
  std::string what_;
  DiagnosticSink& sink_;
  bool ok_ = false;
  std::vector<std::string> known_;
};

/// "expected a X for 'key', found a sequence": the common wrong-type error.
void ReportWrongType(DiagnosticSink& sink, Node value, std::string_view expected,
                     std::string_view key);

/// Parses a scalar as a boolean the YAML 1.2 core-schema way (true/false in any common case).
std::optional<bool> ParseBool(std::string_view text);

}  // namespace medtra::model
