// Advisories read offline: OSV records (one per JSON file, as in OSV's per-ecosystem exports and
// the GitHub, PyPA, Go and Debian databases) and the CISA KEV catalog.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/version.h"

namespace medtra::sbom {

struct AdvisoryRange {
  enum class Type { kSemver, kEcosystem, kGit };
  Type type = Type::kEcosystem;
  std::string repo;  ///< GIT ranges
  std::vector<OsvEvent> events;
};

/// One `affected` entry: a package in an ecosystem and the versions of it that are affected.
struct AdvisoryPackage {
  std::string ecosystem;  ///< "Debian:12", "npm", "PyPI", ... ("" for a GIT-only entry)
  std::string name;
  std::string purl;
  std::vector<AdvisoryRange> ranges;
  std::vector<std::string> versions;  ///< enumerated affected versions
};

struct Advisory {
  std::string id;
  std::vector<std::string> aliases;
  std::string summary;
  std::string published;
  std::string modified;
  std::string withdrawn;          ///< a withdrawn advisory matches nothing
  std::vector<std::string> cvss;  ///< CVSS vectors of `severity` (3.x and 4.0), as written
  std::vector<AdvisoryPackage> affected;
  std::string file;
  SourceLocation location;
};

/// Reads one OSV record. Wrong types, missing ids and malformed events are located errors;
/// returns nullopt when any error was reported.
std::optional<Advisory> ReadOsvRecord(const std::string& file, std::string_view text,
                                      DiagnosticSink& sink);

/// Every advisory under a folder (recursively, *.json files in sorted order), sorted by id. A
/// record that fails to read is reported and left out; the others still count. `digest`, when
/// given, gets the SHA-256 (hex) over each file's path below `dir` and the SHA-256 of its content:
/// the folder's identity for the report's inputs.
std::vector<Advisory> ReadAdvisoryFolder(const FileSystem& fs, const std::string& dir,
                                         DiagnosticSink& sink, std::string* digest = nullptr);

/// One entry of the CISA Known Exploited Vulnerabilities catalog.
struct KevEntry {
  std::string cve;
  std::string date_added;
  std::string due_date;
  std::string ransomware;  ///< knownRansomwareCampaignUse ("Known", "Unknown")
};

struct KevCatalog {
  std::string version;                      ///< catalogVersion
  std::map<std::string, KevEntry> entries;  ///< by CVE id
  const KevEntry* Find(std::string_view cve) const;
};

/// Reads the KEV catalog JSON (`vulnerabilities` of `cveID`, `dateAdded`, `dueDate`, ...).
std::optional<KevCatalog> ReadKevCatalog(const std::string& file, std::string_view text,
                                         DiagnosticSink& sink);

}  // namespace medtra::sbom
