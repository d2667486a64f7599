// The model sections the traceability reads itself: `requirements`, `security_categories` and
// `labeling`.
#pragma once

#include <string>
#include <vector>

#include "medtra/catalog/catalogs.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"

namespace medtra::trace {

/// A reference with where the model states it.
struct LocatedRef {
  std::string id;
  SourceLocation location;
};

/// A security requirement: what a measure must achieve, where it is built and how it is verified.
struct SecurityRequirement {
  std::string id;
  std::string text;
  std::vector<std::string> categories;  ///< IEC 62304 5.2.2 categories (or "other")
  std::vector<LocatedRef> measures;
  std::vector<LocatedRef> design;             ///< components or flows
  std::vector<catalog::ControlRef> controls;  ///< cited IEC 62443-4-2 / TR 60601-4-5 / FDA controls
  std::vector<LocatedRef> verified_by;        ///< test:, sim:, file:, url:
  SourceLocation location;
};

/// A security category that no requirement needs to cover, and why.
struct CategoryJustification {
  std::string category;
  std::string justification;
  SourceLocation location;
};

/// One item of the instructions for secure use (FDA labeling item), or why it does not apply.
struct LabelingEntry {
  std::string item;  ///< a catalog::FdaLabelingItems() id
  std::string text;
  std::vector<std::string> measures;  ///< user measures this item carries
  std::string not_applicable;         ///< justification when the item does not apply
  SourceLocation location;
};

struct TraceInputs {
  std::vector<SecurityRequirement> requirements;  ///< file order
  std::vector<CategoryJustification> justifications;
  std::vector<LabelingEntry> labeling;
  SourceLocation requirements_location;  ///< the first `requirements:` section, or the model
  SourceLocation labeling_location;      ///< the first `labeling:` section, or the model
};

/// The category ids a requirement may name: the IEC 62304 ones plus "other".
std::vector<std::string> RequirementCategoryIds();

/// Where a finding about something the model lacks points: line 1 of the file with the `system`
/// section (or of the first model file).
SourceLocation ModelFallbackLocation(const model::SystemModel& model);

/// Parses the sections; every schema or reference problem goes to `sink` (input errors).
TraceInputs ParseTraceInputs(const model::SystemModel& model, DiagnosticSink& sink);

}  // namespace medtra::trace
