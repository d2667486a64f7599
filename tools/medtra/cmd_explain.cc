// medtra explain: placeholder until its issue lands; exits 3 so that nobody mistakes it for a
// result.
#include <ostream>

#include "tools/medtra/command.h"

namespace medtra::cli {

void SetupExplainCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* command = app.add_subcommand("explain", "not available yet");
  command->allow_extras();
  command->callback([context] {
    *context.err << "medtra: explain: not available yet\n";
    *context.exit_code = kExitInternal;
  });
}

}  // namespace medtra::cli
