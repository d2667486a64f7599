// Traceability: risk -> measure -> security requirement -> design element -> verification, with
// every broken or missing link as a located finding.
#pragma once

#include <string>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/verify/evidence.h"
#include "medtra/verify/verify.h"

namespace medtra::trace {

/// One chain of the matrix. Empty fields are missing links.
struct TraceRow {
  std::string risk;  ///< "" for a measure or requirement no risk reaches
  std::string risk_level;
  std::string measure;
  std::string measure_kind;  ///< technical | user
  std::string requirement;
  std::vector<std::string> categories;
  std::vector<std::string> design;
  std::vector<std::string> controls;             ///< "IEC 62443-4-2 CR 3.1"
  std::vector<verify::RefResult> verifications;  ///< the requirement's `verified_by`
  /// The measure's own status (verify::VerifyMeasures); "" for a row without a measure.
  std::string measure_status;
  /// The worst of the verifications and the measure's status (verified | failed | missing |
  /// stale | unverified), or instructions (user measure in the instructions for use) | accepted
  /// (risk acceptable without measures) | broken (a link is missing)
  std::string status;
};

/// Whether a security category is covered by a requirement, justified, or a gap.
struct CategoryCoverage {
  std::string id;
  std::string title;
  std::vector<std::string> requirements;
  std::string justification;
  std::string status;  ///< covered | justified | gap
};

struct TraceResult {
  std::string system_id;
  std::string model_hash;
  std::vector<TraceRow> rows;
  std::vector<CategoryCoverage> categories;
  /// Broken or missing links, sorted: errors first, then by file, line, column.
  std::vector<Diagnostic> findings;
  /// The verification of every measure, in model order.
  std::vector<verify::MeasureVerification> measures;
  std::vector<std::string> evidence_files;
};

struct TraceOptions {
  const FileSystem* fs = nullptr;  ///< checks `file:` verification references; null skips it
  /// The measures' verification when the caller has it (`analyze`), who then reports its
  /// findings; null: BuildTrace runs verify::VerifyMeasures and adds its findings.
  const std::vector<verify::MeasureVerification>* measures = nullptr;
};

/// Builds the matrix and its findings from the model's requirements, categories and labeling.
TraceResult BuildTrace(const model::SystemModel& model, const verify::Evidence& evidence,
                       const TraceOptions& options = {});

/// True when a finding is at or above `level`.
bool HasFindingsAtOrAbove(const TraceResult& result, Severity level);

}  // namespace medtra::trace
