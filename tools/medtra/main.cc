// medtra: the command-line tool. Wires the subcommands and maps outcomes to exit codes 0/1/2/3.
#include <exception>
#include <iostream>

#include "medtra/version.h"
#include "tools/medtra/command.h"

int main(int argc, char** argv) {
  using medtra::cli::kExitInput;
  using medtra::cli::kExitInternal;
  try {
    CLI::App app{"medtra: threat and risk analysis for medical devices (AAMI TIR57, ISO 14971)",
                 "medtra"};
    app.set_version_flag("--version", std::string("medtra ") + medtra::kVersion);
    app.require_subcommand(1);
    app.fallthrough(false);

    medtra::RealFileSystem fs;
    medtra::SystemClock clock;
    int exit_code = 0;
    unsigned jobs = 0;
    app.add_option("-j,--jobs", jobs,
                   "threads for loading and analysis (0, the default: one per core); the output is "
                   "the same for any number")
        ->check(CLI::Range(0u, 256u));
    const medtra::cli::CommandContext context{&fs,        &std::cin, &std::cout, &std::cerr,
                                              &exit_code, &clock,    &jobs};
    medtra::cli::SetupCheckCommand(app, context);
    medtra::cli::SetupAnalyzeCommand(app, context);
    medtra::cli::SetupRulesCommand(app, context);
    medtra::cli::SetupExplainCommand(app, context);
    medtra::cli::SetupCvssCommand(app, context);
    medtra::cli::SetupSimCommand(app, context);
    medtra::cli::SetupSdlCommand(app, context);
    medtra::cli::SetupTraceCommand(app, context);
    medtra::cli::SetupImportCommand(app, context);
    medtra::cli::SetupDiffCommand(app, context);
    medtra::cli::SetupExportCommand(app, context);
    medtra::cli::SetupThreatsCommand(app, context);
    medtra::cli::SetupSbomCommand(app, context);
    medtra::cli::SetupVexCommand(app, context);
    medtra::cli::SetupPathsCommand(app, context);
    medtra::cli::SetupUsersCommand(app, context);
    medtra::cli::SetupAuditCommand(app, context);
    medtra::cli::SetupDecisionsCommand(app, context);
    medtra::cli::SetupServeCommand(app, context);
    medtra::cli::SetupSubmissionCommand(app, context);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int code = app.exit(e, std::cout, std::cerr);
      return code == 0 ? 0 : kExitInput;  // help and version exit 0; every other parse error is 2
    }
    std::cout.flush();
    return exit_code;
  } catch (const std::exception& e) {
    std::cerr << "medtra: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "medtra: internal error: unknown exception\n";
  }
  return kExitInternal;
}
