// The environment profile, its likelihood shifts, and the indexes rules use for linear lookups.
#include "medtra/rules/rule_context.h"

#include <algorithm>
#include <array>

namespace medtra::rules {
namespace {

int LevelOf(std::string_view value, std::span<const std::string_view> levels) {
  const auto it = std::find(levels.begin(), levels.end(), value);
  return it == levels.end() ? -1 : static_cast<int>(it - levels.begin());
}

constexpr std::array<std::string_view, 3> kPhysical = {"controlled", "patient", "public"};
constexpr std::array<std::string_view, 4> kNetwork = {"none", "isolated", "hospital", "internet"};

std::string Say(const std::string& env, std::string_view key, std::string_view value,
                std::string_view why, int delta) {
  std::string line = env + " " + std::string(key) + "=" + std::string(value) + ": " +
                     std::string(why) + "; likelihood ";
  line += delta > 0 ? "+1" : (delta < 0 ? "-1" : "unchanged");
  return line;
}

}  // namespace

std::string_view ExposureName(Exposure exposure) {
  switch (exposure) {
    case Exposure::kDesign:
      return "design";
    case Exposure::kProximity:
      return "proximity";
    case Exposure::kNetwork:
      return "network";
    case Exposure::kRemote:
      return "remote";
    case Exposure::kPhysical:
      return "physical";
  }
  return "design";
}

EnvironmentProfile EnvironmentProfile::Of(const model::System& system) {
  EnvironmentProfile p;
  bool all_controlled = !system.intended_environment.empty();
  for (const model::Environment& env : system.intended_environment) {
    const int physical = LevelOf(env.physical_access, kPhysical);
    if (physical > p.physical) {
      p.physical = physical;
      p.physical_from = env.id;
    }
    if (physical != 0) all_controlled = false;
    const int network = LevelOf(env.network, kNetwork);
    if (network > p.network) {
      p.network = network;
      p.network_from = env.id;
    }
    if (p.unsupervised_from.empty() &&
        (env.setting == "home" || env.setting == "mobile" || env.setting == "ambulance")) {
      p.unsupervised_from = env.id;
      p.unsupervised_setting = env.setting;
    }
    if (!env.operated_by.empty()) p.operators.push_back(env.operated_by);
    if (env.operated_by == "patient" && p.patient_operated_from.empty()) {
      p.patient_operated_from = env.id;
    }
  }
  p.all_controlled = all_controlled;
  std::sort(p.operators.begin(), p.operators.end());
  p.operators.erase(std::unique(p.operators.begin(), p.operators.end()), p.operators.end());
  return p;
}

LikelihoodShift ShiftFor(Exposure exposure, const EnvironmentProfile& env) {
  LikelihoodShift shift;
  auto add = [&](int delta, std::string note) {
    shift.delta += delta;
    shift.notes.push_back(std::move(note));
  };
  const auto physical = [&]() -> std::string_view {
    return env.physical >= 0 ? kPhysical[env.physical] : std::string_view();
  };
  const auto network = [&]() -> std::string_view {
    return env.network >= 0 ? kNetwork[env.network] : std::string_view();
  };
  switch (exposure) {
    case Exposure::kDesign:
      break;
    case Exposure::kProximity:
      if (env.physical == 2) {
        add(1, Say(env.physical_from, "physical_access", physical(),
                   "anyone can come within radio range unobserved", 1));
      } else if (!env.unsupervised_from.empty()) {
        add(1, Say(env.unsupervised_from, "setting", env.unsupervised_setting,
                   "the device is used where nobody watches who comes within radio range", 1));
      } else if (env.all_controlled) {
        add(-1, Say(env.physical_from, "physical_access", physical(),
                    "an attacker must come within radio range inside a clinic with controlled "
                    "access",
                    -1));
      }
      break;
    case Exposure::kNetwork:
      if (env.network >= 2) {
        add(1, Say(env.network_from, "network", network(),
                   "a shared network widens the attacker to everyone on it", 1));
      } else if (env.network >= 0) {
        add(-1, Say(env.network_from, "network", network(),
                    "no shared network: the attacker must connect locally", -1));
      }
      break;
    case Exposure::kRemote:
      if (env.network == 3) {
        add(1, Say(env.network_from, "network", network(),
                   "the internet widens the attacker to anyone, anywhere", 1));
      } else if (env.network >= 0 && env.network <= 1) {
        add(-1, Say(env.network_from, "network", network(),
                    "the intended environment has no internet connection", -1));
      }
      break;
    case Exposure::kPhysical:
      if (env.physical == 2) {
        add(1, Say(env.physical_from, "physical_access", physical(),
                   "the public can lay hands on the device", 1));
      } else if (env.all_controlled) {
        add(-1, Say(env.physical_from, "physical_access", physical(),
                    "only staff of a room with controlled access can lay hands on the device", -1));
      }
      break;
  }
  return shift;
}

ModelIndex::ModelIndex(const model::SystemModel& model) {
  flows_at_.reserve(model.components.size());
  for (size_t i = 0; i < model.flows.size(); ++i) {
    const model::Flow& flow = model.flows[i];
    flows_at_[flow.from].push_back(static_cast<uint32_t>(i));
    flows_at_[flow.to].push_back(static_cast<uint32_t>(i));
    for (const std::string& asset : flow.carries) carried_.insert(asset);
  }
  for (const model::Asset& asset : model.assets) {
    if (!asset.essential_function.empty()) functions_.insert(asset.essential_function);
  }
  for (const model::EssentialFunction& function : model.system.essential_functions) {
    performers_.insert(function.component);
  }
  for (const model::Measure& measure : model.measures) {
    introduced_.insert(measure.introduces.begin(), measure.introduces.end());
  }
}

std::span<const uint32_t> ModelIndex::FlowsAt(std::string_view component) const {
  const auto it = flows_at_.find(component);
  if (it == flows_at_.end()) return {};
  return it->second;
}

std::string_view RuleContext::ZoneKind(std::string_view component) const {
  const model::Component* c = model_.FindComponent(component);
  if (c == nullptr || c->zone.empty()) return {};
  const model::Zone* zone = model_.FindZone(c->zone);
  return zone == nullptr ? std::string_view() : std::string_view(zone->kind);
}

}  // namespace medtra::rules
