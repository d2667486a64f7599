// CVSS v4.0 scoring data: the MacroVector score table, the highest-severity vectors of each
// equivalence class and their depths. Transcribed from FIRST's CVSS v4.0 specification section 8
// and its reference calculator (cvss_lookup.js, max_composed.js, max_severity.js in
// https://github.com/FIRSTdotorg/cvss-v4-calculator, BSD-2-Clause); scores are in tenths.
#pragma once

#include <array>
#include <cstdint>

namespace medtra::risk::cvss::internal {

inline constexpr int8_t kNoMacro = -1;

/// MacroVector score in tenths, indexed by MacroIndex(eq1..eq6). Each row below is one
/// (EQ1, EQ2, EQ3) triple; its 18 entries run over EQ4 (0-2), EQ5 (0-2), EQ6 (0-1). EQ3 = 2 with
/// EQ6 = 0 cannot occur (no High impact at all, yet a High requirement met by High impact).
inline constexpr int8_t kN = kNoMacro;
// clang-format off
inline constexpr std::array<int8_t, 324> kMacroScores = {
    // EQ1=0 EQ2=0
    100, 99, 98, 95, 95, 92, 100, 96, 93, 87, 91, 81, 93, 90, 89, 80, 81, 68,  // EQ3=0
    98, 95, 95, 92, 90, 84, 93, 92, 89, 81, 81, 65, 88, 80, 78, 70, 69, 48,  // EQ3=1
    kN, 92, kN, 82, kN, 72, kN, 79, kN, 69, kN, 50, kN, 69, kN, 55, kN, 27,  // EQ3=2
    // EQ1=0 EQ2=1
    99, 97, 95, 92, 92, 85, 95, 91, 90, 83, 84, 71, 92, 81, 82, 71, 72, 53,
    95, 93, 92, 85, 85, 73, 92, 82, 80, 72, 70, 59, 84, 70, 71, 52, 50, 30,
    kN, 86, kN, 75, kN, 52, kN, 71, kN, 52, kN, 29, kN, 63, kN, 29, kN, 17,
    // EQ1=1 EQ2=0
    98, 95, 94, 87, 91, 81, 94, 89, 86, 74, 77, 64, 87, 75, 74, 63, 63, 49,
    94, 89, 88, 77, 76, 67, 86, 76, 74, 58, 59, 50, 72, 57, 57, 52, 52, 25,
    kN, 83, kN, 70, kN, 54, kN, 65, kN, 58, kN, 26, kN, 53, kN, 21, kN, 13,
    // EQ1=1 EQ2=1
    95, 90, 88, 76, 76, 70, 90, 77, 75, 62, 61, 53, 77, 66, 68, 59, 52, 30,
    89, 78, 76, 67, 62, 58, 74, 59, 57, 57, 47, 23, 61, 52, 57, 29, 24, 16,
    kN, 71, kN, 59, kN, 30, kN, 58, kN, 26, kN, 15, kN, 23, kN, 13, kN, 6,
    // EQ1=2 EQ2=0
    93, 87, 86, 72, 75, 58, 86, 74, 74, 61, 56, 34, 70, 54, 52, 40, 40, 22,
    85, 75, 74, 55, 62, 51, 72, 57, 55, 41, 46, 19, 53, 36, 34, 19, 19, 8,
    kN, 64, kN, 51, kN, 20, kN, 47, kN, 21, kN, 11, kN, 24, kN, 9, kN, 4,
    // EQ1=2 EQ2=1
    88, 75, 73, 53, 60, 50, 73, 55, 59, 40, 41, 20, 54, 43, 45, 22, 20, 11,
    75, 55, 58, 45, 40, 21, 61, 51, 48, 18, 20, 9, 46, 18, 17, 7, 8, 2,
    kN, 53, kN, 24, kN, 14, kN, 24, kN, 12, kN, 5, kN, 10, kN, 3, kN, 1,
};
// clang-format on

/// Upper bounds of each EQ level (EQ1 0-2, EQ2 0-1, EQ3 0-2, EQ4 0-2, EQ5 0-2, EQ6 0-1).
inline constexpr std::array<int, 6> kEqLevels = {3, 2, 3, 3, 3, 2};

/// Index into kMacroScores; -1 when a level is out of range.
constexpr int MacroIndex(const std::array<int, 6>& eq) {
  for (int i = 0; i < 6; ++i) {
    if (eq[i] < 0 || eq[i] >= kEqLevels[i]) return -1;
  }
  return ((((eq[0] * 2 + eq[1]) * 3 + eq[2]) * 3 + eq[3]) * 3 + eq[4]) * 2 + eq[5];
}

/// Severity level of a metric value: 0 is the most severe, each step is one tenth of the
/// specification's severity distance (AV N/A/L/P = 0/1/2/3, SC H/L/N = 1/2/3, SI/SA S = 0, ...).
struct MaxVector {
  std::array<int8_t, 6> levels;  // metric levels in the order the EQ group lists them
};

// Highest-severity vectors per EQ level, in the reference calculator's order (the first one at
// or above the scored vector is used). EQ1: AV, PR, UI. EQ2: AC, AT. EQ3+EQ6: VC, VI, VA, CR, IR,
// AR. EQ4: SC, SI, SA.
struct MaxVectors {
  int count;
  std::array<MaxVector, 5> vectors;
};

inline constexpr std::array<MaxVectors, 3> kEq1Max = {{
    {1, {{{{0, 0, 0}}}}},                            // AV:N/PR:N/UI:N
    {3, {{{{1, 0, 0}}, {{0, 1, 0}}, {{0, 0, 1}}}}},  // AV:A/PR:N/UI:N, AV:N/PR:L/UI:N, ...
    {2, {{{{3, 0, 0}}, {{1, 1, 1}}}}},               // AV:P/PR:N/UI:N, AV:A/PR:L/UI:P
}};
inline constexpr std::array<MaxVectors, 2> kEq2Max = {{
    {1, {{{{0, 0}}}}},            // AC:L/AT:N
    {2, {{{{1, 0}}, {{0, 1}}}}},  // AC:H/AT:N, AC:L/AT:P
}};
// Indexed [EQ3 * 2 + EQ6].
inline constexpr std::array<MaxVectors, 6> kEq3Eq6Max = {{
    {1, {{{{0, 0, 0, 0, 0, 0}}}}},                        // 00
    {2, {{{{0, 0, 1, 1, 1, 0}}, {{0, 0, 0, 1, 1, 1}}}}},  // 01
    {2, {{{{1, 0, 0, 0, 0, 0}}, {{0, 1, 0, 0, 0, 0}}}}},  // 10
    {5,
     {{{{1, 0, 1, 0, 1, 0}},
       {{1, 0, 0, 0, 1, 1}},
       {{0, 1, 0, 1, 0, 1}},
       {{0, 1, 1, 1, 0, 0}},
       {{1, 1, 0, 0, 0, 1}}}}},     // 11
    {0, {}},                        // 20 (impossible)
    {1, {{{{1, 1, 1, 0, 0, 0}}}}},  // 21
}};
inline constexpr std::array<MaxVectors, 3> kEq4Max = {{
    {1, {{{{1, 0, 0}}}}},  // SC:H/SI:S/SA:S
    {1, {{{{1, 1, 1}}}}},  // SC:H/SI:H/SA:H
    {1, {{{{2, 2, 2}}}}},  // SC:L/SI:L/SA:L
}};

/// Depth of each MacroVector in severity-distance steps (the reference calculator's
/// max_severity table, already "+1").
inline constexpr std::array<int, 3> kEq1Depth = {1, 4, 5};
inline constexpr std::array<int, 2> kEq2Depth = {1, 2};
inline constexpr std::array<int, 6> kEq3Eq6Depth = {7, 6, 8, 8, 0, 10};  // [EQ3 * 2 + EQ6]
inline constexpr std::array<int, 3> kEq4Depth = {6, 5, 4};

}  // namespace medtra::risk::cvss::internal
