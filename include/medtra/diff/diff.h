// Change control between two model revisions: what changed in the model and in its analysis, and
// what that touches (essential functions, safety-related risks, entry points, measures, SBOM).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/base/status.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/interchange/model_elements.h"

namespace medtra::diff {

using Elements = interchange::Elements;

/// One side of a diff: the elements of the model (when it was given as a model) and its report
/// (the medtra-report JSON of DESIGN.md section 6).
struct Revision {
  std::string label;  ///< as given on the command line
  bool has_model = false;
  Elements elements;
  nlohmann::json report;
};

/// Checks that a report JSON has the shape the diff reads (`"format": "medtra-report"`; threats,
/// risks, measures and findings lists of objects whose ids and texts are strings); the error
/// names the first place that does not.
Status CheckReport(const nlohmann::json& report);

/// `{"added", "removed", "changed"}` of two element sets, sorted by section and id; a change
/// lists `{"attribute", "old", "new"}` per attribute.
nlohmann::ordered_json DiffElements(const Elements& old_elements, const Elements& new_elements);

/// Threats, risks, findings and measure verification that changed between two reports.
nlohmann::ordered_json DiffReports(const nlohmann::json& old_report,
                                   const nlohmann::json& new_report);

/// What the change touches, with the evidence from the diff, and the change-control questions
/// (FDA software-change guidance, IEC 62304) with their evidence.
nlohmann::ordered_json Assess(const Revision& old_revision, const Revision& new_revision,
                              const nlohmann::ordered_json& model,
                              const nlohmann::ordered_json& analysis);

/// The whole diff: {"format": "medtra-diff", "format_version": 1, "old", "new", "model",
/// "analysis", "assessment"}; "model" is null when either side is a report only.
nlohmann::ordered_json Diff(const Revision& old_revision, const Revision& new_revision);

/// True when the diff says nothing changed.
bool Empty(const nlohmann::ordered_json& diff);

/// The values of `medtra diff --fail-on`, and whether one is met.
std::span<const std::string> FailOnValues();
bool FailOnMet(const nlohmann::ordered_json& diff, const std::string& fail_on);

std::string RenderJson(const nlohmann::ordered_json& diff);
std::string RenderMarkdown(const nlohmann::ordered_json& diff);
/// A self-contained HTML page with the Markdown record's content: no external resource, every
/// text escaped, a Content-Security-Policy meta tag that allows no script and no remote load.
std::string RenderHtml(const nlohmann::ordered_json& diff);

}  // namespace medtra::diff
