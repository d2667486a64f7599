// Links CVSS to the risk analysis: maps a vector's exploitability to a likelihood level name.
//
// Security risk for medical devices is judged on exploitability rather than on a probability of
// occurrence (FDA, "Cybersecurity in Medical Devices", premarket guidance 2025, security risk
// management; AAMI TIR57). This maps
//  - CVSS 3.1: the Exploitability sub-score (8.22 x AV x AC x PR x UI, range 0.12..3.89; the
//    modified sub-score when environmental metrics are given), and
//  - CVSS 4.0: the score itself (4.0 has no separate exploitability sub-score),
// to the first band, from the highest threshold down, whose minimum the value reaches.
//
// Usage (the model/report integration):
//   LikelihoodOptions options;                       // defaults: Low / Medium / High
//   Result<LikelihoodMapping> level = LikelihoodFromVector(vector, options);
//   if (level.ok()) risk.likelihood = level->level;  // e.g. "High"
// Bands may be replaced by the project's own scale, e.g. five levels named like the model's
// likelihood scale; ValidateLikelihoodOptions() checks a user-supplied configuration.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/risk/cvss/cvss.h"

namespace medtra::risk::cvss {

/// One likelihood level: chosen when the value is >= `minimum` (and below the next band's).
struct LikelihoodBand {
  double minimum = 0;
  std::string level;
};

/// Bands in ascending order of `minimum`; the first band's minimum should be 0.
struct LikelihoodOptions {
  /// CVSS 3.1 Exploitability sub-score (0.12..3.89). Defaults: below 1.6 Low (e.g.
  /// AV:P/AC:L/PR:N/UI:N 0.91, AV:N/AC:L/PR:H/UI:N 1.23); 1.6 up to 2.8 Medium (e.g.
  /// AV:L/AC:L/PR:L/UI:N 1.83, AV:N/AC:H/PR:N/UI:N 2.22); 2.8 and above High (e.g.
  /// AV:N/AC:L/PR:L/UI:N and AV:N/AC:L/PR:N/UI:R 2.84, AV:N/AC:L/PR:N/UI:N 3.89).
  std::vector<LikelihoodBand> cvss31 = {{0.0, "Low"}, {1.6, "Medium"}, {2.8, "High"}};
  /// CVSS 4.0 score (0.0..10.0). Defaults follow the qualitative rating boundaries: below 4.0
  /// Low, 4.0 up to 7.0 Medium, 7.0 and above High.
  std::vector<LikelihoodBand> cvss40 = {{0.0, "Low"}, {4.0, "Medium"}, {7.0, "High"}};
  /// CVSS 3.1: use the environmental (modified) exploitability when the vector defines any of
  /// MAV, MAC, MPR, MUI, MS; otherwise the base exploitability.
  bool use_environmental = true;
};

/// Checks that each band list is non-empty, ascending, starts at or below 0 and names each level.
Status ValidateLikelihoodOptions(const LikelihoodOptions& options);

/// The level for a value within ascending bands (the first band when below all minimums).
std::string_view LikelihoodForValue(double value, const std::vector<LikelihoodBand>& bands);

/// The mapped level and the value that chose it.
struct LikelihoodMapping {
  std::string level;
  double value = 0;  ///< the exploitability sub-score (3.1) or the score (4.0)
  CvssVersion version = CvssVersion::kV31;
};

/// Parses and scores `vector`, then maps it. Fails on a malformed vector or invalid options.
Result<LikelihoodMapping> LikelihoodFromVector(std::string_view vector,
                                               const LikelihoodOptions& options);

/// The same for an already scored vector.
LikelihoodMapping LikelihoodFromAssessment(const CvssAssessment& assessment,
                                           const LikelihoodOptions& options);

}  // namespace medtra::risk::cvss
