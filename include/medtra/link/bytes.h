// Byte buffers and big-endian field helpers shared by the frame codecs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace medtra::link {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

/// Appends `width` bytes of `value`, most significant first.
void PutBe(Bytes& out, uint64_t value, int width);

/// Reads `width` bytes starting at `data[offset]`, most significant first (caller checks bounds).
inline uint64_t GetBe(ByteView data, size_t offset, int width) {
  uint64_t value = 0;
  for (int i = 0; i < width; ++i) value = (value << 8) | data[offset + static_cast<size_t>(i)];
  return value;
}

void Append(Bytes& out, ByteView data);

inline Bytes ToBytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

/// True when `needle` occurs anywhere in `haystack` (an empty needle never matches).
inline bool Contains(ByteView haystack, ByteView needle) {
  if (needle.empty() || needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool match = true;
    for (size_t j = 0; j < needle.size() && match; ++j) match = haystack[i + j] == needle[j];
    if (match) return true;
  }
  return false;
}

}  // namespace medtra::link
