// Private helpers of the version comparators: one parser and comparator per scheme.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medtra::sbom::internal {

/// Compares two strings of decimal digits by value (leading zeros ignored): <0, 0 or >0.
int CompareDigits(std::string_view a, std::string_view b);

/// dpkg: validity (no error and no warning from dpkg's parseversion) and ordering.
bool IsValidDebian(std::string_view version);
std::optional<int> CompareDebian(std::string_view a, std::string_view b);

/// A SemVer 2.0.0 version; numbers are kept as digit strings, so any size compares exactly.
struct Semver {
  std::string major, minor, patch;
  std::vector<std::string> prerelease;
};
/// Strict SemVer 2.0.0; `allow_v` accepts one leading 'v' (Go, node-semver).
std::optional<Semver> ParseSemver(std::string_view text, bool allow_v);
int CompareSemver(const Semver& a, const Semver& b);

/// node-semver's `new SemVer(text)` without options: trimmed, an optional 'v', at most 256
/// characters, numbers below 2^53.
std::optional<Semver> ParseNpmVersion(std::string_view text);

/// PEP 440 as packaging.version.Version parses and orders it.
bool IsValidPep440(std::string_view version);
std::optional<int> ComparePep440(std::string_view a, std::string_view b);

/// Maven's ComparableVersion (every string is a version).
int CompareMaven(std::string_view a, std::string_view b);

/// The generic ordering: printable ASCII without spaces, at least one letter or digit, at most
/// 256 characters; runs of digits (by value) and letters (case-insensitively) compared in turn,
/// separators ignored, a number after letters, a longer version after its prefix.
bool IsValidGeneric(std::string_view version);
std::optional<int> CompareGeneric(std::string_view a, std::string_view b);

}  // namespace medtra::sbom::internal
