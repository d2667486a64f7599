// DiffElements: elements matched by section and id; per attribute, the old and the new value.
#include <set>

#include "medtra/diff/diff.h"

namespace medtra::diff {
namespace {

using Attributes = std::map<std::string, nlohmann::json>;

nlohmann::ordered_json Changes(const nlohmann::json& old_value, const nlohmann::json& new_value) {
  std::set<std::string> keys;
  for (const auto& [key, value] : old_value.items()) keys.insert(key);
  for (const auto& [key, value] : new_value.items()) keys.insert(key);
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const std::string& key : keys) {
    const nlohmann::json before = old_value.value(key, nlohmann::json());
    const nlohmann::json after = new_value.value(key, nlohmann::json());
    if (before == after) continue;
    changes.push_back({{"attribute", key}, {"old", before}, {"new", after}});
  }
  return changes;
}

}  // namespace

nlohmann::ordered_json DiffElements(const Elements& old_elements, const Elements& new_elements) {
  nlohmann::ordered_json added = nlohmann::ordered_json::array();
  nlohmann::ordered_json removed = nlohmann::ordered_json::array();
  nlohmann::ordered_json changed = nlohmann::ordered_json::array();
  std::set<std::string> sections;
  for (const auto& [section, items] : old_elements) sections.insert(section);
  for (const auto& [section, items] : new_elements) sections.insert(section);
  static const Attributes kNone;
  for (const std::string& section : sections) {
    const auto old_it = old_elements.find(section);
    const auto new_it = new_elements.find(section);
    const Attributes& before = old_it == old_elements.end() ? kNone : old_it->second;
    const Attributes& after = new_it == new_elements.end() ? kNone : new_it->second;
    for (const auto& [id, attributes] : before) {
      const auto now = after.find(id);
      if (now == after.end()) {
        removed.push_back({{"section", section}, {"id", id}});
      } else if (attributes != now->second) {
        changed.push_back(
            {{"section", section}, {"id", id}, {"changes", Changes(attributes, now->second)}});
      }
    }
    for (const auto& [id, attributes] : after) {
      if (before.count(id) == 0) added.push_back({{"section", section}, {"id", id}});
    }
  }
  return {{"added", added}, {"removed", removed}, {"changed", changed}};
}

}  // namespace medtra::diff
