// JsonCursor: a position in a located JSON document, with typed reads that report wrong types and
// missing members as located errors ("expected a string for 'name'").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/document/located_document.h"

namespace medtra::document {

class JsonCursor {
 public:
  JsonCursor(const LocatedDocument& doc, DiagnosticSink& sink);

  /// The member `key` (absent: a cursor whose `present()` is false).
  JsonCursor Member(std::string_view key) const;
  /// The items of an array (none when this is not an array).
  std::vector<JsonCursor> Items() const;

  bool present() const { return value_ != nullptr && !value_->is_null(); }
  const nlohmann::json& value() const { return value_ ? *value_ : Null(); }
  const std::string& pointer() const { return pointer_; }
  SourceLocation location() const { return doc_->At(pointer_); }
  DiagnosticSink& sink() const { return *sink_; }
  const std::string& file() const { return doc_->file; }

  /// True when present and an object / array; else, when present (or `required`), an error
  /// "expected an object for 'what'" (or "missing 'what'") and false.
  bool ExpectObject(std::string_view what, bool required = false) const;
  bool ExpectArray(std::string_view what, bool required = false) const;
  /// The string value; nullopt when absent (an error when `required`) or of another type (an
  /// error).
  std::optional<std::string> String(std::string_view what, bool required = false) const;
  /// An array of strings; wrong items are errors and left out.
  std::vector<std::string> Strings(std::string_view what) const;
  /// Reports an error at this value.
  void Error(std::string code, std::string message) const;

 private:
  JsonCursor(const LocatedDocument* doc, DiagnosticSink* sink, const nlohmann::json* value,
             std::string pointer, std::string key);
  static const nlohmann::json& Null();
  bool Fail(std::string_view what, std::string_view type, bool required) const;

  const LocatedDocument* doc_;
  DiagnosticSink* sink_;
  const nlohmann::json* value_;
  std::string pointer_;
  std::string key_;  ///< the member name or index this cursor was reached by ("" at the root)
};

}  // namespace medtra::document
