// Typed reading of a LocatedDocument: members by key, and arrays, objects and strings whose wrong
// type (or absence, where required) is a located error.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/document/located_document.h"

namespace medtra::document {

/// The value of `key` in `object` (null when absent or `object` is not an object).
const nlohmann::json& Member(const nlohmann::json& object, std::string_view key);
/// The text of a value (string as is, number or boolean as JSON, else "").
std::string ValueText(const nlohmann::json& value);
/// A string member as text, a number or boolean as written, else "".
std::string Text(const nlohmann::json& object, std::string_view key);

/// Reads members of the objects of `doc`; each wrong type is an error `wrong_type_code` at the
/// member, each missing required member an error `required_code` at the object.
struct JsonFields {
  const LocatedDocument& doc;
  DiagnosticSink& sink;
  std::string wrong_type_code;
  std::string required_code;

  /// The member `key` of `object` (the value at `pointer`) when it is an array; an empty array when
  /// absent or null; a wrong type is reported.
  const nlohmann::json& Array(const nlohmann::json& object, std::string_view pointer,
                              std::string_view key) const;
  /// The same for an object member.
  const nlohmann::json& Object(const nlohmann::json& object, std::string_view pointer,
                               std::string_view key) const;
  /// A string member; "" when absent or null (reported when `required`) or of another type
  /// (reported).
  std::string String(const nlohmann::json& object, std::string_view pointer, std::string_view key,
                     bool required = false) const;
  /// The objects of the array member `key`, each with its pointer; a member that is not an object
  /// is reported and left out.
  std::vector<std::pair<const nlohmann::json*, std::string>> Objects(const nlohmann::json& object,
                                                                     std::string_view pointer,
                                                                     std::string_view key) const;
  /// The strings of the array member `key`; a member that is not a string is reported.
  std::vector<std::string> Strings(const nlohmann::json& object, std::string_view pointer,
                                   std::string_view key) const;
  /// Reports `key` as missing from the object at `pointer`.
  void Missing(std::string_view pointer, std::string_view key) const;
  /// Reports the value at `pointer` (named `what`) as not of the `expected` type.
  void WrongType(std::string_view pointer, std::string_view what, std::string_view expected,
                 const nlohmann::json& value) const;

 private:
  const nlohmann::json& Typed(const nlohmann::json& object, std::string_view pointer,
                              std::string_view key, nlohmann::json::value_t type,
                              const nlohmann::json& empty) const;
};

}  // namespace medtra::document
