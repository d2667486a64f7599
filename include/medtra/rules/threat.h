// A threat derived by a rule from the model: what the report's "threats" section lists.
#pragma once

#include <string>
#include <vector>

#include "medtra/base/shared_strings.h"
#include "medtra/diag/diagnostic.h"

namespace medtra::rules {

enum class ThreatStatus { kOpen, kMitigated, kAccepted, kTransferred, kNotApplicable };

/// "open", "mitigated", "accepted", "transferred", "not-applicable".
std::string_view ThreatStatusName(ThreatStatus status);

/// One attribute of one element that made a rule fire: `F-telemetry.confidentiality = none`.
struct Evidence {
  std::string element;
  std::string attribute;
  std::string value;
};

/// One derived threat. Its id is stable across runs: `rule-id@target[@target...]`.
struct Threat {
  std::string id;
  std::string rule;   ///< rule id, e.g. "comm-cleartext-phi"
  std::string title;  ///< e.g. "Eavesdropping of patient data on F-telemetry"
  // The rule's citations, one copy shared by all of its threats.
  SharedStrings stride;              ///< "Spoofing", "Tampering", ...
  SharedStrings capec;               ///< "CAPEC-157"
  SharedStrings cwe;                 ///< "CWE-319"
  SharedStrings emb3d;               ///< "TID-408"
  std::vector<std::string> targets;  ///< element ids
  std::string likelihood;  ///< on the model's scale, after environment adjustment ("" = unknown)
  ThreatStatus inherent = ThreatStatus::kOpen;  ///< status on the design before measures
  ThreatStatus status = ThreatStatus::kOpen;    ///< status after measures and decisions
  std::vector<std::string> measures;            ///< measures that mitigate it
  std::string risk;                             ///< linked risk id, or ""
  std::string rationale;                        ///< for accepted / transferred / not applicable
  SourceLocation location;                      ///< the element it was derived on
  /// Filled only when DeriveOptions::explain is set: the attributes the rule fired on, and how
  /// the intended environment, the measures and the decisions shaped the result (one line each).
  std::vector<Evidence> evidence;
  std::vector<std::string> notes;
};

}  // namespace medtra::rules
