// The attack paths drawn on the data-flow diagram: the model's DFD in grey with the most likely
// paths before measures over it, and the multi-patient harm view (what one compromised instance of
// a many-instance component reaches). Legends in docs/attack-paths.md.
#pragma once

#include <string>

#include "medtra/paths/analyze_paths.h"
#include "medtra/report/dfd.h"
#include "medtra/report/document.h"

namespace medtra::report {

/// The DFD (WriteDfdDot) in grey, with every entry point of the best paths before measures as an
/// ellipse "entry-<kind>" and a red dashed edge to where the attacker first gets in; the flows and
/// components on those paths red, thicker with more paths through them ("N paths"); the components
/// of the essential functions they reach filled ("target: EF-1 ..."); the changes of the minimal
/// cut marked ("cut: protect-flow"); flows and components whose step the measures remove dashed.
std::string PathsDfdDot(const paths::PathsAnalysis& analysis);

/// The DFD in grey with each many-instance component (before measures) purple and bold, the
/// entry points that reach its control, the patient-serving components it reaches filled
/// ("reached from: C"), and the flows of one shortest way to each of them purple. One breadth-first
/// search of the graph per many-instance component.
std::string ReachDfdDot(const paths::PathsAnalysis& analysis);

/// PathsDfdDot() laid out by Graphviz as one <svg> element; fails, with the reason as a sentence
/// fragment, when no path reaches an essential function (nothing to draw over the DFD), the model
/// has more than options.max_elements components plus flows, or Graphviz fails.
Result<std::string> RenderPathsDfdSvg(const paths::PathsAnalysis& analysis,
                                      const DfdOptions& options = {});
/// ReachDfdDot() laid out the same way; fails when no component has `instances: many`, the model is
/// too large (checked before the searches) or Graphviz fails.
Result<std::string> RenderReachDfdSvg(const paths::PathsAnalysis& analysis,
                                      const DfdOptions& options = {});

/// Adds PathsDfdDot() laid out as a figure, or a sentence saying why there is none (no path, a
/// model larger than options.max_elements, a Graphviz error).
void AddPathsDfdFigure(const paths::PathsAnalysis& analysis, const DfdOptions& options,
                       Section* section);
/// The same for ReachDfdDot() (no many-instance component: no figure).
void AddReachDfdFigure(const paths::PathsAnalysis& analysis, const DfdOptions& options,
                       Section* section);

}  // namespace medtra::report
