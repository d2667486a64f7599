// medtra sim: runs the legacy/secure link scenarios under attack; prints metrics, writes evidence
// that states the subject (system id and version) it verified and when.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <ostream>
#include <string>
#include <vector>

#include "medtra/base/strings.h"
#include "medtra/sim/evidence.h"
#include "medtra/sim/scenario.h"
#include "medtra/verify/evidence.h"
#include "tools/medtra/command.h"
#include "tools/medtra/model_options.h"

namespace medtra::cli {
namespace {

struct SimOptions {
  std::string protocol;
  std::string attack;
  uint32_t frames = 1000;
  uint32_t commands = 20;
  uint64_t seed = 1;
  std::string format = "text";
  std::string evidence;
  std::string model;            ///< --model: the subject is this model's system id and version
  std::string subject;          ///< --subject ID
  std::string subject_version;  ///< --subject-version V
  std::string tester;           ///< --tester: who ran the attacks
  std::string independence;     ///< --independence: of the tester from the developers
};

/// Now, or SOURCE_DATE_EPOCH when set (reproducible evidence), as UTC ISO 8601; "" when
/// SOURCE_DATE_EPOCH is not a number of seconds.
std::string EvidenceDate() {
  std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (*epoch == '\0' || *end != '\0' || value < 0) return "";
    seconds = static_cast<std::time_t>(value);
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

/// Fills the subject and date of `evidence` from the options; false (reported) on a bad model or
/// SOURCE_DATE_EPOCH.
bool StateSubject(const SimOptions& options, const CommandContext& context,
                  sim::SimEvidence* evidence) {
  evidence->subject_id = options.subject;
  evidence->subject_version = options.subject_version;
  evidence->tester = options.tester;
  evidence->independence = options.independence;
  if (!options.model.empty()) {
    ModelInput input;
    if (!LoadModelOrReport(context, options.model, false, &input)) return false;
    evidence->subject_id = input.model->system.id;
    evidence->subject_version = input.model->system.version;
  }
  if (options.evidence.empty()) return true;
  evidence->date = EvidenceDate();
  if (evidence->date.empty()) {
    *context.err << "medtra: sim: SOURCE_DATE_EPOCH '" << std::getenv("SOURCE_DATE_EPOCH")
                 << "' is not a number of seconds\n";
    return false;
  }
  return true;
}

int RunSim(const SimOptions& options, const CommandContext& context) {
  sim::SimEvidence stated;  // the subject and date only
  if (!StateSubject(options, context, &stated)) return kExitInput;
  std::vector<sim::Attack> attacks;
  const bool matrix = options.attack == "all";
  if (matrix) {
    attacks.assign(sim::AllAttacks().begin(), sim::AllAttacks().end());
  } else if (std::optional<sim::Attack> attack = sim::ParseAttack(options.attack)) {
    attacks.push_back(*attack);
  } else {
    std::vector<std::string> names{"all"};
    for (sim::Attack a : sim::AllAttacks()) names.emplace_back(sim::AttackName(a));
    *context.err << "medtra: sim: unknown attack '" << options.attack << "'"
                 << DidYouMean(options.attack, names) << "; one of: " << Join(names, ", ") << "\n";
    return kExitInput;
  }
  std::vector<sim::Protocol> protocols;
  if (!options.protocol.empty()) {
    protocols.push_back(*sim::ParseProtocol(options.protocol));  // validated by CLI11
  } else if (matrix) {
    protocols = {sim::Protocol::kLegacy, sim::Protocol::kSecure};
  } else {
    protocols = {sim::Protocol::kSecure};
  }
  std::vector<sim::SimMetrics> runs;
  for (sim::Attack attack : attacks) {
    for (sim::Protocol protocol : protocols) {
      sim::ScenarioConfig config{protocol, attack, options.seed, options.frames, options.commands};
      Result<sim::SimMetrics> metrics = sim::RunScenario(config);
      if (!metrics.ok()) {
        *context.err << "medtra: sim: " << metrics.message() << "\n";
        return kExitInput;
      }
      runs.push_back(std::move(metrics).value());
    }
  }
  if (!options.evidence.empty()) {
    sim::SimEvidence evidence =
        sim::MakeSimEvidence(options.seed, options.frames, options.commands, runs);
    evidence.subject_id = stated.subject_id;
    evidence.subject_version = stated.subject_version;
    evidence.date = stated.date;
    evidence.tester = stated.tester;
    evidence.independence = stated.independence;
    const Status written =
        context.fs->WriteFileAtomic(options.evidence, sim::SerializeSimEvidence(evidence));
    if (!written.ok()) {
      *context.err << "medtra: sim: cannot write evidence: " << written.message() << "\n";
      return kExitInput;
    }
  }
  if (options.format == "json") {
    *context.out << (runs.size() == 1 && !matrix
                         ? sim::RenderMetricsJson(runs.front())
                         : sim::RenderMatrixJson(options.seed, options.frames, options.commands,
                                                 runs));
  } else if (runs.size() == 1 && !matrix) {
    *context.out << sim::RenderMetricsText(runs.front());
  } else {
    *context.out << sim::RenderMatrixTable(runs);
  }
  return kExitOk;
}

}  // namespace

void SetupSimCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<SimOptions>();
  CLI::App* command =
      app.add_subcommand("sim", "simulate the legacy and secure ICD telemetry links under attack");
  command
      ->add_option("--protocol", options->protocol,
                   "legacy or secure (default: secure; "
                   "both with --attack all)")
      ->check(CLI::IsMember({"legacy", "secure"}));
  command->add_option("--attack", options->attack, "attack name, or 'all' for the matrix")
      ->required();
  command->add_option("--frames", options->frames, "attacker frame budget (default 1000)")
      ->check(CLI::Range(0u, 10'000'000u));
  command->add_option("--commands", options->commands, "legitimate commands (default 20)")
      ->check(CLI::Range(1u, 10'000u));
  command->add_option("--seed", options->seed, "random seed (default 1)");
  command->add_option("--format", options->format, "text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  command->add_option("--evidence", options->evidence,
                      "write the results as a medtra-sim-evidence JSON file");
  CLI::Option* model = command->add_option(
      "--model", options->model,
      "the model the evidence verifies: its system id and version are recorded as the subject");
  CLI::Option* subject =
      command->add_option("--subject", options->subject, "the system id the evidence verifies")
          ->excludes(model);
  command
      ->add_option("--subject-version", options->subject_version,
                   "the version of the subject the evidence verifies")
      ->needs(subject)
      ->excludes(model);
  command->add_option("--tester", options->tester,
                      "who ran the attacks (a person, team or laboratory), for the evidence");
  command
      ->add_option("--independence", options->independence,
                   "the tester's independence from the developers, for the evidence")
      ->check(CLI::IsMember(verify::IndependenceLevels()));
  command->callback([options, context] { *context.exit_code = RunSim(*options, context); });
}

}  // namespace medtra::cli
