// CompareWithEarlierScan: the earlier scan's matches by (component, advisory), field by field.
#include "medtra/sbom/scan_changes.h"

#include <map>

#include "medtra/document/json_cursor.h"

namespace medtra::sbom {
namespace {

using Fields = std::map<std::string, std::string>;

Fields FieldsOf(const ScanEntry& e) {
  return {{"version", e.version},
          {"vex", e.vex.status.empty() ? "none" : e.vex.status},
          {"severity", e.score.empty() ? e.severity : e.severity + " " + e.score},
          {"kev", e.kev ? "yes" : "no"},
          {"postmarket", e.postmarket}};
}

std::string Text(const document::JsonCursor& c, std::string_view key) {
  return c.Member(key).String(key).value_or("");
}

}  // namespace

std::optional<ScanChanges> CompareWithEarlierScan(const std::string& file, std::string_view text,
                                                  const ScanResult& current, DiagnosticSink& sink) {
  const int errors = sink.error_count();
  std::optional<document::LocatedDocument> doc = document::ParseJsonDocument(file, text, sink);
  if (!doc) return std::nullopt;
  const document::JsonCursor root(*doc, sink);
  if (!root.ExpectObject("the earlier scan", true)) return std::nullopt;
  if (Text(root, "format") != "medtra-vulnerabilities") {
    root.Error("unknown-format",
               "not a medtra sbom scan JSON (\"format\": "
               "\"medtra-vulnerabilities\")");
    return std::nullopt;
  }
  std::map<MatchKey, Fields> before;
  if (root.Member("matches").ExpectArray("matches", true)) {
    for (const document::JsonCursor& m : root.Member("matches").Items()) {
      if (!m.ExpectObject("matches[]")) continue;
      const document::JsonCursor score = m.Member("score");
      const std::string severity = Text(m, "severity");
      const bool kev = m.Member("kev").value().is_boolean() && m.Member("kev").value().get<bool>();
      const std::string vex = Text(m.Member("vex"), "status");
      before[{Text(m, "component"), Text(m, "advisory")}] = {
          {"version", Text(m, "version")},
          {"vex", vex.empty() ? "none" : vex},
          {"severity", score.value().is_string() ? severity + " " + score.value().get<std::string>()
                                                 : severity},
          {"kev", kev ? "yes" : "no"},
          {"postmarket", Text(m, "postmarket")}};
    }
  }
  if (sink.error_count() != errors) return std::nullopt;
  ScanChanges changes;
  changes.since = file;
  std::map<MatchKey, Fields> after;
  for (const ScanEntry& e : current.entries) after[{e.component, e.advisory}] = FieldsOf(e);
  for (const auto& [key, fields] : after) {
    const auto old = before.find(key);
    if (old == before.end()) {
      changes.added.push_back(key);
      continue;
    }
    for (const auto& [field, value] : fields) {
      const std::string& was = old->second.at(field);
      if (was != value) changes.changed.push_back({key, field, was, value});
    }
  }
  for (const auto& [key, fields] : before) {
    if (after.count(key) == 0) changes.removed.push_back(key);
  }
  return changes;
}

}  // namespace medtra::sbom
