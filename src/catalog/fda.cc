// FDA premarket cybersecurity guidance (final, 2025-06-27): the security control categories of
// Appendix 1 and the labeling items of section VI.A. Public domain (US Government work); the item
// labels here are this project's short paraphrases of the guidance's headings.
// https://www.fda.gov/regulatory-information/search-fda-guidance-documents/cybersecurity-medical-devices-quality-system-considerations-and-content-premarket-submissions
#include "medtra/catalog/catalogs.h"

namespace medtra::catalog {
namespace {

constexpr FdaControlCategory kCategories[] = {
    {"authentication", 'A', "Authentication"},
    {"authorization", 'B', "Authorization"},
    {"cryptography", 'C', "Cryptography"},
    {"code-data-execution-integrity", 'D', "Code, Data, and Execution Integrity"},
    {"confidentiality", 'E', "Confidentiality"},
    {"event-detection-logging", 'F', "Event Detection and Logging"},
    {"resiliency-recovery", 'G', "Resiliency and Recovery"},
    {"updatability-patchability", 'H', "Updatability and Patchability"},
};

constexpr LabelingItem kLabeling[] = {
    {"recommended-controls", 1, "Security controls recommended for the use environment"},
    {"diagrams", 2, "Network and architecture diagrams for users"},
    {"interfaces", 3, "Ports and interfaces, with direction and endpoints"},
    {"infrastructure-incident-response", 4, "Infrastructure needs and incident response"},
    {"sbom", 5, "Software bill of materials"},
    {"authorized-updates", 6, "How to obtain authorized software updates"},
    {"anomalous-conditions", 7, "How the device reports and logs anomalous conditions"},
    {"critical-functionality", 8, "Features that protect critical functionality"},
    {"backup-restore", 9, "Backup and restore"},
    {"configuration-recovery", 10, "Keeping and recovering the configuration"},
    {"secure-configuration", 11, "Secure configuration as shipped; risky settings"},
    {"forensic-logs", 12, "Log and forensic evidence format"},
    {"end-of-support", 13, "End of support and end of life"},
    {"decommissioning", 14, "Secure decommissioning and sanitization"},
};

}  // namespace

std::span<const FdaControlCategory> FdaControlCategories() { return kCategories; }
std::span<const LabelingItem> FdaLabelingItems() { return kLabeling; }

}  // namespace medtra::catalog
