// ModelBuilder::BuildRiskMethod: scales, levels and the acceptability matrix as data.
#include <algorithm>

#include "medtra/base/strings.h"
#include "model/model_builder.h"

namespace medtra::model {
namespace {

// A list of distinct names; reports duplicates and an empty list.
std::vector<std::string> ReadScale(MapReader& reader, std::string_view key, DiagnosticSink& sink) {
  std::vector<std::string> scale =
      reader.StringList(key, true).value_or(std::vector<std::string>{});
  for (size_t i = 0; i < scale.size(); ++i) {
    if (std::find(scale.begin(), scale.begin() + static_cast<long>(i), scale[i]) !=
        scale.begin() + static_cast<long>(i)) {
      sink.Error(reader.LocationOf(key), "duplicate-value",
                 "'" + scale[i] + "' appears twice in '" + std::string(key) + "'");
    }
  }
  return scale;
}

}  // namespace

void ModelBuilder::BuildRiskMethod(Node node) {
  MapReader reader(node, "risk_method", sink_);
  if (!reader.ok()) return;
  RiskMethod method;
  method.is_default = false;
  method.location = node.location();
  method.likelihood = ReadScale(reader, "likelihood", sink_);
  method.impact = ReadScale(reader, "impact", sink_);

  const Node levels = reader.Raw("levels", true);
  if (levels.valid() && !levels.is_sequence()) ReportWrongType(sink_, levels, "a list", "levels");
  std::vector<std::string> level_names;
  if (levels.valid() && levels.is_sequence()) {
    for (size_t i = 0; i < levels.size(); ++i) {
      MapReader item(levels.item(i), "risk level", sink_);
      if (!item.ok()) continue;
      RiskMethod::Level level;
      level.name = item.String("name", true).value_or("");
      level.acceptable = item.Bool("acceptable", true).value_or(false);
      level.meaning = item.String("meaning").value_or("");
      item.Finish();
      level_names.push_back(level.name);
      method.levels.push_back(std::move(level));
    }
  }

  const Node matrix = reader.Raw("matrix", true);
  bool good = !method.likelihood.empty() && !method.impact.empty() && !method.levels.empty();
  if (matrix.valid() && (!matrix.is_sequence() || matrix.size() != method.likelihood.size())) {
    sink_.Error(matrix.location(), "matrix-shape",
                "the matrix has one row per likelihood (" +
                    std::to_string(method.likelihood.size()) + "), lowest first");
    good = false;
  } else if (matrix.valid()) {
    for (size_t row = 0; row < matrix.size(); ++row) {
      const Node cells = matrix.item(row);
      if (!cells.is_sequence() || cells.size() != method.impact.size()) {
        sink_.Error(cells.location(), "matrix-shape",
                    "each matrix row has one level per impact (" +
                        std::to_string(method.impact.size()) + "), lowest first");
        good = false;
        continue;
      }
      std::vector<int> out;
      for (size_t col = 0; col < cells.size(); ++col) {
        const Node cell = cells.item(col);
        const auto it = std::find(level_names.begin(), level_names.end(), cell.scalar());
        if (!cell.is_scalar() || it == level_names.end()) {
          sink_.Error(cell.location(), "unknown-value",
                      "unknown risk level '" + std::string(cell.scalar()) + "'" +
                          DidYouMean(cell.scalar(), level_names) +
                          "; levels are: " + Join(level_names, ", "));
          good = false;
          out.push_back(0);
          continue;
        }
        out.push_back(static_cast<int>(it - level_names.begin()));
      }
      method.matrix.push_back(std::move(out));
    }
  }
  reader.Finish();
  if (good && !method.is_default) model_->risk_method = std::move(method);
}

}  // namespace medtra::model
