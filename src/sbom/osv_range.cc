// OSV range evaluation, as the OSV schema's "Evaluation" pseudocode gives it.
#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "medtra/sbom/version.h"

namespace medtra::sbom {
namespace {

bool IsZero(const OsvEvent& e) { return e.kind == OsvEvent::Kind::kIntroduced && e.version == "0"; }
bool IsInfinity(const OsvEvent& e) {
  return e.kind == OsvEvent::Kind::kLimit && e.version.find('*') != std::string::npos;
}

// The order of events of one version: introduced before last_affected before fixed, so that an
// event list such as introduced 1.0, fixed 1.0 affects nothing.
int KindRank(OsvEvent::Kind kind) {
  switch (kind) {
    case OsvEvent::Kind::kIntroduced:
      return 0;
    case OsvEvent::Kind::kLastAffected:
      return 1;
    case OsvEvent::Kind::kFixed:
      return 2;
    case OsvEvent::Kind::kLimit:
      return 3;
  }
  return 3;
}

}  // namespace

std::optional<bool> OsvRangeAffects(VersionScheme scheme, const std::vector<OsvEvent>& events,
                                    std::string_view version) {
  if (!IsValidVersion(scheme, version)) return std::nullopt;
  std::vector<const OsvEvent*> sorted;
  bool have_limit = false;
  bool before_limits = false;
  for (const OsvEvent& e : events) {
    if (IsZero(e) || IsInfinity(e)) {
      // "0" sorts before every version; a limit containing "*" is infinity.
    } else if (!IsValidVersion(scheme, e.version)) {
      return std::nullopt;
    }
    if (e.kind == OsvEvent::Kind::kLimit) {
      have_limit = true;
      if (IsInfinity(e) || *CompareVersions(scheme, version, e.version) < 0) before_limits = true;
      continue;
    }
    sorted.push_back(&e);
  }
  if (have_limit && !before_limits) return false;
  std::stable_sort(sorted.begin(), sorted.end(), [scheme](const OsvEvent* a, const OsvEvent* b) {
    const bool za = IsZero(*a);
    const bool zb = IsZero(*b);
    int c = 0;
    if (za || zb) {
      c = za == zb ? 0 : (za ? -1 : 1);
    } else {
      c = *CompareVersions(scheme, a->version, b->version);
    }
    if (c != 0) return c < 0;
    return KindRank(a->kind) < KindRank(b->kind);
  });
  bool vulnerable = false;
  for (const OsvEvent* e : sorted) {
    const int c = IsZero(*e) ? 1 : *CompareVersions(scheme, version, e->version);
    if (e->kind == OsvEvent::Kind::kIntroduced) {
      if (c >= 0) vulnerable = true;
    } else if (e->kind == OsvEvent::Kind::kFixed) {
      if (c >= 0) vulnerable = false;
    } else if (e->kind == OsvEvent::Kind::kLastAffected) {
      if (c > 0) vulnerable = false;
    }
  }
  return vulnerable;
}

}  // namespace medtra::sbom
