// CVSS v4.0 parsing and scoring, written from the FIRST v4.0 specification (sections 7 and 8,
// https://www.first.org/cvss/v4.0/specification-document) and its reference calculator's
// documented algorithm. Scoring uses integer arithmetic, so no floating-point residue can move a
// score across a rounding boundary.
#include "medtra/risk/cvss/cvss40.h"

#include <algorithm>
#include <cassert>

#include "risk/cvss/cvss40_tables.h"
#include "risk/cvss/vector_parser.h"

namespace medtra::risk::cvss {
namespace {

using internal::MetricDef;
using M = Cvss40Metric;

// Specification section 7, Table 23 (vector string order, metric values).
constexpr std::array<MetricDef, kCvss40MetricCount> kMetrics = {{
    {"AV", {"N", "A", "L", "P"}, true},
    {"AC", {"L", "H"}, true},
    {"AT", {"N", "P"}, true},
    {"PR", {"N", "L", "H"}, true},
    {"UI", {"N", "P", "A"}, true},
    {"VC", {"H", "L", "N"}, true},
    {"VI", {"H", "L", "N"}, true},
    {"VA", {"H", "L", "N"}, true},
    {"SC", {"H", "L", "N"}, true},
    {"SI", {"H", "L", "N"}, true},
    {"SA", {"H", "L", "N"}, true},
    {"E", {"X", "A", "P", "U"}, false},
    {"CR", {"X", "H", "M", "L"}, false},
    {"IR", {"X", "H", "M", "L"}, false},
    {"AR", {"X", "H", "M", "L"}, false},
    {"MAV", {"X", "N", "A", "L", "P"}, false},
    {"MAC", {"X", "L", "H"}, false},
    {"MAT", {"X", "N", "P"}, false},
    {"MPR", {"X", "N", "L", "H"}, false},
    {"MUI", {"X", "N", "P", "A"}, false},
    {"MVC", {"X", "H", "L", "N"}, false},
    {"MVI", {"X", "H", "L", "N"}, false},
    {"MVA", {"X", "H", "L", "N"}, false},
    {"MSC", {"X", "H", "L", "N"}, false},
    {"MSI", {"X", "S", "H", "L", "N"}, false},
    {"MSA", {"X", "S", "H", "L", "N"}, false},
    {"S", {"X", "N", "P"}, false},
    {"AU", {"X", "N", "Y"}, false},
    {"R", {"X", "A", "U", "I"}, false},
    {"V", {"X", "D", "C"}, false},
    {"RE", {"X", "L", "M", "H"}, false},
    {"U", {"X", "Clear", "Green", "Amber", "Red"}, false},
}};

constexpr std::string_view kPrefix = "CVSS:4.0/";

// The value that scoring uses (section 8): a modified metric replaces its base metric unless
// Not Defined; E:X counts as A, and CR/IR/AR:X as H (the reference calculator's defaults).
struct Effective {
  char av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar;
};

char Pick(const Cvss40Vector& v, M modified, M base) {
  return v[modified] == 'X' ? v[base] : v[modified];
}

Effective EffectiveValues(const Cvss40Vector& v) {
  const auto or_default = [](char value, char fallback) { return value == 'X' ? fallback : value; };
  return {Pick(v, M::kMAV, M::kAV),   Pick(v, M::kMAC, M::kAC),   Pick(v, M::kMAT, M::kAT),
          Pick(v, M::kMPR, M::kPR),   Pick(v, M::kMUI, M::kUI),   Pick(v, M::kMVC, M::kVC),
          Pick(v, M::kMVI, M::kVI),   Pick(v, M::kMVA, M::kVA),   Pick(v, M::kMSC, M::kSC),
          Pick(v, M::kMSI, M::kSI),   Pick(v, M::kMSA, M::kSA),   or_default(v[M::kE], 'A'),
          or_default(v[M::kCR], 'H'), or_default(v[M::kIR], 'H'), or_default(v[M::kAR], 'H')};
}

// Severity levels in tenths of the severity distance (0 = most severe).
int AvLevel(char v) { return v == 'N' ? 0 : v == 'A' ? 1 : v == 'L' ? 2 : 3; }
int PrLevel(char v) { return v == 'N' ? 0 : v == 'L' ? 1 : 2; }
int UiLevel(char v) { return v == 'N' ? 0 : v == 'P' ? 1 : 2; }
int AcLevel(char v) { return v == 'L' ? 0 : 1; }
int AtLevel(char v) { return v == 'N' ? 0 : 1; }
int CiaLevel(char v) { return v == 'H' ? 0 : v == 'L' ? 1 : 2; }
int SubsequentLevel(char v) { return v == 'S' ? 0 : v == 'H' ? 1 : v == 'L' ? 2 : 3; }
int RequirementLevel(char v) { return v == 'H' ? 0 : v == 'M' ? 1 : 2; }

// Section 8.2, Table 24-29: the equivalence sets.
std::array<int, 6> MacroVector(const Effective& x) {
  std::array<int, 6> eq{};
  if (x.av == 'N' && x.pr == 'N' && x.ui == 'N') {
    eq[0] = 0;
  } else if ((x.av == 'N' || x.pr == 'N' || x.ui == 'N') && x.av != 'P') {
    eq[0] = 1;
  } else {
    eq[0] = 2;
  }
  eq[1] = x.ac == 'L' && x.at == 'N' ? 0 : 1;
  if (x.vc == 'H' && x.vi == 'H') {
    eq[2] = 0;
  } else if (x.vc == 'H' || x.vi == 'H' || x.va == 'H') {
    eq[2] = 1;
  } else {
    eq[2] = 2;
  }
  if (x.si == 'S' || x.sa == 'S') {
    eq[3] = 0;
  } else if (x.sc == 'H' || x.si == 'H' || x.sa == 'H') {
    eq[3] = 1;
  } else {
    eq[3] = 2;
  }
  eq[4] = x.e == 'A' ? 0 : x.e == 'P' ? 1 : 2;
  eq[5] =
      (x.cr == 'H' && x.vc == 'H') || (x.ir == 'H' && x.vi == 'H') || (x.ar == 'H' && x.va == 'H')
          ? 0
          : 1;
  return eq;
}

int MacroScore(const std::array<int, 6>& eq) {
  const int index = internal::MacroIndex(eq);
  return index < 0 ? internal::kNoMacro : internal::kMacroScores[index];
}

// The severity distance from the first highest-severity vector of the class that is at least as
// severe as the scored vector in every metric; -1 when none is (then the last one is used, as
// the reference calculator does).
template <size_t N>
int Distance(const internal::MaxVectors& candidates, const std::array<int, N>& levels,
             bool* found) {
  int sum = 0;
  for (int c = 0; c < candidates.count; ++c) {
    bool at_or_above = true;
    sum = 0;
    for (size_t i = 0; i < N; ++i) {
      const int d = levels[i] - candidates.vectors[c].levels[i];
      if (d < 0) at_or_above = false;
      sum += d;
    }
    if (at_or_above) return sum;
  }
  *found = false;
  return sum;
}

}  // namespace

std::string_view Cvss40MetricKey(Cvss40Metric metric) {
  return kMetrics[static_cast<int>(metric)].key;
}

std::vector<std::string_view> Cvss40MetricValues(Cvss40Metric metric) {
  std::vector<std::string_view> values;
  for (const std::string_view value : kMetrics[static_cast<int>(metric)].values) {
    if (!value.empty()) values.push_back(value);
  }
  return values;
}

bool Cvss40MetricMandatory(Cvss40Metric metric) {
  return kMetrics[static_cast<int>(metric)].mandatory;
}

std::string_view Cvss40Vector::Value(Cvss40Metric metric) const {
  const MetricDef& def = kMetrics[static_cast<int>(metric)];
  const char first = values[static_cast<int>(metric)];
  for (const std::string_view value : def.values) {
    if (!value.empty() && value[0] == first) return value;
  }
  return "X";
}

std::string_view Cvss40NomenclatureName(Cvss40Nomenclature nomenclature) {
  switch (nomenclature) {
    case Cvss40Nomenclature::kB:
      return "CVSS-B";
    case Cvss40Nomenclature::kBT:
      return "CVSS-BT";
    case Cvss40Nomenclature::kBE:
      return "CVSS-BE";
    case Cvss40Nomenclature::kBTE:
      return "CVSS-BTE";
  }
  return "CVSS-B";
}

Result<Cvss40Vector> ParseCvss40(std::string_view vector) {
  Status prefix = internal::CheckPrefix(vector, kPrefix);
  if (!prefix.ok()) return prefix;
  internal::MetricSlots slots;
  Status status = internal::ParseMetrics(vector, kPrefix.size(), kMetrics,
                                         internal::MetricOrder::kSpecification, slots);
  if (!status.ok()) return status;
  Cvss40Vector out;
  for (int i = 0; i < kCvss40MetricCount; ++i) {
    out.values[i] = slots[i] < 0 ? 'X' : kMetrics[i].values[slots[i]][0];
  }
  return out;
}

Cvss40Result ScoreCvss40(const Cvss40Vector& v) {
  Cvss40Result result;
  const bool threat = v[M::kE] != 'X';
  bool environmental = false;
  for (int i = static_cast<int>(M::kCR); i <= static_cast<int>(M::kMSA); ++i) {
    environmental = environmental || v.values[i] != 'X';
  }
  result.nomenclature = threat
                            ? (environmental ? Cvss40Nomenclature::kBTE : Cvss40Nomenclature::kBT)
                            : (environmental ? Cvss40Nomenclature::kBE : Cvss40Nomenclature::kB);

  const Effective x = EffectiveValues(v);
  const std::array<int, 6> eq = MacroVector(x);
  for (int i = 0; i < 6; ++i) result.macro_vector[i] = static_cast<uint8_t>(eq[i]);

  // Section 8.3: no impact on either system scores 0.
  if (x.vc == 'N' && x.vi == 'N' && x.va == 'N' && x.sc == 'N' && x.si == 'N' && x.sa == 'N') {
    result.score.tenths = 0;
    return result;
  }
  const int value = MacroScore(eq);

  // Severity distances of the scored vector from the highest vector of its MacroVector.
  bool found = true;
  const int d_eq1 =
      Distance(internal::kEq1Max[eq[0]],
               std::array<int, 3>{AvLevel(x.av), PrLevel(x.pr), UiLevel(x.ui)}, &found);
  const int d_eq2 =
      Distance(internal::kEq2Max[eq[1]], std::array<int, 2>{AcLevel(x.ac), AtLevel(x.at)}, &found);
  const int d_eq3eq6 = Distance(
      internal::kEq3Eq6Max[eq[2] * 2 + eq[5]],
      std::array<int, 6>{CiaLevel(x.vc), CiaLevel(x.vi), CiaLevel(x.va), RequirementLevel(x.cr),
                         RequirementLevel(x.ir), RequirementLevel(x.ar)},
      &found);
  const int d_eq4 = Distance(
      internal::kEq4Max[eq[3]],
      std::array<int, 3>{SubsequentLevel(x.sc), SubsequentLevel(x.si), SubsequentLevel(x.sa)},
      &found);
  assert(found && "the highest-severity vectors cover every vector (see cvss40_test.cc)");
  (void)found;

  // Maximal scoring difference to the next lower MacroVector of each EQ (absent ones are skipped).
  auto lower = [&eq](int index, int step) {
    std::array<int, 6> next = eq;
    next[index] += step;
    return MacroScore(next);
  };
  int eq3eq6_lower;
  if (eq[2] == 0 && eq[5] == 0) {
    std::array<int, 6> left = eq;
    left[5] = 1;
    std::array<int, 6> right = eq;
    right[2] = 1;
    eq3eq6_lower = std::max(MacroScore(left), MacroScore(right));
  } else if (eq[2] == 1 && eq[5] == 0) {
    eq3eq6_lower = lower(5, 1);
  } else if (eq[2] == 2) {
    eq3eq6_lower = internal::kNoMacro;  // 21 has no lower MacroVector
  } else {
    eq3eq6_lower = lower(2, 1);  // 01 -> 11, 11 -> 21
  }

  // mean = sum(available_i * distance_i / depth_i) / n, kept exact over the common denominator
  // 840 (the least common multiple of every depth) and n.
  constexpr int kDenominator = 840;
  struct Part {
    int lower_score;
    int distance;
    int depth;
  };
  const Part parts[] = {
      {lower(0, 1), d_eq1, internal::kEq1Depth[eq[0]]},
      {lower(1, 1), d_eq2, internal::kEq2Depth[eq[1]]},
      {eq3eq6_lower, d_eq3eq6, internal::kEq3Eq6Depth[eq[2] * 2 + eq[5]]},
      {lower(3, 1), d_eq4, internal::kEq4Depth[eq[3]]},
      {lower(4, 1), 0, 1},  // EQ5's proportion is always 0, but it counts in n
  };
  int64_t numerator = 0;  // sum of available * distance / depth, times 840
  int n = 0;
  for (const Part& part : parts) {
    if (part.lower_score == internal::kNoMacro) continue;
    ++n;
    numerator += static_cast<int64_t>(value - part.lower_score) * part.distance *
                 (kDenominator / part.depth);
  }
  if (n == 0) {
    result.score.tenths = value;
    return result;
  }
  // score = value - numerator / (840 n), clamped to [0, 10], rounded half up to tenths.
  const int64_t denominator = static_cast<int64_t>(kDenominator) * n;
  int64_t scaled = static_cast<int64_t>(value) * denominator - numerator;
  if (scaled < 0) scaled = 0;
  if (scaled > 100 * denominator) scaled = 100 * denominator;
  result.score.tenths = static_cast<int>((2 * scaled + denominator) / (2 * denominator));
  return result;
}

std::string FormatMacroVector(const std::array<uint8_t, 6>& macro_vector) {
  std::string out(6, '0');
  for (int i = 0; i < 6; ++i) out[i] = static_cast<char>('0' + macro_vector[i]);
  return out;
}

std::string FormatCvss40(const Cvss40Vector& vector) {
  std::string out(kPrefix.substr(0, kPrefix.size() - 1));
  for (int i = 0; i < kCvss40MetricCount; ++i) {
    if (!kMetrics[i].mandatory && vector.values[i] == 'X') continue;
    out += '/';
    out += kMetrics[i].key;
    out += ':';
    out += vector.Value(static_cast<Cvss40Metric>(i));
  }
  return out;
}

}  // namespace medtra::risk::cvss
