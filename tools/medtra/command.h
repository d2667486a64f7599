// What every subcommand gets from main(): I/O streams, the file system, and where to put its exit
// code.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "medtra/base/clock.h"
#include "medtra/base/file_system.h"

namespace medtra::cli {

/// Exit codes: one meaning each (style.md section 3.11).
enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitInput = 2, kExitInternal = 3 };

struct CommandContext {
  FileSystem* fs = nullptr;
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  int* exit_code = nullptr;      ///< set by the subcommand's callback
  const Clock* clock = nullptr;  ///< the time of store records (audit, decisions, signatures)
  /// The global `--jobs N`: threads for loading and analysis, 0 (the default) one per core.
  const unsigned* jobs = nullptr;
};

/// The threads the user asked for with `--jobs` (0: one per core).
inline unsigned Jobs(const CommandContext& context) {
  return context.jobs != nullptr ? *context.jobs : 0;
}

// One Setup function per subcommand file; each adds its subcommand to `app`.
void SetupCheckCommand(CLI::App& app, const CommandContext& context);
void SetupAnalyzeCommand(CLI::App& app, const CommandContext& context);
void SetupRulesCommand(CLI::App& app, const CommandContext& context);
void SetupExplainCommand(CLI::App& app, const CommandContext& context);
void SetupCvssCommand(CLI::App& app, const CommandContext& context);
void SetupSimCommand(CLI::App& app, const CommandContext& context);
void SetupSdlCommand(CLI::App& app, const CommandContext& context);
void SetupTraceCommand(CLI::App& app, const CommandContext& context);
void SetupImportCommand(CLI::App& app, const CommandContext& context);
void SetupDiffCommand(CLI::App& app, const CommandContext& context);
void SetupExportCommand(CLI::App& app, const CommandContext& context);
void SetupThreatsCommand(CLI::App& app, const CommandContext& context);
/// The `sbom` group (`sbom check`).
void SetupSbomCommand(CLI::App& app, const CommandContext& context);
void SetupVexCommand(CLI::App& app, const CommandContext& context);
void SetupPathsCommand(CLI::App& app, const CommandContext& context);
void SetupUsersCommand(CLI::App& app, const CommandContext& context);
void SetupAuditCommand(CLI::App& app, const CommandContext& context);
void SetupDecisionsCommand(CLI::App& app, const CommandContext& context);
void SetupServeCommand(CLI::App& app, const CommandContext& context);
void SetupSubmissionCommand(CLI::App& app, const CommandContext& context);
/// `sbom scan`, a subcommand of the `sbom` group.
void SetupSbomScanCommand(CLI::App& sbom, const CommandContext& context);

}  // namespace medtra::cli
