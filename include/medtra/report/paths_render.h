// The attack paths of a model as JSON ("format": "medtra-paths"), a report document (Markdown and
// HTML) and a Graphviz diagram.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "medtra/paths/analyze_paths.h"
#include "medtra/report/document.h"
#include "medtra/rules/threat.h"

namespace medtra::report {

/// The paths JSON (docs/attack-paths.md): entry points, targets, paths, reach and cuts before
/// measures, what the measures close, and what remains after them.
nlohmann::ordered_json PathsJson(const paths::PathsAnalysis& analysis,
                                 const paths::PathOptions& options,
                                 const std::vector<rules::Threat>& threats);
/// The same as sections of a document (for `medtra paths` and the report).
std::vector<Section> PathsSections(const paths::PathsAnalysis& analysis);
/// The last of them: what one compromised instance of each many-instance component reaches.
Section PathsReachSection(const paths::PathsAnalysis& analysis);
/// A stand-alone document: the title, then PathsSections().
Document PathsDocument(const paths::PathsAnalysis& analysis);
/// The nodes and edges of the kept paths before measures; edges the measures remove are dashed,
/// the changes of the minimal cut drawn bold.
std::string PathsDot(const paths::PathsAnalysis& analysis);

}  // namespace medtra::report
