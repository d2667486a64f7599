// QuarterlyTrend: the scan's metrics per calendar quarter, from the publication and decision
// dates of the matches.
#include <algorithm>
#include <optional>

#include "medtra/sbom/scan.h"
#include "sbom/dates.h"

namespace medtra::sbom {
namespace {

bool IsFinal(const std::string& status) {
  return status == "not_affected" || status == "affected" || status == "fixed";
}

// A match placed in time: the quarters it was published and decided in.
struct DatedMatch {
  int published = 0;
  std::optional<int> decided;
  int days = -1;  // publication to decision; negative when decided first
};

}  // namespace

ScanTrend QuarterlyTrend(std::span<const ScanEntry> entries, std::string_view today) {
  ScanTrend trend;
  std::vector<DatedMatch> dated;
  for (const ScanEntry& e : entries) {
    const std::optional<int> published = QuarterOf(e.published);
    const std::optional<int> decided =
        IsFinal(e.vex.status) ? QuarterOf(e.vex.date) : std::optional<int>();
    if (!published || (IsFinal(e.vex.status) && !decided)) {
      ++trend.undated;
      continue;
    }
    DatedMatch m{*published, decided, -1};
    if (decided) m.days = DaysBetween(e.published, e.vex.date).value_or(-1);
    dated.push_back(m);
  }
  if (dated.empty()) return trend;
  int first = dated.front().published;
  int last = QuarterOf(today).value_or(first);
  for (const DatedMatch& m : dated) {
    first = std::min({first, m.published, m.decided.value_or(m.published)});
    last = std::max({last, m.published, m.decided.value_or(m.published)});
  }
  const size_t count = static_cast<size_t>(last - first + 1);
  std::vector<QuarterMetrics> quarters(count);
  std::vector<int> closed(count);  // matches no longer open from that quarter's end on
  std::vector<std::vector<int>> days(count);
  for (const DatedMatch& m : dated) {
    ++quarters[m.published - first].published;
    if (!m.decided) continue;
    ++quarters[*m.decided - first].decided;
    if (m.days >= 0) days[*m.decided - first].push_back(m.days);
    ++closed[std::max(m.published, *m.decided) - first];
  }
  int open = 0;
  for (size_t i = 0; i < count; ++i) {
    open += quarters[i].published - closed[i];
    quarters[i].quarter = QuarterName(first + static_cast<int>(i));
    quarters[i].open_at_end = open;
    quarters[i].median_decision_days = MedianDays(std::move(days[i]));
  }
  trend.quarters = std::move(quarters);
  return trend;
}

}  // namespace medtra::sbom
