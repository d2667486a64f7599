// Severity ratings and exact score formatting.
#include "medtra/risk/cvss/score.h"

namespace medtra::risk::cvss {

std::string_view RatingName(Rating rating) {
  switch (rating) {
    case Rating::kNone:
      return "None";
    case Rating::kLow:
      return "Low";
    case Rating::kMedium:
      return "Medium";
    case Rating::kHigh:
      return "High";
    case Rating::kCritical:
      return "Critical";
  }
  return "None";
}

Rating RatingForTenths(int tenths) {
  if (tenths <= 0) return Rating::kNone;
  if (tenths < 40) return Rating::kLow;
  if (tenths < 70) return Rating::kMedium;
  if (tenths < 90) return Rating::kHigh;
  return Rating::kCritical;
}

Rating Score::rating() const { return RatingForTenths(tenths); }

void AppendScore(Score score, std::string& out) {
  const int tenths = score.tenths < 0 ? 0 : score.tenths;
  if (tenths >= 100) out += static_cast<char>('0' + tenths / 100);
  out += static_cast<char>('0' + (tenths / 10) % 10);
  out += '.';
  out += static_cast<char>('0' + tenths % 10);
}

std::string FormatScore(Score score) {
  std::string out;
  AppendScore(score, out);
  return out;
}

}  // namespace medtra::risk::cvss
