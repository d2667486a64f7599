// The vocabularies of the model's further sections, and what a reference names.
#include <algorithm>

#include "medtra/base/strings.h"
#include "medtra/model/sections.h"

namespace medtra::model {

std::string_view RefKindName(RefKind kind) {
  switch (kind) {
    case RefKind::kTest:
      return "test";
    case RefKind::kSim:
      return "sim";
    case RefKind::kFile:
      return "file";
    case RefKind::kUrl:
      return "url";
    case RefKind::kNone:
      return "";
  }
  return "";
}

RefKind RefKindOf(std::string_view ref) {
  if (StartsWith(ref, "http://") || StartsWith(ref, "https://")) return RefKind::kUrl;
  const size_t colon = ref.find(':');
  if (colon == std::string_view::npos || colon + 1 == ref.size()) return RefKind::kNone;
  const std::string_view prefix = ref.substr(0, colon);
  for (const RefKind kind : {RefKind::kTest, RefKind::kSim, RefKind::kFile, RefKind::kUrl}) {
    if (prefix == RefKindName(kind)) return kind;
  }
  return RefKind::kNone;
}

std::vector<std::string> RequirementCategoryIds() {
  std::vector<std::string> ids;
  for (const catalog::SecurityCategory& c : catalog::Iec62304SecurityCategories()) {
    ids.emplace_back(c.id);
  }
  ids.emplace_back("other");
  return ids;
}

std::vector<std::string> SdlActivityIds() {
  std::vector<std::string> ids;
  for (const catalog::Requirement41& r : catalog::Iec62443_4_1Requirements())
    ids.emplace_back(r.id);
  for (const catalog::Activity81001& h : catalog::Iec81001_5_1Activities()) {
    if (h.maps_to.empty()) ids.push_back(std::string(kActivity81001Prefix) + std::string(h.clause));
  }
  return ids;
}

}  // namespace medtra::model
