// Shared CLI plumbing for `sdl` and `trace`: the evidence options and reading the evidence.
#pragma once

#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/verify/evidence.h"
#include "tools/medtra/command.h"

namespace medtra::cli {

struct EvidenceOptions {
  std::vector<std::string> junit;  ///< --junit FILE...
  std::vector<std::string> sim;    ///< --evidence FILE... (sim evidence or a manifest)
  bool no_evidence_dir = false;    ///< --no-evidence-dir: skip MODEL/evidence/
};

/// Adds --junit, --evidence and --no-evidence-dir to a subcommand.
void AddEvidenceOptions(CLI::App* command, EvidenceOptions* options);

/// Reads MODEL/evidence/ (when MODEL is a folder and not disabled), then the files given.
/// Problems go to `sink`; returns false when any evidence file was unreadable or malformed.
bool ReadEvidence(const CommandContext& context, const std::string& model_path,
                  const EvidenceOptions& options, verify::Evidence* evidence, DiagnosticSink& sink,
                  SourceCache* sources);

/// Parses a --fail-on level: error | warning | note | none (none: never fail).
bool ParseFailOn(const std::string& text, Severity* level, bool* never);

}  // namespace medtra::cli
