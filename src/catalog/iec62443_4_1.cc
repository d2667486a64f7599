// IEC 62443-4-1:2018: the eight practices and their 47 requirement IDs with short labels.
//
// Source: the requirement numbers and names as listed in the public ISASecure SDLA-312
// certification document and public compliance listings (see shared design notes, regulatory.md
// section 1). Labels longer than a few words are this project's paraphrase. No requirement text is
// reproduced.
#include "medtra/catalog/catalogs.h"

namespace medtra::catalog {
namespace {

constexpr Practice kPractices[] = {
    {"SM", 1, "5", "Security management"},
    {"SR", 2, "6", "Specification of security requirements"},
    {"SD", 3, "7", "Secure by design"},
    {"SI", 4, "8", "Secure implementation"},
    {"SVV", 5, "9", "Security verification and validation testing"},
    {"DM", 6, "10", "Management of security-related issues"},
    {"SUM", 7, "11", "Security update management"},
    {"SG", 8, "12", "Security guidelines"},
};

constexpr Requirement41 kRequirements[] = {
    {"SM-1", "SM", "5.2", "Development process"},
    {"SM-2", "SM", "5.3", "Identification of responsibilities"},
    {"SM-3", "SM", "5.4", "Identification of applicability"},
    {"SM-4", "SM", "5.5", "Security expertise"},
    {"SM-5", "SM", "5.6", "Process scoping"},
    {"SM-6", "SM", "5.7", "File integrity"},
    {"SM-7", "SM", "5.8", "Development environment security"},
    {"SM-8", "SM", "5.9", "Controls for private keys"},
    {"SM-9", "SM", "5.10", "Security requirements for external components"},
    {"SM-10", "SM", "5.11", "Components custom-built by suppliers"},
    {"SM-11", "SM", "5.12", "Handling security issues before release"},
    {"SM-12", "SM", "5.13", "Process verification"},
    {"SM-13", "SM", "5.14", "Continuous improvement"},
    {"SR-1", "SR", "6.2", "Product security context"},
    {"SR-2", "SR", "6.3", "Threat model"},
    {"SR-3", "SR", "6.4", "Product security requirements"},
    {"SR-4", "SR", "6.5", "Content of the security requirements"},
    {"SR-5", "SR", "6.6", "Security requirements review"},
    {"SD-1", "SD", "7.2", "Secure design principles"},
    {"SD-2", "SD", "7.3", "Defense in depth design"},
    {"SD-3", "SD", "7.4", "Security design review"},
    {"SD-4", "SD", "7.5", "Secure design best practices"},
    {"SI-1", "SI", "8.3", "Security implementation review"},
    {"SI-2", "SI", "8.4", "Secure coding standards"},
    {"SVV-1", "SVV", "9.2", "Security requirements testing"},
    {"SVV-2", "SVV", "9.3", "Threat mitigation testing"},
    {"SVV-3", "SVV", "9.4", "Vulnerability testing"},
    {"SVV-4", "SVV", "9.5", "Penetration testing"},
    {"SVV-5", "SVV", "9.6", "Independence of testers"},
    {"DM-1", "DM", "10.2", "Receiving issue reports"},
    {"DM-2", "DM", "10.3", "Reviewing security issues"},
    {"DM-3", "DM", "10.4", "Assessing security issues"},
    {"DM-4", "DM", "10.5", "Addressing security issues"},
    {"DM-5", "DM", "10.6", "Disclosing security issues"},
    {"DM-6", "DM", "10.7", "Periodic review of defect management"},
    {"SUM-1", "SUM", "11.2", "Security update qualification"},
    {"SUM-2", "SUM", "11.3", "Security update documentation"},
    {"SUM-3", "SUM", "11.4", "Update notes for dependent components and OS"},
    {"SUM-4", "SUM", "11.5", "Security update delivery"},
    {"SUM-5", "SUM", "11.6", "Timely delivery of security patches"},
    {"SG-1", "SG", "12.2", "Product defense in depth"},
    {"SG-2", "SG", "12.3", "Defense in depth expected of the environment"},
    {"SG-3", "SG", "12.4", "Hardening guidelines"},
    {"SG-4", "SG", "12.5", "Secure disposal guidelines"},
    {"SG-5", "SG", "12.6", "Secure operation guidelines"},
    {"SG-6", "SG", "12.7", "Account management guidelines"},
    {"SG-7", "SG", "12.8", "Documentation review"},
};

}  // namespace

std::span<const Practice> Iec62443_4_1Practices() { return kPractices; }
std::span<const Requirement41> Iec62443_4_1Requirements() { return kRequirements; }

const Requirement41* FindRequirement41(std::string_view id) {
  for (const Requirement41& r : kRequirements) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const Practice* FindPractice(std::string_view abbrev) {
  for (const Practice& p : kPractices) {
    if (p.abbrev == abbrev) return &p;
  }
  return nullptr;
}

}  // namespace medtra::catalog
