// SystemModel lookups and the default risk method (the source's Low/Medium/High scales).
#include "medtra/model/system_model.h"

#include <algorithm>

namespace medtra::model {
namespace {

template <typename T>
const T* FindIn(const std::vector<T>& items,
                const std::unordered_map<std::string_view, size_t>& index, std::string_view id) {
  const auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <typename T>
void Index(const std::vector<T>& items, std::unordered_map<std::string_view, size_t>* index) {
  index->clear();
  index->reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) index->emplace(items[i].id, i);
}

int IndexOf(const std::vector<std::string>& scale, std::string_view name) {
  const auto it = std::find(scale.begin(), scale.end(), name);
  return it == scale.end() ? -1 : static_cast<int>(it - scale.begin());
}

}  // namespace

RiskMethod RiskMethod::Default() {
  RiskMethod method;
  method.likelihood = {"Low", "Medium", "High"};
  method.impact = {"Low", "Medium", "High"};
  method.levels = {
      {"Low", true, false, "acceptable"},
      {"Medium", true, true,
       "acceptable once reduced as far as possible, with the benefit weighed"},
      {"High", false, false, "not acceptable: reduce the risk"},
  };
  // Rows: likelihood Low, Medium, High; columns: impact Low, Medium, High.
  method.matrix = {{0, 0, 1}, {0, 1, 2}, {1, 2, 2}};
  method.is_default = true;
  return method;
}

int RiskMethod::LikelihoodIndex(std::string_view name) const { return IndexOf(likelihood, name); }
int RiskMethod::ImpactIndex(std::string_view name) const { return IndexOf(impact, name); }

int RiskMethod::LevelOf(std::string_view l, std::string_view i) const {
  const int row = LikelihoodIndex(l);
  const int col = ImpactIndex(i);
  if (row < 0 || col < 0) return -1;
  return matrix[static_cast<size_t>(row)][static_cast<size_t>(col)];
}

void SystemModel::BuildIndex() {
  Index(components, &component_index_);
  Index(zones, &zone_index_);
  Index(assets, &asset_index_);
  Index(flows, &flow_index_);
  Index(measures, &measure_index_);
  Index(hazards, &hazard_index_);
  Index(threat_events, &threat_event_index_);
  Index(system.essential_functions, &function_index_);
}

const Component* SystemModel::FindComponent(std::string_view id) const {
  return FindIn(components, component_index_, id);
}
const Zone* SystemModel::FindZone(std::string_view id) const {
  return FindIn(zones, zone_index_, id);
}
const Asset* SystemModel::FindAsset(std::string_view id) const {
  return FindIn(assets, asset_index_, id);
}
const Flow* SystemModel::FindFlow(std::string_view id) const {
  return FindIn(flows, flow_index_, id);
}
const Measure* SystemModel::FindMeasure(std::string_view id) const {
  return FindIn(measures, measure_index_, id);
}
const Hazard* SystemModel::FindHazard(std::string_view id) const {
  return FindIn(hazards, hazard_index_, id);
}
const ThreatEvent* SystemModel::FindThreatEvent(std::string_view id) const {
  return FindIn(threat_events, threat_event_index_, id);
}
const EssentialFunction* SystemModel::FindEssentialFunction(std::string_view id) const {
  return FindIn(system.essential_functions, function_index_, id);
}

SourceLocation SystemModel::FallbackLocation() const {
  if (!system.location.file.empty()) return {system.location.file, 1, 1};
  if (files.empty()) return {};
  return {files.front(), 1, 1};
}

}  // namespace medtra::model
