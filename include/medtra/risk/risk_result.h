// What the risk stage says of one risk: its levels under the risk method, before any verdict.
#pragma once

#include <string>

#include "medtra/model/system_model.h"

namespace medtra::risk {

/// A risk of the model, evaluated against the risk method. Whether the residual risk is
/// acceptable is the verdict's answer (verdict::RiskVerdict), which also weighs the evidence.
struct RiskResult {
  const model::Risk* risk = nullptr;
  std::string asset_name;
  std::string level;  ///< level of likelihood x impact before measures
  bool acceptable = false;
  bool has_residual = false;
  std::string residual_level;
  bool residual_level_acceptable = false;     ///< the level alone, under the risk method
  bool residual_needs_justification = false;  ///< the level asks for a recorded justification
  /// The impact the levels use: the stated one, capped by the intended environments' limit
  /// (risk_method.environment_limits) where one applies.
  std::string effective_impact;
  std::string effective_residual_impact;
  /// Why the impact was capped ("" when it was not): the limit, its environments and reason.
  std::string impact_limit;
  bool safety_related = false;
  bool data_breach = false;  ///< confidentiality breach of personal health data (GDPR art. 33/34)
};

}  // namespace medtra::risk
