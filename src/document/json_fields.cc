// Typed reading of a LocatedDocument (see json_fields.h).
#include "document/json_fields.h"

namespace medtra::document {

const nlohmann::json& Member(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  const auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

std::string ValueText(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return "";
}

std::string Text(const nlohmann::json& object, std::string_view key) {
  return ValueText(Member(object, key));
}

void JsonFields::Missing(std::string_view pointer, std::string_view key) const {
  sink.Error(doc.At(pointer), required_code, "missing required '" + std::string(key) + "'");
}

void JsonFields::WrongType(std::string_view pointer, std::string_view what,
                           std::string_view expected, const nlohmann::json& value) const {
  sink.Error(doc.At(pointer), wrong_type_code,
             "expected " + std::string(expected) + " for '" + std::string(what) + "', found " +
                 value.type_name());
}

const nlohmann::json& JsonFields::Array(const nlohmann::json& object, std::string_view pointer,
                                        std::string_view key) const {
  static const nlohmann::json kEmptyArray = nlohmann::json::array();
  return Typed(object, pointer, key, nlohmann::json::value_t::array, kEmptyArray);
}

const nlohmann::json& JsonFields::Object(const nlohmann::json& object, std::string_view pointer,
                                         std::string_view key) const {
  static const nlohmann::json kEmptyObject = nlohmann::json::object();
  return Typed(object, pointer, key, nlohmann::json::value_t::object, kEmptyObject);
}

const nlohmann::json& JsonFields::Typed(const nlohmann::json& object, std::string_view pointer,
                                        std::string_view key, nlohmann::json::value_t type,
                                        const nlohmann::json& empty) const {
  const nlohmann::json& value = Member(object, key);
  if (value.type() == type) return value;
  if (!value.is_null()) {
    WrongType(PointerChild(pointer, key), key,
              type == nlohmann::json::value_t::array ? "an array" : "an object", value);
  }
  return empty;
}

std::string JsonFields::String(const nlohmann::json& object, std::string_view pointer,
                               std::string_view key, bool required) const {
  const nlohmann::json& value = Member(object, key);
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_null()) {
    WrongType(PointerChild(pointer, key), key, "a string", value);
  } else if (required) {
    Missing(pointer, key);
  }
  return "";
}

std::vector<std::pair<const nlohmann::json*, std::string>> JsonFields::Objects(
    const nlohmann::json& object, std::string_view pointer, std::string_view key) const {
  std::vector<std::pair<const nlohmann::json*, std::string>> out;
  const nlohmann::json& array = Array(object, pointer, key);
  const std::string at = PointerChild(pointer, key);
  for (size_t i = 0; i < array.size(); ++i) {
    const std::string item = PointerChild(at, i);
    if (array[i].is_object()) {
      out.emplace_back(&array[i], item);
    } else {
      WrongType(item, std::string(key) + "[" + std::to_string(i) + "]", "an object", array[i]);
    }
  }
  return out;
}

std::vector<std::string> JsonFields::Strings(const nlohmann::json& object, std::string_view pointer,
                                             std::string_view key) const {
  std::vector<std::string> out;
  const nlohmann::json& array = Array(object, pointer, key);
  const std::string at = PointerChild(pointer, key);
  for (size_t i = 0; i < array.size(); ++i) {
    if (array[i].is_string()) {
      out.push_back(array[i].get<std::string>());
    } else {
      WrongType(PointerChild(at, i), std::string(key) + "[" + std::to_string(i) + "]", "a string",
                array[i]);
    }
  }
  return out;
}

}  // namespace medtra::document
