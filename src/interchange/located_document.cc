// The YAML reader's tree as a located document.
#include <charconv>

#include "medtra/interchange/located_document.h"
#include "medtra/model/field_reader.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::interchange {
namespace {

bool IsInteger(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// YAML 1.2 core-schema floats that JSON can hold: digits with a point and/or an exponent.
bool IsFloat(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string_view::npos) {
    return false;
  }
  if (text.find_first_of("0123456789") == std::string_view::npos) return false;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

nlohmann::json ScalarValue(model::Node node) {
  const std::string_view text = node.scalar();
  if (!node.is_plain()) return std::string(text);
  if (node.is_null()) return nullptr;
  if (const std::optional<bool> value = model::ParseBool(text)) return *value;
  if (IsInteger(text)) {
    long long value = 0;
    const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size()) return value;
  }
  if (IsFloat(text)) return std::stod(std::string(text));
  return std::string(text);
}

nlohmann::json Convert(model::Node node, const std::string& pointer, LocatedDocument* doc) {
  doc->where[pointer] = {node.location().line, node.location().col};
  if (node.is_scalar()) return ScalarValue(node);
  if (node.is_sequence()) {
    nlohmann::json items = nlohmann::json::array();
    for (size_t i = 0; i < node.size(); ++i) {
      items.push_back(Convert(node.item(i), PointerChild(pointer, i), doc));
    }
    return items;
  }
  nlohmann::json object = nlohmann::json::object();
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string key(node.key(i).scalar());
    object[key] = Convert(node.value(i), PointerChild(pointer, key), doc);
  }
  return object;
}

}  // namespace

std::optional<LocatedDocument> ParseYamlDocument(const std::string& file, std::string_view text,
                                                 DiagnosticSink& sink,
                                                 const DocumentLimits& limits) {
  model::YamlLimits yaml;
  yaml.max_depth = limits.max_depth;
  yaml.max_nodes = limits.max_values;
  std::optional<model::YamlTree> tree = model::ParseYaml(file, text, sink, yaml);
  if (!tree) return std::nullopt;
  LocatedDocument doc;
  doc.file = file;
  doc.root = Convert(tree->root(), "", &doc);
  return doc;
}

}  // namespace medtra::interchange
