// CVSS v4.0: strict vector parsing and scoring through the MacroVector lookup and interpolation.
// Source: FIRST, "Common Vulnerability Scoring System Version 4.0: Specification Document"
// (November 2023), sections 7 (vector string) and 8 (scoring), and FIRST's reference calculator
// (https://github.com/FIRSTdotorg/cvss-v4-calculator) with its November 2024 rounding fix, which
// the specification names as normative for the scoring details.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/risk/cvss/score.h"

namespace medtra::risk::cvss {

/// The metrics of CVSS v4.0 in the specification's order.
enum class Cvss40Metric : uint8_t {
  // clang-format off
  kAV, kAC, kAT, kPR, kUI, kVC, kVI, kVA, kSC, kSI, kSA,  // base (mandatory)
  kE,                                                     // threat
  kCR, kIR, kAR, kMAV, kMAC, kMAT, kMPR, kMUI,            // environmental
  kMVC, kMVI, kMVA, kMSC, kMSI, kMSA,                     // environmental (impact)
  kS, kAU, kR, kV, kRE, kU,                               // supplemental (never scored)
  // clang-format on
};
inline constexpr int kCvss40MetricCount = 32;

/// The abbreviation of a metric, e.g. "MAV".
std::string_view Cvss40MetricKey(Cvss40Metric metric);
/// The value abbreviations a metric takes, in the specification's order (optional metrics list
/// "X", Not Defined, first).
std::vector<std::string_view> Cvss40MetricValues(Cvss40Metric metric);
/// True for the metrics every vector states (the base metrics).
bool Cvss40MetricMandatory(Cvss40Metric metric);

/// A parsed CVSS v4.0 vector. Each metric holds the first letter of its value abbreviation
/// ('X' when absent or Not Defined); U's values Clear/Green/Amber/Red are 'C', 'G', 'A', 'R'.
struct Cvss40Vector {
  std::array<char, kCvss40MetricCount> values{};

  char operator[](Cvss40Metric metric) const { return values[static_cast<int>(metric)]; }
  char& operator[](Cvss40Metric metric) { return values[static_cast<int>(metric)]; }
  /// The value abbreviation as written in a vector, e.g. "Amber" for U:A.
  std::string_view Value(Cvss40Metric metric) const;
};

/// Parses "CVSS:4.0/AV:N/..." strictly: the exact prefix, the 11 base metrics, known metrics and
/// values only, no duplicate, metrics in the specification's order (as FIRST's calculator and the
/// specification's vector-string table require). X is accepted for non-base metrics only.
/// Allocates only on error.
Result<Cvss40Vector> ParseCvss40(std::string_view vector);

/// "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE" (specification section 1.3).
enum class Cvss40Nomenclature : uint8_t { kB, kBT, kBE, kBTE };
std::string_view Cvss40NomenclatureName(Cvss40Nomenclature nomenclature);

/// The score of a v4.0 vector and how it was reached.
struct Cvss40Result {
  Score score;
  Cvss40Nomenclature nomenclature = Cvss40Nomenclature::kB;
  /// EQ1..EQ6 levels of the MacroVector (specification section 8.2), e.g. {0,0,2,2,0,1}.
  std::array<uint8_t, 6> macro_vector{};
};

/// Scores a vector per specification section 8: MacroVector lookup, then the interpolation by the
/// severity distance to the highest vector of the MacroVector, rounded half up (exact arithmetic,
/// so that exact .x5 values round up as FIRST's November 2024 fix intends).
Cvss40Result ScoreCvss40(const Cvss40Vector& vector);

/// "000201": the macro vector as six digits.
std::string FormatMacroVector(const std::array<uint8_t, 6>& macro_vector);

/// The vector in canonical form (defined metrics only, specification order).
std::string FormatCvss40(const Cvss40Vector& vector);

}  // namespace medtra::risk::cvss
