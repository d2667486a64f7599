// ModelBuilder::BuildRiskMethod: scales, levels and the acceptability matrix as data.
#include <algorithm>
#include <unordered_map>

#include "medtra/base/strings.h"
#include "model/model_builder.h"

namespace medtra::model {
namespace {

// A list of distinct names, lowest first; reports an empty list and duplicates (at the item).
std::vector<std::string> ReadScale(MapReader& reader, std::string_view key, DiagnosticSink& sink) {
  std::vector<std::string> scale =
      reader.StringList(key, true).value_or(std::vector<std::string>{});
  const Node list = reader.node().Find(key);
  if (list.valid() && list.is_sequence() && list.size() == 0) {
    sink.Error(list.location(), "empty-list",
               std::string("'").append(key).append("' names at least one value, lowest first"));
  }
  std::unordered_map<std::string_view, size_t> seen;
  for (size_t i = 0; i < scale.size(); ++i) {
    if (seen.emplace(scale[i], i).second) continue;
    const Node at = list.is_sequence() ? list.item(i) : list;
    sink.Error(at.location(), "duplicate-value",
               std::string("'").append(scale[i]).append("' appears twice in '").append(key) + "'");
  }
  return scale;
}

}  // namespace

std::vector<RiskMethod::EnvironmentLimit> ModelBuilder::ReadEnvironmentLimits(
    MapReader& reader, const std::vector<std::string>& impact) {
  std::vector<RiskMethod::EnvironmentLimit> out;
  const Node list = reader.Raw("environment_limits");
  if (!list.valid() || list.is_null()) return out;
  if (!list.is_sequence()) {
    ReportWrongType(sink_, list, "a list", "environment_limits");
    return out;
  }
  std::unordered_map<std::string, SourceLocation> seen;
  for (size_t i = 0; i < list.size(); ++i) {
    MapReader item(list.item(i), "environment limit", sink_);
    if (!item.ok()) continue;
    RiskMethod::EnvironmentLimit limit;
    limit.location = list.item(i).location();
    limit.environment = item.String("environment", true).value_or("");
    limit.max_impact = item.String("max_impact", true).value_or("");
    limit.reason = item.String("reason", true).value_or("");
    item.Finish();
    if (!limit.environment.empty()) {
      Refer(limit.environment, ElementKind::kEnvironment, item.LocationOf("environment"));
      const auto [it, inserted] = seen.emplace(limit.environment, item.LocationOf("environment"));
      if (!inserted) {
        sink_.Error(item.LocationOf("environment"), "duplicate-value",
                    "environment '" + limit.environment + "' has one impact limit; first at " +
                        it->second.file + ":" + std::to_string(it->second.line) + ":" +
                        std::to_string(it->second.col));
      }
    }
    if (!limit.max_impact.empty() &&
        std::find(impact.begin(), impact.end(), limit.max_impact) == impact.end()) {
      sink_.Error(item.LocationOf("max_impact"), "unknown-value",
                  "unknown max_impact '" + limit.max_impact + "'" +
                      (sink_.full() ? "" : DidYouMean(limit.max_impact, impact)) +
                      "; the risk method's impact scale is: " + Join(impact, ", "));
    }
    out.push_back(std::move(limit));
  }
  return out;
}

void ModelBuilder::BuildRiskMethod(Node node) {
  if (has_risk_method_) {
    sink_.Error(node.location(), "duplicate-section",
                "a model has one 'risk_method' section; found another");
    return;
  }
  has_risk_method_ = true;
  MapReader reader(node, "risk_method", sink_);
  if (!reader.ok()) {
    risk_method_invalid_ = true;
    return;
  }
  const int errors_before = sink_.error_count();
  RiskMethod method;
  method.is_default = false;
  method.location = node.location();
  method.likelihood = ReadScale(reader, "likelihood", sink_);
  method.impact = ReadScale(reader, "impact", sink_);

  const Node levels = reader.Raw("levels", true);
  if (levels.valid() && !levels.is_sequence()) ReportWrongType(sink_, levels, "a list", "levels");
  std::unordered_map<std::string, int> level_index;
  std::vector<std::string> level_names;
  if (levels.valid() && levels.is_sequence()) {
    if (levels.size() == 0) {
      sink_.Error(levels.location(), "empty-list",
                  "'levels' names at least one level, lowest first");
    }
    for (size_t i = 0; i < levels.size(); ++i) {
      MapReader item(levels.item(i), "risk level", sink_);
      if (!item.ok()) continue;
      RiskMethod::Level level;
      level.name = item.String("name", true).value_or("");
      level.acceptable = item.Bool("acceptable", true).value_or(false);
      level.requires_justification = item.Bool("requires_justification").value_or(false);
      level.meaning = item.String("meaning").value_or("");
      item.Finish();
      if (level.name.empty()) continue;
      const int index = static_cast<int>(method.levels.size());
      if (!level_index.emplace(level.name, index).second) {
        sink_.Error(item.LocationOf("name"), "duplicate-value",
                    "'" + level.name + "' appears twice in 'levels'");
        continue;
      }
      level_names.push_back(level.name);
      method.levels.push_back(std::move(level));
    }
  }

  const std::string levels_text = Join(level_names, ", ");
  const Node matrix = reader.Raw("matrix", true);
  if (matrix.valid() && (!matrix.is_sequence() || matrix.size() != method.likelihood.size())) {
    sink_.Error(matrix.location(), "matrix-shape",
                "the matrix has one row per likelihood (" +
                    std::to_string(method.likelihood.size()) + "), lowest first");
  } else if (matrix.valid()) {
    for (size_t row = 0; row < matrix.size(); ++row) {
      const Node cells = matrix.item(row);
      if (!cells.is_sequence() || cells.size() != method.impact.size()) {
        sink_.Error(cells.location(), "matrix-shape",
                    "each matrix row has one level per impact (" +
                        std::to_string(method.impact.size()) + "), lowest first");
        continue;
      }
      std::vector<int> out;
      for (size_t col = 0; col < cells.size(); ++col) {
        const Node cell = cells.item(col);
        if (!cell.is_scalar() || cell.is_null()) {
          ReportWrongType(sink_, cell, "a risk level", "matrix");
          continue;
        }
        const auto it = level_index.find(std::string(cell.scalar()));
        if (it == level_index.end()) {
          sink_.Error(cell.location(), "unknown-value",
                      "unknown risk level '" + std::string(cell.scalar()) + "'" +
                          (sink_.full() ? "" : DidYouMean(cell.scalar(), level_names)) +
                          "; levels are: " + levels_text);
          continue;
        }
        out.push_back(it->second);
      }
      method.matrix.push_back(std::move(out));
    }
  }
  method.environment_limits = ReadEnvironmentLimits(reader, method.impact);
  reader.Finish();
  // Any error above (or a missing part) leaves the default method in place and marks this one
  // invalid, so that risks are not checked against scales the author did not mean.
  const bool complete =
      !method.likelihood.empty() && !method.impact.empty() && !method.levels.empty() &&
      method.matrix.size() == method.likelihood.size() &&
      std::all_of(method.matrix.begin(), method.matrix.end(),
                  [&](const std::vector<int>& row) { return row.size() == method.impact.size(); });
  if (sink_.error_count() != errors_before || !complete) {
    risk_method_invalid_ = true;
    return;
  }
  model_->risk_method = std::move(method);
}

}  // namespace medtra::model
