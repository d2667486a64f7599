// Shared CLI plumbing for the subcommands that use the review store: --store and opening it.
#pragma once

#include <memory>
#include <string>

#include "medtra/store/store.h"
#include "tools/medtra/command.h"

namespace medtra::cli {

/// Adds `--store sqlite:PATH|postgresql://...` (default: the model folder's
/// .medtra/store.sqlite).
void AddStoreOption(CLI::App* command, std::string* store);

/// Opens `spec` (or `fallback` when empty); on failure prints "medtra: COMMAND: ..." and returns
/// null. `create` makes a missing SQLite store.
std::unique_ptr<store::Store> OpenStoreOrReport(const CommandContext& context,
                                                const std::string& command, const std::string& spec,
                                                const std::string& fallback, bool create);

/// Who the audit trail names for a change made on the command line: "cli:$USER".
std::string CliActor();

}  // namespace medtra::cli
