// DeriveThreats: two passes of every rule (as designed, with measures), decisions, likelihood.
#include "medtra/rules/derive.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "medtra/base/parallel.h"
#include "medtra/base/permute.h"
#include "medtra/base/strings.h"
#include "medtra/model/environments.h"
#include "medtra/rules/design_views.h"
#include "medtra/rules/rule_context.h"

namespace medtra::rules {
namespace {

/// The status a decision of the model gives its threat.
ThreatStatus DecidedStatus(std::string_view decision) {
  if (decision == "mitigated") return ThreatStatus::kMitigated;
  if (decision == "accepted") return ThreatStatus::kAccepted;
  if (decision == "transferred") return ThreatStatus::kTransferred;
  return ThreatStatus::kNotApplicable;
}

using ProvisionList = std::vector<std::pair<const model::Measure*, const model::Provision*>>;

std::string ThreatId(std::string_view rule, const std::vector<std::string_view>& targets) {
  std::string id(rule);
  for (std::string_view target : targets) {
    id += '@';
    id += target;
  }
  return id;
}

/// The FNV-1a hash of the threat id's targets part (`@t1@t2...`), built without the string.
uint64_t TargetsHash(const std::vector<std::string_view>& targets) {
  uint64_t h = 14695981039346656037ull;
  auto feed = [&h](char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; };
  for (std::string_view target : targets) {
    feed('@');
    for (const char c : target) feed(c);
  }
  return h;
}

/// Whether two matches of one rule have the same threat id.
bool SameId(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  if (a == b) return true;
  return ThreatId("", a) == ThreatId("", b);  // only ids with '@' inside can still be equal
}

/// The residual pass's matches of one rule by threat id, the first match of each id only, and
/// which of them the inherent pass has taken. A sorted vector of hashes: no string per match.
class AfterIndex {
 public:
  void Reset(const MatchList& after) {
    after_ = &after;
    all_.clear();
    all_.reserve(after.size());
    for (uint32_t k = 0; k < after.size(); ++k) all_.push_back({TargetsHash(after[k].targets), k});
    std::sort(all_.begin(), all_.end());
    state_.assign(after.size(), kShadowed);
    // Of the matches with one id, only the first stands. Within a run of equal hashes (one id,
    // but for a collision) each match is compared with the run's distinct ids so far only.
    firsts_.clear();
    for (size_t run = 0; run < all_.size();) {
      const size_t begin = firsts_.size();
      size_t end = run;
      for (; end < all_.size() && all_[end].first == all_[run].first; ++end) {
        const auto& targets = after[all_[end].second].targets;
        bool seen = false;
        for (size_t f = begin; f < firsts_.size() && !seen; ++f) {
          seen = SameId(after[firsts_[f].second].targets, targets);
        }
        if (seen) continue;
        firsts_.push_back(all_[end]);
        state_[all_[end].second] = kLeft;
      }
      run = end;
    }
  }

  /// Whether the residual pass has `m`'s id, not taken yet; takes it.
  bool Take(const Match& m) {
    const uint64_t h = TargetsHash(m.targets);
    auto it = std::lower_bound(firsts_.begin(), firsts_.end(), std::pair<uint64_t, uint32_t>(h, 0));
    for (; it != firsts_.end() && it->first == h; ++it) {
      if (!SameId((*after_)[it->second].targets, m.targets)) continue;
      if (state_[it->second] == kTaken) return false;
      state_[it->second] = kTaken;
      return true;
    }
    return false;
  }

  /// Whether the k-th residual match is the first of its id and the inherent pass did not have it.
  bool Left(size_t k) const { return state_[k] == kLeft; }

 private:
  enum State : uint8_t { kLeft, kTaken, kShadowed };
  const MatchList* after_ = nullptr;
  std::vector<std::pair<uint64_t, uint32_t>> all_;     ///< (hash, index) of every match
  std::vector<std::pair<uint64_t, uint32_t>> firsts_;  ///< the first match of each id, sorted
  std::vector<State> state_;
};

/// The model's likelihood scale value at a position on a three-step scale.
std::string ScaleValue(const model::RiskMethod& method, int step) {
  const auto& scale = method.likelihood;
  if (scale.empty()) return "";
  const double at = step * static_cast<double>(scale.size() - 1) / 2.0;
  return scale[static_cast<size_t>(std::lround(at))];
}

/// Sorts threats by id through an index (moving whole threats log n times costs more than the
/// rules), then permutes them in place (no second vector of threats at the peak of memory). The
/// first `prefix` characters of every id are the same (a rule's id) and are not compared. Of
/// threats with one id the first is kept: a rule that reports one target twice yields one threat.
void SortById(std::vector<Threat>& threats, size_t prefix) {
  std::vector<uint32_t> order(threats.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::string_view(threats[a].id).substr(prefix) <
           std::string_view(threats[b].id).substr(prefix);
  });
  PermuteInPlace(order, threats);
  threats.erase(std::unique(threats.begin(), threats.end(),
                            [](const Threat& a, const Threat& b) { return a.id == b.id; }),
                threats.end());
}

/// Joins the rules' sorted lists into one sorted by id. A rule's ids all begin with its id (then
/// '@' and the targets), so the lists usually follow one another whole, ordered by their first ids;
/// where two lists overlap (one rule's id is the start of another's) all threats are sorted again.
/// Lists that are equally placed keep their order, as a stable sort of all of them would.
std::vector<Threat> JoinSorted(std::vector<std::vector<Threat>>& lists) {
  std::vector<uint32_t> order;
  size_t count = 0;
  for (uint32_t i = 0; i < lists.size(); ++i) {
    count += lists[i].size();
    if (!lists[i].empty()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return lists[a].front().id < lists[b].front().id;
  });
  bool apart = true;
  for (size_t k = 0; k + 1 < order.size(); ++k) {
    apart = apart && lists[order[k]].back().id < lists[order[k + 1]].front().id;
  }
  std::vector<Threat> threats;
  threats.reserve(count);
  if (!apart) std::sort(order.begin(), order.end());  // the rules' order, for the full sort
  for (const uint32_t i : order) {
    std::move(lists[i].begin(), lists[i].end(), std::back_inserter(threats));
    std::vector<Threat>().swap(lists[i]);
  }
  if (!apart) SortById(threats, 0);
  return threats;
}

class Deriver {
 public:
  Deriver(const model::SystemModel& model, const DeriveOptions& options, DiagnosticSink& sink)
      : model_(model),
        options_(options),
        sink_(sink),
        views_(ViewsFor(model, options)),
        index_(views_.index()) {
    const EnvironmentProfiles& environments = index_.environments();
    model::ReportUnassignedEnvironments(model, environments.map(), sink_);
    shifts_.resize(environments.map().sets().size());
    for (uint32_t set = 0; set < shifts_.size(); ++set) {
      for (int e = 0; e < 5; ++e) {
        shifts_[set][e] = ShiftFor(static_cast<Exposure>(e), environments.OfSet(set));
      }
    }
    for (const model::Measure& measure : model.measures) {
      for (const model::Provision& provision : measure.provides) {
        const model::Flow* flow = model.FindFlow(provision.flow);
        if (flow != nullptr) provisions_[flow->id].push_back({&measure, &provision});
      }
    }
  }

  std::vector<Threat> Run(const RuleCatalog& catalog) {
    const RuleContext inherent = views_.Inherent();
    const RuleContext residual = views_.Residual();
    // Each rule's threats on their own (in parallel), then joined in the rules' order: the same
    // threats in the same order for any number of threads.
    std::vector<const ThreatRule*> rules = catalog.Sorted();
    if (options_.only_rules != nullptr) {
      std::erase_if(
          rules, [&](const ThreatRule* r) { return !options_.only_rules->contains(r->Info().id); });
    }
    std::vector<std::vector<Threat>> per_rule(rules.size());
    ParallelFor(rules.size(), ThreadCount(options_.threads), [&](size_t r) {
      per_rule[r] = RunRule(*rules[r], inherent, residual);
      SortById(per_rule[r], rules[r]->Info().id.size());
    });
    std::vector<Threat> threats = JoinSorted(per_rule);
    ApplyDecisions(threats);
    return threats;
  }

 private:
  /// The views the caller shares, or this derivation's own.
  const DesignViews& ViewsFor(const model::SystemModel& model, const DeriveOptions& options) {
    if (options.views != nullptr) return *options.views;
    own_index_.emplace(model);
    own_views_.emplace(model, *own_index_);
    return *own_views_;
  }

  /// The threats of one rule: its matches as designed, mitigated where the residual pass no
  /// longer finds them, and the matches that only the measures bring in.
  std::vector<Threat> RunRule(const ThreatRule& rule, const RuleContext& inherent,
                              const RuleContext& residual) const {
    std::vector<Threat> threats;
    MatchList before, after;
    AfterIndex still;
    rule.Check(inherent, before);
    rule.Check(residual, after);
    const RuleRefs refs(rule.Info());
    still.Reset(after);
    threats.reserve(before.size());
    for (Match& m : before) {
      const bool found = still.Take(m);
      threats.push_back(MakeThreat(refs, m, ThreatId(refs.info.id, m.targets), !found));
    }
    // Threats that only the measures bring in (ISO 14971 6.6: risks arising from controls).
    size_t brought_in = 0;
    for (size_t k = 0; k < after.size(); ++k) brought_in += still.Left(k) ? 1 : 0;
    threats.reserve(threats.size() + brought_in);
    for (size_t k = 0; k < after.size(); ++k) {
      if (!still.Left(k)) continue;
      Threat threat = MakeThreat(refs, after[k], ThreatId(refs.info.id, after[k].targets), false);
      threat.inherent = ThreatStatus::kNotApplicable;
      if (options_.explain) threat.notes.push_back("introduced by the measures' provisions");
      threats.push_back(std::move(threat));
    }
    return threats;
  }

  /// A rule's citations as all of its threats share them, made once per rule.
  struct RuleRefs {
    explicit RuleRefs(const RuleInfo& rule)
        : info(rule),
          stride(rule.stride),
          capec(Ids(rule.capec)),
          cwe(Ids(rule.cwe)),
          emb3d(rule.emb3d) {}
    static std::vector<std::string> Ids(const std::vector<CatalogRef>& refs) {
      std::vector<std::string> ids;
      for (const CatalogRef& ref : refs) ids.push_back(ref.id);
      return ids;
    }
    const RuleInfo& info;
    SharedStrings stride;
    SharedStrings capec;
    SharedStrings cwe;
    SharedStrings emb3d;
  };

  /// The threat of a match; takes the match's title.
  Threat MakeThreat(const RuleRefs& refs, Match& m, std::string id, bool mitigated) const {
    const RuleInfo& info = refs.info;
    Threat t;
    t.id = std::move(id);
    t.rule = info.id;
    t.title = m.title.empty() ? info.title : std::move(m.title);
    t.stride = refs.stride;
    t.capec = refs.capec;
    t.cwe = refs.cwe;
    t.emb3d = refs.emb3d;
    t.targets.assign(m.targets.begin(), m.targets.end());
    if (m.location != nullptr) t.location = *m.location;
    const Exposure exposure = m.exposure.value_or(info.exposure);
    // One set of environments for every part (the common case): no lookup needed.
    const Place place = shifts_.size() == 1 && !options_.explain ? Place{} : PlaceOf(m);
    const LikelihoodShift& shift = shifts_[place.set][static_cast<int>(exposure)];
    int step = std::clamp(info.base_likelihood, 0, 2);
    std::vector<std::string> steps;
    for (const LikelihoodShift::Step& by : shift.steps) {
      const int next = std::clamp(step + by.delta, 0, 2);
      if (options_.explain) steps.push_back(by.why + Transition(step, next, by.delta));
      step = next;
    }
    t.likelihood = ScaleValue(model_.risk_method, step);
    if (mitigated) {
      t.status = ThreatStatus::kMitigated;
      t.measures = Attribute(m);
    }
    if (!options_.explain) return t;
    for (const Match::Cite& c : m.evidence) {
      t.evidence.push_back(
          {std::string(c.element), std::string(c.attribute), std::string(c.value)});
    }
    t.notes.push_back("reached by " + std::string(ExposureName(exposure)) + "; base likelihood " +
                      ScaleValue(model_.risk_method, info.base_likelihood));
    if (exposure != Exposure::kDesign) t.notes.push_back(DescribePlace(place));
    for (std::string& note : steps) t.notes.push_back(std::move(note));
    if (steps.empty() && exposure != Exposure::kDesign) {
      t.notes.push_back("the intended environment does not shift the likelihood");
    }
    t.notes.push_back("likelihood " + t.likelihood);
    if (mitigated) {
      t.notes.push_back("no longer fires with the measures applied: " + Provided(m));
    } else {
      t.notes.push_back("still fires with the measures applied");
    }
    return t;
  }

  /// The element a threat was derived on: its first target that is a component or a flow.
  struct Place {
    uint32_t set = 0;  ///< its environments; 0, the whole system, when no target is either
    int64_t component = -1;
    int64_t flow = -1;
  };

  Place PlaceOf(const Match& m) const {
    const model::EnvironmentMap& map = index_.environments().map();
    for (std::string_view target : m.targets) {
      if (const int64_t c = map.ComponentIndex(target); c >= 0) {
        return {map.ComponentSet(static_cast<size_t>(c)), c, -1};
      }
      if (const int64_t f = map.FlowIndex(target); f >= 0) {
        return {map.FlowSet(static_cast<size_t>(f)), -1, f};
      }
    }
    return {};
  }

  /// "environment: icd is in ENV-patient, from zone Z-body", for `explain`.
  std::string DescribePlace(const Place& place) const {
    const model::EnvironmentMap& map = index_.environments().map();
    std::string text = "environment: ";
    if (place.component >= 0) {
      text += map.DescribeComponent(static_cast<size_t>(place.component));
    } else if (place.flow >= 0) {
      text += map.DescribeFlow(static_cast<size_t>(place.flow));
    } else {
      const std::string ids = map.Ids(0);
      text += "the whole system (no target is a component or flow): " +
              (ids.empty() ? std::string("no intended environment stated") : ids);
    }
    if (map.sets()[place.set].size() > 1) text += "; the most exposed of them applies";
    return text;
  }

  /// " (Medium -> High)", or why a step did not move the likelihood on the scale.
  std::string Transition(int from, int to, int delta) const {
    if (delta == 0) return "";
    const std::string before = ScaleValue(model_.risk_method, from);
    if (from == to) return " (" + before + " stays " + before + ": the end of the scale)";
    return " (" + before + " -> " + ScaleValue(model_.risk_method, to) + ")";
  }

  struct Change {
    const model::Measure* measure;
    std::string_view flow;
    const std::string* property;
    const std::string* value;
    bool cited;
  };

  /// The provisions that changed a flow the match names. When some of them changed an attribute
  /// the match cites, only those count: they made the difference.
  std::vector<Change> Changes(const Match& m) const {
    std::vector<Change> all;
    bool any_cited = false;
    for (const auto& [flow_id, list] : FlowsOf(m)) {
      for (const auto& [measure, provision] : *list) {
        for (const auto& [property, value] : provision->properties) {
          if (!Changes(flow_id, property, value)) continue;
          bool cited = false;
          for (const Match::Cite& c : m.evidence) {
            cited = cited || (c.element == flow_id && c.attribute == property);
          }
          any_cited = any_cited || cited;
          all.push_back({measure, flow_id, &property, &value, cited});
        }
      }
    }
    if (any_cited) std::erase_if(all, [](const Change& c) { return !c.cited; });
    return all;
  }

  std::vector<std::string> Attribute(const Match& m) const {
    std::set<std::string> ids;
    for (const Change& c : Changes(m)) ids.insert(c.measure->id);
    return {ids.begin(), ids.end()};
  }

  std::string Provided(const Match& m) const {
    std::vector<std::string> parts;
    for (const Change& c : Changes(m)) {
      parts.push_back(c.measure->id + " provides " + std::string(c.flow) + "." + *c.property +
                      " = " + *c.value);
    }
    return parts.empty() ? "the flows changed" : Join(parts, ", ");
  }

  std::vector<std::pair<std::string_view, const ProvisionList*>> FlowsOf(const Match& m) const {
    std::vector<std::pair<std::string_view, const ProvisionList*>> out;
    auto add = [&](std::string_view id) {
      const auto it = provisions_.find(id);
      if (it == provisions_.end()) return;
      for (const auto& [seen, list] : out) {
        if (seen == id) return;
      }
      out.emplace_back(id, &it->second);
    };
    for (std::string_view target : m.targets) add(target);
    for (const Match::Cite& c : m.evidence) add(c.element);
    return out;
  }

  bool Changes(std::string_view flow_id, const std::string& property,
               const std::string& value) const {
    const model::Flow* flow = model_.FindFlow(flow_id);
    if (flow == nullptr) return false;
    const std::string* design = FlowProperty(*flow, property);
    return design != nullptr && *design != value;
  }

  void ApplyDecisions(std::vector<Threat>& threats) {
    for (const model::ThreatDecision& d : model_.threat_decisions) {
      const auto it =
          std::lower_bound(threats.begin(), threats.end(), d.threat,
                           [](const Threat& t, const std::string& id) { return t.id < id; });
      if (it == threats.end() || it->id != d.threat) {
        ReportStale(threats, d);
        continue;
      }
      Decide(*it, d);
    }
  }

  void Decide(Threat& t, const model::ThreatDecision& d) {
    const ThreatStatus status = DecidedStatus(d.decision);
    const std::string where = d.location.file + ":" + std::to_string(d.location.line);
    if (t.status == ThreatStatus::kMitigated) {
      for (const std::string& m : d.measures) {
        if (std::find(t.measures.begin(), t.measures.end(), m) == t.measures.end()) {
          t.measures.push_back(m);
        }
      }
      std::sort(t.measures.begin(), t.measures.end());
      if (options_.explain && status != ThreatStatus::kMitigated) {
        t.notes.push_back("decision '" + d.decision + "' at " + where +
                          " is moot: the measures already mitigate the threat");
      }
    } else {
      t.status = status;
      t.measures = d.measures;
      if (options_.explain) t.notes.push_back("decision '" + d.decision + "' at " + where);
    }
    if (!d.rationale.empty()) t.rationale = d.rationale;
    if (!d.risk.empty()) {
      t.risk = d.risk;
      if (options_.explain) t.notes.push_back("linked to risk " + d.risk + " by the decision");
    }
  }

  void ReportStale(const std::vector<Threat>& threats, const model::ThreatDecision& d) {
    const std::string rule = d.threat.substr(0, d.threat.find('@'));
    std::vector<std::string> candidates;
    for (const Threat& t : threats) {
      if (t.rule == rule || threats.size() <= 5000) candidates.push_back(t.id);
    }
    sink_.Warning(d.location, "stale-threat-decision",
                  "decision for threat '" + d.threat + "', which the rules no longer derive" +
                      DidYouMean(d.threat, candidates));
  }

  const model::SystemModel& model_;
  const DeriveOptions& options_;
  DiagnosticSink& sink_;
  std::optional<ModelIndex> own_index_;  ///< when the caller shares no views
  std::optional<DesignViews> own_views_;
  const DesignViews& views_;
  const ModelIndex& index_;
  /// Per set of environments and per Exposure, computed once.
  std::vector<std::array<LikelihoodShift, 5>> shifts_;
  std::unordered_map<std::string_view, ProvisionList> provisions_;
};

}  // namespace

std::vector<Threat> DeriveThreats(const model::SystemModel& model, const RuleCatalog& catalog,
                                  const DeriveOptions& options, DiagnosticSink* findings) {
  DiagnosticSink local;
  Deriver deriver(model, options, findings != nullptr ? *findings : local);
  return deriver.Run(catalog);
}

}  // namespace medtra::rules
