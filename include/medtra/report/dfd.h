// The data-flow diagram: zones as clusters, components as nodes, flows coloured by their worst
// open threat. DOT text always; SVG through Graphviz (libgvc) in memory.
#pragma once

#include <string>

#include "medtra/analysis/analysis.h"
#include "medtra/base/status.h"

namespace medtra::report {

struct DfdOptions {
  /// Above this many components plus flows, RenderDfdSvg() refuses (layout time grows fast);
  /// the DOT text is still available.
  size_t max_elements = 2000;
};

/// The diagram as Graphviz DOT, deterministic (model order). Each flow is coloured by its worst
/// open threat: red when an open threat's likelihood is the top of the scale, orange for the
/// middle, gold below; green when all its threats are mitigated or decided; grey without threats.
std::string RenderDfdDot(const analysis::Analysis& analysis);

/// The diagram laid out by Graphviz's dot engine, as one <svg> element (XML prolog stripped) that
/// can be inlined into HTML. Fails on a Graphviz error or a model larger than max_elements.
Result<std::string> RenderDfdSvg(const analysis::Analysis& analysis,
                                 const DfdOptions& options = {});

/// Any DOT text of the project's own writers laid out by dot, as one <svg> element.
Result<std::string> RenderDotSvg(const std::string& dot);

}  // namespace medtra::report
