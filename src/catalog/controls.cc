// Resolving the control citations of security requirements against the control catalogs.
#include <string>

#include "medtra/base/strings.h"
#include "medtra/catalog/catalogs.h"

namespace medtra::catalog {
namespace {

constexpr std::string_view k4_2 = "62443-4-2:";
constexpr std::string_view kTr = "60601-4-5:";
constexpr std::string_view kFda = "FDA:";

std::optional<ControlRef> Resolve4_2(std::string_view id, std::string_view catalog) {
  for (const ComponentRequirement& r : Iec62443_4_2Requirements()) {
    if (!r.component_requirement) continue;
    for (const std::string& one : Split(r.ids, ',')) {
      if (one == id) return ControlRef{std::string(catalog), one, std::string(r.title)};
    }
  }
  for (const FoundationalRequirement& fr : Iec62443_4_2FoundationalRequirements()) {
    if (fr.id == id)
      return ControlRef{std::string(catalog), std::string(id), std::string(fr.title)};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ControlRef> ResolveControl(std::string_view citation) {
  if (StartsWith(citation, kFda)) {
    const std::string_view id = citation.substr(kFda.size());
    for (const FdaControlCategory& c : FdaControlCategories()) {
      if (c.id == id) return ControlRef{"FDA", std::string(id), std::string(c.title)};
    }
    return std::nullopt;
  }
  if (StartsWith(citation, kTr)) {
    const std::string_view id = citation.substr(kTr.size());
    for (const SecurityConstraint& c : Tr60601_4_5Constraints()) {
      if (c.id == id) return ControlRef{"IEC TR 60601-4-5", std::string(id), std::string(c.title)};
    }
    return Resolve4_2(id, "IEC TR 60601-4-5");
  }
  const std::string_view id = StartsWith(citation, k4_2) ? citation.substr(k4_2.size()) : citation;
  for (const SecurityConstraint& c : Iec62443_4_2Constraints()) {
    if (c.id == id) return ControlRef{"IEC 62443-4-2", std::string(id), std::string(c.title)};
  }
  return Resolve4_2(id, "IEC 62443-4-2");
}

std::vector<std::string> ControlCitations() {
  std::vector<std::string> all;
  for (const ComponentRequirement& r : Iec62443_4_2Requirements()) {
    if (!r.component_requirement) continue;
    for (const std::string& one : Split(r.ids, ',')) {
      all.push_back(std::string(k4_2) + one);
      all.push_back(std::string(kTr) + one);
    }
  }
  for (const FoundationalRequirement& fr : Iec62443_4_2FoundationalRequirements()) {
    all.push_back(std::string(k4_2) + std::string(fr.id));
  }
  for (const SecurityConstraint& c : Iec62443_4_2Constraints()) {
    all.push_back(std::string(k4_2) + std::string(c.id));
  }
  for (const SecurityConstraint& c : Tr60601_4_5Constraints()) {
    all.push_back(std::string(kTr) + std::string(c.id));
  }
  for (const FdaControlCategory& c : FdaControlCategories()) {
    all.push_back(std::string(kFda) + std::string(c.id));
  }
  return all;
}

}  // namespace medtra::catalog
