// The secure development life cycle plan (IEC 62443-4-1 / IEC 81001-5-1 / IEC 62304): activity
// status, evidence, coverage per practice and per IEC 62304 process, and the gaps.
#pragma once

#include <string>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/verify/evidence.h"
#include "medtra/verify/verify.h"

namespace medtra::trace {

/// One activity of the plan: every IEC 62443-4-1 requirement, plus the IEC 81001-5-1 activities
/// that have no IEC 62443-4-1 counterpart (health-specific).
struct SdlActivity {
  std::string id;        ///< "SM-1" or "81001-5-1:4.2"
  std::string standard;  ///< "IEC 62443-4-1" | "IEC 81001-5-1"
  std::string clause;
  std::string title;
  std::string practice;                ///< "SM".."SG"; "" for health-specific activities
  std::vector<std::string> processes;  ///< IEC 62304 processes ("4".."9"), sorted
  std::vector<std::string> iec81001;   ///< IEC 81001-5-1 clauses it maps to
  std::string status = "planned";      ///< planned | in-progress | done | not-applicable
  std::string owner;
  std::string justification;
  std::string note;
  std::vector<verify::RefResult> evidence;
  bool in_plan = false;     ///< false: the plan does not mention it (status defaults to planned)
  SourceLocation location;  ///< the plan entry, or the plan (or model) when not mentioned
};

/// Activity counts over one practice or one IEC 62304 process.
struct SdlCoverage {
  std::string id;  ///< "SM" or "5"
  std::string title;
  int total = 0;
  int done = 0;
  int in_progress = 0;
  int planned = 0;
  int not_applicable = 0;
  /// (done + not-applicable) * 100 / total, rounded down.
  int percent() const { return total == 0 ? 100 : (done + not_applicable) * 100 / total; }
};

/// A gap: an activity that is not done, or done without evidence.
struct SdlGap {
  std::string activity;
  Diagnostic diagnostic;  ///< severity, code, message and where to fix it
};

struct SdlReport {
  std::string system_id;
  std::string model_hash;
  std::vector<SdlActivity> activities;  ///< catalog order: SM-1..SG-7, then 81001-5-1 activities
  std::vector<SdlCoverage> practices;   ///< the eight IEC 62443-4-1 practices
  std::vector<SdlCoverage> processes;   ///< IEC 62304 processes 4-9
  SdlCoverage total;
  std::vector<SdlGap> gaps;  ///< sorted by severity (errors first), then activity order
};

/// Reads the model's `sdl:` section and evaluates it. Problems in the section (unknown IDs,
/// statuses, keys) go to `input_errors`. `fs` (may be null) checks `file:` evidence.
SdlReport BuildSdlReport(const model::SystemModel& model, const verify::Evidence& evidence,
                         const FileSystem* fs = nullptr);

}  // namespace medtra::trace
