// EnvironmentMap: the intended environments of every component (own, zone's, or all) and flow.
#include "medtra/model/environments.h"

#include <algorithm>

#include "medtra/base/strings.h"

namespace medtra::model {

std::string_view EnvironmentSourceName(EnvironmentSource source) {
  switch (source) {
    case EnvironmentSource::kComponent:
      return "component";
    case EnvironmentSource::kZone:
      return "zone";
    case EnvironmentSource::kOnly:
      return "the only intended environment";
    case EnvironmentSource::kAll:
      return "not assigned";
  }
  return "not assigned";
}

EnvironmentMap::EnvironmentMap(const SystemModel& model) : model_(model) {
  const std::vector<Environment>& environments = model.system.intended_environment;
  std::vector<uint32_t> all;
  for (uint32_t i = 0; i < environments.size(); ++i) {
    if (environment_index_.emplace(environments[i].id, i).second) all.push_back(i);
  }
  Intern(std::move(all));
  const EnvironmentSource fallback =
      environments.size() == 1 ? EnvironmentSource::kOnly : EnvironmentSource::kAll;
  // A zone's set once per zone, not once per component.
  std::vector<int64_t> zone_sets(model.zones.size(), -1);
  for (size_t z = 0; z < model.zones.size(); ++z) {
    if (model.zones[z].environments.empty()) continue;
    zone_sets[z] = SetOf(model.zones[z].environments);
    any_assigned_ = true;
  }
  components_.resize(model.components.size(), Part{0, fallback});
  for (size_t i = 0; i < model.components.size(); ++i) {
    const Component& c = model.components[i];
    Part& part = components_[i];
    if (!c.environments.empty()) {
      part = {SetOf(c.environments), EnvironmentSource::kComponent};
      any_assigned_ = true;
      continue;
    }
    const Zone* zone = c.zone.empty() ? nullptr : model.FindZone(c.zone);
    if (zone == nullptr) continue;
    const int64_t set = zone_sets[static_cast<size_t>(zone - model.zones.data())];
    if (set >= 0) part = {static_cast<uint32_t>(set), EnvironmentSource::kZone};
  }
  flows_.reserve(model.flows.size());
  for (const Flow& flow : model.flows) {
    const int64_t from = ComponentIndex(flow.from);
    const int64_t to = ComponentIndex(flow.to);
    if (from < 0 || to < 0) {  // an invalid model: the known end, or every environment
      flows_.push_back(from >= 0 ? ComponentSet(from) : (to >= 0 ? ComponentSet(to) : 0));
      continue;
    }
    flows_.push_back(Union(ComponentSet(from), ComponentSet(to)));
  }
}

uint32_t EnvironmentMap::Intern(std::vector<uint32_t> set) {
  const auto [it, inserted] = interned_.emplace(set, static_cast<uint32_t>(sets_.size()));
  if (inserted) sets_.push_back(std::move(set));
  return it->second;
}

uint32_t EnvironmentMap::SetOf(const std::vector<std::string>& ids) {
  std::vector<uint32_t> set;
  set.reserve(ids.size());
  for (const std::string& id : ids) {
    const auto it = environment_index_.find(id);
    if (it != environment_index_.end()) set.push_back(it->second);
  }
  if (set.empty()) return 0;  // only unknown ids: the builder reported them
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return Intern(std::move(set));
}

uint32_t EnvironmentMap::Union(uint32_t a, uint32_t b) {
  if (a == b) return a;
  if (a > b) std::swap(a, b);
  const uint64_t key = (static_cast<uint64_t>(a) << 32) | b;
  const auto it = unions_.find(key);
  if (it != unions_.end()) return it->second;
  std::vector<uint32_t> both;
  std::set_union(sets_[a].begin(), sets_[a].end(), sets_[b].begin(), sets_[b].end(),
                 std::back_inserter(both));
  const uint32_t set = Intern(std::move(both));
  unions_.emplace(key, set);
  return set;
}

int64_t EnvironmentMap::ComponentIndex(std::string_view id) const {
  const Component* c = model_.FindComponent(id);
  return c == nullptr ? -1 : c - model_.components.data();
}

int64_t EnvironmentMap::FlowIndex(std::string_view id) const {
  const Flow* f = model_.FindFlow(id);
  return f == nullptr ? -1 : f - model_.flows.data();
}

std::string EnvironmentMap::Ids(uint32_t set) const {
  std::vector<std::string> ids;
  for (const uint32_t e : sets_[set]) ids.push_back(model_.system.intended_environment[e].id);
  return Join(ids, ", ");
}

std::string EnvironmentMap::PartText(size_t component) const {
  const Part& part = components_[component];
  if (sets_[part.set].empty()) return "no intended environment: the system states none";
  const std::string ids = Ids(part.set);
  switch (part.source) {
    case EnvironmentSource::kComponent:
      return ids + ", stated on the component";
    case EnvironmentSource::kZone:
      return ids + ", from zone " + model_.components[component].zone;
    case EnvironmentSource::kOnly:
      return ids + ", the system's only intended environment";
    case EnvironmentSource::kAll:
      break;
  }
  return ids + ", not assigned: every intended environment";
}

std::string EnvironmentMap::DescribeComponent(size_t component) const {
  return model_.components[component].id + " is in " + PartText(component);
}

std::string EnvironmentMap::DescribeFlow(size_t flow) const {
  const Flow& f = model_.flows[flow];
  std::string text = f.id + " joins";
  for (const std::string* end : {&f.from, &f.to}) {
    const int64_t c = ComponentIndex(*end);
    if (end == &f.to) text += " and";
    text += " " + *end;
    if (c >= 0) text += " (" + PartText(static_cast<size_t>(c)) + ")";
  }
  const std::string ids = Ids(flows_[flow]);
  return text + ": it is in " + (ids.empty() ? std::string("no intended environment") : ids);
}

void ReportUnassignedEnvironments(const SystemModel& model, const EnvironmentMap& map,
                                  DiagnosticSink& sink) {
  const std::vector<Environment>& environments = model.system.intended_environment;
  if (environments.size() < 2) return;
  const std::string all = map.Ids(0);
  if (!map.any_assigned()) {
    sink.Warning(environments.front().location, "environment-unassigned",
                 std::to_string(environments.size()) +
                     " intended environments and no zone or component states `environments:`: "
                     "every part is taken to be in all of them (" +
                     all + ")");
    return;
  }
  for (size_t i = 0; i < model.components.size(); ++i) {
    if (map.ComponentSource(i) != EnvironmentSource::kAll) continue;
    const Component& c = model.components[i];
    sink.Warning(c.location, "environment-unassigned",
                 "component '" + c.id + "' states no `environments:`" +
                     (c.zone.empty() ? std::string() : ", nor does its zone '" + c.zone + "'") +
                     ": it is taken to be in every intended environment (" + all + ")");
  }
}

}  // namespace medtra::model
