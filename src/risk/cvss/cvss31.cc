// CVSS v3.1 parsing and scoring, written from the FIRST v3.1 specification (sections 6, 7 and
// Appendix A; https://www.first.org/cvss/v3.1/specification-document).
#include "medtra/risk/cvss/cvss31.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "risk/cvss/vector_parser.h"

namespace medtra::risk::cvss {
namespace {

using internal::MetricDef;

// Specification section 6, Table 15: metric abbreviations and allowed values.
constexpr std::array<MetricDef, kCvss31MetricCount> kMetrics = {{
    {"AV", {"N", "A", "L", "P"}, true},
    {"AC", {"L", "H"}, true},
    {"PR", {"N", "L", "H"}, true},
    {"UI", {"N", "R"}, true},
    {"S", {"U", "C"}, true},
    {"C", {"H", "L", "N"}, true},
    {"I", {"H", "L", "N"}, true},
    {"A", {"H", "L", "N"}, true},
    {"E", {"X", "H", "F", "P", "U"}, false},
    {"RL", {"X", "U", "W", "T", "O"}, false},
    {"RC", {"X", "C", "R", "U"}, false},
    {"CR", {"X", "H", "M", "L"}, false},
    {"IR", {"X", "H", "M", "L"}, false},
    {"AR", {"X", "H", "M", "L"}, false},
    {"MAV", {"X", "N", "A", "L", "P"}, false},
    {"MAC", {"X", "L", "H"}, false},
    {"MPR", {"X", "N", "L", "H"}, false},
    {"MUI", {"X", "N", "R"}, false},
    {"MS", {"X", "U", "C"}, false},
    {"MC", {"X", "H", "L", "N"}, false},
    {"MI", {"X", "H", "L", "N"}, false},
    {"MA", {"X", "H", "L", "N"}, false},
}};

constexpr std::string_view kPrefix = "CVSS:3.1/";

// Section 7.4, Table 16: metric values.
double AttackVector(char v) {
  switch (v) {
    case 'N':
      return 0.85;
    case 'A':
      return 0.62;
    case 'L':
      return 0.55;
    default:
      return 0.2;  // P
  }
}
double AttackComplexity(char v) { return v == 'L' ? 0.77 : 0.44; }
double PrivilegesRequired(char v, bool scope_changed) {
  switch (v) {
    case 'N':
      return 0.85;
    case 'L':
      return scope_changed ? 0.68 : 0.62;
    default:
      return scope_changed ? 0.5 : 0.27;  // H
  }
}
double UserInteraction(char v) { return v == 'N' ? 0.85 : 0.62; }
double CiaImpact(char v) {
  switch (v) {
    case 'H':
      return 0.56;
    case 'L':
      return 0.22;
    default:
      return 0;  // N
  }
}
double ExploitCodeMaturity(char v) {
  switch (v) {
    case 'F':
      return 0.97;
    case 'P':
      return 0.94;
    case 'U':
      return 0.91;
    default:
      return 1;  // X, H
  }
}
double RemediationLevel(char v) {
  switch (v) {
    case 'W':
      return 0.97;
    case 'T':
      return 0.96;
    case 'O':
      return 0.95;
    default:
      return 1;  // X, U
  }
}
double ReportConfidence(char v) {
  switch (v) {
    case 'R':
      return 0.96;
    case 'U':
      return 0.92;
    default:
      return 1;  // X, C
  }
}
double Requirement(char v) {
  switch (v) {
    case 'H':
      return 1.5;
    case 'L':
      return 0.5;
    default:
      return 1;  // X, M
  }
}

// A modified metric falls back to its base metric when Not Defined.
char Modified(const Cvss31Vector& v, Cvss31Metric modified, Cvss31Metric base) {
  return v[modified] == 'X' ? v[base] : v[modified];
}

}  // namespace

std::string_view Cvss31MetricKey(Cvss31Metric metric) {
  return kMetrics[static_cast<int>(metric)].key;
}

std::vector<std::string_view> Cvss31MetricValues(Cvss31Metric metric) {
  std::vector<std::string_view> values;
  for (const std::string_view value : kMetrics[static_cast<int>(metric)].values) {
    if (!value.empty()) values.push_back(value);
  }
  return values;
}

bool Cvss31MetricMandatory(Cvss31Metric metric) {
  return kMetrics[static_cast<int>(metric)].mandatory;
}

int Roundup31(double value) {
  // Appendix A: int_input = round_to_nearest_integer(input * 100000); if int_input % 10000 == 0
  // the result is int_input / 100000.0, else (floor(int_input / 10000) + 1) / 10.0.
  const int64_t int_input = std::llround(value * 100000.0);
  if (int_input % 10000 == 0) return static_cast<int>(int_input / 10000);
  return static_cast<int>(int_input / 10000 + 1);
}

Result<Cvss31Vector> ParseCvss31(std::string_view vector) {
  Status prefix = internal::CheckPrefix(vector, kPrefix);
  if (!prefix.ok()) return prefix;
  internal::MetricSlots slots;
  Status status =
      internal::ParseMetrics(vector, kPrefix.size(), kMetrics, internal::MetricOrder::kAny, slots);
  if (!status.ok()) return status;
  Cvss31Vector out;
  for (int i = 0; i < kCvss31MetricCount; ++i) {
    out.values[i] = slots[i] < 0 ? 'X' : kMetrics[i].values[slots[i]][0];
  }
  return out;
}

Cvss31Scores ScoreCvss31(const Cvss31Vector& v) {
  using M = Cvss31Metric;
  Cvss31Scores scores;

  // 7.1 Base metrics equations.
  const bool changed = v[M::kS] == 'C';
  const double iss =
      1 - ((1 - CiaImpact(v[M::kC])) * (1 - CiaImpact(v[M::kI])) * (1 - CiaImpact(v[M::kA])));
  scores.impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  scores.exploitability = 8.22 * AttackVector(v[M::kAV]) * AttackComplexity(v[M::kAC]) *
                          PrivilegesRequired(v[M::kPR], changed) * UserInteraction(v[M::kUI]);
  if (scores.impact <= 0) {
    scores.base.tenths = 0;
  } else if (changed) {
    scores.base.tenths = Roundup31(std::min(1.08 * (scores.impact + scores.exploitability), 10.0));
  } else {
    scores.base.tenths = Roundup31(std::min(scores.impact + scores.exploitability, 10.0));
  }

  // 7.2 Temporal metrics equations.
  const double e = ExploitCodeMaturity(v[M::kE]);
  const double rl = RemediationLevel(v[M::kRL]);
  const double rc = ReportConfidence(v[M::kRC]);
  scores.temporal.tenths = Roundup31(scores.base.value() * e * rl * rc);

  // 7.3 Environmental metrics equations.
  const bool modified_changed = Modified(v, M::kMS, M::kS) == 'C';
  const double miss =
      std::min(1 - ((1 - Requirement(v[M::kCR]) * CiaImpact(Modified(v, M::kMC, M::kC))) *
                    (1 - Requirement(v[M::kIR]) * CiaImpact(Modified(v, M::kMI, M::kI))) *
                    (1 - Requirement(v[M::kAR]) * CiaImpact(Modified(v, M::kMA, M::kA)))),
               0.915);
  scores.modified_impact = modified_changed
                               ? 7.52 * (miss - 0.029) - 3.25 * std::pow(miss * 0.9731 - 0.02, 13)
                               : 6.42 * miss;
  scores.modified_exploitability =
      8.22 * AttackVector(Modified(v, M::kMAV, M::kAV)) *
      AttackComplexity(Modified(v, M::kMAC, M::kAC)) *
      PrivilegesRequired(Modified(v, M::kMPR, M::kPR), modified_changed) *
      UserInteraction(Modified(v, M::kMUI, M::kUI));
  if (scores.modified_impact <= 0) {
    scores.environmental.tenths = 0;
  } else {
    const double sum = scores.modified_impact + scores.modified_exploitability;
    const double capped = modified_changed ? std::min(1.08 * sum, 10.0) : std::min(sum, 10.0);
    scores.environmental.tenths = Roundup31(Roundup31(capped) / 10.0 * e * rl * rc);
  }
  return scores;
}

std::string FormatCvss31(const Cvss31Vector& vector) {
  std::string out(kPrefix.substr(0, kPrefix.size() - 1));
  for (int i = 0; i < kCvss31MetricCount; ++i) {
    if (!kMetrics[i].mandatory && vector.values[i] == 'X') continue;
    out += '/';
    out += kMetrics[i].key;
    out += ':';
    out += vector.values[i];
  }
  return out;
}

}  // namespace medtra::risk::cvss
