// The vulnerability scan: SBOM components matched with advisories, each match with its VEX
// decision, KEV flag, CVSS scored for the device, the model component and risk it lands on, and
// (after the verdicts) its postmarket verdict.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/software.h"
#include "medtra/model/system_model.h"
#include "medtra/sbom/advisory.h"
#include "medtra/sbom/match.h"
#include "medtra/sbom/sbom.h"

namespace medtra::sbom {

/// What a scan reads: SBOMs (with the model binding of each, or an empty binding), advisories,
/// the KEV catalog and VEX decisions.
struct ScanInput {
  std::vector<Sbom> sboms;
  std::vector<model::SbomBinding> bindings;  ///< parallel to `sboms`
  std::vector<Advisory> advisories;
  std::optional<KevCatalog> kev;
  std::vector<model::VexDecision> vex;           ///< the model's decisions
  std::vector<model::VexDecision> supplier_vex;  ///< from suppliers' VEX documents
  std::string advisories_dir;                    ///< for the report's inputs
  std::string advisories_digest;                 ///< ReadAdvisoryFolder's digest of the folder
  std::vector<std::string> files;                ///< every file read, for the report's inputs
  bool match_cpe = false;  ///< match every component by CPE too (`sbom scan --match-cpe`)
};

/// Advisory sources given on the command line instead of the model's.
struct SourceOverrides {
  std::string advisories;
  std::string kev;
};

/// Reads the SBOMs, advisory folder and KEV catalog that the model's `software` section names
/// (files through `fs`; `overrides` replace the last two), and takes the model's VEX decisions.
/// Errors are located in `sink`.
ScanInput ReadSoftwareInputs(const FileSystem& fs, const model::SystemModel& model,
                             const SourceOverrides& overrides, DiagnosticSink& sink);

/// Reads the advisory folder and KEV catalog (either may be "") into `input`.
void ReadAdvisorySources(const FileSystem& fs, const SourceOverrides& sources,
                         const SourceLocation& at, DiagnosticSink& sink, ScanInput* input);

/// Reads a supplier's VEX document (OpenVEX or CycloneDX) into `input->supplier_vex`.
bool ReadSupplierVex(const FileSystem& fs, const std::string& path, const SourceLocation& at,
                     DiagnosticSink& sink, ScanInput* input);

/// Reads one SBOM file into `input` (with an empty binding); false on errors.
bool ReadSbomFile(const FileSystem& fs, const std::string& path, const SourceLocation& at,
                  DiagnosticSink& sink, ScanInput* input);

struct VexState {
  std::string status;  ///< not_affected | affected | fixed | under_investigation | "" (none)
  std::string justification;
  std::vector<std::string> response;
  std::string rationale;
  std::string date;
  std::string author;
  std::string source;  ///< the model file or the SBOM that states it
};

struct ScanEntry {
  std::string sbom;  ///< the SBOM file
  std::string component_ref;
  std::string component;
  std::string purl;
  std::string version;
  std::string advisory;
  std::vector<std::string> aliases;
  std::string summary;
  std::string published;
  std::string basis;  ///< purl | ecosystem | git | manual
  std::string evidence;
  std::string fixed;
  std::string cvss;            ///< the vector scored (with the binding's environmental metrics)
  std::string score;           ///< "" when the advisory gives no CVSS
  std::string severity;        ///< "Critical" ... "None", or "unknown"
  bool environmental = false;  ///< `score` is the environmental score of the binding's metrics
  std::string base_score;      ///< the advisory's own base score (before environmental metrics)
  std::string base_severity;
  std::string likelihood;       ///< the risk method's level for the exploitability, or ""
  double likelihood_value = 0;  ///< the exploitability sub-score (3.1) or score (4.0) mapped
  bool kev = false;
  std::string kev_due;
  std::string model_component;       ///< the component of the threat model, or ""
  std::string risk;                  ///< the linked risk, or ""
  std::vector<std::string> flows;    ///< flows to and from the model component
  std::vector<std::string> threats;  ///< derived threats on the component or those flows
  VexState vex;
  std::string postmarket;  ///< controlled | uncontrolled | not-assessed
  std::vector<std::string> actions;
  int age_days = -1;        ///< open items: days since the advisory was published
  int decision_days = -1;   ///< decided items: days from publication to the decision
  SourceLocation location;  ///< the SBOM component
};

/// One calendar quarter of the vulnerability trend, from the advisories' publication dates and
/// the VEX decision dates (a final decision is not_affected, affected or fixed).
struct QuarterMetrics {
  std::string quarter;            ///< "2026-Q3"
  int published = 0;              ///< matches whose advisory was published in the quarter
  int decided = 0;                ///< final decisions dated in the quarter
  int open_at_end = 0;            ///< published by the quarter's end and not decided by then
  int median_decision_days = -1;  ///< of the quarter's decisions, from publication; -1 if none
};

/// The metrics over time (FDA premarket guidance V.A.6).
struct ScanTrend {
  std::vector<QuarterMetrics> quarters;  ///< oldest first, each quarter from the first date on
  /// Matches left out: no valid publication date, or a final decision without a valid date.
  int undated = 0;
};

struct ScanMetrics {
  std::map<std::string, int> by_status;  ///< VEX status ("none" when undecided) -> count
  int open = 0;                          ///< without a final decision (none, under_investigation)
  int uncontrolled = 0;
  int oldest_open_days = -1;
  int median_decision_days = -1;
  ScanTrend trend;
};

struct ScanResult {
  std::vector<ScanEntry> entries;  ///< sorted by SBOM, component, advisory
  ScanMetrics metrics;
  std::string today;  ///< the date of the scan (YYYY-MM-DD), or "" when undated
  size_t components = 0;
  size_t advisories = 0;
};

/// Matches and assesses; `today` (YYYY-MM-DD) dates the ages. Postmarket verdicts are
/// "not-assessed" until AssessPostmarket runs.
ScanResult Scan(const ScanInput& input, const model::SystemModel* model, const std::string& today,
                DiagnosticSink& sink);

/// Per calendar quarter, from the quarter of the earliest publication or decision date to the
/// quarter of `today` (or of the latest date, when that is later or `today` is not a date): the
/// matches published, the decisions made, the items open at the quarter's end and the median days
/// from publication to decision. A decision dated before the publication counts in its quarter
/// but not in the median (as in ScanMetrics::median_decision_days).
ScanTrend QuarterlyTrend(std::span<const ScanEntry> entries, std::string_view today);

/// Whether a risk is acceptable after all measures and evidence (from the verdicts), and whether
/// it can harm a patient.
struct RiskStanding {
  bool acceptable = false;
  bool patient_harm = false;
};

/// The postmarket verdict per entry (FDA postmarket guidance): uncontrolled when its risk can
/// harm a patient and is not acceptable; controlled when it is acceptable, or the VEX decision
/// rules the vulnerability out; not-assessed without a linked risk. Adds the actions each verdict
/// asks for and counts the metrics, with their QuarterlyTrend to `result->today`.
void AssessPostmarket(const std::map<std::string, RiskStanding>& risks, ScanResult* result);

}  // namespace medtra::sbom
