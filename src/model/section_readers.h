// The readers of the model's further sections (model/sections.h). The builder gathers each
// section's nodes from every file and calls these once all elements are defined and indexed.
#pragma once

#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::model {

/// Each section's nodes, one per file that has it, in file order.
struct PendingSections {
  std::vector<Node> threat_decisions;
  std::vector<Node> vulnerabilities;
  std::vector<Node> cvss_likelihood;
  std::vector<Node> requirements;
  std::vector<Node> security_categories;
  std::vector<Node> labeling;
  std::vector<Node> sdl;
  std::vector<Node> software;
  std::vector<Node> vex;
  std::vector<Node> management_plan;
  std::vector<Node> anomalies;
  std::vector<Node> use_cases;

  /// The nodes held, of every section (a new section above is counted here too).
  size_t count() const {
    return threat_decisions.size() + vulnerabilities.size() + cvss_likelihood.size() +
           requirements.size() + security_categories.size() + labeling.size() + sdl.size() +
           software.size() + vex.size() + management_plan.size() + anomalies.size() +
           use_cases.size();
  }
};

/// `threat_decisions`: a list of decisions, or a mapping from threat id to a decision. Unknown
/// keys, values, measures and risks, a missing rationale and two decisions for one threat are
/// located errors; a decision with an error is not kept.
void ReadThreatDecisions(const std::vector<Node>& nodes, SystemModel* model, DiagnosticSink& sink);

/// `cvss_likelihood` and `vulnerabilities`: vectors and rubric answers validated, references
/// resolved, bands checked against the risk method's likelihood scale.
void ReadVulnerabilities(const PendingSections& sections, SystemModel* model, DiagnosticSink& sink);

/// `requirements`, `security_categories` and `labeling`.
void ReadTraceSections(const PendingSections& sections, SystemModel* model, DiagnosticSink& sink);

/// `sdl`: the plan's activities against the IEC 62443-4-1 / IEC 81001-5-1 catalog.
void ReadSdlPlan(const std::vector<Node>& nodes, SystemModel* model, DiagnosticSink& sink);

/// `software` (SBOM bindings, advisory sources) and `vex` (decisions): references to components
/// and risks resolved, vocabularies and dates checked, paths resolved against their file's folder.
void ReadSoftwareSections(const PendingSections& sections, SystemModel* model,
                          DiagnosticSink& sink);

/// `management_plan`, `anomalies` and `use_cases`: types checked, references to components,
/// risks and flows resolved (with did-you-mean), one plan per model.
void ReadSubmissionSections(const PendingSections& sections, SystemModel* model,
                            DiagnosticSink& sink);

/// The location of the first node, or the model's fallback location.
SourceLocation FirstLocation(const std::vector<Node>& nodes, const SystemModel& model);

}  // namespace medtra::model
