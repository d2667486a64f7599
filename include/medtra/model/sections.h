// The model's sections beside the design and the risks, read and validated at load time:
// `threat_decisions`, `vulnerabilities`, `cvss_likelihood`, `requirements`,
// `security_categories`, `labeling` and `sdl`. Later stages read these types, never YAML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/catalog/catalogs.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/risk/cvss/likelihood.h"
#include "medtra/risk/cvss/rubric.h"

namespace medtra::model {

/// What a verification or evidence reference names: `test:Suite.Name`, `sim:attack`,
/// `file:path` (relative to the model folder), `url:https://...` (or a bare http(s) URL).
enum class RefKind { kNone, kTest, kSim, kFile, kUrl };

/// "test", "sim", "file", "url"; "" for kNone.
std::string_view RefKindName(RefKind kind);
/// The kind a reference names; kNone when it names none.
RefKind RefKindOf(std::string_view ref);

/// A reference with where the model states it.
struct LocatedRef {
  std::string id;
  SourceLocation location;
};

/// One entry of `threat_decisions`: `{threat: ID, decision: mitigated|accepted|transferred|
/// not-applicable, measures: [...], rationale: ... (or justification), risk: ID}`.
struct ThreatDecision {
  std::string threat;
  std::string decision;  ///< one of the four values
  std::vector<std::string> measures;
  std::string rationale;  ///< rationale or justification
  std::string risk;
  std::string ticket;       ///< the issue tracker's key or URL for this threat, or ""
  SourceLocation location;  ///< of the threat id
};

/// One entry of `vulnerabilities`: a CVSS vector or the medical-device rubric's answers.
struct Vulnerability {
  std::string id;
  std::string title;
  std::vector<std::string> cwe;
  std::vector<std::string> affects;  ///< component or flow ids
  std::string risk;                  ///< linked risk id, or ""
  std::string vector;                ///< as written; "" when the rubric is answered
  std::optional<risk::cvss::RubricAnswers> rubric;
  std::string environmental;  ///< CVSS 3.1 environmental metrics appended to the vector, or ""
  std::string rationale;
  SourceLocation location;
};

/// `cvss_likelihood`: how CVSS exploitability maps to the risk method's likelihood scale.
struct CvssLikelihood {
  risk::cvss::LikelihoodOptions options;
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

/// One activity of the `sdl` plan, as the model states it.
struct SdlPlanEntry {
  std::string id;      ///< "SM-1" or "81001-5-1:4.2"
  std::string status;  ///< planned | in-progress | done | not-applicable
  std::string owner;   ///< the entry's owner, else the plan's
  std::string justification;
  std::string note;
  std::vector<LocatedRef> evidence;
  SourceLocation location;
};

/// Prefix of plan IDs that name an IEC 81001-5-1 activity: "81001-5-1:4.2".
inline constexpr std::string_view kActivity81001Prefix = "81001-5-1:";

/// The category ids a requirement may name: the IEC 62304 ones plus "other".
std::vector<std::string> RequirementCategoryIds();

/// The ids an `sdl` plan may name: every IEC 62443-4-1 requirement, then the IEC 81001-5-1
/// activities without an IEC 62443-4-1 counterpart, in catalog order.
std::vector<std::string> SdlActivityIds();

}  // namespace medtra::model
