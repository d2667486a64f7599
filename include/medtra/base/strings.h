// String helpers shared by every module: edit distance, "did you mean", joining, number formatting.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace medtra {

/// Whether `text` matches `pattern`, where '*' matches any run of characters (none included)
/// and every other character itself. Linear in practice (greedy with one backtrack point).
bool GlobMatch(std::string_view pattern, std::string_view text);

/// Levenshtein distance between a and b, giving up (returning max + 1) once it exceeds max.
int EditDistance(std::string_view a, std::string_view b, int max);

/// The candidate closest to `word` if it is close enough to be a plausible typo, else "".
std::string ClosestMatch(std::string_view word, std::span<const std::string> candidates);

/// " (did you mean 'x'?)" when a close candidate exists, else "".
std::string DidYouMean(std::string_view word, std::span<const std::string> candidates);

/// Joins the items with the separator.
std::string Join(std::span<const std::string> items, std::string_view separator);

/// Splits on a single character; empty fields are kept.
std::vector<std::string> Split(std::string_view text, char separator);

/// Formats a double with exactly `decimals` digits after the point (no locale).
std::string FormatFixed(double value, int decimals);

/// True when `text` starts with / ends with the given affix.
bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);

/// Lower-cases ASCII letters.
std::string ToLowerAscii(std::string_view text);

}  // namespace medtra
