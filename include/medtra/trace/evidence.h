// Verification evidence: test results from JUnit XML and attack results from medtra sim evidence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"

namespace medtra::trace {

/// One test case result, from JUnit XML (CTest --output-junit, GoogleTest --gtest_output=xml).
struct TestResult {
  std::string id;           ///< "Suite.Name" (classname.name, or name when it already is qualified)
  std::string status;       ///< passed | failed | skipped
  std::string message;      ///< the failure or skip message, first line
  std::string date;         ///< the test suite's timestamp, as written
  SourceLocation location;  ///< the <testcase> element
};

/// One simulated attack scenario result, from medtra sim evidence JSON.
struct ScenarioResult {
  std::string id;  ///< "sim:eavesdrop"
  bool passed = false;
  std::string detail;
  std::string date;
  std::string model_hash;  ///< the model revision the run was for; "" when not stated
  SourceLocation location;
};

/// All evidence given to one trace run. Lookups return the worst result when an ID repeats.
struct Evidence {
  std::vector<TestResult> tests;
  std::vector<ScenarioResult> scenarios;
  /// The evidence files read, in the order read.
  std::vector<std::string> files;

  const TestResult* FindTest(std::string_view id) const;
  const ScenarioResult* FindScenario(std::string_view id) const;
  /// The IDs known for one kind ("test" or "sim"), for did-you-mean.
  std::vector<std::string> Ids(std::string_view kind) const;
};

/// Largest evidence file read (hostile input stays bounded).
inline constexpr size_t kMaxEvidenceBytes = 64u << 20;

/// Parses JUnit XML (expat). Appends to `evidence`; reports located errors and returns false on
/// malformed or hostile input (DOCTYPE/entities are refused).
bool ParseJUnitXml(const std::string& file, std::string_view content, Evidence* evidence,
                   DiagnosticSink& sink);

/// Parses medtra sim evidence: {"format": "medtra-sim-evidence", "scenarios": [{"id", "passed",
/// ...}]}. Appends to `evidence`; reports located errors and returns false when malformed.
bool ParseSimEvidence(const std::string& file, std::string_view content, Evidence* evidence,
                      DiagnosticSink& sink);

/// Reads one evidence file: *.xml as JUnit, anything else as sim evidence JSON.
bool LoadEvidenceFile(const FileSystem& fs, const std::string& path, Evidence* evidence,
                      DiagnosticSink& sink);

/// Reads every *.xml and *.json file directly inside `folder` (sorted); a missing folder is fine.
bool LoadEvidenceFolder(const FileSystem& fs, const std::string& folder, Evidence* evidence,
                        DiagnosticSink& sink);

}  // namespace medtra::trace
