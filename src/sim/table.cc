// The legacy vs secure table of `medtra sim --attack all --format text`.
#include <iomanip>
#include <sstream>

#include "medtra/sim/evidence.h"

namespace medtra::sim {

std::string RenderMatrixTable(std::span<const SimMetrics> runs) {
  std::ostringstream out;
  out << std::left << std::setw(17) << "attack" << std::setw(8) << "proto" << std::right
      << std::setw(8) << "atk_frm" << std::setw(8) << "accept" << std::setw(8) << "therapy"
      << std::setw(5) << "id" << std::setw(5) << "phi" << std::setw(6) << "sent" << std::setw(6)
      << "appl" << std::setw(6) << "lost" << std::setw(5) << "dup" << std::setw(6) << "FAIL"
      << std::setw(7) << "missed" << std::setw(9) << "radio_ms"
      << "  verdict\n";
  auto yn = [](bool b) { return b ? "yes" : "no"; };
  for (const SimMetrics& m : runs) {
    const Verdict v = Evaluate(m);
    std::string verdict = v.holds ? "holds" : "FALLS";
    if (!v.holds) verdict += ": " + std::to_string(v.failed_checks.size()) + " checks fail";
    out << std::left << std::setw(17) << m.attack << std::setw(8) << m.protocol << std::right
        << std::setw(8) << m.attacker_frames << std::setw(8) << m.attacker_frames_accepted
        << std::setw(8) << (m.therapy_changed_by_attacker ? "CHANGED" : "same") << std::setw(5)
        << yn(m.static_id_observed) << std::setw(5) << yn(m.patient_data_observed) << std::setw(6)
        << m.legit_commands_sent << std::setw(6) << m.legit_commands_applied << std::setw(6)
        << m.legit_commands_lost << std::setw(5) << m.legit_commands_duplicated << std::setw(6)
        << m.legit_commands_failed_reported << std::setw(7) << m.therapy_ticks_missed
        << std::setw(9) << m.radio_on_ms_attacker << "  " << verdict << "\n";
  }
  return out.str();
}

}  // namespace medtra::sim
