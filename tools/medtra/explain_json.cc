// ExplainJson / Assessment / ExplainAll: what `medtra explain --format json` prints for a threat,
// shared with `medtra serve`'s /api/threats/ID.
#include "tools/medtra/explain_json.h"

#include <nlohmann/json.hpp>

#include "medtra/base/strings.h"
#include "medtra/risk/threat_links.h"
#include "medtra/rules/derive.h"

namespace medtra::cli {

// How the risk file takes the threat: the risk that assesses it, a decision, or proposals.
std::string Assessment(const rules::Threat& t, const std::vector<std::string>& proposed) {
  if (!t.risk.empty()) return "assessed by risk " + t.risk;
  if (risk::IsDecided(t)) return "decided (" + std::string(rules::ThreatStatusName(t.status)) + ")";
  if (!risk::NeedsAssessment(t)) return "needs no assessment (not open before measures)";
  return proposed.empty() ? "UNASSESSED: no risk links it and no decision covers it"
                          : "UNASSESSED: proposed risk " + Join(proposed, ", risk ");
}

std::string ExplainJson(const rules::Threat& t, const std::vector<std::string>& proposed) {
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const rules::Evidence& e : t.evidence) {
    evidence.push_back({{"element", e.element}, {"attribute", e.attribute}, {"value", e.value}});
  }
  const nlohmann::ordered_json j = {
      {"id", t.id},
      {"rule", t.rule},
      {"title", t.title},
      {"stride", std::vector<std::string>(t.stride.begin(), t.stride.end())},
      {"capec", std::vector<std::string>(t.capec.begin(), t.capec.end())},
      {"cwe", std::vector<std::string>(t.cwe.begin(), t.cwe.end())},
      {"emb3d", std::vector<std::string>(t.emb3d.begin(), t.emb3d.end())},
      {"targets", t.targets},
      {"location", {{"file", t.location.file}, {"line", t.location.line}, {"col", t.location.col}}},
      {"evidence", evidence},
      {"notes", t.notes},
      {"likelihood", t.likelihood},
      {"inherent_status", rules::ThreatStatusName(t.inherent)},
      {"status", rules::ThreatStatusName(t.status)},
      {"measures", t.measures},
      {"risk", t.risk.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.risk)},
      {"proposed_risks", proposed},
      {"rationale", t.rationale},
      {"assessment", Assessment(t, proposed)},
  };
  return j.dump(2) + "\n";
}

std::map<std::string, std::string> ExplainAll(const model::SystemModel& model,
                                              const rules::RuleCatalog& catalog) {
  rules::DeriveOptions derive;
  derive.explain = true;
  std::vector<rules::Threat> threats = rules::DeriveThreats(model, catalog, derive, nullptr);
  std::vector<Diagnostic> ignored;
  const risk::ThreatLinks links = risk::LinkThreats(model, threats, &ignored);
  std::map<std::string, std::string> out;
  for (uint32_t i = 0; i < threats.size(); ++i) {
    const risk::ThreatProposal* proposal = links.ProposalFor(i);
    out[threats[i].id] =
        ExplainJson(threats[i], proposal != nullptr ? proposal->risks : std::vector<std::string>{});
  }
  return out;
}

}  // namespace medtra::cli
