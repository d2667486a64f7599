// JsonStream: appends JSON to one string, byte for byte as nlohmann's dump(2) would lay it out,
// without building a document in memory (private to src/report).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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
  void Strings(const std::vector<std::string>& values);
  /// A whole nlohmann value, laid out at the current depth.
  void Value(const nlohmann::ordered_json& value);

  /// With a sink: writes the buffer out once it holds 1 MiB or more, or always when `all`.
  void Flush(bool all = false);

 private:
  /// Separator and indentation before a value or a key.
  void Next();
  void Indent(size_t depth);

  std::string* out_;
  std::ostream* sink_ = nullptr;
  std::vector<size_t> counts_;  ///< per open object/array: members so far
  bool after_key_ = false;
};

/// The document that `write` lays out, as one string that ends in a newline; `reserve` is the
/// size expected.
std::string JsonText(const std::function<void(JsonStream&)>& write, size_t reserve = 0);
/// The same bytes, written to `out` in blocks of about 1 MiB as they are made.
void WriteJsonText(std::ostream& out, const std::function<void(JsonStream&)>& write);

/// Appends `text` as a quoted JSON string, escaped as nlohmann does.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace medtra::report
