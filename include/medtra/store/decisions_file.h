// The store's decisions as the model's `threat_decisions` YAML (MODEL/decisions.yaml), so that git
// stays the source of truth, and the model's decisions back as store records.
#pragma once

#include <string>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/model/system_model.h"
#include "medtra/store/store.h"

namespace medtra::store {

/// The file the store's decisions are written to, in a model folder.
inline constexpr char kDecisionsFileName[] = "decisions.yaml";

struct DecisionsFile {
  std::string yaml;  ///< the whole file
  size_t written = 0;
  size_t elsewhere = 0;  ///< decisions that another model file already states as they are
  /// Decisions left out, each with its reason: the threat is decided in another model file (the
  /// loader refuses a second decision), or a measure or risk it names is not in the model.
  std::vector<std::string> skipped;
};

/// Where the model decides `threat` outside decisions.yaml ("threats.yaml:12"), or "".
std::string DecidedElsewhere(const model::SystemModel& model, const std::string& threat);

/// Why `decision` cannot go into the model (an unknown measure or risk, a missing
/// justification, a decision elsewhere), or "" when it can.
std::string DecisionProblem(const model::SystemModel& model, const Decision& decision);

/// Renders `decisions` (sorted by threat id) as decisions.yaml for `model`.
DecisionsFile RenderDecisionsFile(const std::vector<Decision>& decisions,
                                  const model::SystemModel& model);

/// Renders the store's decisions for `model`, writes them atomically to MODEL_DIR/decisions.yaml
/// through `fs` and appends a "decisions.export" audit entry by `actor`. `previous` gets the file's
/// earlier content ("" when there was none), for the caller to put back if the model no longer
/// loads.
Result<DecisionsFile> ExportDecisions(Store& store, FileSystem& fs, const model::SystemModel& model,
                                      const std::string& model_dir, const std::string& actor,
                                      std::string* previous);

/// The model's decisions as store records (actor and report id as given).
std::vector<Decision> ModelDecisions(const model::SystemModel& model, const std::string& actor,
                                     const std::string& report_id);

/// Whether two decisions say the same (status, justification, measures, risk).
bool SameDecision(const Decision& a, const Decision& b);

}  // namespace medtra::store
