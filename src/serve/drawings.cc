// The drawings a snapshot serves: the report's data-flow diagram and its two overlays, laid out
// once per analysis.
#include "medtra/report/dfd_paths.h"
#include "medtra/serve/server.h"

namespace medtra::serve {
namespace {

Drawing ToDrawing(Result<std::string> svg) {
  if (!svg.ok()) return {.svg = "", .problem = svg.message()};
  return {.svg = std::move(svg).value(), .problem = ""};
}

}  // namespace

void AddDrawings(const analysis::Analysis& analysis, const report::DfdOptions& options,
                 Snapshot* snapshot) {
  snapshot->dfd = ToDrawing(report::RenderDfdSvg(analysis, options));
  if (!analysis.paths) {
    snapshot->paths.problem = snapshot->reach.problem = "the attack paths were not worked out";
    return;
  }
  snapshot->paths = ToDrawing(report::RenderPathsDfdSvg(*analysis.paths, options));
  snapshot->reach = ToDrawing(report::RenderReachDfdSvg(*analysis.paths, options));
}

}  // namespace medtra::serve
