// RenderRiskMatrixSvg: likelihood rows (highest on top) x impact columns (lowest on the left).
#include "report/risk_matrix_svg.h"

#include "medtra/base/strings.h"
#include "report/escape.h"

namespace medtra::report {
namespace {

constexpr int kCell = 92;
constexpr int kLeft = 96;
constexpr int kTop = 34;

// Green for the lowest level through amber to red for the highest; acceptability decides the
// red family, so a method's unacceptable levels always look alarming.
std::string LevelColour(const model::RiskMethod& method, int level) {
  const model::RiskMethod::Level& l = method.levels[static_cast<size_t>(level)];
  if (!l.acceptable) return "#f4a3a3";
  const int acceptable_count = [&] {
    int n = 0;
    for (const auto& x : method.levels) n += x.acceptable ? 1 : 0;
    return n;
  }();
  return level == 0 || acceptable_count <= 1 ? "#b7e1b0" : "#fbe29b";
}

std::string Num(int value) { return std::to_string(value); }

}  // namespace

std::string RenderRiskMatrixSvg(const model::RiskMethod& method,
                                const std::vector<MatrixEntry>& entries, const std::string& title) {
  const int rows = static_cast<int>(method.likelihood.size());
  const int cols = static_cast<int>(method.impact.size());
  const int width = kLeft + cols * kCell + 12;
  const int height = kTop + rows * kCell + 46;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(width) +
                    "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " + Num(width) + " " +
                    Num(height) + "\" role=\"img\" aria-label=\"" + EscapeHtml(title) +
                    "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  svg += "<text x=\"" + Num(kLeft) + "\" y=\"18\" font-weight=\"bold\">" + EscapeHtml(title) +
         "</text>\n";
  for (int r = 0; r < rows; ++r) {
    const int likelihood = rows - 1 - r;  // highest likelihood on top
    const int y = kTop + r * kCell;
    svg += "<text x=\"" + Num(kLeft - 8) + "\" y=\"" + Num(y + kCell / 2 + 4) +
           "\" text-anchor=\"end\">" +
           EscapeHtml(method.likelihood[static_cast<size_t>(likelihood)]) + "</text>\n";
    for (int c = 0; c < cols; ++c) {
      const int level = method.matrix[static_cast<size_t>(likelihood)][static_cast<size_t>(c)];
      const int x = kLeft + c * kCell;
      svg += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(kCell) +
             "\" height=\"" + Num(kCell) + "\" fill=\"" + LevelColour(method, level) +
             "\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n";
      svg += "<text x=\"" + Num(x + 6) + "\" y=\"" + Num(y + 15) +
             "\" fill=\"#444\" font-size=\"10\">" +
             EscapeHtml(method.levels[static_cast<size_t>(level)].name) + "</text>\n";
      std::vector<std::string> labels;
      for (const MatrixEntry& e : entries) {
        if (method.LikelihoodIndex(e.likelihood) == likelihood &&
            method.ImpactIndex(e.impact) == c) {
          labels.push_back(e.label);
        }
      }
      if (!labels.empty()) {
        svg += "<text x=\"" + Num(x + kCell / 2) + "\" y=\"" + Num(y + kCell / 2 + 6) +
               "\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">" +
               EscapeHtml(Join(labels, ", ")) + "</text>\n";
      }
    }
  }
  const int bottom = kTop + rows * kCell;
  for (int c = 0; c < cols; ++c) {
    svg += "<text x=\"" + Num(kLeft + c * kCell + kCell / 2) + "\" y=\"" + Num(bottom + 16) +
           "\" text-anchor=\"middle\">" + EscapeHtml(method.impact[static_cast<size_t>(c)]) +
           "</text>\n";
  }
  svg += "<text x=\"" + Num(kLeft + cols * kCell / 2) + "\" y=\"" + Num(bottom + 36) +
         "\" text-anchor=\"middle\" fill=\"#57606a\">Impact</text>\n";
  svg += "<text x=\"14\" y=\"" + Num(kTop + rows * kCell / 2) +
         "\" text-anchor=\"middle\" fill=\"#57606a\" transform=\"rotate(-90 14 " +
         Num(kTop + rows * kCell / 2) + ")\">Likelihood</text>\n";
  svg += "</svg>\n";
  return svg;
}

}  // namespace medtra::report
