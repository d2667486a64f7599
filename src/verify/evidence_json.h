// The JSON evidence readers' shared parts (private to src/verify): the located tree and readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/yaml_tree.h"
#include "medtra/verify/evidence.h"

namespace medtra::verify::internal {

/// Parses JSON as a located tree (JSON is a subset of YAML's flow syntax: the YAML reader gives
/// positions, duplicate-key and depth checks); refuses files over kMaxEvidenceBytes.
std::optional<model::YamlTree> ParseJsonTree(const std::string& file, std::string_view content,
                                             DiagnosticSink& sink);

/// Reads one kind of JSON evidence from its parsed root.
using JsonReader = bool (*)(const std::string& file, model::Node root, Evidence* evidence,
                            DiagnosticSink& sink);

/// ParseJsonTree, then `read` on its root.
bool ParseJson(const std::string& file, std::string_view content, JsonReader read,
               Evidence* evidence, DiagnosticSink& sink);

/// Reads sim evidence from its parsed root.
bool ReadSimEvidence(const std::string& file, model::Node root, Evidence* evidence,
                     DiagnosticSink& sink);

/// Reads an evidence manifest from its parsed root.
bool ReadManifest(const std::string& file, model::Node root, Evidence* evidence,
                  DiagnosticSink& sink);

}  // namespace medtra::verify::internal
