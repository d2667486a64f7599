// CVSS v3.1: strict vector parsing and the base, temporal and environmental equations.
// Source: FIRST, "Common Vulnerability Scoring System v3.1: Specification Document" (June 2019),
// sections 6 (vector string), 7 (equations) and Appendix A (floating-point rounding),
// https://www.first.org/cvss/v3.1/specification-document
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/risk/cvss/score.h"

namespace medtra::risk::cvss {

/// The metrics of CVSS v3.1 in the specification's order (base, temporal, environmental).
enum class Cvss31Metric : uint8_t {
  // clang-format off
  kAV, kAC, kPR, kUI, kS, kC, kI, kA,                          // base (mandatory)
  kE, kRL, kRC,                                                // temporal
  kCR, kIR, kAR, kMAV, kMAC, kMPR, kMUI, kMS, kMC, kMI, kMA,  // environmental
  // clang-format on
};
inline constexpr int kCvss31MetricCount = 22;

/// The abbreviation of a metric, e.g. "AV".
std::string_view Cvss31MetricKey(Cvss31Metric metric);
/// The value abbreviations a metric takes, in the specification's order (optional metrics list
/// "X", Not Defined, first).
std::vector<std::string_view> Cvss31MetricValues(Cvss31Metric metric);
/// True for the metrics every vector states (the base metrics).
bool Cvss31MetricMandatory(Cvss31Metric metric);

/// A parsed CVSS v3.1 vector: one value abbreviation per metric, 'X' (Not Defined) for an optional
/// metric that is absent or given as X.
struct Cvss31Vector {
  std::array<char, kCvss31MetricCount> values{};

  char operator[](Cvss31Metric metric) const { return values[static_cast<int>(metric)]; }
  char& operator[](Cvss31Metric metric) { return values[static_cast<int>(metric)]; }
};

/// Parses "CVSS:3.1/AV:N/..." strictly: the exact prefix, every base metric exactly once, no
/// unknown metric or value, no duplicate, no empty component. Metrics may come in any order and
/// optional metrics may be given as X (specification section 6). Allocates only on error; the
/// error message names the fault, e.g. "duplicate metric 'AV'".
Result<Cvss31Vector> ParseCvss31(std::string_view vector);

/// All scores of a v3.1 vector, as FIRST's calculator reports them (absent metrics count as X).
struct Cvss31Scores {
  Score base;
  Score temporal;
  Score environmental;
  double impact = 0;                   ///< base Impact sub-score (unrounded, may be negative)
  double exploitability = 0;           ///< base Exploitability sub-score, 0.12..3.887 (unrounded)
  double modified_impact = 0;          ///< environmental ModifiedImpact (unrounded)
  double modified_exploitability = 0;  ///< environmental ModifiedExploitability (unrounded)
};

/// Applies the equations of specification section 7.
Cvss31Scores ScoreCvss31(const Cvss31Vector& vector);

/// Roundup exactly as specification Appendix A: the smallest number with one decimal that is
/// equal to or higher than `value`, computed on integers (value * 100000) so that floating-point
/// noise such as 4.000000000000001 gives 4.0. Returns tenths (4.02 -> 41). `value` must be >= 0.
int Roundup31(double value);

/// The vector in canonical form: prefix, base metrics, then every defined optional metric, in the
/// specification's order.
std::string FormatCvss31(const Cvss31Vector& vector);

}  // namespace medtra::risk::cvss
