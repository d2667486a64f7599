// A medtra model's files as plain elements (section -> id -> attributes), for diff and export.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"

namespace medtra::interchange {

/// A model's elements: section -> id -> attributes ("residual.likelihood" style keys for nested
/// mappings; `source:` blocks left out).
using Elements = std::map<std::string, std::map<std::string, nlohmann::json>>;

/// The elements of the model files `files` (already validated by the loader): every section that
/// is a list of mappings with `id` (`threat` for threat_decisions), the system, its essential
/// functions, intended environments and users, and the single mappings risk_method and document.
Elements ReadElements(const FileSystem& fs, std::span<const std::string> files,
                      DiagnosticSink& sink);

}  // namespace medtra::interchange
