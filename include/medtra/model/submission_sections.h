// The model's sections for the submission package: `management_plan` (postmarket cybersecurity
// management), `anomalies` (unresolved anomalies with their security impact) and `use_cases`
// (operational states and the flows each uses). Read and validated at load time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/sections.h"

namespace medtra::model {

/// One source the manufacturer watches for new vulnerabilities, and how often.
struct MonitoringSource {
  std::string source;
  std::string frequency;
  SourceLocation location;
};

/// `management_plan`: how the device's cybersecurity is kept up after release (FDA VI.B).
struct ManagementPlan {
  std::string personnel;  ///< who is responsible
  std::vector<MonitoringSource> monitoring;
  std::string kev;               ///< how known-exploited vulnerabilities are handled
  std::string periodic_testing;  ///< security testing after release
  std::string disclosure_contact;
  std::string disclosure_policy;           ///< where the CVD policy is published
  std::optional<int> acknowledge_days;     ///< a reporter hears back within this many days
  std::optional<int> assess_days;          ///< a report is assessed within this many days
  std::optional<int> critical_patch_days;  ///< an uncontrolled risk is patched within this
  std::string routine_patches;             ///< the regular update cycle
  std::string delivery;                    ///< how updates reach devices in the field
  std::string notification;                ///< how customers are told
  SourceLocation location;
};

/// One known defect left in the released software, with its security impact assessment.
struct Anomaly {
  std::string id;
  std::string title;
  std::string component;  ///< a model component
  std::vector<std::string> cwe;
  std::string impact;     ///< the security impact assessment
  std::string risk;       ///< a risk id it maps to, or ""
  std::string rationale;  ///< why it is left in this release
  std::string fix;        ///< the release that removes it, or ""
  SourceLocation location;
};

/// One operational state of the device and the flows it uses (FDA security use case view).
struct UseCase {
  std::string id;
  std::string name;
  std::string state;  ///< normal | emergency | maintenance | decommissioning | other
  std::string description;
  std::vector<LocatedRef> flows;
  SourceLocation location;
};

/// The states a use case may name.
const std::vector<std::string>& UseCaseStates();

}  // namespace medtra::model
