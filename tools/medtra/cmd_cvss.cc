// medtra cvss: placeholder until its issue lands; exits 3 so that nobody mistakes it for a result.
#include <ostream>

#include "tools/medtra/command.h"

namespace medtra::cli {

void SetupCvssCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* command = app.add_subcommand("cvss", "not available yet");
  command->allow_extras();
  command->callback([context] {
    *context.err << "medtra: cvss: not available yet\n";
    *context.exit_code = kExitInternal;
  });
}

}  // namespace medtra::cli
