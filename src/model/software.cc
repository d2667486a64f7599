// The VEX vocabulary of the model (docs/sbom.md has the crosswalk) and ISO dates.
#include <algorithm>
#include <array>

#include "medtra/model/software.h"

namespace medtra::model {
namespace {

constexpr std::array<std::string_view, 4> kStatusNames = {"not_affected", "affected", "fixed",
                                                          "under_investigation"};

// OpenVEX 0.2.0 justifications -> the nearest CycloneDX 1.6 analysis justification.
constexpr VexJustification kJustifications[] = {
    {"component_not_present", "requires_dependency"},
    {"vulnerable_code_not_present", "code_not_present"},
    {"vulnerable_code_not_in_execute_path", "code_not_reachable"},
    {"vulnerable_code_cannot_be_controlled_by_adversary", "requires_environment"},
    {"inline_mitigations_already_exist", "protected_by_mitigating_control"},
};

constexpr std::string_view kResponses[] = {"can_not_fix", "rollback", "update", "will_not_fix",
                                           "workaround_available"};

}  // namespace

std::string_view VexStatusName(VexStatus status) {
  return kStatusNames[static_cast<size_t>(status)];
}

std::optional<VexStatus> ParseVexStatus(std::string_view text) {
  const auto found = std::find(kStatusNames.begin(), kStatusNames.end(), text);
  if (found == kStatusNames.end()) return std::nullopt;
  return static_cast<VexStatus>(found - kStatusNames.begin());
}

std::span<const VexJustification> VexJustifications() { return kJustifications; }
std::span<const std::string_view> VexResponses() { return kResponses; }

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  const int day = std::stoi(std::string(text.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace medtra::model
