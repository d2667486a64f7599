// Scan: matches with their VEX decision, KEV flag, CVSS for the device and model links.
#include "medtra/sbom/scan.h"

#include <algorithm>
#include <map>
#include <set>

#include "medtra/risk/cvss/cvss.h"
#include "medtra/risk/cvss/likelihood.h"
#include "medtra/sbom/vex_document.h"
#include "sbom/dates.h"

namespace medtra::sbom {
namespace {

bool SamePackage(const Purl& a, const Purl& b) {
  return a.type == b.type && a.namespace_ == b.namespace_ && a.name == b.name;
}

// A decision's package names a component by its purl, or (deb) by its source package; a
// component without a purl (software named by CPE and name only) by the generic purl of its name,
// as suppliers' VEX documents name such products.
bool Identifies(const Purl& package, const SbomComponent& component) {
  if (!component.purl) {
    return package.type == "generic" && package.namespace_.empty() &&
           package.name == component.name;
  }
  if (SamePackage(package, *component.purl)) return true;
  return package.type == "deb" && component.purl->type == "deb" &&
         package.namespace_ == component.purl->namespace_ && !component.source_name.empty() &&
         package.name == component.source_name;
}

// Where one SBOM component runs in the model: its SBOM's binding, or a component binding of it.
struct Target {
  std::string_view component;
  std::string_view risk;
  std::string_view environmental;
  bool match_cpe = false;
};

bool Selects(const model::ComponentBinding& part, const std::optional<Purl>& purl,
             const SbomComponent& c) {
  if (!part.ref.empty()) return c.ref == part.ref;
  if (!part.name.empty()) return c.name == part.name;
  return purl && c.purl && SamePackage(*purl, *c.purl);
}

// The target of every component of `sbom` (none without a binding: an SBOM scanned alone). A
// component that two component bindings select lands on the first; a component binding that selects
// nothing is a warning.
std::vector<Target> TargetsOf(const Sbom& sbom, const model::SbomBinding* binding,
                              DiagnosticSink& sink) {
  std::vector<Target> targets(sbom.components.size());
  if (binding == nullptr) return targets;
  for (Target& t : targets) {
    t = {binding->component, binding->risk, binding->environmental, binding->match_cpe};
  }
  std::vector<bool> bound(sbom.components.size(), false);
  for (const model::ComponentBinding& part : binding->components) {
    std::string error;
    const std::optional<Purl> purl =
        part.purl.empty() ? std::nullopt : ParsePurl(part.purl, &error);
    if (!part.purl.empty() && !purl) {
      sink.Error(part.location, "invalid-value", "component binding purl: " + error);
    }
    bool any = false;
    for (size_t c = 0; c < sbom.components.size(); ++c) {
      if (!Selects(part, purl, sbom.components[c])) continue;
      any = true;
      if (bound[c]) continue;
      bound[c] = true;
      targets[c] = {part.component.empty() ? binding->component : part.component,
                    part.risk.empty() ? binding->risk : part.risk,
                    part.environmental.empty() ? binding->environmental : part.environmental,
                    binding->match_cpe || part.match_cpe};
    }
    if (!any) {
      sink.Warning(part.location, "sbom-binding-unmatched",
                   "this component binding selects no component of " + sbom.file);
    }
  }
  return targets;
}

class Scanner {
 public:
  Scanner(const ScanInput& input, const model::SystemModel* model, const std::string& today,
          DiagnosticSink& sink)
      : input_(input), model_(model), today_(today), sink_(sink) {
    for (const std::vector<model::VexDecision>* list : {&input.vex, &input.supplier_vex}) {
      for (const model::VexDecision& d : *list) Prepare(d, list == &input.supplier_vex);
    }
    if (model_ != nullptr && model_->cvss_likelihood) {
      likelihood_ = model_->cvss_likelihood->options;
    }
    // The flows to and from each bound component, found once (not once per match).
    if (model_ != nullptr) {
      for (const model::SbomBinding& b : input.bindings) {
        flows_of_.try_emplace(b.component);
        for (const model::ComponentBinding& p : b.components) flows_of_.try_emplace(p.component);
      }
      for (const model::Flow& f : model_->flows) {
        for (const std::string* end : {&f.from, &f.to}) {
          if (const auto found = flows_of_.find(*end); found != flows_of_.end()) {
            if (found->second.empty() || found->second.back() != f.id) {
              found->second.push_back(f.id);
            }
          }
        }
      }
      for (auto& [component, flows] : flows_of_) std::sort(flows.begin(), flows.end());
    }
  }

  ScanResult Run() {
    ScanResult result;
    result.advisories = input_.advisories.size();
    for (size_t s = 0; s < input_.sboms.size(); ++s) {
      const Sbom& sbom = input_.sboms[s];
      result.components += sbom.components.size();
      const std::vector<Target> targets =
          TargetsOf(sbom, s < input_.bindings.size() ? &input_.bindings[s] : nullptr, sink_);
      std::set<std::pair<size_t, std::string>> found;  // (component, id or alias)
      MatchOptions options;
      for (const Target& t : targets) options.match_cpe.push_back(t.match_cpe || input_.match_cpe);
      for (const VulnerabilityMatch& m : MatchAdvisories(sbom, input_.advisories, sink_, options)) {
        const Advisory& a = input_.advisories[m.advisory];
        const Target& target = targets[m.component];
        ScanEntry e = Base(sbom, m.component, target);
        e.advisory = a.id;
        e.aliases = a.aliases;
        e.summary = a.summary;
        e.published = a.published.substr(0, 10);
        e.basis = m.basis;
        e.evidence = m.evidence;
        e.fixed = m.fixed;
        found.insert({m.component, a.id});
        for (const std::string& alias : a.aliases) found.insert({m.component, alias});
        Score(a.cvss, target, &e);
        Finish(sbom, m.component, &e);
        result.entries.push_back(std::move(e));
      }
      Stated(sbom, targets, found, &result);
    }
    std::stable_sort(result.entries.begin(), result.entries.end(),
                     [](const ScanEntry& a, const ScanEntry& b) {
                       return std::tie(a.sbom, a.component_ref, a.advisory) <
                              std::tie(b.sbom, b.component_ref, b.advisory);
                     });
    return result;
  }

 private:
  // Parses a decision's package and versions once (errors located at the decision).
  void Prepare(const model::VexDecision& d, bool supplier) {
    std::string error;
    std::optional<Purl> purl = ParsePurl(d.package, &error);
    if (!purl) sink_.Error(d.location, "invalid-value", "VEX package: " + error);
    std::optional<VersRange> range;
    if (!d.versions.empty()) {
      range = ParseVers(d.versions, &error);
      if (!range) sink_.Error(d.location, "invalid-value", "VEX versions: " + error);
    }
    decisions_.push_back({&d, std::move(purl), std::move(range), supplier});
  }

  struct Decision {
    const model::VexDecision* decision;
    std::optional<Purl> purl;
    std::optional<VersRange> range;
    bool supplier = false;  ///< from a supplier's VEX document: the model's own decisions win
  };

  ScanEntry Base(const Sbom& sbom, size_t c, const Target& target) const {
    const SbomComponent& component = sbom.components[c];
    ScanEntry e;
    e.sbom = sbom.file;
    e.component_ref = component.ref;
    e.component = component.name;
    e.purl = component.purl_text;
    e.version = component.version;
    e.location = component.location;
    if (!target.component.empty() && model_ != nullptr) {
      e.model_component = target.component;
      e.risk = target.risk;
      if (const auto found = flows_of_.find(e.model_component); found != flows_of_.end()) {
        e.flows = found->second;
      }
    }
    return e;
  }

  // Vulnerabilities the SBOM itself states (CycloneDX `vulnerabilities`) that no advisory matched.
  void Stated(const Sbom& sbom, const std::vector<Target>& targets,
              const std::set<std::pair<size_t, std::string>>& found, ScanResult* result) {
    for (const SbomVulnerability& v : sbom.vulnerabilities) {
      for (const std::string& ref : v.affects) {
        const auto at = std::find_if(sbom.components.begin(), sbom.components.end(),
                                     [&](const SbomComponent& c) { return c.ref == ref; });
        if (at == sbom.components.end()) continue;
        const size_t c = static_cast<size_t>(at - sbom.components.begin());
        if (found.count({c, v.id}) > 0) continue;
        ScanEntry e = Base(sbom, c, targets[c]);
        e.advisory = v.id;
        e.basis = "manual";
        e.evidence = "stated in the SBOM's vulnerabilities at " + ToString(v.location);
        Score({}, targets[c], &e);
        const std::optional<model::VexStatus> status = StatusOfCycloneDxState(v.state);
        e.vex = {status ? std::string(model::VexStatusName(*status)) : "",
                 OpenVexJustification(v.justification),
                 v.response,
                 v.detail,
                 "",
                 "",
                 sbom.file};
        Finish(sbom, c, &e);
        result->entries.push_back(std::move(e));
      }
    }
  }

  void Score(const std::vector<std::string>& vectors, const Target& target, ScanEntry* e) const {
    e->severity = "unknown";
    // The first vector medtra scores: 3.1 before 4.0 (the rubric and environmental metrics
    // are 3.1).
    std::vector<std::string> ordered = vectors;
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const std::string& v) { return v.starts_with("CVSS:3.1/"); });
    for (std::string vector : ordered) {
      const bool v31 = vector.starts_with("CVSS:3.1/");
      const bool environmental = v31 && !target.environmental.empty();
      if (environmental) vector += "/" + std::string(target.environmental);
      Result<risk::cvss::CvssAssessment> assessment = risk::cvss::AssessVector(vector);
      if (!assessment.ok()) continue;
      const risk::cvss::Score score =
          v31 ? (environmental ? assessment->v31.environmental : assessment->v31.base)
              : assessment->v40.score;
      e->cvss = vector;
      e->environmental = environmental;
      e->score = risk::cvss::FormatScore(score);
      e->severity = std::string(risk::cvss::RatingName(score.rating()));
      const risk::cvss::Score base = v31 ? assessment->v31.base : assessment->v40.score;
      e->base_score = risk::cvss::FormatScore(base);
      e->base_severity = std::string(risk::cvss::RatingName(base.rating()));
      if (model_ != nullptr) {
        const risk::cvss::LikelihoodMapping mapping =
            risk::cvss::LikelihoodFromAssessment(*assessment, likelihood_);
        e->likelihood = mapping.level;
        e->likelihood_value = mapping.value;
      }
      return;
    }
  }

  void Finish(const Sbom& sbom, size_t c, ScanEntry* e) const {
    if (input_.kev) {
      std::vector<std::string> ids = e->aliases;
      ids.push_back(e->advisory);
      for (const std::string& id : ids) {
        if (const KevEntry* k = input_.kev->Find(id)) {
          e->kev = true;
          e->kev_due = k->due_date;
        }
      }
    }
    if (const model::VexDecision* d = FindDecision(sbom.components[c], *e)) {
      e->vex = {std::string(model::VexStatusName(d->status)),
                d->justification,
                d->response,
                d->rationale,
                d->date,
                d->author,
                d->source};
    }
    const bool decided =
        e->vex.status == "not_affected" || e->vex.status == "fixed" || e->vex.status == "affected";
    if (decided && !e->vex.date.empty() && !e->published.empty()) {
      e->decision_days = DaysBetween(e->published, e->vex.date).value_or(-1);
    }
    if (!decided && !e->published.empty() && !today_.empty()) {
      e->age_days = DaysBetween(e->published, today_).value_or(-1);
    }
  }

  // The decision for this vulnerability in this package and version: the model's before a
  // supplier's; within each, one with a version range that contains the version before one for
  // every version.
  const model::VexDecision* FindDecision(const SbomComponent& component, const ScanEntry& e) const {
    if (component.name.empty() && !component.purl) return nullptr;
    for (const bool supplier : {false, true}) {
      if (const model::VexDecision* d = FindDecision(component, e, supplier)) return d;
    }
    return nullptr;
  }

  const model::VexDecision* FindDecision(const SbomComponent& component, const ScanEntry& e,
                                         bool supplier) const {
    const model::VexDecision* general = nullptr;
    for (const Decision& d : decisions_) {
      if (d.supplier != supplier) continue;
      const std::string& id = d.decision->vulnerability;
      const bool names =
          id == e.advisory || std::find(e.aliases.begin(), e.aliases.end(), id) != e.aliases.end();
      if (!names || !d.purl || !Identifies(*d.purl, component)) continue;
      if (!d.decision->versions.empty()) {
        if (!d.range) continue;
        const std::optional<bool> in = VersContains(*d.range, component.version);
        if (in.value_or(false)) return d.decision;
      } else if (general == nullptr) {
        general = d.decision;
      }
    }
    return general;
  }

  const ScanInput& input_;
  const model::SystemModel* model_;
  std::string today_;
  DiagnosticSink& sink_;
  std::vector<Decision> decisions_;
  std::map<std::string, std::vector<std::string>> flows_of_;  ///< bound component -> flow ids
  risk::cvss::LikelihoodOptions likelihood_;
};

}  // namespace

ScanResult Scan(const ScanInput& input, const model::SystemModel* model, const std::string& today,
                DiagnosticSink& sink) {
  ScanResult result = Scanner(input, model, today, sink).Run();
  result.today = today;
  for (ScanEntry& e : result.entries) e.postmarket = "not-assessed";
  return result;
}

}  // namespace medtra::sbom
