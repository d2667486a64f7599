// What measures add to the design: key material must be stated as an introduced asset.
#pragma once

#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"

namespace medtra::risk {

/// Whether a provided flow property value needs key material (an encrypting, MAC, signing or
/// key-based authenticating flow holds keys somewhere).
bool NeedsKeyMaterial(std::string_view property, std::string_view value);

/// Adds `measure-key-material-unstated` (warning) for each technical measure that provides a
/// keyed property but introduces no asset of kind credential (`introduces:`): the keys it adds
/// are assets with risks of their own (ISO 14971 7.6), which the rules can only see when stated.
void CheckIntroducedAssets(const model::SystemModel& model, std::vector<Diagnostic>* findings);

}  // namespace medtra::risk
