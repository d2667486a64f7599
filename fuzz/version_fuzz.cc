// libFuzzer target: the version comparators, node-semver ranges, OSV ranges and vers parser must
// never crash on any input, and must keep their invariants: a comparison is antisymmetric and a
// valid version equals itself; a parsed vers range prints a canonical text that parses back to
// the same text. The input is split on '\n' into up to three pieces a, b, c.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/sbom/version.h"

namespace sbom = medtra::sbom;

namespace {

constexpr sbom::VersionScheme kSchemes[] = {
    sbom::VersionScheme::kDebian, sbom::VersionScheme::kSemver, sbom::VersionScheme::kNpm,
    sbom::VersionScheme::kPep440, sbom::VersionScheme::kMaven};

void CheckScheme(sbom::VersionScheme scheme, std::string_view a, std::string_view b,
                 std::string_view c) {
  const std::optional<int> ab = sbom::CompareVersions(scheme, a, b);
  const std::optional<int> ba = sbom::CompareVersions(scheme, b, a);
  if (ab.has_value() != ba.has_value()) std::abort();
  if (ab && ((*ab > 0) - (*ab < 0)) != -((*ba > 0) - (*ba < 0))) std::abort();
  const bool valid = sbom::IsValidVersion(scheme, a);
  const std::optional<int> aa = sbom::CompareVersions(scheme, a, a);
  if (valid != aa.has_value() || (aa && *aa != 0)) std::abort();
  const std::vector<sbom::OsvEvent> events = {
      {sbom::OsvEvent::Kind::kIntroduced, std::string(b)},
      {sbom::OsvEvent::Kind::kFixed, std::string(c)},
  };
  (void)sbom::OsvRangeAffects(scheme, events, a);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view pieces[3];
  std::string_view rest = input;
  for (int i = 0; i < 3; ++i) {
    const std::size_t newline = i < 2 ? rest.find('\n') : std::string_view::npos;
    pieces[i] = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
  }
  const std::string_view a = pieces[0];
  const std::string_view b = pieces[1];
  const std::string_view c = pieces[2];
  for (const sbom::VersionScheme scheme : kSchemes) CheckScheme(scheme, a, b, c);
  (void)sbom::NpmSatisfies(a, b);
  for (const sbom::VersOrder order : {sbom::VersOrder::kCanonical, sbom::VersOrder::kSort}) {
    std::string error;
    const std::optional<sbom::VersRange> range = sbom::ParseVers(a, &error, order);
    if (!range) {
      if (error.empty()) std::abort();
      continue;
    }
    const std::string text = range->ToString();
    const std::optional<sbom::VersRange> again = sbom::ParseVers(text, &error);
    if (!again || again->ToString() != text) std::abort();
    (void)sbom::VersContains(*range, b);
  }
  return 0;
}
