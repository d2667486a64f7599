// MatchAdvisories: an index of the advisories by (ecosystem, name), then one lookup per component.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "medtra/sbom/match.h"
#include "sbom/cpe_match.h"

namespace medtra::sbom {
namespace {

struct Entry {
  size_t advisory;
  size_t package;
};

std::string IndexKey(const PackageKey& key) { return key.ecosystem + '\n' + key.name; }

std::string_view EventName(OsvEvent::Kind kind) {
  switch (kind) {
    case OsvEvent::Kind::kIntroduced:
      return "introduced";
    case OsvEvent::Kind::kFixed:
      return "fixed";
    case OsvEvent::Kind::kLastAffected:
      return "last_affected";
    case OsvEvent::Kind::kLimit:
      return "limit";
  }
  return "";
}

std::string RangeText(const AdvisoryRange& range) {
  std::string text = "[";
  for (size_t i = 0; i < range.events.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::string(EventName(range.events[i].kind)) + " " + range.events[i].version;
  }
  return text + "]";
}

bool SamePackage(const Purl& a, std::string_view text) {
  std::string error;
  const std::optional<Purl> b = ParsePurl(text, &error);
  return b && a.type == b->type && a.namespace_ == b->namespace_ && a.name == b->name;
}

class Matcher {
 public:
  Matcher(const Sbom& sbom, const std::vector<Advisory>& advisories, DiagnosticSink& sink)
      : sbom_(sbom), advisories_(advisories), sink_(sink) {
    for (size_t a = 0; a < advisories.size(); ++a) {
      if (!advisories[a].withdrawn.empty()) continue;
      for (size_t p = 0; p < advisories[a].affected.size(); ++p) {
        const AdvisoryPackage& package = advisories[a].affected[p];
        if (package.ecosystem.empty()) continue;
        index_[IndexKey(NormalisedKey(package.ecosystem, package.name))].push_back({a, p});
      }
    }
  }

  std::vector<VulnerabilityMatch> Run() {
    for (size_t c = 0; c < sbom_.components.size(); ++c) Component(c);
    return std::move(matches_);
  }

 private:
  void Component(size_t c) {
    const SbomComponent& component = sbom_.components[c];
    if (component.version.empty() || !component.purl) return;
    std::string why_not;
    const std::optional<PackageKey> key = PackageKeyOf(component, &why_not);
    if (!key) {
      if (component.purl->type == "deb") {
        sink_.Warning(
            component.location, "sbom-unmatchable-component",
            "component '" + component.name + "' cannot be matched with advisories: " + why_not);
      }
      return;
    }
    const auto found = index_.find(IndexKey(*key));
    if (found == index_.end()) return;
    std::set<size_t> seen;  // one match per advisory, even if it lists the package twice
    for (const Entry& entry : found->second) {
      if (seen.count(entry.advisory) > 0) continue;
      if (Evaluate(c, *key, entry)) seen.insert(entry.advisory);
    }
  }

  bool Evaluate(size_t c, const PackageKey& key, const Entry& entry) {
    const SbomComponent& component = sbom_.components[c];
    const Advisory& advisory = advisories_[entry.advisory];
    const AdvisoryPackage& package = advisory.affected[entry.package];
    const std::optional<VersionScheme> scheme = SchemeOfEcosystem(key.ecosystem);
    const std::string& version = component.version;
    VulnerabilityMatch match;
    match.component = c;
    match.advisory = entry.advisory;
    match.ecosystem = key.ecosystem;
    match.package = key.name;
    const std::string subject = key.ecosystem + " " + key.name + " " + version;
    bool affected = false;
    bool git_only = !package.ranges.empty();
    for (const AdvisoryRange& range : package.ranges) {
      if (range.type == AdvisoryRange::Type::kGit) continue;
      git_only = false;
      if (!scheme) continue;
      const std::optional<bool> in = OsvRangeAffects(*scheme, range.events, version);
      if (!in) {
        sink_.Warning(component.location, "sbom-version-unordered",
                      "version '" + version + "' of component '" + component.name +
                          "' cannot be compared with the ranges of " + advisory.id + " (" +
                          key.ecosystem + ")");
        continue;
      }
      for (const OsvEvent& event : range.events) {
        if (event.kind != OsvEvent::Kind::kFixed) continue;
        const std::optional<int> order = CompareVersions(*scheme, event.version, version);
        if (!order || *order <= 0) continue;
        const std::optional<int> lower = match.fixed.empty()
                                             ? std::optional<int>(-1)
                                             : CompareVersions(*scheme, event.version, match.fixed);
        if (lower && *lower < 0) {
          match.fixed = event.version;
        }
      }
      if (*in && !affected) {
        affected = true;
        match.evidence = subject + " is in the range " + RangeText(range);
      }
    }
    if (!affected) {
      for (const std::string& listed : package.versions) {
        const bool same = scheme
                              ? CompareVersions(*scheme, listed, version) == std::optional<int>(0)
                              : listed == version;
        if (same) {
          affected = true;
          match.evidence = subject + " is listed among the affected versions";
          break;
        }
      }
    }
    if (!affected) return false;
    if (git_only) {
      match.basis = "git";
    } else if (!package.purl.empty() && SamePackage(*component.purl, package.purl)) {
      match.basis = "purl";
    } else {
      match.basis = "ecosystem";
    }
    matches_.push_back(std::move(match));
    return true;
  }

  const Sbom& sbom_;
  const std::vector<Advisory>& advisories_;
  DiagnosticSink& sink_;
  std::unordered_map<std::string, std::vector<Entry>> index_;
  std::vector<VulnerabilityMatch> matches_;
};

}  // namespace

std::vector<VulnerabilityMatch> MatchAdvisories(const Sbom& sbom,
                                                const std::vector<Advisory>& advisories,
                                                DiagnosticSink& sink, const MatchOptions& options) {
  std::vector<VulnerabilityMatch> matches = Matcher(sbom, advisories, sink).Run();
  if (!options.match_cpe.empty()) {
    internal::MatchByCpe(sbom, advisories, options.match_cpe, sink, &matches);
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [&](const VulnerabilityMatch& a, const VulnerabilityMatch& b) {
                     if (a.component != b.component) return a.component < b.component;
                     return advisories[a.advisory].id < advisories[b.advisory].id;
                   });
  return matches;
}

}  // namespace medtra::sbom
