// IEC 81001-5-1:2021: the health software security activities, each mapped to its IEC 62304
// process and to the IEC 62443-4-1 requirements it derives from.
//
// Source: the clause numbers and titles of the standard's table of contents (free IEC webstore
// preview). The mapping to IEC 62443-4-1 is inferred from the titles and is informative only
// (check it against Annex D of a licensed copy). Activities with no IEC 62443-4-1 counterpart are
// health-specific. Labels longer than a few words are this project's paraphrase.
#include "medtra/catalog/catalogs.h"

namespace medtra::catalog {
namespace {

constexpr Activity81001 kActivities[] = {
    {"4.1.1", "Quality management system", "4", ""},
    {"4.1.2", "Identification of responsibilities", "4", "SM-2"},
    {"4.1.3", "Identification of applicability", "4", "SM-3 SM-5"},
    {"4.1.4", "Security expertise", "4", "SM-4"},
    {"4.1.5", "Third-party software items", "4", "SM-9 SM-10"},
    {"4.1.6", "Continuous improvement", "4", "SM-13"},
    {"4.1.7", "Disclosing security-related issues", "4", "DM-5"},
    {"4.1.8", "Periodic review of defect management", "4", "DM-6"},
    {"4.1.9", "Review of accompanying documents", "4", "SG-7"},
    {"4.2", "Security risk management", "4", ""},
    {"4.3", "Classification for risk transfer", "4", ""},
    {"5.1.1", "Life cycle activities", "5", "SM-1 SM-5"},
    {"5.1.2", "Development environment security", "5", "SM-7"},
    {"5.1.3", "Secure coding standards (planning)", "5", "SI-2"},
    {"5.2.1", "Health software security requirements", "5", "SR-3 SR-4"},
    {"5.2.2", "Security requirements review", "5", "SR-5"},
    {"5.2.3", "Security risks of required software", "5", "SM-9"},
    {"5.3.1", "Defense-in-depth architecture", "5", "SD-2"},
    {"5.3.2", "Secure design best practices", "5", "SD-4"},
    {"5.3.3", "Architecture security review", "5", "SD-3"},
    {"5.4.1", "Software design best practices", "5", "SD-4"},
    {"5.4.2", "Secure design", "5", "SD-1"},
    {"5.4.3", "Secure interfaces", "5", "SD-1"},
    {"5.4.4", "Detailed design security verification", "5", "SD-3"},
    {"5.5.1", "Secure coding standards", "5", "SI-2"},
    {"5.5.2", "Security implementation review", "5", "SI-1"},
    {"5.6", "Software integration testing", "5", ""},
    {"5.7.1", "Security requirements testing", "5", "SVV-1"},
    {"5.7.2", "Threat mitigation testing", "5", "SVV-2"},
    {"5.7.3", "Vulnerability testing", "5", "SVV-3"},
    {"5.7.4", "Penetration testing", "5", "SVV-4"},
    {"5.7.5", "Tester and developer conflicts of interest", "5", "SVV-5"},
    {"5.8.1", "Resolve findings before release", "5", "SM-11 DM-4"},
    {"5.8.2", "Release documentation", "5", "SG-1 SG-2 SG-3 SG-5 SG-6"},
    {"5.8.3", "File integrity", "5", "SM-6"},
    {"5.8.4", "Controls for private keys", "5", "SM-8"},
    {"5.8.5", "Assessing and addressing security issues", "5", "SM-11"},
    {"5.8.6", "Activity completion", "5", "SM-12"},
    {"5.8.7", "Secure decommissioning guidelines", "5", "SG-4"},
    {"6.1.1", "Timely delivery of security updates", "6", "SUM-5"},
    {"6.2.1", "Monitoring public incident reports", "6", "DM-1"},
    {"6.2.2", "Security update verification", "6", "SUM-1"},
    {"6.3.1", "Update documentation for supported software", "6", "SUM-3"},
    {"6.3.2", "Update delivery for maintained software", "6", "SUM-2 SUM-4"},
    {"6.3.3", "Update integrity for maintained software", "6", "SUM-4"},
    {"7.1.1", "Risk management context", "7", ""},
    {"7.1.2", "Product security context", "7", "SR-1"},
    {"7.2", "Vulnerabilities, threats and adverse impacts", "7", "SR-2"},
    {"7.3", "Estimation and evaluation of security risk", "7", ""},
    {"7.4", "Controlling security risks", "7", ""},
    {"7.5", "Monitoring effectiveness of risk controls", "7", ""},
    {"8", "Software configuration management", "8", "SM-1"},
    {"9.2", "Receiving vulnerability notifications", "9", "DM-1"},
    {"9.3", "Reviewing vulnerabilities", "9", "DM-2"},
    {"9.4", "Analysing vulnerabilities", "9", "DM-3"},
    {"9.5", "Addressing security-related issues", "9", "DM-4"},
};

}  // namespace

std::span<const Activity81001> Iec81001_5_1Activities() { return kActivities; }

const Activity81001* FindActivity81001(std::string_view clause) {
  for (const Activity81001& a : kActivities) {
    if (a.clause == clause) return &a;
  }
  return nullptr;
}

}  // namespace medtra::catalog
