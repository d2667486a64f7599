// JsonCursor: typed reads of a located JSON document.
#include "medtra/document/json_cursor.h"

#include "document/json_fields.h"

namespace medtra::document {

JsonCursor::JsonCursor(const LocatedDocument& doc, DiagnosticSink& sink)
    : JsonCursor(&doc, &sink, &doc.root, "", "") {}

JsonCursor::JsonCursor(const LocatedDocument* doc, DiagnosticSink* sink,
                       const nlohmann::json* value, std::string pointer, std::string key)
    : doc_(doc), sink_(sink), value_(value), pointer_(std::move(pointer)), key_(std::move(key)) {}

const nlohmann::json& JsonCursor::Null() {
  static const nlohmann::json null;
  return null;
}

JsonCursor JsonCursor::Member(std::string_view key) const {
  const nlohmann::json* member = nullptr;
  if (value_ != nullptr && value_->is_object()) {
    if (const auto found = value_->find(key); found != value_->end()) member = &*found;
  }
  return JsonCursor(doc_, sink_, member, PointerChild(pointer_, key), std::string(key));
}

std::vector<JsonCursor> JsonCursor::Items() const {
  std::vector<JsonCursor> items;
  if (value_ == nullptr || !value_->is_array()) return items;
  items.reserve(value_->size());
  for (size_t i = 0; i < value_->size(); ++i) {
    items.push_back(
        JsonCursor(doc_, sink_, &(*value_)[i], PointerChild(pointer_, i), std::to_string(i)));
  }
  return items;
}

bool JsonCursor::Fail(std::string_view what, std::string_view type, bool required) const {
  // The messages of every typed JSON reader come from JsonFields.
  const JsonFields fields{*doc_, *sink_, "wrong-type", "missing-key"};
  if (present()) {
    fields.WrongType(pointer_, what, type, *value_);
  } else if (required) {
    fields.Missing(pointer_, what);
  }
  return false;
}

bool JsonCursor::ExpectObject(std::string_view what, bool required) const {
  return present() && value_->is_object() ? true : Fail(what, "an object", required);
}

bool JsonCursor::ExpectArray(std::string_view what, bool required) const {
  return present() && value_->is_array() ? true : Fail(what, "an array", required);
}

std::optional<std::string> JsonCursor::String(std::string_view what, bool required) const {
  if (present() && value_->is_string()) return value_->get<std::string>();
  Fail(what, "a string", required);
  return std::nullopt;
}

std::vector<std::string> JsonCursor::Strings(std::string_view what) const {
  std::vector<std::string> out;
  if (!ExpectArray(what)) return out;
  for (const JsonCursor& item : Items()) {
    if (std::optional<std::string> text = item.String(what)) out.push_back(std::move(*text));
  }
  return out;
}

void JsonCursor::Error(std::string code, std::string message) const {
  sink_->Error(location(), std::move(code), std::move(message));
}

}  // namespace medtra::document
