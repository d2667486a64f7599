// CheckIntroducedAssets: a measure that adds key material states it as an introduced asset.
#include "medtra/risk/introduced.h"

#include <algorithm>

namespace medtra::risk {

bool NeedsKeyMaterial(std::string_view property, std::string_view value) {
  if (property == "confidentiality") return value == "encrypted";
  if (property == "integrity") return value == "mac" || value == "signature";
  if (property == "authentication") {
    return value == "shared-key" || value == "mac" || value == "signature" ||
           value == "certificate";
  }
  return false;
}

void CheckIntroducedAssets(const model::SystemModel& model, std::vector<Diagnostic>* findings) {
  for (const model::Measure& m : model.measures) {
    if (m.kind != "technical") continue;
    const bool states_key =
        std::any_of(m.introduces.begin(), m.introduces.end(), [&](const std::string& id) {
          const model::Asset* a = model.FindAsset(id);
          return a != nullptr && a->kind == "credential";
        });
    if (states_key) continue;
    for (const model::Provision& p : m.provides) {
      const auto keyed = std::find_if(p.properties.begin(), p.properties.end(), [](const auto& kv) {
        return NeedsKeyMaterial(kv.first, kv.second);
      });
      if (keyed == p.properties.end()) continue;
      findings->push_back(
          {Severity::kWarning, "measure-key-material-unstated",
           "measure '" + m.id + "' provides " + p.flow + "." + keyed->first + " = " +
               keyed->second +
               ", which needs key material, but introduces no credential asset: state the keys "
               "it adds ('introduces: [ASSET]', an asset of kind credential) so that their risks "
               "are analysed",
           p.location});
      break;
    }
  }
}

}  // namespace medtra::risk
