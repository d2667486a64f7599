// What an importer makes of a source file: medtra elements with their origin, before YAML.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"

namespace medtra::interchange {

/// One element of a model section (or the system). `fields` are medtra keys in writing order;
/// each value is a string, a boolean, or an array of strings.
struct ImportedElement {
  std::string id;
  std::vector<std::pair<std::string, nlohmann::json>> fields;
  SourceLocation origin;                             ///< where the element is in the source file
  std::string origin_path;                           ///< its JSON pointer there
  std::vector<std::string> notes;                    ///< comment lines written above the element
  nlohmann::json source = nlohmann::json::object();  ///< raw values with no medtra home

  ImportedElement& Set(std::string key, nlohmann::json value) {
    fields.emplace_back(std::move(key), std::move(value));
    return *this;
  }
};

/// A model seeded from another tool's file: the sections that the writer puts into files.
struct ImportedModel {
  std::string format;       ///< "otm", "threat-dragon", "threagile", "pytm"
  std::string source_file;  ///< as given on the command line
  ImportedElement system;
  std::vector<ImportedElement> zones;
  std::vector<ImportedElement> components;
  std::vector<ImportedElement> assets;
  std::vector<ImportedElement> flows;
  std::vector<ImportedElement> threat_events;  ///< the source's threats, with their status
};

/// Gives each source identity one unique medtra id in the model's one id namespace.
class IdTable {
 public:
  /// A medtra id for `raw` (letters, digits, '.', '_' and '-' kept; other characters become '-');
  /// when it is taken, "-2", "-3", ... is appended and a warning names both.
  std::string Make(std::string_view raw, const SourceLocation& where, DiagnosticSink& sink);
  /// The id made earlier for `key` (a source id within `scope`), or "".
  std::string Find(std::string_view scope, std::string_view key) const;
  void Remember(std::string_view scope, std::string_view key, std::string id);

 private:
  std::map<std::string, SourceLocation, std::less<>> taken_;
  std::map<std::string, std::string, std::less<>> by_source_;
};

}  // namespace medtra::interchange
