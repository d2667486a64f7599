// The security capabilities (IEC TR 80001-2-2 codes, as MDS2 and MDCG 2019-16 use them), each
// answered from the model where the model can answer it, else left blank with what to add.
#include <algorithm>

#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {
namespace {

/// A flow's property after every measure's provisions (the residual design).
std::string Residual(const model::SystemModel& model, const model::Flow& flow,
                     const std::string& key, const std::string& design) {
  std::string value = design;
  for (const model::Measure& m : model.measures) {
    for (const model::Provision& p : m.provides) {
      if (p.flow != flow.id) continue;
      const auto it = p.properties.find(key);
      if (it != p.properties.end() && !it->second.empty()) value = it->second;
    }
  }
  return value;
}

/// "yes" when every flow has one of `good` for `key` after the measures; the basis lists them.
Capability FlowCapability(const model::SystemModel& model, std::string code, std::string title,
                          const std::string& key, std::vector<std::string> good,
                          std::string model::Flow::*design) {
  Capability c{std::move(code), std::move(title), "", ""};
  if (model.flows.empty()) {
    c.basis = "no flows in the model";
    return c;
  }
  std::vector<std::string> basis;
  bool all = true;
  for (const model::Flow& f : model.flows) {
    const std::string value = Residual(model, f, key, f.*design);
    all = all && std::find(good.begin(), good.end(), value) != good.end();
    basis.push_back(f.id + " " + key + ": " + OrDash(value));
  }
  c.answer = all ? "yes" : "no";
  c.basis = Join(basis, "; ");
  return c;
}

Capability Unanswered(std::string code, std::string title, std::string what) {
  return {std::move(code), std::move(title), "", "not in the model: " + std::move(what)};
}

/// PAUT from the derived threats: "no" where a component lets people in without their own
/// credentials (a threat of the three credential rules, whatever measure lowers its risk: no
/// measure gives a component credentials); blank while a component's credentials are not stated;
/// "yes" when some component has unique credentials; "n/a" when no component is operated with any.
Capability PersonAuthentication(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  std::vector<std::string> without;
  for (const rules::Threat& t : analysis.threats) {
    const bool person = t.rule == "device-no-user-authentication" ||
                        t.rule == "device-default-credentials" ||
                        t.rule == "device-shared-credentials";
    if (!person) continue;
    std::string status(rules::ThreatStatusName(t.status));
    if (!t.measures.empty()) status += " by " + Join(t.measures, ", ");
    without.push_back(t.id + " (" + status + ")");
  }
  std::vector<std::string> creds;
  std::vector<std::string> unstated;
  bool unique = false;
  for (const model::Component& c : model.components) {
    creds.push_back(c.id + ": " + OrDash(c.credentials));
    if (c.credentials.empty()) unstated.push_back(c.id);
    unique = unique || c.credentials == "unique";
  }
  const std::string code = "PAUT";
  const std::string title = "Person authentication";
  if (!without.empty()) return {code, title, "no", "threats " + Join(without, "; ")};
  if (!unstated.empty())
    return Unanswered(code, title, "the credentials of " + Join(unstated, ", "));
  if (!unique)
    return {code, title, "n/a",
            "no component is operated with credentials (" + Join(creds, "; ") + ")"};
  return {code, title, "yes", Join(creds, "; ")};
}

}  // namespace

std::vector<Capability> Capabilities(const SubmissionInput& input) {
  const model::SystemModel& model = *input.analysis->model;
  std::vector<Capability> caps;
  caps.push_back(Unanswered("ALOF", "Automatic logoff", "session timeout of the user interface"));
  {
    std::vector<std::string> logging;
    for (const model::Component& c : model.components) {
      if (c.audit_log) logging.push_back(c.id);
    }
    caps.push_back({"AUDT", "Audit controls", logging.empty() ? "no" : "yes",
                    logging.empty() ? "no component has audit_log: true"
                                    : "audit_log on " + Join(logging, ", ")});
  }
  caps.push_back(FlowCapability(model, "AUTH", "Authorization", "authorization", {"role-based"},
                                &model::Flow::authorization));
  caps.push_back(Unanswered("CNFS", "Configurability of security features",
                            "which security features the user can configure"));
  {
    // A flow inside the device (medium: internal) connects nothing outside it.
    std::vector<std::string> flows;
    std::vector<std::string> internal;
    for (const model::Flow& f : model.flows) {
      (f.medium == "internal" ? internal : flows).push_back(f.id + " (" + f.medium + ")");
    }
    std::string basis = flows.empty() ? "no flow leaves the device" : Join(flows, ", ");
    if (!internal.empty()) basis += "; inside the device only: " + Join(internal, ", ");
    caps.push_back({"CONN", "Connectivity capabilities", flows.empty() ? "no" : "yes", basis});
  }
  {
    std::vector<std::string> updates;
    bool any = false;
    for (const model::Component& c : model.components) {
      updates.push_back(c.id + ": " + OrDash(c.update));
      any = any || c.update == "signed" || c.update == "unsigned";
    }
    caps.push_back(
        {"CSUP", "Cybersecurity product upgrades", any ? "yes" : "no", Join(updates, "; ")});
  }
  caps.push_back(Unanswered("DIDT", "Health data de-identification",
                            "whether exported data can be de-identified"));
  {
    bool backup = false;
    for (const model::LabelingEntry& e : model.labeling) {
      backup = backup || (e.item == "backup-restore" && e.not_applicable.empty());
    }
    caps.push_back(backup ? Capability{"DTBK", "Data backup and disaster recovery", "yes",
                                       "labeling item backup-restore"}
                          : Unanswered("DTBK", "Data backup and disaster recovery",
                                       "labeling item backup-restore"));
  }
  {
    std::vector<std::string> emergency;
    for (const model::UseCase& u : model.use_cases) {
      if (u.state == "emergency") emergency.push_back(u.id);
    }
    caps.push_back(
        emergency.empty()
            ? Unanswered("EMRG", "Emergency access", "a use case with state: emergency")
            : Capability{"EMRG", "Emergency access", "yes", "use cases " + Join(emergency, ", ")});
  }
  caps.push_back(FlowCapability(model, "IGAU", "Health data integrity and authenticity",
                                "integrity", {"mac", "signature"}, &model::Flow::integrity));
  caps.push_back(
      Unanswered("MLDP", "Malware detection and protection", "malware protection of components"));
  {
    bool phi = false;
    for (const model::Asset& a : model.assets) phi = phi || a.personal_health_data;
    caps.push_back({"MPII", "Management of personally identifiable information", phi ? "yes" : "no",
                    phi ? "assets with personal_health_data: true" : "no personal health data"});
  }
  caps.push_back(FlowCapability(model, "NAUT", "Node authentication", "authentication",
                                {"mac", "signature", "certificate"}, &model::Flow::authentication));
  caps.push_back(PersonAuthentication(*input.analysis));
  caps.push_back(Unanswered("PLOK", "Physical locks", "physical protection of the components"));
  {
    size_t parts = 0;
    size_t supported = 0;
    for (const sbom::Sbom& s : input.sboms) {
      for (const sbom::SbomComponent& c : s.components) {
        ++parts;
        if (!c.support_level.empty() && !c.end_of_support.empty()) ++supported;
      }
    }
    caps.push_back(parts == 0
                       ? Unanswered("RDMP",
                                    "Third-party components in the product "
                                    "lifecycle roadmap",
                                    "an SBOM ('software')")
                       : Capability{"RDMP",
                                    "Third-party components in the product lifecycle "
                                    "roadmap",
                                    supported == parts ? "yes" : "no",
                                    std::to_string(supported) + " of " + std::to_string(parts) +
                                        " SBOM components with support data"});
  }
  caps.push_back(Unanswered("RMOT", "Remote service", "remote service access of the manufacturer"));
  {
    std::vector<std::string> ports;
    bool hardened = !model.components.empty();
    for (const model::Component& c : model.components) {
      ports.push_back(c.id + " debug_port: " + OrDash(c.debug_port));
      hardened = hardened && c.debug_port != "enabled";
    }
    caps.push_back(
        {"SAHD", "System and application hardening", hardened ? "yes" : "no", Join(ports, "; ")});
  }
  caps.push_back({"SGUD", "Security guides", model.labeling.empty() ? "no" : "yes",
                  model.labeling.empty()
                      ? "no 'labeling' section"
                      : std::to_string(model.labeling.size()) + " labeling items"});
  caps.push_back(Unanswered("STCF", "Health data storage confidentiality",
                            "encryption of stored health data"));
  caps.push_back(FlowCapability(model, "TXCF", "Transmission confidentiality", "confidentiality",
                                {"encrypted"}, &model::Flow::confidentiality));
  caps.push_back(FlowCapability(model, "TXIG", "Transmission integrity", "integrity",
                                {"mac", "signature"}, &model::Flow::integrity));
  return caps;
}

}  // namespace medtra::report::submission
