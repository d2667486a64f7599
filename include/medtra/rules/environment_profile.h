// The exposure of a part of the system by its intended environments, and how it shifts a rule's
// likelihood; one profile per distinct set of environments, indexed per component and flow.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "medtra/model/environments.h"
#include "medtra/model/system_model.h"
#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// The widest exposure over a set of intended environments (a device used at home and in the
/// clinic meets the attackers of both). Each level names the environment that set it, for
/// `explain`.
struct EnvironmentProfile {
  int physical = -1;  ///< 0 controlled, 1 patient, 2 public; -1 when no environment states it
  std::string physical_from;
  int network = -1;  ///< 0 none, 1 isolated, 2 hospital, 3 internet; -1 when not stated
  std::string network_from;
  bool all_controlled = false;      ///< every environment states physical_access: controlled
  std::string controlled_from;      ///< an environment with physical_access: controlled, or ""
  std::string uncontrolled_from;    ///< an environment without it, or ""
  std::string uncontrolled_access;  ///< its physical_access ("" when it states none)
  std::string unsupervised_from;    ///< an environment at home, mobile or in an ambulance, or ""
  std::string unsupervised_setting;
  std::vector<std::string> operators;  ///< operated_by values, sorted, unique
  std::string patient_operated_from;   ///< an environment operated by the patient, or ""

  /// The profile of the environments `which` (indices into `environments`, ascending).
  static EnvironmentProfile Of(std::span<const model::Environment> environments,
                               std::span<const uint32_t> which);
  /// The profile of every intended environment of the system.
  static EnvironmentProfile Of(const model::System& system);
};

/// How the environment moves a rule's likelihood: one step per reason, in order. A step of 0
/// explains why an environment did not move it.
struct LikelihoodShift {
  struct Step {
    int delta = 0;
    std::string why;  ///< "ENV-clinic physical_access=controlled: ...; likelihood -1"
  };
  int delta = 0;
  std::vector<Step> steps;
};

/// The shift for one way of reaching the target. Pure; shown by `medtra explain`.
LikelihoodShift ShiftFor(Exposure exposure, const EnvironmentProfile& environment);

/// The profiles of the model's parts: one per distinct set of environments of the
/// EnvironmentMap, built once; lookups are O(1).
class EnvironmentProfiles {
 public:
  explicit EnvironmentProfiles(const model::SystemModel& model);

  const model::EnvironmentMap& map() const { return map_; }
  /// The profile of one set of the map; set 0 is the whole system.
  const EnvironmentProfile& OfSet(uint32_t set) const { return profiles_[set]; }
  const EnvironmentProfile& System() const { return profiles_[0]; }
  const EnvironmentProfile& OfComponent(size_t component) const {
    return profiles_[map_.ComponentSet(component)];
  }
  const EnvironmentProfile& OfFlow(size_t flow) const { return profiles_[map_.FlowSet(flow)]; }

 private:
  model::EnvironmentMap map_;
  std::vector<EnvironmentProfile> profiles_;
};

}  // namespace medtra::rules
