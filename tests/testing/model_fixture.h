// Test helper: loads a model from YAML text held in memory (no disk).
#pragma once

#include <memory>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/model_loader.h"

namespace medtra::testing {

struct LoadedModel {
  std::unique_ptr<const model::SystemModel> model;
  std::string diagnostics;  ///< rendered as text without snippets
};

/// Loads one file named `m.yaml` with the given content.
LoadedModel LoadFromText(const std::string& yaml);

/// A complete, valid minimal model; tests append or replace sections.
std::string MinimalModel();

}  // namespace medtra::testing
