// Verification evidence: test results from JUnit XML, attack results from medtra sim evidence, and
// manifests that state what a CI job's evidence files were made on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"

namespace medtra::verify {

/// What a piece of evidence states it verified, and when. Empty fields are not stated.
struct Provenance {
  std::string subject;       ///< the system id (`system.id` of the model)
  std::string version;       ///< the version of the subject (`system.version`)
  std::string date;          ///< when the evidence was made, as written (ISO 8601)
  std::string tester;        ///< who made it: a person, team or laboratory, as written
  std::string independence;  ///< of the tester from the developers: IndependenceLevels()
};

/// How independent a tester is of those who developed what is tested: "developer" (they test their
/// own work), "internal" (other people of the manufacturer), "external" (another organisation).
const std::vector<std::string>& IndependenceLevels();

/// One test case result, from JUnit XML (CTest --output-junit, GoogleTest --gtest_output=xml).
struct TestResult {
  std::string id;       ///< "Suite.Name" (classname.name, or name when it already is qualified)
  std::string status;   ///< passed | failed | skipped
  std::string message;  ///< the failure or skip message, first line
  /// From the XML: the `subject`/`version`/`date` of the innermost suite that states them (a
  /// <property> before an attribute), the date otherwise the suite's `timestamp`.
  Provenance provenance;
  SourceLocation location;  ///< the <testcase> element
};

/// One simulated attack scenario result, from medtra sim evidence JSON.
struct ScenarioResult {
  std::string id;  ///< "sim:eavesdrop"
  bool passed = false;
  std::string detail;
  Provenance provenance;  ///< the file's `subject` and `date` (a scenario's own `date` first)
  SourceLocation location;
};

/// One entry of an evidence manifest: what one evidence file beside it was made on.
struct ManifestEntry {
  std::string path;  ///< the evidence file, as read: the manifest's folder joined with `path`
  Provenance provenance;
  SourceLocation location;  ///< the entry in the manifest
};

/// An evidence file read, and what it is.
struct EvidenceFile {
  std::string path;
  std::string role;  ///< evidence | manifest
  friend bool operator==(const EvidenceFile&, const EvidenceFile&) = default;
};

/// All evidence given to one run. Lookups return the worst result when an ID repeats.
struct Evidence {
  std::vector<TestResult> tests;
  std::vector<ScenarioResult> scenarios;
  std::vector<ManifestEntry> manifest;
  /// The files read, in the order read.
  std::vector<EvidenceFile> files;

  const TestResult* FindTest(std::string_view id) const;
  const ScenarioResult* FindScenario(std::string_view id) const;
  /// The IDs known for one kind ("test" or "sim"), with their prefix, for did-you-mean.
  std::vector<std::string> Ids(std::string_view kind) const;
  /// What the evidence at `location` states: its own statement, each field it leaves empty
  /// filled from the manifest entry of its file.
  Provenance ProvenanceOf(const Provenance& own, const SourceLocation& location) const;
  /// The paths of `files`, in order.
  std::vector<std::string> Paths() const;
};

/// Largest evidence file read (hostile input stays bounded).
inline constexpr size_t kMaxEvidenceBytes = 64u << 20;

inline constexpr std::string_view kSimEvidenceFormat = "medtra-sim-evidence";
inline constexpr std::string_view kManifestFormat = "medtra-evidence-manifest";

/// Parses JUnit XML (expat). Appends to `evidence`; reports located errors and returns false on
/// malformed or hostile input (DOCTYPE/entities are refused).
bool ParseJUnitXml(const std::string& file, std::string_view content, Evidence* evidence,
                   DiagnosticSink& sink);

/// Parses medtra sim evidence: {"format": "medtra-sim-evidence", "subject": {"id", "version"},
/// "date", "scenarios": [{"id", "passed", ...}]}. Appends to `evidence`; reports located errors
/// and returns false when malformed.
bool ParseSimEvidence(const std::string& file, std::string_view content, Evidence* evidence,
                      DiagnosticSink& sink);

/// Parses an evidence manifest: {"format": "medtra-evidence-manifest", "format_version": 1,
/// "files": [{"path", "subject", "version", "date"}]}; `path` is relative to the manifest's
/// folder. Appends to `evidence`; reports located errors and returns false when malformed.
bool ParseManifest(const std::string& file, std::string_view content, Evidence* evidence,
                   DiagnosticSink& sink);

/// Parses a JSON evidence file by its "format": sim evidence or a manifest.
bool ParseEvidenceJson(const std::string& file, std::string_view content, Evidence* evidence,
                       DiagnosticSink& sink);

/// Reads one evidence file: *.xml as JUnit, anything else as JSON (sim evidence or manifest).
bool LoadEvidenceFile(const FileSystem& fs, const std::string& path, Evidence* evidence,
                      DiagnosticSink& sink);

/// Reads every *.xml and *.json file directly inside `folder` (sorted); a missing folder is fine.
bool LoadEvidenceFolder(const FileSystem& fs, const std::string& folder, Evidence* evidence,
                        DiagnosticSink& sink);

}  // namespace medtra::verify
