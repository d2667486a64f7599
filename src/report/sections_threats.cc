// Report section on the threats derived by the rule catalog: every threat, or above
// kFullTableRows threats the summaries a reviewer reads.
#include <algorithm>
#include <map>
#include <tuple>

#include "medtra/base/strings.h"
#include "medtra/report/dfd.h"
#include "report/sections.h"

namespace medtra::report {
namespace {

// The risk that assesses a threat, the decision that stands in for one, or what is missing.
std::string RiskCell(const analysis::Analysis& analysis, uint32_t i) {
  const rules::Threat& t = analysis.threats[i];
  if (!t.risk.empty()) return t.risk;
  if (risk::IsDecided(t)) return "- (decided: " + t.rationale + ")";
  if (!risk::NeedsAssessment(t)) return "-";
  const risk::ThreatProposal* proposal = analysis.links.ProposalFor(i);
  return proposal != nullptr ? "UNASSESSED (proposed: " + Join(proposal->risks, ", ") + ")"
                             : "UNASSESSED";
}

Table ThreatTable() {
  return {{"Threat ID", "Title", "STRIDE", "CAPEC", "CWE", "Before measures", "Status", "Measures",
           "Risk"},
          {}};
}

std::vector<std::string> ThreatRow(const analysis::Analysis& analysis, uint32_t i) {
  const rules::Threat& t = analysis.threats[i];
  return {t.id,
          t.title,
          Join(t.stride, ", "),
          Join(t.capec, ", "),
          Join(t.cwe, ", "),
          std::string(rules::ThreatStatusName(t.inherent)),
          std::string(rules::ThreatStatusName(t.status)),
          t.measures.empty() ? "-" : Join(t.measures, ", "),
          RiskCell(analysis, i)};
}

/// Counts of one group of threats.
struct Tally {
  size_t threats = 0;
  size_t open = 0;
  size_t mitigated = 0;
  size_t decided = 0;  ///< accepted, transferred or not applicable
  size_t unassessed = 0;
  std::vector<std::string> targets;  ///< the first few, for the per-rule table
  /// `is_unassessed`: the threat's risk cell says UNASSESSED (worked out once per threat).
  void Add(const rules::Threat& t, bool is_unassessed) {
    ++threats;
    if (t.status == rules::ThreatStatus::kOpen) ++open;
    if (t.status == rules::ThreatStatus::kMitigated) ++mitigated;
    if (t.status != rules::ThreatStatus::kOpen && t.status != rules::ThreatStatus::kMitigated)
      ++decided;
    if (is_unassessed) ++unassessed;
  }
  std::vector<std::string> Counts() const {
    return {std::to_string(threats), std::to_string(open), std::to_string(mitigated),
            std::to_string(decided), std::to_string(unassessed)};
  }
};

/// The component a threat is on: its first target that is a component, else the sender of its
/// first target that is a flow; null for threats on the whole system.
const model::Component* ComponentOf(const model::SystemModel& model, const rules::Threat& t) {
  for (const std::string& target : t.targets) {
    if (const model::Component* c = model.FindComponent(target)) return c;
  }
  for (const std::string& target : t.targets) {
    if (const model::Flow* f = model.FindFlow(target)) return model.FindComponent(f->from);
  }
  return nullptr;
}

void AddThreatSummaries(const analysis::Analysis& analysis, Section* s) {
  const model::SystemModel& model = *analysis.model;
  std::map<std::string, Tally> by_rule;
  std::map<std::string, Tally> by_kind;  // of the component a threat is on
  std::map<std::string, Tally> by_zone;
  std::map<rules::ThreatStatus, size_t> by_status;
  Tally all;
  for (uint32_t i = 0; i < analysis.threats.size(); ++i) {
    const rules::Threat& t = analysis.threats[i];
    const bool unassessed = StartsWith(RiskCell(analysis, i), "UNASSESSED");
    all.Add(t, unassessed);
    ++by_status[t.status];
    Tally& rule = by_rule[t.rule];
    rule.Add(t, unassessed);
    if (rule.targets.size() < 3) rule.targets.push_back(Join(t.targets, " + "));
    const model::Component* c = ComponentOf(model, t);
    by_kind[c == nullptr ? "(the whole system)" : c->kind].Add(t, unassessed);
    by_zone[c == nullptr      ? "(the whole system)"
            : c->zone.empty() ? "(no zone)"
                              : c->zone]
        .Add(t, unassessed);
  }
  s->Paragraph(std::to_string(all.threats) + " threats were derived by " +
               std::to_string(by_rule.size()) + " rules: " + std::to_string(all.open) + " open, " +
               std::to_string(all.mitigated) + " mitigated by the measures, " +
               std::to_string(all.decided) + " decided; " + std::to_string(all.unassessed) +
               " have no risk that assesses them (UNASSESSED). Above " +
               std::to_string(kFullTableRows) +
               " threats this page shows summaries; every threat, with its status, measures and "
               "risk, is in report.json and report.csv, and `medtra threats export MODEL --format "
               "xlsx` writes them as a workbook to review.");
  Table status{{"Status", "Threats"}, {}};
  for (const auto& [value, count] : by_status) {
    status.rows.push_back({std::string(rules::ThreatStatusName(value)), std::to_string(count)});
  }
  s->AddTable(std::move(status));

  s->Paragraph("Threats per rule, with the first targets of each:");
  Table per_rule{{"Rule", "Threats", "Open", "Mitigated", "Decided", "Unassessed", "First targets"},
                 {}};
  for (const auto& [rule, tally] : by_rule) {
    std::vector<std::string> row{rule};
    for (std::string& count : tally.Counts()) row.push_back(std::move(count));
    row.push_back(Join(tally.targets, ", ") +
                  (tally.threats > tally.targets.size()
                       ? " and " + std::to_string(tally.threats - tally.targets.size()) + " more"
                       : ""));
    per_rule.rows.push_back(std::move(row));
  }
  s->AddTable(std::move(per_rule));

  // Per kind and per zone of the component a threat is on; the zones with most threats first.
  s->Paragraph(
      "Threats per kind of the component they are on (for a threat on a flow, its sender):");
  Table kinds{{"Component kind", "Threats", "Open", "Mitigated", "Decided", "Unassessed"}, {}};
  for (const auto& [kind, tally] : by_kind) {
    std::vector<std::string> row{kind};
    for (std::string& count : tally.Counts()) row.push_back(std::move(count));
    kinds.rows.push_back(std::move(row));
  }
  s->AddTable(std::move(kinds));
  s->Paragraph("Threats per zone of that component, the zones with most threats first:");
  std::vector<std::pair<const std::string*, const Tally*>> zones;
  for (const auto& [zone, tally] : by_zone) zones.push_back({&zone, &tally});
  std::stable_sort(zones.begin(), zones.end(), [](const auto& a, const auto& b) {
    return a.second->threats > b.second->threats;
  });
  Table per_zone{{"Zone", "Zone kind", "Threats", "Open", "Mitigated", "Decided", "Unassessed"},
                 {}};
  for (const auto& [zone, tally] : zones) {
    const model::Zone* z = model.FindZone(*zone);
    std::vector<std::string> row{*zone, z == nullptr ? "-" : z->kind};
    for (std::string& count : tally->Counts()) row.push_back(std::move(count));
    per_zone.rows.push_back(std::move(row));
  }
  s->AddTable(std::move(per_zone));

  // The open threats most likely first (then by id): where a reviewer starts.
  std::vector<std::pair<int, uint32_t>> open;
  for (uint32_t i = 0; i < analysis.threats.size(); ++i) {
    const rules::Threat& t = analysis.threats[i];
    if (t.status == rules::ThreatStatus::kOpen)
      open.push_back({-model.risk_method.LikelihoodIndex(t.likelihood), i});
  }
  const size_t shown = std::min(open.size(), kShownRows);
  std::partial_sort(open.begin(), open.begin() + static_cast<long>(shown), open.end());
  s->Paragraph("The " + std::to_string(shown) + " most likely open threats (of " +
               std::to_string(open.size()) + "):");
  Table top = ThreatTable();
  top.header.insert(top.header.begin() + 2, "Likelihood");
  for (size_t k = 0; k < shown; ++k) {
    std::vector<std::string> row = ThreatRow(analysis, open[k].second);
    row.insert(row.begin() + 2, analysis.threats[open[k].second].likelihood);
    top.rows.push_back(std::move(row));
  }
  s->AddTable(std::move(top));
}

}  // namespace

Section ThreatsSection(const analysis::Analysis& analysis) {
  Section s{"threats", "Derived threats", {}};
  if (analysis.threats.empty()) {
    s.Paragraph("No threats were derived.");
    return s;
  }
  if (analysis.threats.size() > kFullTableRows) {
    AddThreatSummaries(analysis, &s);
  } else {
    Table table = ThreatTable();
    for (uint32_t i = 0; i < analysis.threats.size(); ++i)
      table.rows.push_back(ThreatRow(analysis, i));
    s.AddTable(std::move(table));
  }
  if (Result<std::string> svg = RenderDfdSvg(analysis); svg.ok()) {
    s.Figure(
        "Data-flow diagram: zones as clusters, each flow coloured by its worst open threat "
        "(red: high likelihood, orange: medium, gold: low, green: all mitigated or decided, "
        "grey: no threat); report.dot holds the same diagram as Graphviz DOT.",
        std::move(svg).value());
  } else {
    s.Paragraph("Data-flow diagram not drawn: " + svg.message());
  }
  return s;
}

}  // namespace medtra::report
