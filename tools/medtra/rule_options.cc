// Building the rule catalog for a subcommand: built-in rules, then user rules in YAML.
#include "tools/medtra/rule_options.h"

#include <ostream>

#include "medtra/base/strings.h"
#include "medtra/rules/derive.h"
#include "tools/medtra/model_options.h"

namespace medtra::cli {

bool BuildCatalog(const CommandContext& context, const std::string& model_path,
                  const std::string& rules_dir, rules::RuleCatalog& catalog,
                  std::vector<std::string>* files) {
  rules::RegisterBuiltinRules(catalog);
  const bool given = !rules_dir.empty();
  if (!given && model_path.empty()) return true;
  const std::string dir = given ? rules_dir : rules::DefaultUserRulesDir(*context.fs, model_path);
  DiagnosticSink sink;
  SourceCache sources;
  const bool ok = rules::LoadUserRules(*context.fs, dir, !given, catalog, sink, &sources);
  if (files != nullptr && context.fs->Kind(dir) == PathKind::kDirectory) {
    const Result<std::vector<std::string>> names = context.fs->ListDirectory(dir);
    for (const std::string& name : names.ok() ? *names : std::vector<std::string>{}) {
      if (EndsWith(name, ".yaml") || EndsWith(name, ".yml")) files->push_back(JoinPath(dir, name));
    }
  }
  if (!sink.diagnostics().empty()) PrintDiagnostics(context, sink, sources, false);
  return ok;
}

void AddRulesDirOption(CLI::App* command, std::string* dir) {
  command->add_option("--rules", *dir,
                      "folder of user rules (*.yaml); default: the model folder's rules/");
}

}  // namespace medtra::cli
