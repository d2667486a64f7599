// Simulator evidence: pass criteria per attack, the evidence file (writer and reader), renderers.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"
#include "medtra/sim/scenario.h"

namespace medtra::sim {

inline constexpr std::string_view kEvidenceFormat = "medtra-sim-evidence";
inline constexpr int kEvidenceFormatVersion = 1;

/// Whether a scenario "holds": 0 attacker frames accepted, therapy unchanged by the attacker, no
/// static ID or patient data observed, 0 therapy ticks missed, 0 duplicated and 0 silently lost
/// commands, 0 implant replies to unauthenticated frames, the final therapy equals what the
/// programmer reported, and (jam) every command not applied reported FAILED.
struct Verdict {
  bool holds = false;
  std::vector<std::string> failed_checks;  ///< e.g. "attacker_frames_accepted == 0"
};
Verdict Evaluate(const SimMetrics& metrics);
/// The criteria in one sentence, for the evidence file and reports.
std::string CriteriaText(Attack attack);

/// One scenario in an evidence file. The ID is "sim:ATTACK" for the secure protocol (what a
/// measure's `verified_by` names) and "sim:ATTACK@legacy" for the legacy control runs.
struct SimScenarioEvidence {
  std::string id;
  std::string attack;
  std::string protocol;
  bool passed = false;
  std::string criteria;
  std::vector<std::string> failed_checks;
  SimMetrics metrics;
};

struct SimEvidence {
  int format_version = kEvidenceFormatVersion;
  /// What the runs verified: the system id and version of the model (`medtra sim --model`); ""
  /// when not stated (the evidence is then stale for every model).
  std::string subject_id;
  std::string subject_version;
  std::string date;          ///< when the runs were made, UTC ISO 8601; "" when not stated
  std::string tester;        ///< who ran them (`--tester`); "" when not stated
  std::string independence;  ///< of the tester from the developers (`--independence`); ""
  uint64_t seed = 0;
  uint64_t frames = 0;
  uint64_t commands = 0;
  std::vector<SimScenarioEvidence> scenarios;
};

std::string ScenarioId(std::string_view attack, std::string_view protocol);
/// Builds the evidence for a set of runs (passed = Evaluate(metrics).holds, honestly).
SimEvidence MakeSimEvidence(uint64_t seed, uint64_t frames, uint64_t commands,
                            std::span<const SimMetrics> runs);
/// Serialises deterministically (ordered keys, 2-space indent, trailing newline); "subject",
/// "date", "tester" and "independence" only when stated.
std::string SerializeSimEvidence(const SimEvidence& evidence);
/// Reads an evidence file; rejects wrong format names, versions and malformed fields.
Result<SimEvidence> ParseSimEvidence(std::string_view json);
/// The scenario with this ID, or nullptr.
const SimScenarioEvidence* FindSimScenario(const SimEvidence& evidence, std::string_view id);

/// The JSON object of one run (the `medtra sim --format json` output).
std::string RenderMetricsJson(const SimMetrics& metrics);
/// The JSON document of a matrix run: {"seed", "frames", "commands", "results": [...]}.
std::string RenderMatrixJson(uint64_t seed, uint64_t frames, uint64_t commands,
                             std::span<const SimMetrics> runs);
/// "key: value" lines of one run.
std::string RenderMetricsText(const SimMetrics& metrics);
/// The legacy vs secure table of a matrix run.
std::string RenderMatrixTable(std::span<const SimMetrics> runs);

}  // namespace medtra::sim
