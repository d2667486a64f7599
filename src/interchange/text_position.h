// TextPositions: byte offsets of a text -> 1-based line and column (columns count UTF-8
// characters).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"

namespace medtra::interchange {

class TextPositions {
 public:
  explicit TextPositions(std::string_view text);
  /// The location of the byte at `offset` (clamped to the text).
  SourceLocation At(const std::string& file, size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace medtra::interchange
