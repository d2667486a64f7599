// What changed since an earlier scan (a `medtra sbom scan` JSON): new matches, matches gone, and
// changes of version, VEX status, severity, KEV flag or postmarket verdict.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/scan.h"

namespace medtra::sbom {

struct MatchKey {
  std::string component;
  std::string advisory;
  friend auto operator<=>(const MatchKey&, const MatchKey&) = default;
};

struct MatchChange {
  MatchKey key;
  std::string field;  ///< version | vex | severity | kev | postmarket
  std::string before;
  std::string after;
};

struct ScanChanges {
  std::string since;  ///< the earlier scan's file
  std::vector<MatchKey> added;
  std::vector<MatchKey> removed;
  std::vector<MatchChange> changed;
};

/// The earlier scan's matches against `current` (both sorted by key). A file that is not a scan
/// JSON is a located error; nullopt then.
std::optional<ScanChanges> CompareWithEarlierScan(const std::string& file, std::string_view text,
                                                  const ScanResult& current, DiagnosticSink& sink);

}  // namespace medtra::sbom
