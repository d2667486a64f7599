// Vulnerabilities of the model scored with CVSS (a vector, or the medical-device rubric's answers),
// and their exploitability mapped to the risk method's likelihood.
#pragma once

#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/risk/cvss/likelihood.h"

namespace medtra::risk {

struct ScoredVulnerability {
  std::string id;
  std::string title;
  std::vector<std::string> cwe;
  std::vector<std::string> affects;  ///< component or flow ids
  std::string risk;                  ///< linked risk id, or ""
  std::string source;                ///< "vector" or "rubric"
  std::string vector;
  std::string version;   ///< "3.1" or "4.0"
  std::string score;     ///< base score (3.1) or CVSS-B/BT/BE/BTE score (4.0), e.g. "8.8"
  std::string severity;  ///< "High"
  /// 3.1 with environmental metrics: the environmental score and its severity; else "".
  std::string environmental_score;
  std::string environmental_severity;
  std::string likelihood;       ///< mapped level
  double likelihood_value = 0;  ///< exploitability sub-score (3.1) or score (4.0)
  /// The rubric's path: "AV Q1 (XAVN) Is the device reachable ...? YES -> AV:N", one per answer;
  /// for a vector, the `rationale` text of the model.
  std::vector<std::string> rationale;
  SourceLocation location;
};

/// Scores the model's vulnerabilities (validated by the loader) and maps each to a likelihood
/// level with the model's `cvss_likelihood` (or the default bands). A vulnerability whose
/// likelihood differs from that of its linked risk is a finding (warning) in `findings`.
std::vector<ScoredVulnerability> ScoreVulnerabilities(const model::SystemModel& model,
                                                      std::vector<Diagnostic>* findings);

}  // namespace medtra::risk
