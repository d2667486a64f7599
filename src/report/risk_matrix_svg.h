// The risk matrix as an inline SVG figure: levels as colours, risk IDs placed in their cells.
#pragma once

#include <string>
#include <vector>

#include "medtra/model/system_model.h"

namespace medtra::report {

struct MatrixEntry {
  std::string label;  ///< risk id
  std::string likelihood;
  std::string impact;
};

/// An SVG (no external references) of `method`'s matrix with the entries in their cells.
std::string RenderRiskMatrixSvg(const model::RiskMethod& method,
                                const std::vector<MatrixEntry>& entries, const std::string& title);

}  // namespace medtra::report
