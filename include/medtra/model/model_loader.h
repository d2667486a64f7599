// LoadModel: a model file or folder -> validated, immutable SystemModel, with every error located.
#pragma once

#include <memory>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::model {

struct LoadOptions {
  YamlLimits yaml;
  /// Threads that parse the files (0: one per core); the model and the diagnostics are the same
  /// for any number.
  unsigned threads = 0;
};

/// Loads `path`: one YAML file, or every *.yaml / *.yml file directly inside a folder (sorted by
/// name; sub-folders such as rules/ and evidence/ are left to their own loaders). Reports every
/// problem to `sink` (then sorts the sink by file, line and column); file contents go to `sources`
/// (may be null) for caret snippets. Returns null when any error was reported.
std::unique_ptr<const SystemModel> LoadModel(const FileSystem& fs, const std::string& path,
                                             DiagnosticSink& sink, SourceCache* sources,
                                             const LoadOptions& options = {});

}  // namespace medtra::model
