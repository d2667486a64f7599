// Impact limits per intended environment: which limit applies to a risk, and why.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "medtra/model/environments.h"
#include "medtra/model/system_model.h"

namespace medtra::risk {

/// The impact limit that the intended environments set for one risk.
struct EnvironmentLimit {
  std::string max_impact;                 ///< on the risk method's impact scale
  std::vector<std::string> environments;  ///< the environments the risk's elements lie in
  std::vector<std::string> elements;      ///< the risk's elements (flows, then components)
  std::string reason;                     ///< one human-readable sentence
};

/// The limits of a model's risk method, ready for many risks: built once in linear time.
///
/// A risk's elements are the flows that carry its asset and their end components, the flows its
/// threat event goes `via`, and the component that performs its asset's essential function. When
/// every one of them lies only in environments that state a limit (`risk_method:
/// environment_limits`), the highest of those limits applies: an element in several
/// environments meets the worst of them. The caller caps the risk's impact at `max_impact`.
class EnvironmentLimits {
 public:
  explicit EnvironmentLimits(const model::SystemModel& model);

  /// The limit that applies to `risk`, or nothing: no limits stated, no element found, or an
  /// element in an environment without a limit. Pure.
  std::optional<EnvironmentLimit> For(const model::Risk& risk) const;

 private:
  const model::SystemModel& model_;
  std::optional<model::EnvironmentMap> map_;  ///< only when the method states limits
  std::unordered_map<std::string_view, std::vector<uint32_t>> carriers_;  ///< asset -> flows
  std::vector<int> limit_of_;  ///< per environment index: its limit's impact index, or -1
  std::vector<const model::RiskMethod::EnvironmentLimit*> stated_;  ///< per environment index
};

/// The same for one risk (builds the lookups each call; use EnvironmentLimits for many risks).
std::optional<EnvironmentLimit> EnvironmentLimitFor(const model::SystemModel& model,
                                                    const model::Risk& risk);

}  // namespace medtra::risk
