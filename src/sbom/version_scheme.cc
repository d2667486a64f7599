// The scheme of an ecosystem, and validity and ordering dispatched to the scheme's comparator.
#include <optional>
#include <string_view>

#include "medtra/sbom/version.h"
#include "sbom/version_internal.h"

namespace medtra::sbom {
namespace {

// Longer Maven versions are refused: ComparableVersion nests one list per '-' or letter/digit
// change, and medtra compares those lists recursively.
constexpr std::size_t kMaxMavenLength = 1024;

bool IsEcosystem(std::string_view ecosystem, std::string_view name) {
  return ecosystem == name ||
         (ecosystem.size() > name.size() && ecosystem.substr(0, name.size()) == name &&
          ecosystem[name.size()] == ':');
}

}  // namespace

std::optional<VersionScheme> SchemeOfEcosystem(std::string_view ecosystem) {
  if (IsEcosystem(ecosystem, "Debian") || IsEcosystem(ecosystem, "Ubuntu")) {
    return VersionScheme::kDebian;
  }
  if (ecosystem == "npm") return VersionScheme::kNpm;
  if (ecosystem == "PyPI") return VersionScheme::kPep440;
  if (IsEcosystem(ecosystem, "Maven")) return VersionScheme::kMaven;
  if (ecosystem == "Go" || ecosystem == "crates.io") return VersionScheme::kSemver;
  return std::nullopt;
}

bool IsValidVersion(VersionScheme scheme, std::string_view version) {
  switch (scheme) {
    case VersionScheme::kDebian:
      return internal::IsValidDebian(version);
    case VersionScheme::kSemver:
      return internal::ParseSemver(version, /*allow_v=*/true).has_value();
    case VersionScheme::kNpm:
      return internal::ParseNpmVersion(version).has_value();
    case VersionScheme::kPep440:
      return internal::IsValidPep440(version);
    case VersionScheme::kMaven:
      return !version.empty() && version.size() <= kMaxMavenLength;
    case VersionScheme::kGeneric:
      return internal::IsValidGeneric(version);
  }
  return false;
}

std::optional<int> CompareVersions(VersionScheme scheme, std::string_view a, std::string_view b) {
  switch (scheme) {
    case VersionScheme::kDebian:
      return internal::CompareDebian(a, b);
    case VersionScheme::kSemver:
    case VersionScheme::kNpm: {
      const bool npm = scheme == VersionScheme::kNpm;
      const auto va = npm ? internal::ParseNpmVersion(a) : internal::ParseSemver(a, true);
      const auto vb = npm ? internal::ParseNpmVersion(b) : internal::ParseSemver(b, true);
      if (!va || !vb) return std::nullopt;
      return internal::CompareSemver(*va, *vb);
    }
    case VersionScheme::kPep440:
      return internal::ComparePep440(a, b);
    case VersionScheme::kMaven:
      if (!IsValidVersion(scheme, a) || !IsValidVersion(scheme, b)) return std::nullopt;
      return internal::CompareMaven(a, b);
    case VersionScheme::kGeneric:
      return internal::CompareGeneric(a, b);
  }
  return std::nullopt;
}

}  // namespace medtra::sbom
