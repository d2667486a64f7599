// The immutable system model: what a model folder describes, validated, with source locations.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/sections.h"
#include "medtra/model/software.h"
#include "medtra/model/submission_sections.h"

namespace medtra::model {

/// Fields every identified element has.
struct Element {
  std::string id;
  std::string name;
  SourceLocation location;
};

struct EssentialFunction : Element {
  std::string component;  ///< the component that performs it
};

/// One intended environment; its attributes constrain the attack scenarios.
struct Environment : Element {
  std::string setting;          ///< clinic | hospital | home | mobile | ambulance | other
  std::string physical_access;  ///< controlled | patient | public
  std::string network;          ///< none | isolated | hospital | internet
  std::string operated_by;      ///< clinician | patient | technician
};

struct User : Element {
  std::string role;  ///< clinician | patient | technician | manufacturer | other
};

struct System : Element {
  std::string version;
  std::string intended_use;
  std::vector<EssentialFunction> essential_functions;
  std::vector<Environment> intended_environment;
  std::vector<User> users;
};

struct Zone : Element {
  std::string
      kind;  ///< body | clinic | hospital-network | home | internet | cloud | manufacturer | other
  std::vector<std::string> environments;  ///< intended environments its components are in
};

struct Component : Element {
  std::string kind;  ///< implant | programmer | home-monitor | mobile-app | cloud | server | ...
  std::string zone;
  std::string debug_port;   ///< none | disabled | enabled
  std::string update;       ///< none | signed | unsigned
  std::string credentials;  ///< none | unique | default | shared
  std::string keys;         ///< none | per-device | fleet
  bool audit_log = false;
  bool wakeup_limit = false;
  std::string instances;  ///< one | many (one instance serving many patients or devices)
  std::vector<std::string> environments;  ///< intended environments; overrides the zone's
};

struct Asset : Element {
  std::string kind;  ///< data | function | firmware | credential | log | configuration
  bool personal_health_data = false;
  std::vector<std::string> protect;  ///< confidentiality | integrity | availability
  std::string essential_function;
  std::string description;
};

/// A conduit between two components. Its security properties describe the design BEFORE measures.
struct Flow : Element {
  std::string from;  ///< between[0]: the initiator
  std::string to;    ///< between[1]
  std::string medium;
  std::vector<std::string> carries;
  std::string authentication;     ///< none | static-identifier | password | shared-key | mac | ...
  std::string confidentiality;    ///< none | obfuscated | encrypted
  std::string integrity;          ///< none | crc | mac | signature
  std::string freshness;          ///< none | counter | timestamp | nonce
  std::string authorization;      ///< none | role-based
  std::string availability;       ///< none | retry | redundant
  bool memory_access = false;     ///< raw memory read/write over this flow
  bool therapy_commands = false;  ///< commands that change therapy travel on this flow
  bool wakeup = false;            ///< the initiator can wake the receiver up
};

struct ThreatEvent : Element {
  std::string text;
  std::vector<std::string> via;  ///< flows
};

/// An ISO 14971 hazard that a safety-related security risk links to.
struct Hazard : Element {
  std::string hazardous_situation;
  std::string harm;
};

struct SafetyLink {
  std::string hazard;
  SourceLocation location;
};

struct Residual {
  std::string likelihood;
  std::string impact;
  std::string justification;  ///< why a residual risk that is not acceptable is accepted
  SourceLocation location;
};

/// A derived threat a risk assesses: an id (`comm-replay@F-telemetry`) or a pattern with `*`
/// (`comm-*@F-telemetry`), as written.
struct ThreatLink {
  std::string pattern;
  SourceLocation location;
};

/// A TIR57 security risk: risk = f(threat, vulnerability, impact).
struct Risk : Element {  ///< name is unused; id is often a number
  std::string asset;
  std::string threat;
  std::string vulnerability;
  std::string threat_event;
  std::string breach;  ///< confidentiality | integrity | availability
  std::string likelihood;
  std::string impact;
  std::string impact_description;
  std::optional<SafetyLink> safety;
  std::vector<std::string> measures;
  std::optional<Residual> residual;
  std::vector<ThreatLink> threats;  ///< the derived threats it assesses (`threats:`)
  bool patient_harm = false;  ///< `harm: patient` or a safety link: impact reaches the patient
};

/// What a measure adds to a flow: each non-empty property replaces the flow's design value.
struct Provision {
  std::string flow;
  std::map<std::string, std::string> properties;  ///< e.g. confidentiality -> encrypted
  SourceLocation location;
};

struct Measure : Element {
  std::string kind;  ///< technical | user
  std::vector<Provision> provides;
  std::string essential_function_impact;  ///< none | degrades | blocks; "" when not stated
  std::string essential_function_impact_note;
  std::vector<std::string> verified_by;               ///< sim:ATTACK, test:NAME, file:PATH, ...
  std::vector<SourceLocation> verified_by_locations;  ///< where each reference is written
  std::string instructions;                           ///< for user measures: the text for the user
  /// Assets the measure adds to the design (a key, a log): they exist in the residual design
  /// only, where the rules run on them too (ISO 14971 7.6: risks arising from risk controls).
  std::vector<std::string> introduces;
};

/// Ordinal likelihood x impact -> level matrix, and which levels are acceptable.
struct RiskMethod {
  std::vector<std::string> likelihood;  ///< lowest first
  std::vector<std::string> impact;      ///< lowest first
  struct Level {
    std::string name;
    bool acceptable = true;
    /// Acceptable only with a recorded justification (reduced as far as possible, benefit
    /// weighed): a residual risk at this level names why in `residual.justification`.
    bool requires_justification = false;
    std::string meaning;
  };
  std::vector<Level> levels;  ///< lowest first
  /// matrix[likelihood index][impact index] = level index
  std::vector<std::vector<int>> matrix;
  /// An intended environment that limits the impact (TIR57: the intended environment constrains
  /// the attack scenarios and limits the impact).
  struct EnvironmentLimit {
    std::string environment;  ///< an intended environment's id
    std::string max_impact;   ///< on the impact scale
    std::string reason;
    SourceLocation location;
  };
  std::vector<EnvironmentLimit> environment_limits;  ///< at most one per environment
  SourceLocation location;
  bool is_default = true;

  static RiskMethod Default();
  int LikelihoodIndex(std::string_view name) const;
  int ImpactIndex(std::string_view name) const;
  /// The level index for a pair, or -1 when either name is not on its scale.
  int LevelOf(std::string_view likelihood, std::string_view impact) const;
};

/// One approval of the document: who, in which role, when, and what the signature means.
struct Approval {
  std::string name;
  std::string role;
  std::string date;
  std::string meaning;  ///< e.g. "approved for release", "reviewed"
  SourceLocation location;
};

/// The `document:` section: document control of the risk file (ISO 13485 4.2.4).
struct DocumentControl {
  std::string id;
  std::string revision;
  std::string date;
  std::string author;
  std::vector<Approval> approvals;
  SourceLocation location;
};

/// The validated model. Immutable after ModelBuilder built it; the YAML trees it points into live
/// as long as the model.
class SystemModel {
 public:
  System system;
  std::vector<Zone> zones;
  std::vector<Component> components;
  std::vector<Asset> assets;
  std::vector<Flow> flows;
  std::vector<ThreatEvent> threat_events;
  std::vector<Hazard> hazards;
  std::vector<Risk> risks;
  std::vector<Measure> measures;
  RiskMethod risk_method = RiskMethod::Default();
  std::optional<DocumentControl> document;        ///< absent: the report is a draft
  std::vector<ThreatDecision> threat_decisions;   ///< file order
  std::vector<Vulnerability> vulnerabilities;     ///< file order
  std::optional<CvssLikelihood> cvss_likelihood;  ///< absent: the default bands
  std::vector<SecurityRequirement> requirements;  ///< file order
  std::vector<CategoryJustification> category_justifications;
  std::vector<LabelingEntry> labeling;            ///< file order
  std::vector<SdlPlanEntry> sdl_plan;             ///< file order
  std::optional<SoftwareSection> software;        ///< absent: the model names no SBOM
  std::vector<VexDecision> vex;                   ///< file order
  std::optional<ManagementPlan> management_plan;  ///< absent: no postmarket plan stated
  std::vector<Anomaly> anomalies;                 ///< file order
  std::vector<UseCase> use_cases;                 ///< file order
  SourceLocation requirements_location;  ///< the first `requirements:` section, or FallbackLocation
  SourceLocation labeling_location;      ///< the first `labeling:` section, or FallbackLocation
  SourceLocation sdl_location;           ///< the first `sdl:` section, or FallbackLocation
  /// The files the model was read from, in the order read.
  std::vector<std::string> files;
  /// SHA-256 of each file's content (hex), parallel to `files`.
  std::vector<std::string> file_hashes;
  /// SHA-256 of the files' contents in order (hex), to tie evidence to a model revision.
  std::string content_hash;

  const Component* FindComponent(std::string_view id) const;
  const Zone* FindZone(std::string_view id) const;
  const Asset* FindAsset(std::string_view id) const;
  const Flow* FindFlow(std::string_view id) const;
  const Measure* FindMeasure(std::string_view id) const;
  const Hazard* FindHazard(std::string_view id) const;
  const ThreatEvent* FindThreatEvent(std::string_view id) const;
  const EssentialFunction* FindEssentialFunction(std::string_view id) const;
  /// Where a finding about something the model lacks points: line 1 of the file with the
  /// `system` section (or of the first model file).
  SourceLocation FallbackLocation() const;

  /// Builds the lookup indexes; called once by the builder.
  void BuildIndex();

 private:
  std::unordered_map<std::string_view, size_t> component_index_, zone_index_, asset_index_,
      flow_index_, measure_index_, hazard_index_, threat_event_index_, function_index_;
};

}  // namespace medtra::model
