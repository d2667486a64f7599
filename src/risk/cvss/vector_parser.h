// Shared strict parser for the "KEY:VALUE/KEY:VALUE" body of CVSS 3.1 and 4.0 vector strings.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "medtra/base/status.h"

namespace medtra::risk::cvss::internal {

inline constexpr int kMaxMetricValues = 6;
inline constexpr int kMaxMetrics = 32;

/// One metric of a CVSS version: its abbreviation and its allowed value abbreviations, in the
/// order of the specification's tables. Optional metrics list "X" (Not Defined) first.
struct MetricDef {
  std::string_view key;
  std::array<std::string_view, kMaxMetricValues> values;
  bool mandatory = false;
};

/// Value index (into MetricDef::values) per metric, -1 when the metric is absent.
using MetricSlots = std::array<int8_t, kMaxMetrics>;

enum class MetricOrder : uint8_t {
  kAny,            ///< CVSS 3.1: "metrics can be specified in any order" (v3.1 spec section 6)
  kSpecification,  ///< CVSS 4.0: the order of the specification's table (FIRST calculator)
};

/// Concatenates string pieces (also a workaround for GCC 12's false -Wrestrict on
/// `"literal" + std::string` at -O3).
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  out.reserve((std::string_view(parts).size() + ...));
  (out.append(std::string_view(parts)), ...);
  return out;
}

/// Checks that `vector` starts with `prefix` ("CVSS:3.1/" or "CVSS:4.0/"); the error names what
/// is there instead, e.g. "unsupported CVSS version '3.0' (expected 3.1 or 4.0)".
Status CheckPrefix(std::string_view vector, std::string_view prefix);

/// Parses `vector` from `body_offset` (just after "CVSS:x.y/") into `slots`. Checks syntax, unknown
/// metrics and values, duplicates, order and mandatory metrics. Allocates only on error.
Status ParseMetrics(std::string_view vector, size_t body_offset, std::span<const MetricDef> defs,
                    MetricOrder order, MetricSlots& slots);

}  // namespace medtra::risk::cvss::internal
