// The data-flow diagram: zones as clusters, components as nodes, flows coloured by their worst
// open threat. DOT text always; SVG through Graphviz (libgvc) in memory.
#pragma once

#include <string>
#include <vector>

#include "medtra/analysis/analysis.h"
#include "medtra/base/status.h"

namespace medtra::report {

struct DfdOptions {
  /// Above this many components plus flows, RenderDfdSvg() refuses (layout time grows fast);
  /// the DOT text is still available.
  size_t max_elements = 2000;
};

/// How one flow or component is drawn. Empty fields keep the writer's defaults.
struct DfdElementStyle {
  std::string color;                     ///< flow: line and text; component: border
  std::string penwidth;                  ///< flow default "1"; component: Graphviz's default
  std::string style;                     ///< "dashed" (added to a component's "rounded,filled")
  std::string fillcolor;                 ///< component only
  std::vector<std::string> extra_lines;  ///< label lines after the element's own
};

/// A node or edge drawn besides the model's (an entry point and the way it gets in). `attributes`
/// is DOT text such as `shape=ellipse` (the writer adds the label and the id).
struct DfdExtra {
  std::string id;    ///< node: its DOT name and SVG id; edge: its SVG id
  std::string from;  ///< edge only (a component id or an extra node's id)
  std::string to;    ///< edge only
  std::string label;
  std::string attributes;
};

/// Everything a DFD drawing adds to the model: per-element styles (indexed like model.flows and
/// model.components; missing entries keep the defaults) and extra nodes and edges.
struct DfdStyle {
  std::string graph_name = "dfd";
  std::vector<DfdElementStyle> flows;
  std::vector<DfdElementStyle> components;
  bool component_ids = false;  ///< give each component node the SVG id "component-<id>"
  std::vector<DfdExtra> nodes;
  std::vector<DfdExtra> edges;
};

/// The one writer of the DFD's DOT: zones as dashed clusters (model order), components as boxes,
/// each flow an edge with the SVG id "flow-<id>", then the extra nodes and edges.
std::string WriteDfdDot(const model::SystemModel& model, const DfdStyle& style);

/// Whether the model is small enough for Graphviz to lay it out (options.max_elements); if not,
/// the reason, as a sentence fragment.
Status CheckDfdSize(const model::SystemModel& model, const DfdOptions& options);

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
