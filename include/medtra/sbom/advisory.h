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
#include "medtra/sbom/cpe.h"
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

/// One CPE criterion of an NVD configuration that is vulnerable, with its version bounds.
struct AdvisoryCpe {
  std::string criteria;  ///< as written ("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*")
  Cpe cpe;
  std::string start;  ///< versionStartIncluding / -Excluding, or ""
  bool start_including = true;
  std::string end;  ///< versionEndIncluding / -Excluding, or ""
  bool end_including = false;
  bool with_platform = false;  ///< in an AND configuration: the platform condition is not checked
};

struct Advisory {
  enum class Source { kOsv, kNvd };
  Source source = Source::kOsv;
  std::string id;
  std::vector<std::string> aliases;
  std::string summary;
  std::string published;
  std::string modified;
  std::string withdrawn;          ///< a withdrawn advisory matches nothing
  std::vector<std::string> cvss;  ///< CVSS vectors of `severity` (3.x and 4.0), as written
  std::vector<AdvisoryPackage> affected;
  std::vector<AdvisoryCpe> cpes;  ///< NVD: the vulnerable CPE criteria
  std::string file;
  SourceLocation location;
};

/// Reads one OSV record. Wrong types, missing ids and malformed events are located errors;
/// returns nullopt when any error was reported.
std::optional<Advisory> ReadOsvRecord(const std::string& file, std::string_view text,
                                      DiagnosticSink& sink);

/// Reads an NVD CVE API 2.0 document (`"format": "NVD_CVE"`, a page of `vulnerabilities`): one
/// advisory per CVE with its CVSS vectors and the vulnerable CPE criteria of its configurations
/// (rejected CVEs are withdrawn). Empty when any error was reported.
std::vector<Advisory> ReadNvdDocument(const std::string& file, std::string_view text,
                                      DiagnosticSink& sink);

/// One advisory file: an NVD CVE API 2.0 document when its top-level `format` is "NVD_CVE",
/// else an OSV record.
std::vector<Advisory> ReadAdvisoryFile(const std::string& file, std::string_view text,
                                       DiagnosticSink& sink);

/// Every advisory under a folder (recursively, *.json files in sorted order) or in a zip archive
/// (its *.json entries in name order), sorted by id. A record that fails to read is reported and
/// left out; the others still count. An NVD record and an OSV record with the same id are one
/// advisory (the OSV record gains the CPE criteria). `digest`, when given, gets the SHA-256 (hex)
/// over each file's path below `dir` (or entry name) and the SHA-256 of its content: the source's
/// identity for the report's inputs.
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
