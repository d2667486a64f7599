// MapReader: typed, located access to the keys of a YAML mapping.
#include "medtra/model/field_reader.h"

#include <algorithm>
#include <charconv>

#include "medtra/base/strings.h"

namespace medtra::model {

void ReportWrongType(DiagnosticSink& sink, Node value, std::string_view expected,
                     std::string_view key) {
  sink.Error(
      value.location(), "wrong-type",
      "expected " + std::string(expected) + " for '" + std::string(key) + "', found " +
          (value.is_null() ? std::string("nothing") : "a " + std::string(value.kind_name())));
}

std::optional<bool> ParseBool(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

MapReader::MapReader(Node node, std::string what, DiagnosticSink& sink)
    : node_(node), what_(std::move(what)), sink_(sink) {
  if (!node.valid()) return;
  if (!node.is_mapping()) {
    sink_.Error(
        node.location(), "wrong-type",
        "expected a mapping for " + what_ + ", found " +
            (node.is_null() ? std::string("nothing") : "a " + std::string(node.kind_name())));
    return;
  }
  ok_ = true;
}

Node MapReader::Lookup(std::string_view key, bool required) {
  if (!ok_) return {};
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  const Node value = node_.Find(key);
  if (required && (!value.valid() || value.is_null())) {
    sink_.Error(value.valid() ? value.location() : node_.location(), "missing-key",
                "missing required key '" + std::string(key) + "' in " + what_);
    return {};
  }
  return value;
}

SourceLocation MapReader::LocationOf(std::string_view key) const {
  const Node value = ok_ ? node_.Find(key) : Node();
  return value.valid() ? value.location() : node_.location();
}

std::optional<std::string> MapReader::ScalarText(Node value, std::string_view key) {
  if (!value.valid() || value.is_null()) return std::nullopt;
  if (!value.is_scalar()) {
    ReportWrongType(sink_, value, "a text", key);
    return std::nullopt;
  }
  return std::string(value.scalar());
}

std::optional<std::string> MapReader::String(std::string_view key, bool required) {
  return ScalarText(Lookup(key, required), key);
}

std::optional<std::string> MapReader::Enum(std::string_view key,
                                           std::span<const std::string> values, bool required) {
  const Node value = Lookup(key, required);
  std::optional<std::string> text = ScalarText(value, key);
  if (!text) return std::nullopt;
  if (std::find(values.begin(), values.end(), *text) == values.end()) {
    sink_.Error(value.location(), "unknown-value",
                "unknown value '" + *text + "' for '" + std::string(key) + "'" +
                    DidYouMean(*text, values) + "; expected one of: " + Join(values, ", "));
    return std::nullopt;
  }
  return text;
}

std::optional<bool> MapReader::Bool(std::string_view key, bool required) {
  const Node value = Lookup(key, required);
  if (!value.valid() || value.is_null()) return std::nullopt;
  const std::optional<bool> parsed =
      value.is_scalar() && value.is_plain() ? ParseBool(value.scalar()) : std::nullopt;
  if (!parsed) ReportWrongType(sink_, value, "true or false", key);
  return parsed;
}

std::optional<double> MapReader::Number(std::string_view key, bool required) {
  const Node value = Lookup(key, required);
  if (!value.valid() || value.is_null()) return std::nullopt;
  double number = 0;
  if (value.is_scalar() && value.is_plain()) {
    const std::string_view text = value.scalar();
    const auto result = std::from_chars(text.data(), text.data() + text.size(), number);
    if (result.ec == std::errc() && result.ptr == text.data() + text.size()) return number;
  }
  ReportWrongType(sink_, value, "a number", key);
  return std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::StringList(std::string_view key, bool required) {
  const Node value = Lookup(key, required);
  if (!value.valid() || value.is_null()) return std::nullopt;
  std::vector<std::string> items;
  if (value.is_scalar()) {
    items.emplace_back(value.scalar());
    return items;
  }
  if (!value.is_sequence()) {
    ReportWrongType(sink_, value, "a list", key);
    return std::nullopt;
  }
  bool good = true;
  for (size_t i = 0; i < value.size(); ++i) {
    const Node item = value.item(i);
    if (!item.is_scalar() || item.is_null()) {
      ReportWrongType(sink_, item, "a text item", key);
      good = false;
      continue;
    }
    items.emplace_back(item.scalar());
  }
  if (!good) return std::nullopt;
  return items;
}

std::optional<std::vector<std::string>> MapReader::EnumList(std::string_view key,
                                                            std::span<const std::string> values,
                                                            bool required) {
  std::optional<std::vector<std::string>> items = StringList(key, required);
  if (!items) return std::nullopt;
  const Node value = node_.Find(key);
  bool good = true;
  for (size_t i = 0; i < items->size(); ++i) {
    const std::string& item = (*items)[i];
    if (std::find(values.begin(), values.end(), item) != values.end()) continue;
    const Node at = value.is_sequence() ? value.item(i) : value;
    sink_.Error(at.location(), "unknown-value",
                "unknown value '" + item + "' in '" + std::string(key) + "'" +
                    DidYouMean(item, values) + "; expected one of: " + Join(values, ", "));
    good = false;
  }
  if (!good) return std::nullopt;
  return items;
}

Node MapReader::Raw(std::string_view key, bool required) { return Lookup(key, required); }

void MapReader::Finish() {
  if (!ok_) return;
  for (size_t i = 0; i < node_.size(); ++i) {
    const Node key = node_.key(i);
    if (!key.is_scalar()) continue;  // reported by the reader
    const std::string_view name = key.scalar();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    // `source:` keeps an imported element's raw values (docs/interchange.md); never read.
    if (name == "source" && node_.value(i).is_mapping()) continue;
    sink_.Error(key.location(), "unknown-key",
                "unknown key '" + std::string(name) + "' in " + what_ +
                    (sink_.full() ? "" : DidYouMean(name, known_)));
  }
}

}  // namespace medtra::model
