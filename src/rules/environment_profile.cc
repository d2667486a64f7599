// Environment profiles: the widest exposure over a set of environments, its likelihood shifts,
// and one profile per distinct set of the model's EnvironmentMap.
#include "medtra/rules/environment_profile.h"

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

EnvironmentProfile EnvironmentProfile::Of(std::span<const model::Environment> environments,
                                          std::span<const uint32_t> which) {
  EnvironmentProfile p;
  for (const uint32_t i : which) {
    const model::Environment& env = environments[i];
    const int physical = LevelOf(env.physical_access, kPhysical);
    if (physical > p.physical) {
      p.physical = physical;
      p.physical_from = env.id;
    }
    if (physical == 0 && p.controlled_from.empty()) p.controlled_from = env.id;
    if (physical != 0 && p.uncontrolled_from.empty()) {
      p.uncontrolled_from = env.id;
      p.uncontrolled_access = env.physical_access;
    }
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
  p.all_controlled = !which.empty() && p.uncontrolled_from.empty();
  std::sort(p.operators.begin(), p.operators.end());
  p.operators.erase(std::unique(p.operators.begin(), p.operators.end()), p.operators.end());
  return p;
}

EnvironmentProfile EnvironmentProfile::Of(const model::System& system) {
  std::vector<uint32_t> all(system.intended_environment.size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  return Of(system.intended_environment, all);
}

LikelihoodShift ShiftFor(Exposure exposure, const EnvironmentProfile& env) {
  LikelihoodShift shift;
  auto add = [&](int delta, std::string why) {
    shift.delta += delta;
    shift.steps.push_back({delta, std::move(why)});
  };
  const auto physical = [&]() -> std::string_view {
    return env.physical >= 0 ? kPhysical[env.physical] : std::string_view();
  };
  const auto network = [&]() -> std::string_view {
    return env.network >= 0 ? kNetwork[env.network] : std::string_view();
  };
  // A controlled room that does not narrow the attacker, because the part is elsewhere too.
  const auto not_everywhere = [&]() {
    if (env.controlled_from.empty() || env.all_controlled) return;
    const std::string other =
        env.uncontrolled_from + (env.uncontrolled_access.empty()
                                     ? std::string(", which states no physical_access")
                                     : " (physical_access=" + env.uncontrolled_access + ")");
    add(0, Say(env.controlled_from, "physical_access", "controlled",
               "does not lower it, for the part is also in " + other, 0));
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
      not_everywhere();
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
      not_everywhere();
      break;
  }
  return shift;
}

EnvironmentProfiles::EnvironmentProfiles(const model::SystemModel& model) : map_(model) {
  profiles_.reserve(map_.sets().size());
  for (const std::vector<uint32_t>& set : map_.sets()) {
    profiles_.push_back(EnvironmentProfile::Of(model.system.intended_environment, set));
  }
}

}  // namespace medtra::rules
