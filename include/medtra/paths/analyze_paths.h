// The attack paths of a model before and after its measures, and how the measures compare with
// the minimal cut: what `medtra paths` and the report show.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "medtra/paths/attack_graph.h"
#include "medtra/paths/paths.h"
#include "medtra/rules/design_views.h"
#include "medtra/rules/threat.h"

namespace medtra::paths {

/// What one measure of the model does to the paths before measures.
struct MeasureEffect {
  const model::Measure* measure = nullptr;
  /// Changes of the cuts' kinds that its provisions make on edges of a path (kind, flow).
  std::vector<std::pair<CutKind, uint32_t>> closes;
  /// It provides properties on flows but removes no edge of any path.
  bool redundant = false;
};

struct PathsAnalysis {
  std::shared_ptr<const AttackGraph> before;  ///< the design as stated
  std::shared_ptr<const AttackGraph> after;   ///< with every measure's provisions applied
  GraphPaths before_paths;
  GraphPaths after_paths;
  std::vector<MeasureEffect> measures;  ///< measures with provisions, in model order
  /// Per change of the minimal cut for all functions before measures (before_paths.cuts.back()):
  /// whether the measures make it.
  std::vector<char> made;
};

/// Builds both graphs and analyses them. `threats` (the derived threats) give the steps their
/// likelihood; may be empty.
PathsAnalysis AnalyzePaths(const model::SystemModel& model,
                           const std::vector<rules::Threat>& threats, PathOptions options);
/// The same on the graphs that `views` builds (or already built for the rules).
PathsAnalysis AnalyzePaths(const rules::DesignViews& views,
                           const std::vector<rules::Threat>& threats, PathOptions options);

/// "authenticate F-1 (authentication: mac, integrity: mac, freshness: counter)", ...: what a
/// change does, for a reader.
std::string ChangeText(const model::SystemModel& model, CutKind kind, uint32_t element);
/// The element a change is on.
const std::string& ChangeElement(const model::SystemModel& model, CutKind kind, uint32_t element);

}  // namespace medtra::paths
