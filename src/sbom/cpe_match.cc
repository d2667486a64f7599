// MatchByCpe: components that opted in, matched with NVD CPE criteria by exact part, vendor and
// product through an index, then by version bounds.
#include "sbom/cpe_match.h"

#include <set>
#include <unordered_map>

namespace medtra::sbom::internal {
namespace {

struct Criterion {
  size_t advisory;
  size_t cpe;
};

std::string Key(const Cpe& cpe) { return cpe.vendor().text + '\n' + cpe.product().text; }

bool Exact(const Cpe& cpe) { return cpe.vendor().Concrete() && cpe.product().Concrete(); }

class CpeMatcher {
 public:
  CpeMatcher(const Sbom& sbom, const std::vector<Advisory>& advisories, DiagnosticSink& sink,
             std::vector<VulnerabilityMatch>* matches)
      : sbom_(sbom), advisories_(advisories), sink_(sink), matches_(*matches) {
    for (size_t a = 0; a < advisories.size(); ++a) {
      if (!advisories[a].withdrawn.empty()) continue;
      for (size_t i = 0; i < advisories[a].cpes.size(); ++i) {
        const Cpe& cpe = advisories[a].cpes[i].cpe;
        if (Exact(cpe)) index_[Key(cpe)].push_back({a, i});
      }
    }
    for (const VulnerabilityMatch& m : *matches) {
      const Advisory& a = advisories[m.advisory];
      std::set<std::string>& ids = found_[m.component];
      ids.insert(a.id);
      ids.insert(a.aliases.begin(), a.aliases.end());
    }
  }

  void Component(size_t c) {
    const SbomComponent& component = sbom_.components[c];
    const VersionScheme scheme = SchemeFor(component);
    std::set<size_t> seen;
    for (const std::string& text : component.cpes) {
      std::string error;
      const std::optional<Cpe> cpe = ParseCpe(text, &error);
      if (!cpe) {
        sink_.Warning(component.location, "sbom-bad-cpe",
                      "CPE '" + text + "' of component '" + component.name + "': " + error);
        continue;
      }
      if (!Exact(*cpe)) {
        sink_.Warning(component.location, "sbom-cpe-not-exact",
                      "component '" + component.name + "' is not matched by CPE '" + text +
                          "': medtra matches CPEs only by an exact vendor and product");
        continue;
      }
      const std::string version =
          cpe->version().Concrete() ? cpe->version().text : component.version;
      if (version.empty()) continue;
      const auto found = index_.find(Key(*cpe));
      if (found == index_.end()) continue;
      for (const Criterion& k : found->second) {
        if (seen.count(k.advisory) > 0 || Known(c, advisories_[k.advisory])) continue;
        if (Evaluate(c, *cpe, text, version, scheme, k)) seen.insert(k.advisory);
      }
    }
  }

 private:
  bool Known(size_t c, const Advisory& a) const {
    const auto found = found_.find(c);
    if (found == found_.end()) return false;
    if (found->second.count(a.id) > 0) return true;
    for (const std::string& alias : a.aliases) {
      if (found->second.count(alias) > 0) return true;
    }
    return false;
  }

  // The ordering for this component's versions: its ecosystem's, else the generic one.
  VersionScheme SchemeFor(const SbomComponent& component) const {
    std::string why_not;
    if (component.purl) {
      if (const std::optional<PackageKey> key = PackageKeyOf(component, &why_not)) {
        if (const std::optional<VersionScheme> s = SchemeOfEcosystem(key->ecosystem)) return *s;
      }
    }
    return VersionScheme::kGeneric;
  }

  bool Evaluate(size_t c, const Cpe& cpe, const std::string& text, const std::string& version,
                VersionScheme scheme, const Criterion& k) {
    const SbomComponent& component = sbom_.components[c];
    const Advisory& advisory = advisories_[k.advisory];
    const AdvisoryCpe& criterion = advisory.cpes[k.cpe];
    const Cpe& want = criterion.cpe;
    if (cpe.part().Concrete() && want.part().Concrete() && cpe.part().text != want.part().text) {
      return false;
    }
    if (want.update().Concrete() && cpe.update().Concrete() &&
        want.update().text != cpe.update().text) {
      return false;
    }
    std::string bounds;
    if (want.version().Concrete()) {
      const std::optional<int> order = CompareVersions(scheme, want.version().text, version);
      if (!order) return Unordered(component, version, advisory);
      if (*order != 0) return false;
      bounds = "version " + want.version().text;
    } else if (want.version().Any()) {
      if (!criterion.start.empty()) {
        const std::optional<int> order = CompareVersions(scheme, version, criterion.start);
        if (!order) return Unordered(component, version, advisory);
        if (*order < 0 || (*order == 0 && !criterion.start_including)) return false;
        bounds = (criterion.start_including ? ">= " : "> ") + criterion.start;
      }
      if (!criterion.end.empty()) {
        const std::optional<int> order = CompareVersions(scheme, version, criterion.end);
        if (!order) return Unordered(component, version, advisory);
        if (*order > 0 || (*order == 0 && !criterion.end_including)) return false;
        bounds += (bounds.empty() ? "" : ", ") +
                  std::string(criterion.end_including ? "<= " : "< ") + criterion.end;
      }
      if (bounds.empty()) bounds = "every version";
    } else {
      return false;  // NA, or a version pattern medtra does not expand
    }
    VulnerabilityMatch match;
    match.component = c;
    match.advisory = k.advisory;
    match.basis = "cpe";
    match.package = cpe.vendor().text + ":" + cpe.product().text;
    match.evidence = "CPE " + text + " (version " + version + ") matches " + criterion.criteria +
                     " [" + bounds + "]";
    if (criterion.with_platform) {
      match.evidence += "; NVD lists it with a platform condition that medtra does not check";
    }
    if (!criterion.end.empty() && !criterion.end_including) match.fixed = criterion.end;
    matches_.push_back(std::move(match));
    return true;
  }

  bool Unordered(const SbomComponent& component, const std::string& version,
                 const Advisory& advisory) {
    sink_.Warning(component.location, "sbom-version-unordered",
                  "version '" + version + "' of component '" + component.name +
                      "' cannot be compared with the CPE bounds of " + advisory.id);
    return false;
  }

  const Sbom& sbom_;
  const std::vector<Advisory>& advisories_;
  DiagnosticSink& sink_;
  std::vector<VulnerabilityMatch>& matches_;
  std::unordered_map<std::string, std::vector<Criterion>> index_;
  std::unordered_map<size_t, std::set<std::string>> found_;  ///< component -> ids and aliases
};

}  // namespace

void MatchByCpe(const Sbom& sbom, const std::vector<Advisory>& advisories,
                const std::vector<bool>& opted_in, DiagnosticSink& sink,
                std::vector<VulnerabilityMatch>* matches) {
  CpeMatcher matcher(sbom, advisories, sink, matches);
  for (size_t c = 0; c < sbom.components.size() && c < opted_in.size(); ++c) {
    if (opted_in[c]) matcher.Component(c);
  }
}

}  // namespace medtra::sbom::internal
