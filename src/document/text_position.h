// TextPositions: byte offsets of a text -> 1-based line and column (columns count UTF-8
// characters).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/document/located_document.h"

namespace medtra::document {

class TextPositions {
 public:
  explicit TextPositions(std::string_view text);
  /// The location of the byte at `offset` (clamped to the text). Lookups at growing offsets on
  /// one line (a minified JSON file is one line) continue from the previous one, so a parse that
  /// locates every value stays linear.
  SourceLocation At(const std::string& file, size_t offset);
  /// The same without the file name.
  Position PositionAt(size_t offset);

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
  size_t last_line_ = 0;    // 1-based line of the previous lookup (0: none yet)
  size_t last_offset_ = 0;  // its offset
  int last_col_ = 1;        // its column
};

}  // namespace medtra::document
