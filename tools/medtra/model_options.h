// Shared CLI plumbing for subcommands that read a model: loading it and printing diagnostics.
#pragma once

#include <memory>
#include <string>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "tools/medtra/command.h"

namespace medtra::cli {

/// Prints the sink's diagnostics to context.err as text (with carets) or as JSON.
void PrintDiagnostics(const CommandContext& context, const DiagnosticSink& sink,
                      const SourceCache& sources, bool json);

/// Loads the model at `path`; on errors prints them and returns null.
std::unique_ptr<const model::SystemModel> LoadModelOrReport(const CommandContext& context,
                                                            const std::string& path, bool json);

/// Adds `--format` restricted to text|json to a subcommand.
void AddTextJsonFormat(CLI::App* command, std::string* format);

}  // namespace medtra::cli
