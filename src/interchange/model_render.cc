// RenderImportedModel: an ImportedModel as the YAML files of a model folder, with origin comments.
#include <vector>

#include "medtra/interchange/yaml_emitter.h"

namespace medtra::interchange {
namespace {

std::string Header(const ImportedModel& model) {
  return "# Imported by `medtra import " + model.format + "` from " +
         CommentText(model.source_file) +
         ".\n# A seed for review, not a round trip: see docs/interchange.md for the mapping.\n"
         "medtra: 1\n";
}

// A field value on the key's line: a quoted text, a boolean, or a flow list of quoted texts.
std::string FieldValue(const nlohmann::json& value) {
  if (!value.is_array())
    return value.is_string() ? QuoteYaml(value.get<std::string>()) : value.dump();
  std::string out = "[";
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0) out += ", ";
    out += value[i].is_string() ? QuoteYaml(value[i].get<std::string>()) : value[i].dump();
  }
  return out + "]";
}

void Origin(const ImportedElement& element, int indent, std::string* out) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  if (element.origin.known() || !element.origin_path.empty()) {
    *out += pad + "# from " + CommentText(ToString(element.origin)) + " (" +
            CommentText(element.origin_path.empty() ? "/" : element.origin_path) + ")\n";
  }
  for (const std::string& note : element.notes) *out += pad + "# " + CommentText(note) + "\n";
}

// The fields and source block of an element, each line at `indent`, the first after `first`.
void Body(const ImportedElement& element, int indent, const std::string& first, std::string* out) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  bool at_first = true;
  const auto line = [&](const std::string& text) {
    *out += (at_first ? first : pad) + text + "\n";
    at_first = false;
  };
  line("id: " + QuoteYaml(element.id));
  for (const auto& [key, value] : element.fields) line(key + ": " + FieldValue(value));
  if (!element.source.empty()) {
    line("source:");
    EmitYaml(element.source, indent + 2, out);
  }
}

void Section(const std::string& name, const std::vector<ImportedElement>& elements,
             std::string* out) {
  if (elements.empty()) return;
  *out += name + ":\n";
  for (const ImportedElement& element : elements) {
    Origin(element, 2, out);
    Body(element, 4, "  - ", out);
  }
}

}  // namespace

std::map<std::string, std::string> RenderImportedModel(const ImportedModel& model) {
  std::map<std::string, std::string> files;
  std::string system = Header(model);
  system += "system:\n";
  Origin(model.system, 2, &system);
  Body(model.system, 2, "  ", &system);
  Section("zones", model.zones, &system);
  Section("components", model.components, &system);
  Section("assets", model.assets, &system);
  Section("flows", model.flows, &system);
  files["system.yaml"] = std::move(system);
  if (!model.threat_events.empty()) {
    std::string threats = Header(model);
    Section("threat_events", model.threat_events, &threats);
    files["threats.yaml"] = std::move(threats);
  }
  return files;
}

}  // namespace medtra::interchange
