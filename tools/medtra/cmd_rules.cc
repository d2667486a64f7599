// medtra rules list|explain: the rule catalog's metadata, as text or JSON.
#include <nlohmann/json.hpp>
#include <ostream>

#include "medtra/base/strings.h"
#include "medtra/rules/threat_rule.h"
#include "tools/medtra/model_options.h"
#include "tools/medtra/rule_options.h"

namespace medtra::cli {
namespace {

struct RulesOptions {
  std::string format = "text";
  std::string rules_dir;
  std::string rule;
};

std::vector<std::string> Ids(const std::vector<rules::CatalogRef>& refs) {
  std::vector<std::string> ids;
  for (const auto& r : refs) ids.push_back(r.id);
  return ids;
}

nlohmann::ordered_json RuleJson(const rules::RuleInfo& info, bool full) {
  nlohmann::ordered_json j = {{"id", info.id},
                              {"title", info.title},
                              {"group", info.group},
                              {"stride", info.stride},
                              {"capec", Ids(info.capec)},
                              {"cwe", Ids(info.cwe)},
                              {"emb3d", info.emb3d},
                              {"fda_category", info.fda_category},
                              {"iec62443", info.iec62443},
                              {"exposure", std::string(rules::ExposureName(info.exposure))}};
  if (!full) return j;
  auto names = [](const std::vector<rules::CatalogRef>& refs) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : refs) out.push_back({{"id", r.id}, {"name", r.name}});
    return out;
  };
  j["capec_names"] = names(info.capec);
  j["cwe_names"] = names(info.cwe);
  j["detects"] = info.detects;
  j["rationale"] = info.rationale;
  j["mitigation"] = info.mitigation;
  j["references"] = info.references;
  j["base_likelihood"] = info.base_likelihood;
  return j;
}

std::string Refs(const std::vector<rules::CatalogRef>& refs) {
  std::vector<std::string> parts;
  for (const auto& r : refs) parts.push_back(r.id + " " + r.name);
  return parts.empty() ? "-" : Join(parts, "; ");
}

void List(const RulesOptions& options, const CommandContext& context) {
  rules::RuleCatalog catalog;
  if (!BuildCatalog(context, "", options.rules_dir, catalog)) {
    *context.exit_code = kExitInput;
    return;
  }
  if (options.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto* rule : catalog.Sorted()) list.push_back(RuleJson(rule->Info(), false));
    *context.out << nlohmann::ordered_json{{"schema_version", 1}, {"rules", list}}.dump(2) << "\n";
  } else {
    for (const auto* rule : catalog.Sorted()) {
      const rules::RuleInfo& info = rule->Info();
      std::vector<std::string> refs = Ids(info.capec);
      for (const auto& id : Ids(info.cwe)) refs.push_back(id);
      refs.insert(refs.end(), info.emb3d.begin(), info.emb3d.end());
      *context.out << info.id << "\t" << info.title << "\t" << Join(info.stride, ", ") << "\t"
                   << Join(refs, ", ") << "\n";
    }
  }
  *context.exit_code = kExitOk;
}

void Explain(const RulesOptions& options, const CommandContext& context) {
  rules::RuleCatalog catalog;
  if (!BuildCatalog(context, "", options.rules_dir, catalog)) {
    *context.exit_code = kExitInput;
    return;
  }
  const Result<const rules::ThreatRule*> rule = catalog.Lookup(options.rule);
  if (!rule.ok()) {
    *context.err << "medtra: rules explain: " << rule.message() << "\n";
    *context.exit_code = kExitInput;
    return;
  }
  const rules::RuleInfo& info = (*rule)->Info();
  if (options.format == "json") {
    *context.out << RuleJson(info, true).dump(2) << "\n";
  } else {
    static const char* const kLikelihood[] = {"low", "medium", "high"};
    std::ostream& out = *context.out;
    out << info.id << ": " << info.title << "\n"
        << "  group:         " << info.group << "\n"
        << "  stride:        " << Join(info.stride, ", ") << "\n"
        << "  capec:         " << Refs(info.capec) << "\n"
        << "  cwe:           " << Refs(info.cwe) << "\n"
        << "  emb3d:         " << (info.emb3d.empty() ? "-" : Join(info.emb3d, ", ")) << "\n"
        << "  fda category:  " << (info.fda_category.empty() ? "-" : info.fda_category) << "\n"
        << "  iec 62443-4-2: " << (info.iec62443.empty() ? "-" : Join(info.iec62443, ", ")) << "\n"
        << "  exposure:      " << rules::ExposureName(info.exposure) << " (base likelihood "
        << kLikelihood[info.base_likelihood] << ")\n"
        << "  detects:       " << info.detects << "\n"
        << "  rationale:     " << info.rationale << "\n"
        << "  mitigation:    " << info.mitigation << "\n";
    for (const std::string& ref : info.references) out << "  reference:     " << ref << "\n";
    if (info.group != "user") out << "  docs:        docs/rules/" << info.id << ".md\n";
  }
  *context.exit_code = kExitOk;
}

}  // namespace

void SetupRulesCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* command = app.add_subcommand("rules", "list and explain the threat rules");
  command->require_subcommand(1);
  CLI::App* list = command->add_subcommand("list", "list every rule, sorted by id");
  AddTextJsonFormat(list, &options->format);
  AddRulesDirOption(list, &options->rules_dir);
  list->callback([options, context] { List(*options, context); });
  CLI::App* explain = command->add_subcommand("explain", "show one rule's metadata");
  explain->add_option("RULE", options->rule, "rule id")->required();
  AddTextJsonFormat(explain, &options->format);
  AddRulesDirOption(explain, &options->rules_dir);
  explain->callback([options, context] { Explain(*options, context); });
}

}  // namespace medtra::cli
