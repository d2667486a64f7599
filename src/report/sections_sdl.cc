// Report section on the secure development life cycle: coverage of the plan and its gaps.
#include "medtra/base/strings.h"
#include "report/sections.h"

namespace medtra::report {
namespace {

std::vector<std::string> CoverageRow(const trace::SdlCoverage& c) {
  return {c.id, c.title,
          std::to_string(c.done + c.not_applicable) + " of " + std::to_string(c.total) + " (" +
              std::to_string(c.percent()) + "%)",
          std::to_string(c.in_progress), std::to_string(c.planned)};
}

}  // namespace

Section SdlSection(const analysis::Analysis& analysis) {
  const trace::SdlReport& sdl = analysis.sdl;
  Section s{"sdl", "Secure development life cycle", {}};
  s.Paragraph(
      "The plan's activities: every IEC 62443-4-1 requirement and the health-specific activities "
      "of IEC 81001-5-1, mapped to the IEC 62304 processes. Overall " +
      std::to_string(sdl.total.done + sdl.total.not_applicable) + " of " +
      std::to_string(sdl.total.total) + " activities are done or not applicable (" +
      std::to_string(sdl.total.percent()) + "%); `medtra sdl` lists each activity.");
  Table practices{{"Practice", "IEC 62443-4-1", "Done or n/a", "In progress", "Planned"}, {}};
  for (const auto& c : sdl.practices) practices.rows.push_back(CoverageRow(c));
  s.AddTable(std::move(practices));
  Table processes{{"Process", "IEC 62304", "Done or n/a", "In progress", "Planned"}, {}};
  for (const auto& c : sdl.processes) processes.rows.push_back(CoverageRow(c));
  s.AddTable(std::move(processes));
  if (!sdl.gaps.empty()) {
    Table gaps{{"Activity", "Gap", "Location"}, {}};
    for (const trace::SdlGap& g : sdl.gaps) {
      gaps.rows.push_back({g.activity, g.diagnostic.message, ToString(g.diagnostic.location)});
    }
    s.AddTable(std::move(gaps));
  }
  return s;
}

}  // namespace medtra::report
