// ToJson for decisions, approvals and audit entries.
#include "medtra/store/records_json.h"

namespace medtra::store {

nlohmann::ordered_json ToJson(const Decision& d) {
  return {{"threat", d.threat},     {"status", d.status},      {"justification", d.justification},
          {"measures", d.measures}, {"risk", d.risk},          {"actor", d.actor},
          {"time", d.time},         {"report_id", d.report_id}};
}

nlohmann::ordered_json ToJson(const Approval& a) {
  return {{"id", a.id},     {"signer", a.signer},   {"printed_name", a.printed_name},
          {"time", a.time}, {"meaning", a.meaning}, {"report_id", a.report_id}};
}

nlohmann::ordered_json ToJson(const AuditEntry& e) {
  return {{"seq", e.seq},
          {"actor", e.actor},
          {"time", e.time},
          {"action", e.action},
          {"before", nlohmann::ordered_json::parse(e.before, nullptr, false)},
          {"after", nlohmann::ordered_json::parse(e.after, nullptr, false)},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

}  // namespace medtra::store
