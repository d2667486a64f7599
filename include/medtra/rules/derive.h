// DeriveThreats: the rules of a catalog run on a model, inherent and residual, with decisions.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/rules/rule_catalog.h"
#include "medtra/rules/threat.h"

namespace medtra::rules {

class DesignViews;

struct DeriveOptions {
  /// Fill Threat::evidence and Threat::notes (for `medtra explain`; costs memory on big models).
  bool explain = false;
  /// The design views (and their attack graphs) to share with the caller; null: built here.
  const DesignViews* views = nullptr;
  /// Threads the rules run on; 0: one per core. The threats are the same for any number.
  unsigned threads = 1;
  /// When set, only the rules with these ids run (`medtra paths` needs only the threats that its
  /// graphs cite); null: every rule of the catalog.
  const std::set<std::string, std::less<>>* only_rules = nullptr;
};

/// Runs every rule of `catalog` on the flows as designed (inherent) and with the measures'
/// `provides` applied (residual). A threat that the residual pass no longer finds is mitigated by
/// the measures whose provisions made the difference; otherwise it is open unless the model's
/// `threat_decisions` says accepted, transferred, not-applicable or mitigated (by named
/// measures). A decision may link the threat to a risk (risk::LinkThreats adds `threats:` links).
/// Problems in the decisions, and decisions for threats that are no longer derived, go to
/// `findings` (may be null). Threats are sorted by id. Pure: no I/O.
std::vector<Threat> DeriveThreats(const model::SystemModel& model, const RuleCatalog& catalog,
                                  const DeriveOptions& options, DiagnosticSink* findings);

/// The user-rules folder of a model: `<folder>/rules` for a model folder, the file's sibling
/// `rules` folder for a model file.
std::string DefaultUserRulesDir(const FileSystem& fs, const std::string& model_path);

/// Loads every *.yaml / *.yml file of `dir` as user rules into `catalog`. A missing folder is not
/// an error when `optional`. Reports located diagnostics; returns false when any error occurred.
bool LoadUserRules(const FileSystem& fs, const std::string& dir, bool optional,
                   RuleCatalog& catalog, DiagnosticSink& sink, SourceCache* sources);

}  // namespace medtra::rules
