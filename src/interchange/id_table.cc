// IdTable: source identities -> unique medtra ids; renamed duplicates are reported.
#include "medtra/interchange/imported_model.h"

namespace medtra::interchange {
namespace {

bool IsIdByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

std::string Sanitize(std::string_view raw) {
  std::string id;
  for (const char c : raw) {
    if (IsIdByte(c)) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
    if (id.size() >= 80) break;
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "unnamed" : id;
}

}  // namespace

std::string IdTable::Make(std::string_view raw, const SourceLocation& where, DiagnosticSink& sink) {
  const std::string base = Sanitize(raw);
  std::string id = base;
  for (int n = 2; taken_.count(id) != 0; ++n) id = base + "-" + std::to_string(n);
  if (id != base) {
    sink.Warning(where, "import-duplicate-id",
                 "id '" + base + "' is already used (at " + ToString(taken_.find(base)->second) +
                     "); this element is '" + id + "'");
  }
  taken_.emplace(id, where);
  return id;
}

std::string IdTable::Find(std::string_view scope, std::string_view key) const {
  if (key.empty()) return "";  // an element without a source id cannot be referred to
  const auto found = by_source_.find(std::string(scope) + '\n' + std::string(key));
  return found == by_source_.end() ? "" : found->second;
}

void IdTable::Remember(std::string_view scope, std::string_view key, std::string id) {
  if (key.empty()) return;
  by_source_[std::string(scope) + '\n' + std::string(key)] = std::move(id);
}

}  // namespace medtra::interchange
