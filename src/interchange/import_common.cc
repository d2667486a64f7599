// The shared pieces of the importers (see import_common.h).
#include "interchange/import_common.h"

#include <algorithm>
#include <cctype>

namespace medtra::interchange {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Lowercase with spaces, '_' and '-' removed: "Not Applicable" == "not-applicable".
std::string Folded(std::string_view text) {
  std::string out;
  for (const char c : Lower(text)) {
    if (c != ' ' && c != '_' && c != '-') out += c;
  }
  return out;
}

bool Contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

document::JsonFields Fields(ImportContext& context) {
  return {context.doc, context.sink, "import-wrong-type", "import-required"};
}

}  // namespace

ImportedElement NewElement(ImportContext& context, std::string_view pointer,
                           std::string_view raw_id) {
  ImportedElement element;
  element.origin = context.doc.At(pointer);
  element.origin_path = std::string(pointer);
  element.id = context.ids.Make(raw_id, element.origin, context.sink);
  if (element.id != raw_id) element.source["id"] = std::string(raw_id);
  return element;
}

bool Truthy(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json& value = Member(object, key);
  return value.is_boolean() && value.get<bool>();
}

void KeepRest(const nlohmann::json& object, std::initializer_list<std::string_view> used,
              ImportedElement* element) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null() || std::find(used.begin(), used.end(), key) != used.end()) continue;
    element->source[key] = value;
  }
}

ImportedElement NewSystem(ImportContext& context, std::string_view raw_id, std::string_view name) {
  ImportedElement system = NewElement(context, "", raw_id.empty() ? "imported-system" : raw_id);
  system.Set("name", name.empty() ? std::string("Imported system") : std::string(name));
  system.Set("intended_use", "Not stated in the source; state the intended use.");
  system.Set("essential_functions", nlohmann::json::array());
  system.Set("intended_environment", nlohmann::json::array());
  system.notes.push_back(
      "not stated in the source: intended use, essential functions, intended environment");
  return system;
}

std::string MediumFor(std::string_view protocol, bool public_network) {
  const std::string p = Lower(protocol);
  if (Contains(p, "bluetooth") || Contains(p, "ble")) return "ble";
  if (Contains(p, "wifi") || Contains(p, "wi-fi") || Contains(p, "802.11")) return "wifi";
  if (Contains(p, "usb")) return "usb";
  if (Contains(p, "serial") || Contains(p, "uart") || Contains(p, "rs232")) return "serial";
  if (Contains(p, "nfc")) return "nfc";
  if (Contains(p, "cellular") || Contains(p, "lte") || Contains(p, "gsm")) return "cellular";
  if (public_network) return "internet";
  if (Contains(p, "in-process") || Contains(p, "local-file") || Contains(p, "ipc")) {
    return "internal";
  }
  return "";
}

bool EncryptingProtocol(std::string_view protocol) {
  const std::string p = Lower(protocol);
  if (Contains(p, "unencrypted")) return false;
  for (const std::string_view word :
       {"https", "tls", "ssl", "ssh", "sftp", "ftps", "wss", "encrypted", "ldaps", "smtps"}) {
    if (Contains(p, word)) return true;
  }
  return false;
}

void SetFlowDesign(const std::string& from, const std::string& to, const FlowDesign& design,
                   ImportedElement* flow) {
  flow->Set("between", nlohmann::json::array({from, to}));
  flow->Set("medium", design.medium);
  flow->Set("authentication", design.authentication);
  flow->Set("confidentiality", design.confidentiality);
  flow->Set("integrity", design.integrity);
  flow->Set("freshness", design.freshness);
  std::string assumed;
  for (const char* name :
       {"medium", "authentication", "confidentiality", "integrity", "freshness"}) {
    if (std::find(design.stated.begin(), design.stated.end(), name) != design.stated.end()) {
      continue;
    }
    assumed += assumed.empty() ? "" : ", ";
    assumed += name;
  }
  if (!assumed.empty()) {
    flow->notes.push_back("not stated in the source, worst case assumed: " + assumed);
  }
}

std::string KindOf(std::span<const KindRow> table, std::string_view type) {
  for (const KindRow& row : table) {
    if (row.source == type) return std::string(row.medtra);
  }
  return "other";
}

void SetCarries(ImportContext& context, const nlohmann::json& object, std::string_view pointer,
                std::initializer_list<std::string_view> keys, std::string_view scope,
                ImportedElement* flow) {
  nlohmann::json carries = nlohmann::json::array();
  for (const std::string_view key : keys) {
    for (const nlohmann::json& name : ArrayAt(context, object, pointer, key)) {
      const std::string id = context.ids.Find(scope, ValueText(name));
      if (!id.empty() && std::find(carries.begin(), carries.end(), id) == carries.end()) {
        carries.push_back(id);
      }
    }
  }
  if (!carries.empty()) flow->Set("carries", carries);
}

ImportedElement NewThreat(ImportContext& context, std::string_view pointer, std::string_view raw_id,
                          std::string_view name, std::string_view text, std::string_view status,
                          std::span<const StatusRow> table) {
  ImportedElement threat = NewElement(context, pointer, raw_id);
  if (!name.empty()) threat.Set("name", std::string(name));
  const std::string_view body = !text.empty() ? text : !name.empty() ? name : raw_id;
  threat.Set("text", body.empty() ? std::string("Not stated in the source.") : std::string(body));
  std::string mapped;
  for (const StatusRow& row : table) {
    if (Folded(row.source) == Folded(status)) mapped = std::string(row.medtra);
  }
  if (mapped.empty()) {
    mapped = "open";
    context.sink.Warning(context.doc.At(pointer), "import-unknown-status",
                         "unknown threat status '" + std::string(status) +
                             "'; imported as open (see docs/interchange.md)");
  }
  threat.notes.push_back("status: '" + std::string(status) + "' -> " + mapped +
                         " (decide it in threat_decisions or link it to a risk)");
  if (!status.empty()) threat.source["status"] = std::string(status);
  return threat;
}

const nlohmann::json& ArrayAt(ImportContext& context, const nlohmann::json& object,
                              std::string_view pointer, std::string_view key) {
  return Fields(context).Array(object, pointer, key);
}

const nlohmann::json& ObjectAt(ImportContext& context, const nlohmann::json& object,
                               std::string_view pointer, std::string_view key) {
  return Fields(context).Object(object, pointer, key);
}

bool RequireRoot(ImportContext& context, std::initializer_list<std::string_view> keys,
                 std::string_view format_name) {
  const nlohmann::json& root = context.doc.root;
  for (const std::string_view key : keys) {
    if (root.is_object() && root.contains(key)) continue;
    context.sink.Error(
        context.doc.At(""), "import-format",
        "not " + std::string(format_name) + " file: " +
            (root.is_object() ? "no '" + std::string(key) + "' at the top level"
                              : "the top level is " + std::string(root.type_name())));
    return false;
  }
  return true;
}

void ReportUnmapped(ImportContext& context, std::string_view pointer, const std::string& what) {
  context.sink.Warning(context.doc.At(pointer), "import-unmapped", what);
}

}  // namespace medtra::interchange
