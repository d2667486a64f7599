// Where each part of the system is: the intended environments of every component and flow.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "medtra/model/system_model.h"

namespace medtra::model {

/// Where a component's intended environments come from.
enum class EnvironmentSource {
  kComponent,  ///< its own `environments:`
  kZone,       ///< its zone's `environments:`
  kOnly,       ///< the system's only intended environment
  kAll,        ///< stated for neither it nor its zone: every intended environment
};

/// "component", "zone", "the only intended environment", "not assigned".
std::string_view EnvironmentSourceName(EnvironmentSource source);

/// The intended environments of every component and flow. A component's own `environments:`
/// override its zone's; a part that states none is in every intended environment (with one
/// environment, that one). A flow is in the environments of both its ends. Environments are
/// indices into `system.intended_environment`; the few distinct sets are stored once and parts
/// refer to them by number. Built once in linear time; immutable.
class EnvironmentMap {
 public:
  explicit EnvironmentMap(const SystemModel& model);

  /// The distinct sets of environment indices, each sorted; set 0 holds every environment.
  const std::vector<std::vector<uint32_t>>& sets() const { return sets_; }
  /// The set of the i-th component of the model.
  uint32_t ComponentSet(size_t component) const { return components_[component].set; }
  EnvironmentSource ComponentSource(size_t component) const {
    return components_[component].source;
  }
  /// The set of the i-th flow: the union of its ends' sets.
  uint32_t FlowSet(size_t flow) const { return flows_[flow]; }
  /// The index of a component or flow in the model, or -1.
  int64_t ComponentIndex(std::string_view id) const;
  int64_t FlowIndex(std::string_view id) const;
  /// Whether any zone or component states `environments:`.
  bool any_assigned() const { return any_assigned_; }

  /// "ENV-a, ENV-b": the ids of a set's environments.
  std::string Ids(uint32_t set) const;
  /// Where a component's environments come from, for `explain`: "programmer is in ENV-clinic,
  /// from zone Z-clinic".
  std::string DescribeComponent(size_t component) const;
  /// The same for a flow: "F-1 joins c1 (ENV-a, from zone Z-a) and c2 (ENV-b, stated on the
  /// component): it is in ENV-a, ENV-b".
  std::string DescribeFlow(size_t flow) const;

 private:
  struct Part {
    uint32_t set = 0;
    EnvironmentSource source = EnvironmentSource::kAll;
  };
  uint32_t Intern(std::vector<uint32_t> set);
  uint32_t SetOf(const std::vector<std::string>& ids);
  uint32_t Union(uint32_t a, uint32_t b);
  /// "ENV-a, from zone Z-a": a component's environments and their source.
  std::string PartText(size_t component) const;

  const SystemModel& model_;
  std::unordered_map<std::string_view, uint32_t> environment_index_;
  std::map<std::vector<uint32_t>, uint32_t> interned_;
  std::unordered_map<uint64_t, uint32_t> unions_;
  std::vector<std::vector<uint32_t>> sets_;
  std::vector<Part> components_;
  std::vector<uint32_t> flows_;
  bool any_assigned_ = false;
};

/// Reports the parts whose environments are not assigned, as `environment-unassigned` warnings:
/// with two or more intended environments, each component that neither it nor its zone places
/// in one; when no zone or component states `environments:` at all, one warning at the first
/// intended environment instead (the model then means every part is everywhere).
void ReportUnassignedEnvironments(const SystemModel& model, const EnvironmentMap& map,
                                  DiagnosticSink& sink);

}  // namespace medtra::model
