// Pass criteria, the evidence file and the JSON/text renderers of the simulator.
#include "medtra/sim/evidence.h"

#include <nlohmann/json.hpp>

#include <sstream>

#include "sim/metrics_fields.h"

namespace medtra::sim {
namespace {

using Json = nlohmann::ordered_json;

Json MetricsJson(const SimMetrics& m) {
  Json j;
  j["protocol"] = m.protocol;
  j["attack"] = m.attack;
  for (const CountField& f : CountFields()) j[std::string(f.name)] = m.*(f.member);
  for (const FlagField& f : FlagFields()) j[std::string(f.name)] = m.*(f.member);
  // Same key order as the issue lists them.
  Json ordered;
  for (std::string_view key : MetricKeyOrder()) ordered[std::string(key)] = j[std::string(key)];
  return ordered;
}

Json ScenarioJson(const SimScenarioEvidence& s) {
  Json j;
  j["id"] = s.id;
  j["attack"] = s.attack;
  j["protocol"] = s.protocol;
  j["passed"] = s.passed;
  j["criteria"] = s.criteria;
  j["failed_checks"] = s.failed_checks;
  j["metrics"] = MetricsJson(s.metrics);
  return j;
}

}  // namespace

Verdict Evaluate(const SimMetrics& m) {
  Verdict v;
  auto check = [&v](bool ok, const char* text) {
    if (!ok) v.failed_checks.emplace_back(text);
  };
  check(m.attacker_frames_accepted == 0, "attacker_frames_accepted == 0");
  check(!m.therapy_changed_by_attacker, "therapy_changed_by_attacker == false");
  check(!m.static_id_observed, "static_id_observed == false");
  check(!m.patient_data_observed, "patient_data_observed == false");
  check(m.therapy_ticks_missed == 0, "therapy_ticks_missed == 0");
  check(m.legit_commands_duplicated == 0, "legit_commands_duplicated == 0");
  check(m.legit_commands_lost == 0, "legit_commands_lost == 0");
  check(m.implant_replies_to_unauthenticated == 0, "implant_replies_to_unauthenticated == 0");
  check(m.therapy_final_as_intended, "therapy_final_as_intended == true");
  if (m.attack == "energy-day") {
    check(m.radio_on_ms_attacker <= 60'000, "radio_on_ms_attacker <= 60000 per day");
  }
  if (m.attack == "ticket-lockout") {
    check(m.legit_commands_applied == m.legit_commands_sent, "the home monitor is served");
  }
  if (m.attack == "jam") {
    check(m.legit_commands_sent - m.legit_commands_applied == m.legit_commands_failed_reported,
          "every command not applied reported FAILED");
    check(m.max_command_resolution_ms <= 5000, "FAILED reported within 5 s");
  }
  v.holds = v.failed_checks.empty();
  return v;
}

std::string CriteriaText(Attack attack) {
  std::string text =
      "0 attacker frames accepted; therapy unchanged by the attacker; no static ID or patient data "
      "observed; 0 therapy ticks missed; 0 duplicated and 0 silently lost commands; 0 implant "
      "replies to unauthenticated frames; final therapy as the programmer reported";
  if (attack == Attack::kJam) text += "; every command not applied reported FAILED within 5 s";
  if (attack == Attack::kEnergyDay) text += "; attacker-caused radio-on time at most 60 s per day";
  if (attack == Attack::kTicketLockout) text += "; the home monitor is served";
  return text;
}

std::string ScenarioId(std::string_view attack, std::string_view protocol) {
  std::string id;
  id.reserve(5 + attack.size() + protocol.size());
  id.append("sim:").append(attack);
  if (protocol != "secure") id.append("@").append(protocol);
  return id;
}

SimEvidence MakeSimEvidence(uint64_t seed, uint64_t frames, uint64_t commands,
                            std::span<const SimMetrics> runs) {
  SimEvidence evidence;
  evidence.seed = seed;
  evidence.frames = frames;
  evidence.commands = commands;
  for (const SimMetrics& m : runs) {
    SimScenarioEvidence s;
    s.id = ScenarioId(m.attack, m.protocol);
    s.attack = m.attack;
    s.protocol = m.protocol;
    const Verdict verdict = Evaluate(m);
    s.passed = verdict.holds;
    s.failed_checks = verdict.failed_checks;
    const std::optional<Attack> attack = ParseAttack(m.attack);
    s.criteria = CriteriaText(attack.value_or(Attack::kEavesdrop));
    s.metrics = m;
    evidence.scenarios.push_back(std::move(s));
  }
  return evidence;
}

std::string SerializeSimEvidence(const SimEvidence& evidence) {
  Json j;
  j["format"] = kEvidenceFormat;
  j["format_version"] = evidence.format_version;
  j["tool"] = "medtra sim";
  if (!evidence.subject_id.empty() || !evidence.subject_version.empty()) {
    Json subject = Json::object();
    if (!evidence.subject_id.empty()) subject["id"] = evidence.subject_id;
    if (!evidence.subject_version.empty()) subject["version"] = evidence.subject_version;
    j["subject"] = std::move(subject);
  }
  if (!evidence.date.empty()) j["date"] = evidence.date;
  if (!evidence.tester.empty()) j["tester"] = evidence.tester;
  if (!evidence.independence.empty()) j["independence"] = evidence.independence;
  j["seed"] = evidence.seed;
  j["frames"] = evidence.frames;
  j["commands"] = evidence.commands;
  j["scenarios"] = Json::array();
  for (const SimScenarioEvidence& s : evidence.scenarios) j["scenarios"].push_back(ScenarioJson(s));
  return j.dump(2) + "\n";
}

Result<SimEvidence> ParseSimEvidence(std::string_view text) {
  using R = Result<SimEvidence>;
  const Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return R::Error("sim evidence: not a JSON object");
  auto str = [](const Json& o, const char* key) -> const Json* {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? &*it : nullptr;
  };
  auto uint = [](const Json& o, const char* key) -> const Json* {
    auto it = o.find(key);
    return it != o.end() && it->is_number_unsigned() ? &*it : nullptr;
  };
  const Json* format = str(j, "format");
  if (!format || format->get<std::string>() != kEvidenceFormat) {
    return R::Error("sim evidence: \"format\" is not \"medtra-sim-evidence\"");
  }
  const Json* version = uint(j, "format_version");
  if (!version || version->get<uint64_t>() != kEvidenceFormatVersion) {
    return R::Error("sim evidence: unsupported \"format_version\" (expected 1)");
  }
  SimEvidence evidence;
  if (auto subject = j.find("subject"); subject != j.end()) {
    if (!subject->is_object()) return R::Error("sim evidence: \"subject\" is not an object");
    if (const Json* id = str(*subject, "id")) evidence.subject_id = id->get<std::string>();
    if (const Json* v = str(*subject, "version")) evidence.subject_version = v->get<std::string>();
  }
  if (const Json* date = str(j, "date")) evidence.date = date->get<std::string>();
  if (const Json* tester = str(j, "tester")) evidence.tester = tester->get<std::string>();
  if (const Json* level = str(j, "independence")) evidence.independence = level->get<std::string>();
  const Json* seed = uint(j, "seed");
  if (!seed) return R::Error("sim evidence: \"seed\" missing or not an unsigned integer");
  evidence.seed = seed->get<uint64_t>();
  if (const Json* f = uint(j, "frames")) evidence.frames = f->get<uint64_t>();
  if (const Json* c = uint(j, "commands")) evidence.commands = c->get<uint64_t>();
  auto scenarios = j.find("scenarios");
  if (scenarios == j.end() || !scenarios->is_array()) {
    return R::Error("sim evidence: \"scenarios\" missing or not an array");
  }
  for (size_t i = 0; i < scenarios->size(); ++i) {
    const Json& s = (*scenarios)[i];
    const std::string where = "sim evidence: scenarios[" + std::to_string(i) + "]";
    if (!s.is_object()) return R::Error(where + ": not an object");
    SimScenarioEvidence e;
    const Json *id = str(s, "id"), *attack = str(s, "attack"), *protocol = str(s, "protocol");
    auto passed = s.find("passed");
    if (!id || !attack || !protocol || passed == s.end() || !passed->is_boolean()) {
      return R::Error(where + ": needs string id, attack, protocol and boolean passed");
    }
    e.id = id->get<std::string>();
    e.attack = attack->get<std::string>();
    e.protocol = protocol->get<std::string>();
    e.passed = passed->get<bool>();
    if (const Json* criteria = str(s, "criteria")) e.criteria = criteria->get<std::string>();
    if (auto checks = s.find("failed_checks"); checks != s.end() && checks->is_array()) {
      for (const Json& c : *checks) {
        if (c.is_string()) e.failed_checks.push_back(c.get<std::string>());
      }
    }
    auto metrics = s.find("metrics");
    if (metrics == s.end() || !metrics->is_object())
      return R::Error(where + ": \"metrics\" missing");
    e.metrics.protocol = e.protocol;
    e.metrics.attack = e.attack;
    for (const CountField& f : CountFields()) {
      auto it = metrics->find(std::string(f.name));
      if (it == metrics->end()) continue;  // older writers may lack newer metrics
      if (!it->is_number_unsigned()) {
        return R::Error(where + ": metric \"" + std::string(f.name) + "\" is not a count");
      }
      e.metrics.*(f.member) = it->get<uint64_t>();
    }
    for (const FlagField& f : FlagFields()) {
      auto it = metrics->find(std::string(f.name));
      if (it == metrics->end()) continue;
      if (!it->is_boolean()) {
        return R::Error(where + ": metric \"" + std::string(f.name) + "\" is not a boolean");
      }
      e.metrics.*(f.member) = it->get<bool>();
    }
    evidence.scenarios.push_back(std::move(e));
  }
  return evidence;
}

const SimScenarioEvidence* FindSimScenario(const SimEvidence& evidence, std::string_view id) {
  for (const SimScenarioEvidence& s : evidence.scenarios) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string RenderMetricsJson(const SimMetrics& metrics) {
  return MetricsJson(metrics).dump(2) + "\n";
}

std::string RenderMatrixJson(uint64_t seed, uint64_t frames, uint64_t commands,
                             std::span<const SimMetrics> runs) {
  Json j;
  j["seed"] = seed;
  j["frames"] = frames;
  j["commands"] = commands;
  j["results"] = Json::array();
  for (const SimMetrics& m : runs) {
    Json r = MetricsJson(m);
    r["holds"] = Evaluate(m).holds;
    j["results"].push_back(std::move(r));
  }
  return j.dump(2) + "\n";
}

std::string RenderMetricsText(const SimMetrics& metrics) {
  const Json j = MetricsJson(metrics);
  std::ostringstream out;
  for (const auto& [key, value] : j.items()) {
    out << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump()) << "\n";
  }
  const Verdict verdict = Evaluate(metrics);
  out << "holds: " << (verdict.holds ? "true" : "false") << "\n";
  for (const std::string& c : verdict.failed_checks) out << "failed check: " << c << "\n";
  return out.str();
}

}  // namespace medtra::sim
