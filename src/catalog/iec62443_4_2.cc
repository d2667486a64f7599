// IEC 62443-4-2:2019 component requirements (FR 1-7, CR x.y) and IEC TR 60601-4-5:2021, which
// adapts them to medical electrical equipment: a control catalog security requirements can cite.
//
// Sources: requirement numbers and short titles from the public TeleTrusT test scheme for
// IEC 62443-4-2 (2019), IEC/BSI abstracts and public vendor compliance tables; the TR 60601-4-5
// structure from the IEC webstore abstract and its table of contents (see regulatory.md sections 2
// and 5). Some long titles are shortened in this project's words. No requirement text, no
// security-level tables.
#include "medtra/catalog/catalogs.h"

namespace medtra::catalog {
namespace {

constexpr FoundationalRequirement kFoundational[] = {
    {"FR 1", "IAC", "Identification and authentication control"},
    {"FR 2", "UC", "Use control"},
    {"FR 3", "SI", "System integrity"},
    {"FR 4", "DC", "Data confidentiality"},
    {"FR 5", "RDF", "Restricted data flow"},
    {"FR 6", "TRE", "Timely response to events"},
    {"FR 7", "RA", "Resource availability"},
};

constexpr ComponentRequirement kRequirements[] = {
    {"1.1", "FR 1", "Human user identification and authentication", "CR 1.1"},
    {"1.2", "FR 1", "Software process and device authentication", "CR 1.2"},
    {"1.3", "FR 1", "Account management", "CR 1.3"},
    {"1.4", "FR 1", "Identifier management", "CR 1.4"},
    {"1.5", "FR 1", "Authenticator management", "CR 1.5"},
    {"1.6", "FR 1", "Wireless access management", "NDR 1.6"},
    {"1.7", "FR 1", "Strength of password-based authentication", "CR 1.7"},
    {"1.8", "FR 1", "Public key infrastructure certificates", "CR 1.8"},
    {"1.9", "FR 1", "Strength of public key-based authentication", "CR 1.9"},
    {"1.10", "FR 1", "Authenticator feedback", "CR 1.10"},
    {"1.11", "FR 1", "Unsuccessful login attempts", "CR 1.11"},
    {"1.12", "FR 1", "System use notification", "CR 1.12"},
    {"1.13", "FR 1", "Access via untrusted networks", "NDR 1.13"},
    {"1.14", "FR 1", "Strength of symmetric key-based authentication", "CR 1.14"},
    {"2.1", "FR 2", "Authorization enforcement", "CR 2.1"},
    {"2.2", "FR 2", "Wireless use control", "CR 2.2"},
    {"2.3", "FR 2", "Portable and mobile device use control", "CR 2.3", false},
    {"2.4", "FR 2", "Mobile code", "SAR 2.4,EDR 2.4,HDR 2.4,NDR 2.4"},
    {"2.5", "FR 2", "Session lock", "CR 2.5"},
    {"2.6", "FR 2", "Remote session termination", "CR 2.6"},
    {"2.7", "FR 2", "Concurrent session control", "CR 2.7"},
    {"2.8", "FR 2", "Auditable events", "CR 2.8"},
    {"2.9", "FR 2", "Audit storage capacity", "CR 2.9"},
    {"2.10", "FR 2", "Response to audit processing failures", "CR 2.10"},
    {"2.11", "FR 2", "Timestamps", "CR 2.11"},
    {"2.12", "FR 2", "Non-repudiation", "CR 2.12"},
    {"2.13", "FR 2", "Physical diagnostic and test interfaces", "EDR 2.13,HDR 2.13,NDR 2.13"},
    {"3.1", "FR 3", "Communication integrity", "CR 3.1"},
    {"3.2", "FR 3", "Protection from malicious code", "SAR 3.2,EDR 3.2,HDR 3.2,NDR 3.2"},
    {"3.3", "FR 3", "Security functionality verification", "CR 3.3"},
    {"3.4", "FR 3", "Software and information integrity", "CR 3.4"},
    {"3.5", "FR 3", "Input validation", "CR 3.5"},
    {"3.6", "FR 3", "Deterministic output", "CR 3.6"},
    {"3.7", "FR 3", "Error handling", "CR 3.7"},
    {"3.8", "FR 3", "Session integrity", "CR 3.8"},
    {"3.9", "FR 3", "Protection of audit information", "CR 3.9"},
    {"3.10", "FR 3", "Support for updates", "EDR 3.10,HDR 3.10,NDR 3.10"},
    {"3.11", "FR 3", "Physical tamper resistance and detection", "EDR 3.11,HDR 3.11,NDR 3.11"},
    {"3.12", "FR 3", "Supplier roots of trust", "EDR 3.12,HDR 3.12,NDR 3.12"},
    {"3.13", "FR 3", "Asset owner roots of trust", "EDR 3.13,HDR 3.13,NDR 3.13"},
    {"3.14", "FR 3", "Integrity of the boot process", "EDR 3.14,HDR 3.14,NDR 3.14"},
    {"4.1", "FR 4", "Information confidentiality", "CR 4.1"},
    {"4.2", "FR 4", "Information persistence", "CR 4.2"},
    {"4.3", "FR 4", "Use of cryptography", "CR 4.3"},
    {"5.1", "FR 5", "Network segmentation", "CR 5.1"},
    {"5.2", "FR 5", "Zone boundary protection", "NDR 5.2"},
    {"5.3", "FR 5", "Person-to-person messaging restrictions", "NDR 5.3"},
    {"5.4", "FR 5", "Application partitioning", "CR 5.4", false},
    {"6.1", "FR 6", "Audit log accessibility", "CR 6.1"},
    {"6.2", "FR 6", "Continuous monitoring", "CR 6.2"},
    {"7.1", "FR 7", "Denial of service protection", "CR 7.1"},
    {"7.2", "FR 7", "Resource management", "CR 7.2"},
    {"7.3", "FR 7", "Control system backup", "CR 7.3"},
    {"7.4", "FR 7", "Recovery and reconstitution", "CR 7.4"},
    {"7.5", "FR 7", "Emergency power", "CR 7.5", false},
    {"7.6", "FR 7", "Network and security configuration settings", "CR 7.6"},
    {"7.7", "FR 7", "Least functionality", "CR 7.7"},
    {"7.8", "FR 7", "Control system component inventory", "CR 7.8"},
};

constexpr SecurityConstraint kConstraints[] = {
    {"CCSC 1", "Support of essential functions"},
    {"CCSC 2", "Compensating countermeasures"},
    {"CCSC 3", "Least privilege"},
    {"CCSC 4", "Software development process"},
};

// TR 60601-4-5 clause 4: the 62443-4-2 constraints plus data minimization (ToC titles).
constexpr SecurityConstraint kTrConstraints[] = {
    {"4.2", "Support of essential function"},
    {"4.3", "Compensating countermeasures"},
    {"4.4", "Least privilege"},
    {"4.5", "Data minimization"},
};

}  // namespace

std::span<const FoundationalRequirement> Iec62443_4_2FoundationalRequirements() {
  return kFoundational;
}
std::span<const ComponentRequirement> Iec62443_4_2Requirements() { return kRequirements; }
std::span<const SecurityConstraint> Iec62443_4_2Constraints() { return kConstraints; }
std::span<const SecurityConstraint> Tr60601_4_5Constraints() { return kTrConstraints; }

}  // namespace medtra::catalog
