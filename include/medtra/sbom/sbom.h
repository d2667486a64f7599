// A software bill of materials as read from CycloneDX 1.4-1.6 JSON or SPDX 2.3 JSON: the device's
// components, their identities and support data, dependencies, and (CycloneDX) the vulnerabilities
// block with its analysis. Every value keeps its source location.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/document/located_document.h"
#include "medtra/sbom/purl.h"

namespace medtra::sbom {

struct SbomHash {
  std::string algorithm;  ///< as the SBOM names it ("SHA-256", "SHA256")
  std::string value;
};

struct SbomComponent {
  std::string ref;  ///< CycloneDX bom-ref or SPDX SPDXID; unique in the SBOM
  std::string name;
  std::string version;
  std::string type;  ///< CycloneDX type ("library", "operating-system", ...); SPDX: "package"
  std::string supplier;
  std::string purl_text;          ///< as written
  std::optional<Purl> purl;       ///< parsed (nullopt when absent; malformed is an error)
  std::vector<std::string> cpes;  ///< CPE 2.3 strings as written
  std::vector<SbomHash> hashes;
  std::vector<std::string> licenses;  ///< SPDX ids or expressions, or names
  std::string source_name;     ///< Debian source package: purl qualifier "upstream" or property
  std::string support_level;   ///< property medtra:support-level / SPDX annotation; "" if absent
  std::string end_of_support;  ///< ISO date, property medtra:end-of-support / validUntilDate
  SourceLocation location;
};

struct SbomDependency {
  std::string ref;
  std::vector<std::string> depends_on;
  SourceLocation location;  ///< the dependency entry (SPDX: the first relationship of `ref`)
};

/// A vulnerability stated inside a CycloneDX SBOM or VEX document, with its analysis.
struct SbomVulnerability {
  std::string id;                    ///< "CVE-2023-1234", "GHSA-..."
  std::vector<std::string> affects;  ///< component refs
  std::string state;          ///< CycloneDX analysis.state ("not_affected", "exploitable", ...)
  std::string justification;  ///< CycloneDX analysis.justification
  std::vector<std::string> response;
  std::string detail;
  SourceLocation location;
};

struct Sbom {
  std::string file;
  std::string format;        ///< "cyclonedx" or "spdx"
  std::string spec_version;  ///< "1.6", "SPDX-2.3"
  std::string serial;        ///< CycloneDX serialNumber or SPDX documentNamespace
  int version = 1;
  std::string timestamp;             ///< metadata.timestamp or creationInfo.created
  std::vector<std::string> authors;  ///< metadata.authors / tools, creationInfo.creators
  std::string subject;               ///< metadata.component name (the device software), if any
  std::string subject_ref;           ///< its bom-ref (SPDX: the package the document DESCRIBES)
  std::vector<SbomComponent> components;  ///< in file order, nested components flattened
  std::vector<SbomDependency> dependencies;
  std::vector<SbomVulnerability> vulnerabilities;
  SourceLocation location;  ///< metadata / creationInfo, else the top level
};

/// Reads a CycloneDX (1.4, 1.5, 1.6) or SPDX 2.3 JSON document, told apart by its content.
/// Malformed JSON, wrong types, duplicate refs, malformed purls and dangling dependency refs are
/// located errors in `sink`; returns nullopt when any error was reported.
std::optional<Sbom> ReadSbom(const std::string& file, std::string_view text, DiagnosticSink& sink,
                             const document::DocumentLimits& limits = {});

/// The NTIA minimum elements and the FDA's support fields, as located warnings (one per missing
/// element per component, code "sbom-missing-<element>").
void CheckSbomElements(const Sbom& sbom, DiagnosticSink& sink);
/// The same, and an end of support before `today` (YYYY-MM-DD) is "sbom-end-of-support-passed".
void CheckSbomElements(const Sbom& sbom, std::string_view today, DiagnosticSink& sink);

/// Whether `text` starts with a calendar date YYYY-MM-DD (a date or an ISO 8601 date-time).
bool IsIsoDate(std::string_view text);

}  // namespace medtra::sbom
