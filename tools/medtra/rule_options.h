// Shared CLI plumbing for subcommands that run the rule catalog: built-in plus user rules.
#pragma once

#include <string>
#include <vector>

#include "medtra/rules/rule_catalog.h"
#include "tools/medtra/command.h"

namespace medtra::cli {

/// The built-in catalog plus the user rules of `rules_dir` (required to exist when given) or of
/// the model's own `rules/` folder (optional; skipped when `model_path` is empty). Prints the
/// diagnostics of bad user rules and returns false on errors.
/// `files` (may be null) receives the user-rule files of the folder, for the report's inputs.
bool BuildCatalog(const CommandContext& context, const std::string& model_path,
                  const std::string& rules_dir, rules::RuleCatalog& catalog,
                  std::vector<std::string>* files = nullptr);

/// Adds `--rules DIR` to a subcommand.
void AddRulesDirOption(CLI::App* command, std::string* dir);

}  // namespace medtra::cli
