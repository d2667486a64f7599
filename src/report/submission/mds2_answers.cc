// The MDS2 questions the model decides, each with the model elements the answer rests on; every
// other question is blank with what would answer it.
#include <algorithm>
#include <cassert>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "medtra/base/strings.h"
#include "report/submission/documents.h"
#include "report/submission/mds2_questions.h"
#include "rules/rule_helpers.h"

namespace medtra::report::submission {
namespace {

/// A question that a capability (IEC TR 80001-2-2 code) answers. With `yes_only`, only a "yes"
/// answers it: the capability's "no" says that some flow or component lacks the property, which
/// does not decide this question.
struct CapabilityQuestion {
  const char* question;
  const char* code;
  bool yes_only;
};

constexpr CapabilityQuestion kFromCapabilities[] = {
    {"MPII-1", "MPII", false}, {"ALOF-1", "ALOF", false}, {"AUDT-1", "AUDT", false},
    {"AUTH-2", "AUTH", true},  {"CSUP-1", "CSUP", true},  {"DIDT-1", "DIDT", false},
    {"EMRG-1", "EMRG", false}, {"MLDP-2", "MLDP", false}, {"NAUT-1", "NAUT", true},
    {"CONN-1", "CONN", false}, {"PAUT-1", "PAUT", false}, {"PLOK-2", "PLOK", false},
    {"SGUD-1", "SGUD", true},  {"STCF-1", "STCF", false}, {"TXCF-2", "TXCF", true},
    {"TXIG-1", "TXIG", true},  {"RMOT-1", "RMOT", false},
};

using Answers = std::map<std::string, std::pair<std::string, std::string>>;

/// "yes" when some flow that carries personal health data goes over a medium that `on` accepts;
/// the basis lists those flows with their media.
std::pair<std::string, std::string> PhiOver(const model::SystemModel& model,
                                            const std::function<bool(const std::string&)>& on) {
  std::vector<std::string> phi_flows;
  bool any = false;
  for (const model::Flow& f : model.flows) {
    const bool phi = std::any_of(f.carries.begin(), f.carries.end(), [&](const std::string& id) {
      const model::Asset* a = model.FindAsset(id);
      return a != nullptr && a->personal_health_data;
    });
    if (!phi) continue;
    phi_flows.push_back(f.id + " (" + f.medium + ")");
    any = any || on(f.medium);
  }
  if (phi_flows.empty()) return {"no", "no flow carries an asset with personal_health_data"};
  return {any ? "yes" : "no", "flows carrying personal health data: " + Join(phi_flows, ", ")};
}

void FromDocument(const SubmissionInput& input, Answers& out) {
  const model::SystemModel& m = *input.analysis->model;
  if (!m.system.name.empty()) out["DOC-2"] = {m.system.name, "system.name"};
  if (!m.system.version.empty()) {
    out["DOC-3"] = {m.system.id + ", version " + m.system.version, "system.id, system.version"};
  }
  if (m.document && !m.document->id.empty()) out["DOC-4"] = {m.document->id, "document.id"};
  if (!m.system.intended_environment.empty()) {
    std::vector<std::string> networks;
    for (const model::Environment& e : m.system.intended_environment) {
      networks.push_back(e.id + ": network " + OrDash(e.network));
    }
    out["DOC-6"] = {Join(networks, "; "), "system.intended_environment[].network"};
  }
  if (m.document && !m.document->date.empty()) out["DOC-7"] = {m.document->date, "document.date"};
  if (m.management_plan && !m.management_plan->disclosure_contact.empty()) {
    out["DOC-8"] = {"yes", "management_plan.disclosure: " + m.management_plan->disclosure_contact};
  }
  if (!m.flows.empty()) {
    std::vector<std::string> flows;
    for (const model::Flow& f : m.flows) flows.push_back(f.id);
    out["DOC-10"] = {"yes", "the threat model's data-flow diagram of flows " + Join(flows, ", ")};
  }
}

void FromPostmarketPlan(const model::SystemModel& m, Answers& out) {
  if (!m.management_plan) return;
  if (!m.management_plan->notification.empty()) {
    out["CSUP-7"] = {"yes", "management_plan.notification"};
  }
  if (!m.management_plan->monitoring.empty()) {
    out["CSUP-11"] = {"yes", "management_plan.monitoring: " +
                                 std::to_string(m.management_plan->monitoring.size()) + " sources"};
  }
}

void FromFlows(const model::SystemModel& m, Answers& out) {
  out["MPII-3"] = PhiOver(m, [](const std::string&) { return true; });
  out["MPII-3.4"] = PhiOver(m, [](const std::string& x) { return x == "usb" || x == "serial"; });
  out["MPII-3.5"] = PhiOver(m, [](const std::string& x) { return x == "ethernet"; });
  out["MPII-3.6"] = PhiOver(m, [](const std::string& x) { return rules::IsWireless(x); });
  out["MPII-3.7"] = PhiOver(
      m, [](const std::string& x) { return rules::MediumExposure(x) == rules::Exposure::kRemote; });
}

void FromSoftware(const SubmissionInput& input, Answers& out) {
  const model::SystemModel& m = *input.analysis->model;
  if (!m.software) {
    out["SBOM-1"] = {"", "not in the model: 'software' names no SBOM"};
    return;
  }
  std::vector<std::string> bound;
  for (const model::SbomBinding& b : m.software->sboms) bound.push_back(b.component);
  out["SBOM-1"] = {"yes", "software.sboms of " + Join(bound, ", ")};
  if (input.sboms.empty()) {
    for (const char* id : {"SBOM-2", "SBOM-2.1", "SBOM-2.2", "SBOM-2.3"}) {
      out[id] = {"", "not read: the SBOM files that 'software' names"};
    }
    return;
  }
  std::vector<std::string> formats;
  size_t parts = 0;
  size_t named = 0;
  size_t suppliers = 0;
  size_t versions = 0;
  for (const sbom::Sbom& s : input.sboms) {
    formats.push_back(std::filesystem::path(s.file).filename().string() + ": " + s.format + " " +
                      s.spec_version);
    for (const sbom::SbomComponent& c : s.components) {
      ++parts;
      named += c.name.empty() ? 0 : 1;
      suppliers += c.supplier.empty() ? 0 : 1;
      versions += c.version.empty() ? 0 : 1;
    }
  }
  out["SBOM-2"] = {"yes", Join(formats, "; ")};
  const auto all = [&](size_t n, const std::string& what) -> std::pair<std::string, std::string> {
    return {n == parts ? "yes" : "no",
            std::to_string(n) + " of " + std::to_string(parts) + " components with " + what};
  };
  out["SBOM-2.1"] = all(named, "a name");
  out["SBOM-2.2"] = all(suppliers, "a supplier");
  out["SBOM-2.3"] = all(versions, "a version");
}

/// Whether every answered id is a question of the form (a typo would drop the answer).
[[maybe_unused]] bool AllAreQuestions(const Answers& answers) {
  std::set<std::string_view> ids;
  for (const Mds2Question& q : Mds2Questions()) ids.insert(q.id);
  return std::all_of(answers.begin(), answers.end(),
                     [&](const auto& entry) { return ids.count(entry.first) == 1; });
}

}  // namespace

std::vector<Mds2Answer> Mds2Answers(const SubmissionInput& input) {
  const model::SystemModel& m = *input.analysis->model;
  Answers answers;
  std::map<std::string, Capability> caps;
  for (Capability& c : Capabilities(input)) caps[c.code] = std::move(c);
  for (const CapabilityQuestion& q : kFromCapabilities) {
    const Capability& c = caps.at(q.code);
    if (q.yes_only && !c.answer.empty() && c.answer != "yes") {
      answers[q.question] = {"", "not decided: " + c.code + " is " + c.answer + " (" + c.basis +
                                     "), which does not answer this question"};
    } else {
      answers[q.question] = {c.answer, c.code + ": " + c.basis};
    }
  }
  FromDocument(input, answers);
  FromPostmarketPlan(m, answers);
  FromFlows(m, answers);
  FromSoftware(input, answers);
  std::vector<Mds2Answer> out;
  assert(AllAreQuestions(answers) && "an answer to an id that is not in Mds2Questions()");
  for (const Mds2Question& q : Mds2Questions()) {
    Mds2Answer a{&q, "", ""};
    const auto it = answers.find(std::string(q.id));
    if (it != answers.end()) std::tie(a.answer, a.basis) = it->second;
    if (a.basis.empty()) a.basis = "not in the model";
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace medtra::report::submission
