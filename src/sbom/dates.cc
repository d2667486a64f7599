// DaysBetween: days since the civil epoch (H. Hinnant's days_from_civil) of each date; QuarterOf
// from the same parsed date.
#include "sbom/dates.h"

#include <algorithm>
#include <cstdio>

#include "medtra/model/software.h"

namespace medtra::sbom {
namespace {

struct CivilDate {
  long year = 0;
  long month = 0;
  long day = 0;
};

std::optional<CivilDate> ParseDate(std::string_view text) {
  text = text.substr(0, 10);
  if (!model::IsIsoDate(text)) return std::nullopt;
  return CivilDate{std::stol(std::string(text.substr(0, 4))),
                   std::stol(std::string(text.substr(5, 2))),
                   std::stol(std::string(text.substr(8, 2)))};
}

std::optional<long> DaysFromCivil(std::string_view text) {
  const std::optional<CivilDate> date = ParseDate(text);
  if (!date) return std::nullopt;
  const long m = date->month;
  const long d = date->day;
  const long y = date->year - (m <= 2 ? 1 : 0);
  const long era = y / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

}  // namespace

std::optional<int> DaysBetween(std::string_view from, std::string_view to) {
  const std::optional<long> a = DaysFromCivil(from);
  const std::optional<long> b = DaysFromCivil(to);
  if (!a || !b) return std::nullopt;
  return static_cast<int>(*b - *a);
}

std::optional<int> QuarterOf(std::string_view date) {
  const std::optional<CivilDate> d = ParseDate(date);
  if (!d) return std::nullopt;
  return static_cast<int>(d->year * 4 + (d->month - 1) / 3);
}

std::string QuarterName(int quarter) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-Q%d", quarter / 4, quarter % 4 + 1);
  return text;
}

int MedianDays(std::vector<int> days) {
  if (days.empty()) return -1;
  std::sort(days.begin(), days.end());
  return days[(days.size() - 1) / 2];
}

}  // namespace medtra::sbom
