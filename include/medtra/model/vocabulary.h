// One C++ enum class per enum-like model attribute, with its names, all from vocabulary.def.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace medtra::model {

#define MEDTRA_VALUE(enumerator, text) enumerator,
#define MEDTRA_ATTRIBUTE(Type, member, where, values) enum class Type : uint8_t { values };
#include "medtra/model/vocabulary.def"

/// The table row of an attribute enum: its values' names in order, its Vocabulary member and
/// where the model uses it. Specialised for every enum of vocabulary.def.
template <typename Enum>
struct VocabularyRow;

#define MEDTRA_VALUE(enumerator, text) text,
#define MEDTRA_ATTRIBUTE(Type, member, where, values)      \
  template <>                                              \
  struct VocabularyRow<Type> {                             \
    static constexpr std::string_view kType = #Type;       \
    static constexpr std::string_view kMember = #member;   \
    static constexpr std::string_view kWhere = where;      \
    static constexpr std::string_view kNames[] = {values}; \
  };
#include "medtra/model/vocabulary.def"

/// An enum class of vocabulary.def.
template <typename Enum>
concept VocabularyEnum = requires {
  VocabularyRow<Enum>::kNames;
};

/// Every name of `Enum`, in table order: Names<ComponentKind>()[0] == "implant".
template <VocabularyEnum Enum>
constexpr std::span<const std::string_view> Names() {
  return VocabularyRow<Enum>::kNames;
}

/// The name a model writes for `value`: Name(ComponentKind::kInfusionPump) == "infusion-pump".
template <VocabularyEnum Enum>
constexpr std::string_view Name(Enum value) {
  return VocabularyRow<Enum>::kNames[static_cast<size_t>(value)];
}

/// The value named `name`, or nullopt: FromName<Medium>("ble") == Medium::kBle.
template <VocabularyEnum Enum>
constexpr std::optional<Enum> FromName(std::string_view name) {
  const std::span<const std::string_view> names = Names<Enum>();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

/// One row of the table, without its type: for code that walks every attribute (tests, docs).
struct AttributeRow {
  std::string_view type;    ///< "ComponentKind"
  std::string_view member;  ///< "component_kinds": schema::Vocabulary member, JSON Schema $defs
  std::string_view where;   ///< "components[].kind", comma-separated when several keys take it
  std::span<const std::string_view> names;
};

/// Every row of vocabulary.def, in table order.
std::span<const AttributeRow> AttributeRows();

}  // namespace medtra::model
