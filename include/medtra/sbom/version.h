// Version ordering per ecosystem, and the range languages that advisories use (OSV ranges, npm
// ranges, vers). Each comparator follows its ecosystem's reference exactly; tests compare them with
// the references (dpkg, python3-packaging, node-semver) on generated pairs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medtra::sbom {

/// How versions of an ecosystem are ordered.
enum class VersionScheme {
  kDebian,   ///< dpkg: epoch, upstream, revision; '~' before everything, letters before non-letters
  kSemver,   ///< SemVer 2.0.0 (Go with a leading 'v', crates.io, OSV SEMVER ranges)
  kNpm,      ///< node-semver (SemVer 2.0.0 plus its loose prefixes: 'v', '=')
  kPep440,   ///< PyPI: epochs, pre/post/dev releases, local versions, normalisation
  kMaven,    ///< Maven's ComparableVersion
  kGeneric,  ///< no ecosystem's: digit and letter runs in turn (CPE matches, `vers:generic`)
};

/// The scheme of an OSV ecosystem name ("Debian:12" and "Ubuntu:22.04:LTS" -> kDebian, "npm",
/// "PyPI", "Maven", "Go", "crates.io"); nullopt for an ecosystem medtra cannot order.
std::optional<VersionScheme> SchemeOfEcosystem(std::string_view ecosystem);

/// True when `version` is a valid version of the scheme.
bool IsValidVersion(VersionScheme scheme, std::string_view version);

/// <0, 0 or >0 as `a` orders before, equal to or after `b`; nullopt when either is invalid.
std::optional<int> CompareVersions(VersionScheme scheme, std::string_view a, std::string_view b);

/// One event of an OSV range ("introduced": "0" means every version).
struct OsvEvent {
  enum class Kind { kIntroduced, kFixed, kLastAffected, kLimit };
  Kind kind = Kind::kIntroduced;
  std::string version;
};

/// Whether `version` is affected by one OSV range of type SEMVER or ECOSYSTEM, by OSV's
/// evaluation algorithm (events need not be sorted; "limit" bounds the range). nullopt when
/// `version` or an event's version is invalid in the scheme.
std::optional<bool> OsvRangeAffects(VersionScheme scheme, const std::vector<OsvEvent>& events,
                                    std::string_view version);

/// node-semver's `satisfies(version, range)` without options (a pre-release satisfies a range
/// only through a comparator with the same [major, minor, patch] and a pre-release); nullopt when
/// the range or the version cannot be parsed.
std::optional<bool> NpmSatisfies(std::string_view range, std::string_view version);

/// A parsed `vers:` range (vers-spec): its scheme name and constraints in canonical order.
struct VersConstraint {
  std::string comparator;  ///< "=", "!=", "<", "<=", ">", ">=" or "*"
  std::string version;
};
struct VersRange {
  std::string versioning_scheme;  ///< "npm", "pypi", "deb", "maven", "semver", ...
  std::vector<VersConstraint> constraints;
  /// The canonical text ("vers:npm/>=1.0.0|<2.0.0").
  std::string ToString() const;
};

/// Parses and canonicalises a vers string; nullopt with `error` set when it is malformed.
/// Follows vers-spec's "how to parse": no whitespace, no empty, leading or trailing pipes, no
/// leading '=', valid percent-encoding (decoded once), versions valid in a known scheme, sorted
/// by version without duplicates, and no redundant comparator sequence. Errors read
/// "non-canonical VERS: <reason>" (the vers-spec test suite's messages).
std::optional<VersRange> ParseVers(std::string_view text, std::string* error);

/// How strictly ParseVers treats the order of constraints.
enum class VersOrder {
  kCanonical,  ///< unsorted constraints are an error (vers-spec, the default)
  kSort,       ///< unsorted constraints are sorted first (for ranges written by hand)
};
/// ParseVers with a choice of how unsorted constraints are treated.
std::optional<VersRange> ParseVers(std::string_view text, std::string* error, VersOrder order);

/// The version scheme of a vers type ("npm", "pypi", "deb", "maven", "semver", "golang",
/// "cargo", "generic"); nullopt for another type.
std::optional<VersionScheme> SchemeOfVersType(std::string_view type);

/// Whether `version` is inside `range` (vers-spec containment); nullopt when the scheme is unknown
/// or a version is invalid in it.
std::optional<bool> VersContains(const VersRange& range, std::string_view version);

}  // namespace medtra::sbom
