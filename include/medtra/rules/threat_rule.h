// The rule interface: metadata (RuleInfo) plus a pure Check() over one view of the model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"

namespace medtra::rules {

class RuleContext;

/// How an attacker reaches what a rule finds; the intended environment shifts its likelihood.
enum class Exposure {
  kDesign,     ///< a gap in the design or in the model itself; the environment does not matter
  kProximity,  ///< within radio range of the patient or device
  kNetwork,    ///< on a local or hospital network
  kRemote,     ///< over the internet or a cellular network
  kPhysical,   ///< hands on the device
};

/// "design", "proximity", "network", "remote", "physical".
std::string_view ExposureName(Exposure exposure);

/// A cited catalog entry: `CAPEC-157` "Sniffing Attacks", `CWE-319` "Cleartext Transmission ...".
struct CatalogRef {
  std::string id;
  std::string name;
};

/// Everything a rule says about itself; `rules list`, `rules explain` and the docs derive from it.
struct RuleInfo {
  std::string id;     ///< kebab-case, starts with the group: "comm-cleartext-phi"
  std::string group;  ///< comm | device | medical | env | model | user
  std::string title;
  std::vector<std::string> stride;  ///< "Spoofing", "Tampering", "Repudiation", ...
  std::vector<CatalogRef> capec;
  std::vector<CatalogRef> cwe;
  std::vector<std::string> emb3d;  ///< MITRE EMB3D threat ids: "TID-406"
  std::string detects;             ///< which attributes of which elements make it fire
  std::string rationale;           ///< why that is a threat
  std::string mitigation;          ///< what removes it (and which flow property a measure provides)
  std::string fda_category;        ///< FDA premarket guidance Appendix 1 control category
  std::vector<std::string> iec62443;  ///< IEC 62443-4-2 requirement IDs: "CR 4.1"
  std::vector<std::string> references;
  Exposure exposure = Exposure::kDesign;
  int base_likelihood = 1;  ///< 0 low, 1 medium, 2 high, before the environment shifts it
};

/// One element (or path) a rule fired on, with the attributes that made it fire.
struct Match {
  struct Cite {
    std::string_view element;
    std::string_view attribute;
    std::string_view value;
  };
  std::vector<std::string_view> targets;  ///< element ids; the threat id is rule@targets
  std::string title;
  const SourceLocation* location = nullptr;
  std::vector<Cite> evidence;
  /// Overrides RuleInfo::exposure for this match (a flow's medium decides how it is reached).
  std::optional<Exposure> exposure;

  Match& Because(std::string_view element, std::string_view attribute, std::string_view value) {
    evidence.push_back({element, attribute, value});
    return *this;
  }
};

/// What rules append to. Views in a Match point into the model or into the context's flows.
using MatchList = std::vector<Match>;

/// A threat rule: one class per file pair under src/rules/<group>/ (clang-tidy's checks,
/// Threagile's risk rules). Check() is pure: no I/O, no state kept between calls.
class ThreatRule {
 public:
  virtual ~ThreatRule() = default;
  virtual const RuleInfo& Info() const = 0;
  /// Appends one Match per threat found in `context` (the design or the design with measures).
  virtual void Check(const RuleContext& context, MatchList& out) const = 0;
};

}  // namespace medtra::rules
