// Calendar days between ISO dates (YYYY-MM-DD, or the date part of an RFC 3339 time), the calendar
// quarter of a date, and the median of day counts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medtra::sbom {

/// Days from `from` to `to` (negative when `to` is earlier); nullopt when either is not a date.
std::optional<int> DaysBetween(std::string_view from, std::string_view to);

/// The calendar quarter of a date as year * 4 + (quarter - 1), so that quarters count on one by
/// one across years; nullopt when `date` is not a date.
std::optional<int> QuarterOf(std::string_view date);

/// "YYYY-Qn" of a QuarterOf value.
std::string QuarterName(int quarter);

/// The median of day counts (the lower of the two middle ones for an even count); -1 when there
/// are none.
int MedianDays(std::vector<int> days);

}  // namespace medtra::sbom
