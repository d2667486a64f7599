// DaysBetween: days since the civil epoch (H. Hinnant's days_from_civil) of each date.
#include "sbom/dates.h"

#include <string>

#include "medtra/model/software.h"

namespace medtra::sbom {
namespace {

std::optional<long> DaysFromCivil(std::string_view text) {
  text = text.substr(0, 10);
  if (!model::IsIsoDate(text)) return std::nullopt;
  long y = std::stol(std::string(text.substr(0, 4)));
  const long m = std::stol(std::string(text.substr(5, 2)));
  const long d = std::stol(std::string(text.substr(8, 2)));
  y -= m <= 2 ? 1 : 0;
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

}  // namespace medtra::sbom
