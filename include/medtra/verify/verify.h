// The one verification resolver: what the evidence says about each `verified_by` reference (sim
// scenarios, JUnit tests, `file:` documents, URLs) and about each measure of the model.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/verify/evidence.h"

namespace medtra::verify {

/// The status of a reference or a measure. Worst first: failed > missing > stale > unverified >
/// verified; not-applicable (a user measure that references nothing) is never worse than another.
enum class Status { kVerified, kFailed, kMissing, kStale, kUnverified, kNotApplicable };

/// "verified", "failed", "missing", "stale", "unverified", "not-applicable".
std::string_view StatusName(Status status);
/// The worse of two statuses.
Status Worst(Status a, Status b);

/// What a reference names (the model's vocabulary, model/sections.h).
using Kind = model::RefKind;
using model::RefKindName;
using model::RefKindOf;

/// One reference and what the evidence says about it.
struct RefResult {
  std::string ref;
  Kind kind = Kind::kNone;
  Status status = Status::kUnverified;
  std::string subject;  ///< what the evidence states it verified ("" when not stated)
  std::string version;  ///< the subject's version the evidence was made on ("" when not stated)
  std::string date;     ///< when the evidence was made, as it states it
  std::string tester;   ///< who made the evidence, as it states it ("" when not stated)
  std::string independence;  ///< of the tester: IndependenceLevels() ("" when not stated)
  std::string source;       ///< where the result is: "evidence/junit.xml:12:5", or the file checked
  std::string detail;       ///< why this status: failure message, "file 'x' does not exist", ...
  SourceLocation location;  ///< where the model cites the reference
};

/// What references are resolved against.
struct Context {
  const Evidence* evidence = nullptr;  ///< null: no evidence (test and sim refs are missing)
  const FileSystem* fs = nullptr;      ///< null: `file:` refs cannot be checked (unverified)
  std::string model_dir = ".";         ///< `file:` refs are relative to it
  std::string subject;                 ///< the model's `system.id`
  std::string version;                 ///< the model's `system.version`
};

/// The context for one model: its folder, system id and version.
Context MakeContext(const model::SystemModel& model, const Evidence* evidence,
                    const FileSystem* fs);

/// The folder of the model (the directory of its first file), for `file:` references.
std::string ModelDirectory(const std::vector<std::string>& files);

/// Resolves one reference cited at `location`.
RefResult Resolve(std::string_view ref, const SourceLocation& location, const Context& context);

/// The status of a list of references: the worst of them; `if_empty` for none.
Status WorstOf(std::span<const RefResult> results, Status if_empty);

/// Adds the finding a resolved reference calls for, at its location (none for verified):
/// failed -> error `verification-failed`, missing -> error `verification-missing`, stale ->
/// warning `verification-stale`, a skipped test -> warning `verification-skipped`, a reference that
/// cannot be checked (URL) -> note `verification-unchecked`. `owner` names who cites it
/// ("measure 'M-mac'", "requirement 'REQ-1'").
void AddFinding(const RefResult& result, std::string_view owner, std::vector<Diagnostic>* findings);

/// A measure with the outcome of its verifications.
struct MeasureVerification {
  const model::Measure* measure = nullptr;
  std::vector<RefResult> refs;  ///< in `verified_by` order
  /// The worst of `refs`; with none: unverified (technical) or not-applicable (user).
  Status status = Status::kUnverified;
};

/// Verifies every measure of the model, in model order. Adds the findings of AddFinding() for each
/// reference and a warning `measure-unverified` for a technical measure that references nothing.
std::vector<MeasureVerification> VerifyMeasures(const model::SystemModel& model,
                                                const Context& context,
                                                std::vector<Diagnostic>* findings);

}  // namespace medtra::verify
