// The scan's VEX statements as documents others read: OpenVEX 0.2.0, CycloneDX 1.6 VEX and CSAF
// 2.0 VEX.
#pragma once

#include <string>

#include "medtra/sbom/scan.h"

namespace medtra::report {

struct VexHeader {
  std::string system;      ///< the model's system id (part of the document id)
  std::string author;      ///< who states the VEX
  std::string timestamp;   ///< RFC 3339 ("2026-10-21T00:00:00Z")
  std::string namespace_;  ///< CSAF: the publisher's namespace, a URL ("https://psirt.example")
};

/// One statement per (vulnerability, product); undecided matches are "under_investigation".
/// The document id is a UUID of the content, so that the same statements give the same id.
std::string OpenVexJson(const sbom::ScanResult& scan, const VexHeader& header);
/// A VEX BOM: the affected components and one vulnerability per (advisory, component) with its
/// analysis (state, justification, response, detail) through the crosswalk.
std::string CycloneDxVexJson(const sbom::ScanResult& scan, const VexHeader& header);
/// A CSAF 2.0 document of the VEX profile (`csaf_vex`): one product per (component, version) in
/// the product tree, one vulnerability per advisory with its product status, a flag and impact
/// statement for each product not affected, a remediation for each affected one. The tracking id
/// is a UUID of the content.
std::string CsafVexJson(const sbom::ScanResult& scan, const VexHeader& header);

}  // namespace medtra::report
