// Matching SBOM components against advisories: by (OSV ecosystem, normalised name, version),
// indexed by ecosystem and name, each match with the evidence it rests on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/advisory.h"
#include "medtra/sbom/sbom.h"

namespace medtra::sbom {

/// Where a component sits in the advisories' world: an OSV ecosystem and package name.
struct PackageKey {
  std::string ecosystem;  ///< "Debian:12", "npm", "PyPI", ...
  std::string name;       ///< normalised (PyPI: PEP 503), Debian: the source package
  friend bool operator==(const PackageKey&, const PackageKey&) = default;
};

/// The OSV package of a component from its purl; nullopt (with `why_not`) when it has none or
/// the purl does not tell the ecosystem (a deb purl without a `distro` qualifier).
std::optional<PackageKey> PackageKeyOf(const SbomComponent& component, std::string* why_not);

/// An advisory's ecosystem and name in the same normal form ("Ubuntu:22.04:LTS" -> "Ubuntu:22.04",
/// PyPI names per PEP 503).
PackageKey NormalisedKey(std::string_view ecosystem, std::string_view name);

struct VulnerabilityMatch {
  size_t component = 0;  ///< index into the SBOM's components
  size_t advisory = 0;   ///< index into the advisories
  std::string basis;     ///< purl | ecosystem | cpe | git | manual
  std::string ecosystem;
  std::string package;
  std::string evidence;  ///< why: "Debian:12 openssl: 3.0.9-1 in [introduced 0, fixed 3.0.11-1]"
  std::string fixed;     ///< the lowest fixed version above the component's, or ""
};

struct MatchOptions {
  /// Components (by index) that opted in to CPE matching; empty: none.
  std::vector<bool> match_cpe;
};

/// Matches every component with a version against every advisory of its package. Withdrawn
/// advisories match nothing. A version that the ecosystem cannot order, or a component whose
/// ecosystem cannot be told, is a warning in `sink` (located at the component). Components that
/// opted in are also matched with the advisories' CPE criteria: exact part, vendor and product
/// (a wildcard vendor or product on either side never matches), the version inside the
/// criterion's bounds, ordered by the component's ecosystem or else generically; an advisory
/// already matched by package (by id or alias) is not matched again. Sorted by component, then
/// advisory id.
std::vector<VulnerabilityMatch> MatchAdvisories(const Sbom& sbom,
                                                const std::vector<Advisory>& advisories,
                                                DiagnosticSink& sink,
                                                const MatchOptions& options = {});

}  // namespace medtra::sbom
