// Names of threat statuses.
#include "medtra/rules/threat.h"

namespace medtra::rules {

std::string_view ThreatStatusName(ThreatStatus status) {
  switch (status) {
    case ThreatStatus::kOpen:
      return "open";
    case ThreatStatus::kMitigated:
      return "mitigated";
    case ThreatStatus::kAccepted:
      return "accepted";
    case ThreatStatus::kTransferred:
      return "transferred";
    case ThreatStatus::kNotApplicable:
      return "not-applicable";
  }
  return "open";
}

}  // namespace medtra::rules
