// The standards catalogs the SDL plan and the traceability cite: IDs and short labels only.
//
// Every catalog holds identifiers and short titles (facts that free previews and public
// certification documents show) or labels written in this project's own words; none holds
// normative text. Sources are cited per catalog in its .cc file and in docs/sdl-trace.md.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace medtra::catalog {

/// One of the eight practices of IEC 62443-4-1:2018.
struct Practice {
  std::string_view abbrev;  ///< "SM", "SR", ... "SG"
  int number = 0;           ///< 1..8
  std::string_view clause;  ///< "5".."12"
  std::string_view title;
};

/// One of the 47 requirements of IEC 62443-4-1:2018 (SM-1 .. SG-7).
struct Requirement41 {
  std::string_view id;        ///< "SM-1"
  std::string_view practice;  ///< "SM"
  std::string_view clause;    ///< "5.2"
  std::string_view title;
};

/// A process or activity of IEC 62304 (clauses 4 to 9); `clause` "5" is a process, "5.1" an
/// activity of it.
struct Process62304 {
  std::string_view clause;
  std::string_view title;
};

/// An activity of IEC 81001-5-1:2021 with its informative mapping to both other standards.
struct Activity81001 {
  std::string_view clause;   ///< "5.7.2"
  std::string_view title;    ///< short label
  std::string_view process;  ///< the IEC 62304 process it belongs to: "4".."9"
  std::string_view maps_to;  ///< IEC 62443-4-1 IDs, space-separated; "" = health-specific
};

/// A foundational requirement (FR 1..7) of IEC 62443 (as listed in IEC 62443-4-2).
struct FoundationalRequirement {
  std::string_view id;      ///< "FR 1"
  std::string_view abbrev;  ///< "IAC"
  std::string_view title;
};

/// A requirement number of IEC 62443-4-2:2019 with the IDs it has per component type.
struct ComponentRequirement {
  std::string_view number;  ///< "1.1"
  std::string_view fr;      ///< "FR 1"
  std::string_view title;
  std::string_view ids;  ///< comma-separated: "CR 1.1" or "SAR 2.4,EDR 2.4,HDR 2.4,NDR 2.4"
  bool component_requirement = true;  ///< false: kept for numbering only (CR 2.3, 5.4, 7.5)
};

/// A common security constraint (IEC 62443-4-2 clause 4; IEC TR 60601-4-5 clause 4).
struct SecurityConstraint {
  std::string_view id;  ///< "CCSC 1" or "TR 60601-4-5 4.5"
  std::string_view title;
};

/// A security control category of the FDA premarket guidance (2025-06-27), Appendix 1.
struct FdaControlCategory {
  std::string_view id;  ///< "authentication"
  char letter = 'A';
  std::string_view title;
};

/// A labeling item the FDA premarket guidance (section VI.A) lists for the instructions for use.
struct LabelingItem {
  std::string_view id;  ///< "sbom"
  int number = 0;       ///< 1..14, the order the guidance gives
  std::string_view title;
};

/// A security requirement category IEC 62304 (5.2.2) names.
struct SecurityCategory {
  std::string_view id;  ///< "authentication"
  std::string_view title;
};

std::span<const Practice> Iec62443_4_1Practices();
std::span<const Requirement41> Iec62443_4_1Requirements();
std::span<const Process62304> Iec62304Processes();
std::span<const Activity81001> Iec81001_5_1Activities();
std::span<const FoundationalRequirement> Iec62443_4_2FoundationalRequirements();
std::span<const ComponentRequirement> Iec62443_4_2Requirements();
std::span<const SecurityConstraint> Iec62443_4_2Constraints();
/// TR 60601-4-5 adapts the IEC 62443-4-2 requirements to medical equipment; these are its
/// common constraints (the 4-2 ones plus data minimization).
std::span<const SecurityConstraint> Tr60601_4_5Constraints();
std::span<const FdaControlCategory> FdaControlCategories();
std::span<const LabelingItem> FdaLabelingItems();
std::span<const SecurityCategory> Iec62304SecurityCategories();

const Requirement41* FindRequirement41(std::string_view id);
const Practice* FindPractice(std::string_view abbrev);
const Activity81001* FindActivity81001(std::string_view clause);
const Process62304* FindProcess62304(std::string_view clause);

/// A control a security requirement cites, resolved against the catalogs.
struct ControlRef {
  std::string catalog;  ///< "IEC 62443-4-2", "IEC TR 60601-4-5", "FDA"
  std::string id;       ///< "CR 3.1", "authentication"
  std::string title;
};

/// Resolves a control citation: `62443-4-2:CR 3.1`, `60601-4-5:CR 4.1`, `FDA:authentication`
/// (a bare `CR 3.1` means IEC 62443-4-2). Returns nullopt when unknown.
std::optional<ControlRef> ResolveControl(std::string_view citation);

/// Every citation ResolveControl accepts, for did-you-mean.
std::vector<std::string> ControlCitations();

}  // namespace medtra::catalog
