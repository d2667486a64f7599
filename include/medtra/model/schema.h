// The vocabulary of the model format v1 as string lists (from vocabulary.def) and its sections.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace medtra::model::schema {

/// The values a key may take (vocabulary.def; documented in docs/model-format.md and schema/).
struct Vocabulary {
  // One std::vector<std::string> per row of vocabulary.def: zone_kinds, component_kinds, ...,
  // harm, with the values in table order.
#define MEDTRA_VALUE(enumerator, text) text,
#define MEDTRA_ATTRIBUTE(Type, member, where, values) std::vector<std::string> member = {values};
#include "medtra/model/vocabulary.def"
  /// Every top-level key of a model file.
  std::vector<std::string> top_level = {"medtra",
                                        "system",
                                        "zones",
                                        "components",
                                        "assets",
                                        "flows",
                                        "threat_events",
                                        "hazards",
                                        "risks",
                                        "measures",
                                        "risk_method",
                                        "vulnerabilities",
                                        "threat_decisions",
                                        "requirements",
                                        "sdl",
                                        "labeling",
                                        "security_categories",
                                        "cvss_likelihood",
                                        "software",
                                        "vex",
                                        "document",
                                        "management_plan",
                                        "anomalies",
                                        "use_cases"};
  /// The flow properties a measure can provide, with their vocabularies.
  std::vector<std::string> providable = {"authentication", "confidentiality", "integrity",
                                         "freshness",      "authorization",   "availability"};
};

/// The vocabulary of format version 1 (an immutable value shared by the loader and the docs).
const Vocabulary& V1();

/// The values of one providable flow property, or an empty span.
std::span<const std::string> ProvidableValues(const Vocabulary& vocabulary,
                                              std::string_view property);

}  // namespace medtra::model::schema
