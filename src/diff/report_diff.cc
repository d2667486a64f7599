// DiffReports: the analysis part of a diff, from two medtra-report JSONs.
#include <map>
#include <set>

#include "medtra/diff/diff.h"

namespace medtra::diff {
namespace {

// The items of a report array by their "id".
std::map<std::string, nlohmann::json> ById(const nlohmann::json& report, const char* key) {
  std::map<std::string, nlohmann::json> items;
  if (!report.is_object() || !report.contains(key) || !report[key].is_array()) return items;
  for (const nlohmann::json& item : report[key]) {
    if (!item.is_object() || !item.contains("id")) continue;
    const nlohmann::json& id = item["id"];
    nlohmann::json& kept = items[id.is_string() ? id.get<std::string>() : id.dump()] = item;
    // A verdict's reasons by what they name (their messages repeat the findings).
    const nlohmann::json::json_pointer blocked("/residual/blocked_by");
    if (kept.contains(blocked) && kept[blocked].is_array()) {
      nlohmann::json ids = nlohmann::json::array();
      for (const nlohmann::json& reason : kept[blocked]) {
        ids.push_back(reason.is_object() && reason.contains("id") ? reason["id"] : reason);
      }
      kept[blocked] = ids;
    }
  }
  return items;
}

// The value at a "/a/b" pointer, or null.
nlohmann::json At(const nlohmann::json& item, const std::string& pointer) {
  const nlohmann::json::json_pointer path(pointer);
  return item.contains(path) ? item[path] : nlohmann::json();
}

// "/residual/level" -> "residual.level".
std::string Name(const char* pointer) {
  std::string name = std::string(pointer).substr(1);
  for (char& c : name) c = c == '/' ? '.' : c;
  return name;
}

// Added, removed and changed items of one report array, comparing the fields at `pointers`;
// `summary` picks the fields shown for an added or removed item.
nlohmann::ordered_json DiffItems(const nlohmann::json& old_report, const nlohmann::json& new_report,
                                 const char* key, std::initializer_list<const char*> pointers,
                                 std::initializer_list<const char*> summary) {
  const auto before = ById(old_report, key);
  const auto after = ById(new_report, key);
  const auto brief = [&](const std::string& id, const nlohmann::json& item) {
    nlohmann::ordered_json out = {{"id", id}};
    for (const char* pointer : summary) out[Name(pointer)] = At(item, pointer);
    return out;
  };
  nlohmann::ordered_json added = nlohmann::ordered_json::array();
  nlohmann::ordered_json removed = nlohmann::ordered_json::array();
  nlohmann::ordered_json changed = nlohmann::ordered_json::array();
  for (const auto& [id, item] : before) {
    const auto now = after.find(id);
    if (now == after.end()) {
      removed.push_back(brief(id, item));
      continue;
    }
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const char* pointer : pointers) {
      const nlohmann::json old_value = At(item, pointer);
      const nlohmann::json new_value = At(now->second, pointer);
      if (old_value == new_value) continue;
      changes.push_back({{"attribute", Name(pointer)}, {"old", old_value}, {"new", new_value}});
    }
    if (!changes.empty()) changed.push_back({{"id", id}, {"changes", changes}});
  }
  for (const auto& [id, item] : after) {
    if (before.count(id) == 0) added.push_back(brief(id, item));
  }
  return {{"added", added}, {"removed", removed}, {"changed", changed}};
}

// Findings as "severity code: message" (positions move between revisions; messages do not).
std::multiset<std::string> Findings(const nlohmann::json& report) {
  std::multiset<std::string> findings;
  if (!report.is_object() || !report.contains("findings")) return findings;
  for (const nlohmann::json& f : report["findings"]) {
    findings.insert(f.value("severity", "") + " " + f.value("code", "") + ": " +
                    f.value("message", ""));
  }
  return findings;
}

nlohmann::ordered_json Difference(const std::multiset<std::string>& a,
                                  const std::multiset<std::string>& b) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::multiset<std::string> rest = b;
  for (const std::string& item : a) {
    const auto found = rest.find(item);
    if (found == rest.end()) {
      out.push_back(item);
    } else {
      rest.erase(found);
    }
  }
  return out;
}

}  // namespace

nlohmann::ordered_json DiffReports(const nlohmann::json& old_report,
                                   const nlohmann::json& new_report) {
  const auto old_findings = Findings(old_report);
  const auto new_findings = Findings(new_report);
  return {
      {"threats",
       DiffItems(old_report, new_report, "threats",
                 {"/status", "/inherent_status", "/likelihood", "/risk", "/rationale", "/measures"},
                 {"/title", "/status", "/risk"})},
      {"risks",
       DiffItems(old_report, new_report, "risks",
                 {"/likelihood", "/impact", "/level", "/residual/likelihood", "/residual/impact",
                  "/residual/level", "/residual/acceptable", "/residual/blocked_by",
                  "/safety_related", "/measures"},
                 {"/level", "/residual/level", "/residual/acceptable", "/safety_related"})},
      {"measures", DiffItems(old_report, new_report, "measures",
                             {"/verification_status", "/kind", "/essential_function_impact"},
                             {"/kind", "/verification_status"})},
      {"findings",
       {{"added", Difference(new_findings, old_findings)},
        {"removed", Difference(old_findings, new_findings)}}},
  };
}

}  // namespace medtra::diff
