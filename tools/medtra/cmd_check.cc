// medtra check: placeholder until its issue lands; exits 3 so that nobody mistakes it for a result.
#include <ostream>

#include "tools/medtra/command.h"

namespace medtra::cli {

void SetupCheckCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* command = app.add_subcommand("check", "not available yet");
  command->allow_extras();
  command->callback([context] {
    *context.err << "medtra: check: not available yet\n";
    *context.exit_code = kExitInternal;
  });
}

}  // namespace medtra::cli
