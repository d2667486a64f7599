// ReadElements: a model's files as elements by section and id, for diff and export.
#include "medtra/interchange/model_elements.h"

#include "medtra/interchange/located_document.h"

namespace medtra::interchange {
namespace {

constexpr size_t kMaxBytes = 64u << 20;

// Nested mappings become dotted attributes; lists and scalars are compared whole.
void Flatten(const nlohmann::json& value, const std::string& prefix,
             std::map<std::string, nlohmann::json>* out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      if (prefix.empty() && key == "source") continue;  // an import's raw values
      Flatten(child, prefix.empty() ? key : prefix + "." + key, out);
    }
    return;
  }
  (*out)[prefix] = value;
}

nlohmann::json Attributes(const nlohmann::json& element, std::string_view key) {
  std::map<std::string, nlohmann::json> flat;
  Flatten(element, "", &flat);
  flat.erase(std::string(key));
  nlohmann::json out = nlohmann::json::object();
  for (auto& [name, value] : flat) out[name] = std::move(value);
  return out;
}

void AddList(const std::string& section, const nlohmann::json& items, std::string_view key,
             Elements* elements) {
  if (!items.is_array()) return;
  for (const nlohmann::json& item : items) {
    if (!item.is_object() || !item.contains(key)) continue;
    const nlohmann::json& id = item[std::string(key)];
    (*elements)[section][id.is_string() ? id.get<std::string>() : id.dump()] =
        Attributes(item, key);
  }
}

void AddFile(const nlohmann::json& root, Elements* elements) {
  if (!root.is_object()) return;
  for (const auto& [section, value] : root.items()) {
    if (section == "medtra") continue;
    if (section == "system" && value.is_object()) {
      nlohmann::json system = value;
      for (const char* list : {"essential_functions", "intended_environment", "users"}) {
        if (system.contains(list)) AddList(list, system[list], "id", elements);
        system.erase(list);
      }
      (*elements)["system"][system.value("id", std::string("system"))] = Attributes(system, "id");
    } else if (section == "threat_decisions" && value.is_object()) {
      for (const auto& [threat, decision] : value.items()) {
        (*elements)[section][threat] = Attributes(decision, "");
      }
    } else if (section == "risk_method" || section == "document") {
      (*elements)[section][section] = Attributes(value, "");
    } else {
      AddList(section, value, section == "threat_decisions" ? "threat" : "id", elements);
    }
  }
}

}  // namespace

Elements ReadElements(const FileSystem& fs, std::span<const std::string> files,
                      DiagnosticSink& sink) {
  Elements elements;
  for (const std::string& file : files) {
    const Result<std::string> text = fs.ReadFile(file, kMaxBytes);
    if (!text.ok()) {
      sink.Error({file, 0, 0}, "unreadable", text.message());
      continue;
    }
    const auto doc = ParseYamlDocument(file, text.value(), sink);
    if (doc) AddFile(doc->root, &elements);
  }
  return elements;
}

}  // namespace medtra::interchange
