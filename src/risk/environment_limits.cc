// EnvironmentLimits: the impact limit that applies to a risk whose elements all lie in
// environments that state one, with the reason.
#include "medtra/risk/environment_limits.h"

#include <algorithm>

#include "medtra/base/strings.h"

namespace medtra::risk {
namespace {

template <typename T>
void AddOnce(std::vector<T>& items, T item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

/// The reason as written, without a closing full stop (it is quoted inside a sentence).
std::string_view Trimmed(std::string_view reason) {
  while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.remove_suffix(1);
  return reason;
}

}  // namespace

EnvironmentLimits::EnvironmentLimits(const model::SystemModel& model) : model_(model) {
  const model::RiskMethod& method = model.risk_method;
  if (method.environment_limits.empty()) return;
  map_.emplace(model);
  const std::vector<model::Environment>& environments = model.system.intended_environment;
  limit_of_.assign(environments.size(), -1);
  stated_.assign(environments.size(), nullptr);
  for (const model::RiskMethod::EnvironmentLimit& limit : method.environment_limits) {
    const int impact = method.ImpactIndex(limit.max_impact);
    for (size_t e = 0; e < environments.size(); ++e) {
      if (environments[e].id != limit.environment || stated_[e] != nullptr || impact < 0) continue;
      limit_of_[e] = impact;
      stated_[e] = &limit;
    }
  }
  for (uint32_t f = 0; f < model.flows.size(); ++f) {
    for (const std::string& asset : model.flows[f].carries) carriers_[asset].push_back(f);
  }
}

std::optional<EnvironmentLimit> EnvironmentLimits::For(const model::Risk& risk) const {
  if (!map_) return std::nullopt;
  std::vector<uint32_t> flows;
  std::vector<int64_t> components;
  if (const auto it = carriers_.find(risk.asset); it != carriers_.end()) {
    for (const uint32_t f : it->second) AddOnce(flows, f);
  }
  if (const model::ThreatEvent* event = model_.FindThreatEvent(risk.threat_event)) {
    for (const std::string& via : event->via) {
      const int64_t f = map_->FlowIndex(via);
      if (f >= 0) AddOnce(flows, static_cast<uint32_t>(f));
    }
  }
  for (const uint32_t f : flows) {
    for (const std::string* end : {&model_.flows[f].from, &model_.flows[f].to}) {
      const int64_t c = map_->ComponentIndex(*end);
      if (c >= 0) AddOnce(components, c);
    }
  }
  const model::Asset* asset = model_.FindAsset(risk.asset);
  if (asset != nullptr && !asset->essential_function.empty()) {
    if (const model::EssentialFunction* function =
            model_.FindEssentialFunction(asset->essential_function)) {
      const int64_t c = map_->ComponentIndex(function->component);
      if (c >= 0) AddOnce(components, c);
    }
  }
  if (flows.empty() && components.empty()) return std::nullopt;

  std::vector<uint32_t> environments;
  for (const uint32_t f : flows) {
    for (const uint32_t e : map_->sets()[map_->FlowSet(f)]) AddOnce(environments, e);
  }
  for (const int64_t c : components) {
    for (const uint32_t e : map_->sets()[map_->ComponentSet(static_cast<size_t>(c))]) {
      AddOnce(environments, e);
    }
  }
  if (environments.empty()) return std::nullopt;
  std::sort(environments.begin(), environments.end());
  int highest = -1;
  for (const uint32_t e : environments) {
    if (limit_of_[e] < 0) return std::nullopt;  // an element meets an environment without limit
    highest = std::max(highest, limit_of_[e]);
  }

  EnvironmentLimit out;
  out.max_impact = model_.risk_method.impact[static_cast<size_t>(highest)];
  for (const uint32_t f : flows) out.elements.push_back(model_.flows[f].id);
  for (const int64_t c : components) {
    out.elements.push_back(model_.components[static_cast<size_t>(c)].id);
  }
  std::vector<std::string> stated;
  for (const uint32_t e : environments) {
    const model::RiskMethod::EnvironmentLimit& limit = *stated_[e];
    out.environments.push_back(limit.environment);
    stated.push_back(limit.environment + " to " + limit.max_impact + ": " +
                     std::string(Trimmed(limit.reason)));
  }
  out.reason =
      "every element of risk " + risk.id + " (" + Join(out.elements, ", ") + ") lies only in ";
  if (environments.size() == 1) {
    out.reason += out.environments.front() + ", which limits the impact to " + out.max_impact +
                  ": " + std::string(Trimmed(stated_[environments.front()]->reason));
  } else {
    out.reason += "environments that limit the impact (" + Join(stated, "; ") +
                  "); the highest limit, " + out.max_impact + ", applies";
  }
  return out;
}

std::optional<EnvironmentLimit> EnvironmentLimitFor(const model::SystemModel& model,
                                                    const model::Risk& risk) {
  return EnvironmentLimits(model).For(risk);
}

}  // namespace medtra::risk
