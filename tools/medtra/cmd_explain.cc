// medtra explain MODEL THREAT-ID: which rule fired on which attributes of which elements, how the
// intended environment shifted its likelihood, and what the measures and decisions made of it.
#include <ostream>

#include "medtra/base/strings.h"
#include "medtra/risk/threat_links.h"
#include "medtra/rules/derive.h"
#include "tools/medtra/explain_json.h"
#include "tools/medtra/model_options.h"
#include "tools/medtra/rule_options.h"

namespace medtra::cli {
namespace {

struct ExplainOptions {
  std::string model;
  std::string threat;
  std::string format = "text";
  std::string rules_dir;
};

std::string Refs(const std::vector<rules::CatalogRef>& refs) {
  std::vector<std::string> parts;
  for (const auto& r : refs) parts.push_back(r.id + " " + r.name);
  return parts.empty() ? "-" : Join(parts, "; ");
}

void PrintText(std::ostream& out, const rules::Threat& t, const rules::RuleInfo& info,
               const std::vector<std::string>& proposed) {
  out << t.id << ": " << t.title << "\n"
      << "  rule:       " << info.id << " (" << info.title << ")\n"
      << "  stride:     " << Join(info.stride, ", ") << "\n"
      << "  capec:      " << Refs(info.capec) << "\n"
      << "  cwe:        " << Refs(info.cwe) << "\n"
      << "  emb3d:      " << (info.emb3d.empty() ? "-" : Join(info.emb3d, ", ")) << "\n"
      << "  derived at: " << t.location.file << ":" << t.location.line << ":" << t.location.col
      << "\n"
      << "  fired on:\n";
  for (const rules::Evidence& e : t.evidence) {
    out << "    " << e.element << "." << e.attribute << " = " << e.value << "\n";
  }
  out << "  reasoning:\n";
  for (const std::string& note : t.notes) out << "    " << note << "\n";
  out << "  before measures: " << rules::ThreatStatusName(t.inherent) << "\n"
      << "  status:     " << rules::ThreatStatusName(t.status);
  if (!t.measures.empty()) out << " (" << Join(t.measures, ", ") << ")";
  out << "\n  likelihood: " << (t.likelihood.empty() ? "-" : t.likelihood) << "\n";
  out << "  assessment: " << Assessment(t, proposed) << "\n";
  if (!t.rationale.empty()) out << "  rationale:  " << t.rationale << "\n";
  out << "  mitigation: " << info.mitigation << "\n";
}

void Run(const ExplainOptions& options, const CommandContext& context) {
  const bool json = options.format == "json";
  ModelInput input;
  if (!LoadModelOrReport(context, options.model, json, &input)) {
    *context.exit_code = kExitInput;
    return;
  }
  const model::SystemModel* model = input.model.get();
  rules::RuleCatalog catalog;
  if (!BuildCatalog(context, options.model, options.rules_dir, catalog)) {
    *context.exit_code = kExitInput;
    return;
  }
  rules::DeriveOptions derive;
  derive.explain = true;
  std::vector<rules::Threat> threats = rules::DeriveThreats(*model, catalog, derive, nullptr);
  std::vector<Diagnostic> ignored;
  const risk::ThreatLinks links = risk::LinkThreats(*model, threats, &ignored);
  for (uint32_t i = 0; i < threats.size(); ++i) {
    const rules::Threat& t = threats[i];
    if (t.id != options.threat) continue;
    const rules::RuleInfo& info = catalog.Find(t.rule)->Info();
    const risk::ThreatProposal* proposal = links.ProposalFor(i);
    const std::vector<std::string> proposed =
        proposal != nullptr ? proposal->risks : std::vector<std::string>{};
    if (json) {
      *context.out << ExplainJson(t, proposed);
    } else {
      PrintText(*context.out, t, info, proposed);
    }
    *context.exit_code = kExitOk;
    return;
  }
  std::vector<std::string> ids;
  for (const rules::Threat& t : threats) ids.push_back(t.id);
  *context.err << "medtra: explain: no threat '" << options.threat << "' is derived from "
               << options.model << DidYouMean(options.threat, ids) << "\n";
  *context.exit_code = kExitInput;
}

}  // namespace

void SetupExplainCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* command =
      app.add_subcommand("explain", "explain how a threat was derived, shifted and mitigated");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command->add_option("THREAT-ID", options->threat, "threat id, e.g. comm-replay@F-1")->required();
  AddTextJsonFormat(command, &options->format);
  AddRulesDirOption(command, &options->rules_dir);
  command->callback([options, context] { Run(*options, context); });
}

}  // namespace medtra::cli
