// ModelBuilder: turns located YAML trees into a SystemModel, reporting every schema error.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/field_reader.h"
#include "medtra/model/schema.h"
#include "medtra/model/system_model.h"
#include "model/section_readers.h"

namespace medtra::model {

/// The kinds of element that share one namespace of IDs.
enum class ElementKind {
  kSystem,
  kEssentialFunction,
  kEnvironment,
  kUser,
  kZone,
  kComponent,
  kAsset,
  kFlow,
  kThreatEvent,
  kHazard,
  kMeasure,
};

std::string_view ElementKindName(ElementKind kind);
/// The kind's name with its indefinite article: "a flow", "an asset".
std::string ElementKindWithArticle(ElementKind kind);

class ModelBuilder {
 public:
  /// `threads` above 1 builds the elements of long lists of components, assets and flows in
  /// parts at once (the model and its diagnostics are those of one thread).
  ModelBuilder(SystemModel* model, DiagnosticSink& sink, unsigned threads = 1)
      : model_(model), sink_(sink), v_(schema::V1()), threads_(threads) {}

  /// Adds the top-level mapping of one file.
  void AddFile(Node root);
  /// How many section nodes Finish() will still read: a file whose AddFile() left this unchanged
  /// is no longer needed, and its tree can go.
  size_t PendingNodes() const { return pending_.count(); }
  /// Checks what spans files (one system, references, risks against the method) and reads the
  /// further sections (model/sections.h). Call once, while the trees of AddFile live.
  void Finish();

 private:
  struct Definition {
    ElementKind kind;
    SourceLocation location;
  };
  struct Reference {
    std::string id;
    std::vector<ElementKind> kinds;
    SourceLocation location;
  };

  void BuildSystem(Node node);
  /// `parts`: the items are independent elements (only Define, Refer and their own list), which
  /// BuildListInParts may build on several threads.
  void BuildList(Node node, std::string_view section, void (ModelBuilder::*build)(Node),
                 bool parts = false);
  /// Builds the items of `list` in parts on threads_ threads, each part with a builder of its own
  /// that keeps its definitions for the merge; false (and nothing changed) when a part reported a
  /// diagnostic, so that the caller builds the list on one thread with the same messages in the
  /// same order.
  bool BuildListInParts(Node list, void (ModelBuilder::*build)(Node));
  void BuildZone(Node node);
  void BuildComponent(Node node);
  void BuildAsset(Node node);
  void BuildFlow(Node node);
  void BuildThreatEvent(Node node);
  void BuildHazard(Node node);
  void BuildRisk(Node node);
  void BuildMeasure(Node node);
  void BuildRiskMethod(Node node);
  /// The optional `environment_limits` of the risk method, checked against its impact scale.
  std::vector<RiskMethod::EnvironmentLimit> ReadEnvironmentLimits(
      MapReader& reader, const std::vector<std::string>& impact);
  std::vector<Provision> BuildProvisions(Node node);
  std::vector<ThreatLink> BuildThreatLinks(Node node);
  void BuildDocument(Node node);

  /// Reads `id` and `name` of an element, registers the id; false when `id` is missing.
  bool ReadElement(MapReader& reader, ElementKind kind, Element* element, bool name_required);
  void Define(const std::string& id, ElementKind kind, const SourceLocation& location);
  void Refer(const std::string& id, ElementKind kind, const SourceLocation& location) {
    references_.push_back({id, {kind}, location});
  }
  /// Reads the optional `environments:` list of a zone or component (references).
  void ReadEnvironments(MapReader& reader, std::vector<std::string>* out);
  /// Registers references for each item of a list-valued key.
  void ReferList(MapReader& reader, std::string_view key, const std::vector<std::string>& ids,
                 ElementKind kind);
  void ResolveReferences();
  void CheckRisks();
  void CheckScaleValues();
  /// The sorted IDs of one kind, for did-you-mean (built on first use).
  const std::vector<std::string>& Candidates(ElementKind kind);

  SystemModel* model_;
  DiagnosticSink& sink_;
  const schema::Vocabulary& v_;
  unsigned threads_ = 1;
  /// In a part's builder: Define() keeps the definitions here, for the merge, in order.
  bool defer_definitions_ = false;
  std::vector<std::pair<std::string, Definition>> deferred_;
  bool has_system_ = false;
  bool bad_top_level_ = false;  // a file was not a mapping: "no system section" would be noise
  bool has_risk_method_ = false;
  bool risk_method_invalid_ = false;  // reported; risks are then not checked against its scales
  SourceLocation first_file_;
  std::unordered_map<std::string, Definition> definitions_;
  std::unordered_map<std::string, SourceLocation> risk_ids_;
  std::vector<Reference> references_;
  struct PendingScale {
    std::string value;
    bool likelihood;
    std::string key;
    SourceLocation location;
  };
  std::vector<PendingScale> scale_values_;
  std::unordered_map<int, std::vector<std::string>> candidates_;
  PendingSections pending_;  // the further sections' nodes, read in Finish()
};

}  // namespace medtra::model
