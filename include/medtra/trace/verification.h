// Resolving one verification reference (test:, sim:, file:, url:) against the evidence.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/trace/evidence.h"

namespace medtra::trace {

/// The verification kinds a reference may name: `test:Suite.Name`, `sim:attack`, `file:path`
/// (relative to the model folder), `url:https://...` (or a bare http(s) URL).
std::span<const std::string> VerificationKinds();

/// The kind of a reference ("test", "sim", "file", "url"), or "" when it names none.
std::string VerificationKind(std::string_view ref);

/// A verification reference and what the evidence says about it.
struct VerificationResult {
  std::string ref;
  std::string kind;         ///< test | sim | file | url
  std::string status;       ///< passed | failed | skipped | not-run | stale | present | missing |
                            ///< referenced
  std::string date;         ///< when the evidence was produced, as the evidence states it
  std::string source;       ///< where the result came from: "evidence/junit.xml:12:5"
  std::string detail;       ///< failure message, skip reason, ...
  SourceLocation location;  ///< where the model cites the reference
};

/// What ResolveVerification looks things up in.
struct VerifyContext {
  const Evidence* evidence = nullptr;
  const FileSystem* fs = nullptr;  ///< null: `file:` references are not checked ("referenced")
  std::string base_dir;            ///< the model folder, for `file:` references
  std::string model_hash;          ///< sim evidence for another hash is "stale"
};

VerificationResult ResolveVerification(std::string_view ref, const SourceLocation& location,
                                       const VerifyContext& context);

/// True for statuses that count as a positive result (passed, present, referenced).
bool IsPositive(std::string_view status);
/// True for statuses that count as a negative result (failed, missing).
bool IsNegative(std::string_view status);

/// The folder of the model (the directory of its first file), for relative evidence paths.
std::string ModelDirectory(const std::vector<std::string>& files);

/// Where a finding about something the model lacks points: line 1 of the file with the `system`
/// section (or of the first model file).
SourceLocation ModelFallbackLocation(const model::SystemModel& model);

}  // namespace medtra::trace
