// IEC 62304:2006+A1:2015: the software life cycle processes (clauses 5-9) and their activities,
// plus the security requirement categories clause 5.2.2 names.
//
// Source: the clause numbers and titles of the standard's table of contents (free IEC preview).
// No requirement text is reproduced; the category labels are this project's.
#include "medtra/catalog/catalogs.h"

namespace medtra::catalog {
namespace {

constexpr Process62304 kProcesses[] = {
    {"4", "General requirements"},
    {"5", "Software development process"},
    {"5.1", "Software development planning"},
    {"5.2", "Software requirements analysis"},
    {"5.3", "Software architectural design"},
    {"5.4", "Software detailed design"},
    {"5.5", "Software unit implementation and verification"},
    {"5.6", "Software integration and integration testing"},
    {"5.7", "Software system testing"},
    {"5.8", "Software release"},
    {"6", "Software maintenance process"},
    {"6.1", "Establish software maintenance plan"},
    {"6.2", "Problem and modification analysis"},
    {"6.3", "Modification implementation"},
    {"7", "Software risk management process"},
    {"7.1", "Analysis of software contributing to hazardous situations"},
    {"7.2", "Risk control measures"},
    {"7.3", "Verification of risk control measures"},
    {"7.4", "Risk management of software changes"},
    {"8", "Software configuration management process"},
    {"8.1", "Configuration identification"},
    {"8.2", "Change control"},
    {"8.3", "Configuration status accounting"},
    {"9", "Software problem resolution process"},
    {"9.1", "Prepare problem reports"},
    {"9.2", "Investigate the problem"},
    {"9.3", "Advise relevant parties"},
    {"9.4", "Use change control process"},
    {"9.5", "Maintain records"},
    {"9.6", "Analyse problems for trends"},
    {"9.7", "Verify software problem resolution"},
    {"9.8", "Test documentation contents"},
};

// IEC 62304 5.2.2 lists these kinds of security requirements (labels are ours).
constexpr SecurityCategory kCategories[] = {
    {"sensitive-information", "Protection of sensitive information"},
    {"authentication", "Authentication"},
    {"authorization", "Authorization"},
    {"audit-trail", "Audit trail"},
    {"communication-integrity", "Communication integrity"},
};

}  // namespace

std::span<const Process62304> Iec62304Processes() { return kProcesses; }
std::span<const SecurityCategory> Iec62304SecurityCategories() { return kCategories; }

const Process62304* FindProcess62304(std::string_view clause) {
  for (const Process62304& p : kProcesses) {
    if (p.clause == clause) return &p;
  }
  return nullptr;
}

}  // namespace medtra::catalog
