// TextPositions: line starts found once, then a binary search per lookup.
#include "document/text_position.h"

#include <algorithm>

namespace medtra::document {

TextPositions::TextPositions(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceLocation TextPositions::At(const std::string& file, size_t offset) {
  const Position p = PositionAt(offset);
  return {file, p.line, p.col};
}

Position TextPositions::PositionAt(size_t offset) {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line = static_cast<size_t>(next - line_starts_.begin());
  size_t from = line_starts_[line - 1];
  int col = 1;
  if (line == last_line_ && offset >= last_offset_) {
    from = last_offset_;
    col = last_col_;
  }
  for (size_t i = from; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xc0) != 0x80) ++col;
  }
  last_line_ = line;
  last_offset_ = offset;
  last_col_ = col;
  return {static_cast<int>(line), col};
}

}  // namespace medtra::document
