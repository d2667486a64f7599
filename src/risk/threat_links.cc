// LinkThreats: risks' `threats:` links and decisions matched to derived threats; proposals.
#include "medtra/risk/threat_links.h"

#include <algorithm>
#include <unordered_map>

#include "medtra/base/strings.h"

namespace medtra::risk {
namespace {

using rules::Threat;
using rules::ThreatStatus;

/// Indices of the threats (sorted by id) that a pattern matches, in id order.
std::vector<uint32_t> Match(const std::vector<Threat>& threats, const std::string& pattern) {
  std::vector<uint32_t> out;
  const size_t star = pattern.find('*');
  const std::string_view prefix = std::string_view(pattern).substr(0, star);
  auto it = std::lower_bound(threats.begin(), threats.end(), prefix,
                             [](const Threat& t, std::string_view id) { return t.id < id; });
  for (; it != threats.end() && StartsWith(it->id, prefix); ++it) {
    if (star == std::string::npos) {
      if (it->id == pattern) out.push_back(static_cast<uint32_t>(it - threats.begin()));
      break;
    }
    if (GlobMatch(pattern, it->id)) out.push_back(static_cast<uint32_t>(it - threats.begin()));
  }
  return out;
}

/// What each risk is about, for proposals: its asset, the flows that carry it, and its breach;
/// indexed by element so that a threat finds its candidate risks without visiting every risk.
struct RiskScopes {
  std::unordered_map<std::string_view, std::vector<uint32_t>> risks_of_element;
  std::vector<std::string_view> breach;  ///< per risk
};

RiskScopes Scopes(const model::SystemModel& model) {
  std::unordered_map<std::string_view, std::vector<std::string_view>> carriers;
  for (const model::Flow& f : model.flows) {
    for (const std::string& a : f.carries) carriers[a].push_back(f.id);
  }
  RiskScopes scopes;
  for (uint32_t r = 0; r < model.risks.size(); ++r) {
    const model::Risk& risk = model.risks[r];
    scopes.breach.push_back(risk.breach);
    scopes.risks_of_element[risk.asset].push_back(r);
    if (const auto it = carriers.find(risk.asset); it != carriers.end()) {
      for (const std::string_view flow : it->second) scopes.risks_of_element[flow].push_back(r);
    }
  }
  return scopes;
}

/// The risks, in model order, whose scope holds one of the threat's targets with a matching breach.
std::vector<uint32_t> RisksInScope(const Threat& t, const RiskScopes& scopes) {
  std::vector<uint32_t> out;
  for (const std::string& id : t.targets) {
    const auto it = scopes.risks_of_element.find(id);
    if (it != scopes.risks_of_element.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::erase_if(out, [&](uint32_t r) {
    return std::none_of(t.stride.begin(), t.stride.end(),
                        [&](const std::string& s) { return BreachOf(s) == scopes.breach[r]; });
  });
  return out;
}

}  // namespace

const ThreatProposal* ThreatLinks::ProposalFor(uint32_t threat) const {
  const auto it =
      std::lower_bound(proposals.begin(), proposals.end(), threat,
                       [](const ThreatProposal& p, uint32_t index) { return p.threat < index; });
  return it != proposals.end() && it->threat == threat ? &*it : nullptr;
}

std::string_view BreachOf(std::string_view stride) {
  if (stride == "Information disclosure") return "confidentiality";
  if (stride == "Denial of service") return "availability";
  return "integrity";
}

bool NeedsAssessment(const Threat& t) {
  return t.inherent == ThreatStatus::kOpen ||
         (t.inherent == ThreatStatus::kNotApplicable && t.status != ThreatStatus::kNotApplicable);
}

bool IsDecided(const Threat& t) {
  const bool decided = t.status == ThreatStatus::kAccepted ||
                       t.status == ThreatStatus::kTransferred ||
                       t.status == ThreatStatus::kNotApplicable;
  return decided && !t.rationale.empty();
}

ThreatLinks LinkThreats(const model::SystemModel& model, std::vector<Threat>& threats,
                        std::vector<Diagnostic>* findings) {
  ThreatLinks links;
  links.threats_of_risk.resize(model.risks.size());
  std::unordered_map<std::string_view, size_t> risk_index;
  for (size_t r = 0; r < model.risks.size(); ++r) risk_index.emplace(model.risks[r].id, r);

  // Decisions that name a risk (set by the derivation) link first: they are explicit per threat.
  for (uint32_t i = 0; i < threats.size(); ++i) {
    if (threats[i].risk.empty()) continue;
    if (const auto it = risk_index.find(threats[i].risk); it != risk_index.end()) {
      links.threats_of_risk[it->second].push_back(i);
    }
  }
  // Where each threat was linked (its first `threats:` link), for findings about the link.
  std::unordered_map<uint32_t, SourceLocation> linked_at;
  std::vector<std::string> ids;  // for did-you-mean, built once when needed
  for (size_t r = 0; r < model.risks.size(); ++r) {
    const model::Risk& risk = model.risks[r];
    for (const model::ThreatLink& link : risk.threats) {
      const std::vector<uint32_t> matched = Match(threats, link.pattern);
      if (matched.empty()) {
        if (ids.empty() && threats.size() <= 5000) {
          for (const Threat& t : threats) ids.push_back(t.id);
        }
        findings->push_back({Severity::kWarning, "risk-threat-unmatched",
                             "risk '" + risk.id + "' names threat '" + link.pattern +
                                 "', which the rules do not derive" + DidYouMean(link.pattern, ids),
                             link.location});
      }
      for (const uint32_t i : matched) {
        if (threats[i].risk.empty()) {
          threats[i].risk = risk.id;
          linked_at.emplace(i, link.location);
        }
        links.threats_of_risk[r].push_back(i);
      }
    }
    std::vector<uint32_t>& list = links.threats_of_risk[r];
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }

  const RiskScopes scopes = Scopes(model);
  for (uint32_t i = 0; i < threats.size(); ++i) {
    const Threat& t = threats[i];
    if (!t.risk.empty()) {
      const auto it = risk_index.find(t.risk);
      const model::Risk* risk = it != risk_index.end() ? &model.risks[it->second] : nullptr;
      if (risk != nullptr && !t.likelihood.empty() && t.likelihood != risk->likelihood) {
        findings->push_back({Severity::kWarning, "threat-likelihood-differs",
                             "threat '" + t.id + "' is derived with likelihood '" + t.likelihood +
                                 "' in its environment; risk '" + risk->id + "' estimates '" +
                                 risk->likelihood + "'",
                             linked_at.contains(i) ? linked_at[i] : risk->location});
      }
      continue;
    }
    if (!NeedsAssessment(t) || IsDecided(t)) continue;
    ThreatProposal proposal{i, {}};
    for (const uint32_t r : RisksInScope(t, scopes)) proposal.risks.push_back(model.risks[r].id);
    std::string message = "threat '" + t.id + "' (" + t.title + ") is " +
                          (t.inherent == ThreatStatus::kOpen ? "open before measures"
                                                             : "brought in by the measures") +
                          " and no risk assesses it: link it to a risk ('threats:') or decide it "
                          "(accepted, transferred or not-applicable, with a rationale)";
    if (!proposal.risks.empty()) {
      message += "; proposed: risk '" + Join(proposal.risks, "', risk '") + "'";
    }
    findings->push_back({Severity::kWarning, "threat-unassessed", std::move(message), t.location});
    if (!proposal.risks.empty()) links.proposals.push_back(std::move(proposal));
  }
  return links;
}

}  // namespace medtra::risk
