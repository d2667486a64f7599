// The model's software sections: `software` (the device's SBOMs, bound to model components, and
// the offline advisory sources) and `vex` (the manufacturer's decision per vulnerability and
// package version range, carried across SBOM versions by identity).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"

namespace medtra::model {

/// medtra's VEX status vocabulary (the OpenVEX 0.2.0 statuses).
enum class VexStatus { kNotAffected, kAffected, kFixed, kUnderInvestigation };

std::string_view VexStatusName(VexStatus status);  ///< "not_affected", ...
std::optional<VexStatus> ParseVexStatus(std::string_view text);

/// One row of the VEX crosswalk (docs/sbom.md): medtra's (OpenVEX) justification and the
/// CycloneDX analysis justification written for it.
struct VexJustification {
  std::string_view openvex;
  std::string_view cyclonedx;
};
std::span<const VexJustification> VexJustifications();
/// The CycloneDX analysis responses medtra accepts ("update", "workaround_available", ...).
std::span<const std::string_view> VexResponses();

struct VexDecision {
  std::string vulnerability;  ///< advisory id or alias ("CVE-2024-1234")
  std::string package;        ///< purl without version: the identity ("pkg:deb/debian/expat")
  std::string versions;       ///< a vers range, or "" for every version
  VexStatus status = VexStatus::kUnderInvestigation;
  std::string justification;          ///< not_affected: one of VexJustifications().openvex
  std::vector<std::string> response;  ///< affected: what the manufacturer does
  std::string rationale;              ///< impact statement / action statement
  std::string date;                   ///< YYYY-MM-DD of the decision
  std::string author;
  std::string source;  ///< the model file, or the supplier VEX document it came from
  SourceLocation location;
};

/// Some components of an SBOM that run on another model component than the SBOM as a whole (a
/// library of the app on the phone, the firmware of a radio module): exactly one of `ref`,
/// `purl` or `name` selects them.
struct ComponentBinding {
  std::string ref;            ///< CycloneDX bom-ref or SPDX SPDXID
  std::string purl;           ///< a purl without version: every version of that package
  std::string name;           ///< the component name
  std::string component;      ///< the model component they run on, or "" for the SBOM's
  std::string risk;           ///< or "" for the SBOM's risk
  std::string environmental;  ///< or "" for the SBOM's metrics
  bool match_cpe = false;     ///< also match them with advisories by CPE (exact vendor, product)
  SourceLocation location;
};

/// One SBOM of the device and where its software runs in the model.
struct SbomBinding {
  std::string file;           ///< resolved against the folder of the model file that names it
  std::string component;      ///< the model component that runs this software
  std::string risk;           ///< the risk a known vulnerability in it realises, or ""
  std::string environmental;  ///< CVSS 3.1 environmental metrics for its vulnerabilities, or ""
  /// A `dpkg-query -W -f '${binary:Package}\t${source:Package}\t${Version}\n'` listing of the
  /// device image (resolved), for the source packages the SBOM does not name; or "".
  std::string source_packages;
  bool match_cpe = false;  ///< match every component with a CPE by it too (else: opt in per part)
  std::vector<ComponentBinding> components;  ///< components bound elsewhere than `component`
  SourceLocation location;
};

struct SoftwareSection {
  std::vector<SbomBinding> sboms;
  std::string advisories;                  ///< folder of OSV records (resolved), or ""
  std::string kev;                         ///< CISA KEV catalog JSON (resolved), or ""
  std::vector<std::string> vex_documents;  ///< supplier VEX documents (resolved)
  SourceLocation location;
};

/// True for "YYYY-MM-DD" with a real month and day.
bool IsIsoDate(std::string_view text);

}  // namespace medtra::model
