// CVSS scores held exactly as integer tenths, and the qualitative severity rating scale.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace medtra::risk::cvss {

/// Qualitative severity rating (CVSS v3.1 specification section 5, v4.0 section 6):
/// None 0.0, Low 0.1-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0.
enum class Rating : uint8_t { kNone, kLow, kMedium, kHigh, kCritical };

/// "None", "Low", "Medium", "High" or "Critical".
std::string_view RatingName(Rating rating);

/// A score from 0.0 to 10.0 stored as tenths (0..100), so that it prints and compares exactly.
struct Score {
  int tenths = 0;

  double value() const { return tenths / 10.0; }
  Rating rating() const;
  friend bool operator==(const Score&, const Score&) = default;
};

/// The rating of a score given in tenths.
Rating RatingForTenths(int tenths);

/// "9.8", "10.0", "0.0": one decimal, no locale.
std::string FormatScore(Score score);

/// Appends FormatScore(score) to `out` without a temporary (for batch output).
void AppendScore(Score score, std::string& out);

}  // namespace medtra::risk::cvss
