// Calendar days between ISO dates (YYYY-MM-DD, or the date part of an RFC 3339 time).
#pragma once

#include <optional>
#include <string_view>

namespace medtra::sbom {

/// Days from `from` to `to` (negative when `to` is earlier); nullopt when either is not a date.
std::optional<int> DaysBetween(std::string_view from, std::string_view to);

}  // namespace medtra::sbom
