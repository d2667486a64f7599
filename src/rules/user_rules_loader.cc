// Loading user rules from a folder of YAML files into a catalog.
#include <algorithm>

#include "medtra/base/strings.h"
#include "medtra/model/yaml_tree.h"
#include "medtra/rules/derive.h"
#include "rules/user_rule.h"

namespace medtra::rules {

std::string DefaultUserRulesDir(const FileSystem& fs, const std::string& model_path) {
  if (fs.Kind(model_path) == PathKind::kDirectory) return JoinPath(model_path, "rules");
  const size_t slash = model_path.rfind('/');
  return slash == std::string::npos ? "rules" : JoinPath(model_path.substr(0, slash), "rules");
}

bool LoadUserRules(const FileSystem& fs, const std::string& dir, bool optional,
                   RuleCatalog& catalog, DiagnosticSink& sink, SourceCache* sources) {
  const int errors = sink.error_count();
  if (fs.Kind(dir) != PathKind::kDirectory) {
    if (!optional) sink.Error({dir, 0, 0}, "rules-dir", "not a folder of user rules: " + dir);
    return optional;
  }
  const Result<std::vector<std::string>> names = fs.ListDirectory(dir);
  if (!names.ok()) {
    sink.Error({dir, 0, 0}, "rules-dir", names.message());
    return false;
  }
  for (const std::string& name : *names) {
    if (!EndsWith(name, ".yaml") && !EndsWith(name, ".yml")) continue;
    const std::string path = JoinPath(dir, name);
    const Result<std::string> content = fs.ReadFile(path, 16u << 20);
    if (!content.ok()) {
      sink.Error({path, 0, 0}, "read-error", content.message());
      continue;
    }
    if (sources != nullptr) sources->Add(path, *content);
    std::optional<model::YamlTree> tree = model::ParseYaml(path, *content, sink);
    if (!tree) continue;
    for (auto& rule : ParseUserRules(tree->root(), sink)) {
      const RuleInfo& info = rule->Info();
      const std::string id = info.id;
      const Status status = catalog.Register(std::move(rule));
      if (!status.ok()) {
        sink.Error({path, 0, 0}, "user-rule", status.message());
      }
      (void)id;
    }
  }
  return sink.error_count() == errors;
}

}  // namespace medtra::rules
