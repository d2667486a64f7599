// libFuzzer target: arbitrary bytes as an advisory file (an OSV record or an NVD CVE API page), a
// CISA KEV catalog, a supplier's VEX document and an earlier scan JSON, each read with located
// errors; advisories read without errors are matched against an SBOM of their packages and CPEs
// (CPE matching on). Any crash, leak, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/advisory.h"
#include "medtra/sbom/match.h"
#include "medtra/sbom/scan_changes.h"
#include "medtra/sbom/vex_document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  medtra::DiagnosticSink sink;
  const std::vector<medtra::sbom::Advisory> advisories =
      medtra::sbom::ReadAdvisoryFile("a.json", content, sink);
  if (!advisories.empty() && sink.has_errors()) __builtin_trap();  // accepted despite errors
  medtra::sbom::Sbom sbom;
  for (const medtra::sbom::Advisory& advisory : advisories) {
    for (const medtra::sbom::AdvisoryPackage& p : advisory.affected) {
      medtra::sbom::SbomComponent c;
      c.name = p.name;
      c.version = p.versions.empty() ? "1.0.0" : p.versions.front();
      std::string error;
      c.purl = medtra::sbom::ParsePurl(p.purl.empty() ? "pkg:npm/x@1.0.0" : p.purl, &error);
      if (c.purl) c.purl->version = c.version;
      sbom.components.push_back(std::move(c));
    }
    for (const medtra::sbom::AdvisoryCpe& k : advisory.cpes) {
      medtra::sbom::SbomComponent c;
      c.name = k.criteria;
      c.version = k.start.empty() ? (k.end.empty() ? "1.0" : k.end) : k.start;
      c.cpes = {k.criteria};
      sbom.components.push_back(std::move(c));
    }
  }
  medtra::sbom::MatchOptions options;
  options.match_cpe.assign(sbom.components.size(), true);
  (void)medtra::sbom::MatchAdvisories(sbom, advisories, sink, options);
  medtra::DiagnosticSink kev;
  (void)medtra::sbom::ReadKevCatalog("kev.json", content, kev);
  medtra::DiagnosticSink vex;
  const auto decisions = medtra::sbom::ReadVexDocument("v.json", content, vex);
  if (decisions && vex.has_errors()) __builtin_trap();
  medtra::DiagnosticSink earlier;
  (void)medtra::sbom::CompareWithEarlierScan("s.json", content, {}, earlier);
  (void)medtra::RenderTextAll(sink, nullptr);
  (void)medtra::RenderJsonAll(vex);
  return 0;
}
