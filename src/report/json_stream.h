// JsonStream: appends JSON to one string, byte for byte as nlohmann's dump(2) would lay it out,
// without building a document in memory (private to src/report).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/parallel.h"

namespace medtra::report {

/// Writes values, objects and arrays in order. Layout and escaping are those of
/// `ordered_json::dump(2, ' ', false, error_handler_t::replace)`: two-space indent, `"key": value`,
/// `[]` and `{}` when empty, UTF-8 kept, invalid UTF-8 replaced by U+FFFD.
class JsonStream {
 public:
  explicit JsonStream(std::string* out) : out_(out) {}
  /// Streams: the text gathers in `buffer` and goes to `sink` whenever Flush() finds enough of it.
  JsonStream(std::string* buffer, std::ostream* sink) : out_(buffer), sink_(sink) {}
  JsonStream(const JsonStream&) = delete;
  JsonStream(JsonStream&&) = default;
  JsonStream& operator=(const JsonStream&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  /// The key of the next value (inside an object).
  void Key(std::string_view key);

  void String(std::string_view value);
  /// A string, or null when it is empty.
  void StringOrNull(std::string_view value);
  void Null();
  void Bool(bool value);
  void Int(int64_t value);
  void Double(double value);
  void Strings(std::span<const std::string> values);
  /// A whole nlohmann value, laid out at the current depth.
  void Value(const nlohmann::ordered_json& value);

  /// With a sink: writes the buffer out once it holds 1 MiB or more, or always when `all`.
  void Flush(bool all = false);

  /// Writes the items [0, count) of the array just begun, `write(stream, i)` each, on up to
  /// `threads` threads (0: one per core): runs of items are laid out apart, each in a stream that
  /// continues this one at its depth, and joined in order, so the bytes are those of one thread.
  template <typename Write>
  void Items(size_t count, unsigned threads, Write&& write);

 private:
  /// Separator and indentation before a value or a key.
  void Next();
  void Indent(size_t depth);

  /// A stream that continues this one's current array in `out`, `members` items into it.
  JsonStream Continuation(std::string* out, size_t members) const;
  /// Appends what a continuation wrote: `members` more items of the current array.
  void Join(std::string_view text, size_t members);

  std::string* out_;
  std::ostream* sink_ = nullptr;
  std::vector<size_t> counts_;  ///< per open object/array: members so far
  bool after_key_ = false;
};

template <typename Write>
void JsonStream::Items(size_t count, unsigned threads, Write&& write) {
  constexpr size_t kItemsPerRun = 512;
  threads = ThreadCount(threads);
  if (threads <= 1 || count < 2 * kItemsPerRun) {
    for (size_t i = 0; i < count; ++i) {
      write(*this, i);
      Flush();
    }
    return;
  }
  // Rounds of a few runs per thread, so that only a round's text is held before it is flushed
  // and the threads start once per round, not once per run.
  constexpr size_t kRunsPerThread = 4;
  std::vector<std::string> runs(kRunsPerThread * threads);
  for (size_t start = 0; start < count; start += kItemsPerRun * runs.size()) {
    const size_t end = std::min(count, start + kItemsPerRun * runs.size());
    const size_t round = (end - start + kItemsPerRun - 1) / kItemsPerRun;
    const size_t before = counts_.back();
    ParallelFor(round, threads, [&](size_t r) {
      runs[r].clear();
      const size_t first = start + r * kItemsPerRun;
      JsonStream run = Continuation(&runs[r], before + (first - start));
      for (size_t i = first; i < std::min(end, first + kItemsPerRun); ++i) write(run, i);
    });
    for (size_t r = 0; r < round; ++r) {
      const size_t first = start + r * kItemsPerRun;
      Join(runs[r], std::min(end, first + kItemsPerRun) - first);
      Flush();
    }
  }
}

/// The document that `write` lays out, as one string that ends in a newline; `reserve` is the
/// size expected.
std::string JsonText(const std::function<void(JsonStream&)>& write, size_t reserve = 0);
/// The same bytes, written to `out` in blocks of about 1 MiB as they are made.
void WriteJsonText(std::ostream& out, const std::function<void(JsonStream&)>& write);

/// Appends `text` as a quoted JSON string, escaped as nlohmann does.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace medtra::report
