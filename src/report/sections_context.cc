// Report sections that set the context: intended use and environment, terminology, risk method.
#include "medtra/base/strings.h"
#include "medtra/model/environments.h"
#include "report/sections.h"

namespace medtra::report {
namespace {

std::string Or(const std::string& value, const std::string& fallback) {
  return value.empty() ? fallback : value;
}

}  // namespace

Section OverviewSection(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  Section s{"intended-use", "Intended use and intended environment", {}};
  s.Paragraph("Intended use: " + model.system.intended_use);
  Table functions{{"ID", "Essential function", "Performed by"}, {}};
  for (const auto& f : model.system.essential_functions) {
    const model::Component* c = model.FindComponent(f.component);
    functions.rows.push_back({f.id, f.name, c != nullptr ? c->name : f.component});
  }
  s.Paragraph("Essential functions: security measures must not interfere with them.");
  s.AddTable(std::move(functions));
  Table environments{
      {"ID", "Intended environment", "Setting", "Physical access", "Network", "Operated by"}, {}};
  for (const auto& e : model.system.intended_environment) {
    environments.rows.push_back({e.id, e.name, Or(e.setting, "-"), Or(e.physical_access, "-"),
                                 Or(e.network, "-"), Or(e.operated_by, "-")});
  }
  s.Paragraph("The intended environment constrains the relevant attack scenarios.");
  s.AddTable(std::move(environments));
  if (!model.system.users.empty()) {
    Table users{{"ID", "User", "Role"}, {}};
    for (const auto& u : model.system.users) users.rows.push_back({u.id, u.name, Or(u.role, "-")});
    s.AddTable(std::move(users));
  }
  Table elements{{"Component", "Kind", "Zone", "Intended environment"}, {}};
  const model::EnvironmentMap where(model);
  for (size_t i = 0; i < model.components.size(); ++i) {
    const model::Component& c = model.components[i];
    const model::Zone* zone = model.FindZone(c.zone);
    elements.rows.push_back({c.name + " (" + c.id + ")", c.kind, zone ? zone->name : "-",
                             Or(where.Ids(where.ComponentSet(i)), "-")});
  }
  s.AddTable(std::move(elements));
  Table flows{{"Flow", "Between", "Medium", "Carries", "Authentication", "Confidentiality",
               "Integrity", "Freshness"},
              {}};
  for (const auto& f : model.flows) {
    flows.rows.push_back({f.id, f.from + " - " + f.to, f.medium, Join(f.carries, ", "),
                          f.authentication, f.confidentiality, f.integrity, f.freshness});
  }
  s.Paragraph("Flows as designed, before measures:");
  s.AddTable(std::move(flows));
  if (!model.threat_events.empty()) {
    Table events{{"ID", "Threat event", "Via"}, {}};
    for (const auto& e : model.threat_events) {
      events.rows.push_back({e.id, e.text, Join(e.via, ", ")});
    }
    s.AddTable(std::move(events));
  }
  return s;
}

Section CrosswalkSection() {
  Section s{"crosswalk", "Terminology: ISO 14971 and AAMI TIR57", {}};
  s.Paragraph(
      "A security risk that can hurt a patient also enters the safety risk file. The two "
      "standards name the same ideas differently; this report uses the TIR57 terms.");
  s.AddTable(
      {{"ISO 14971 (safety)", "AAMI TIR57 (security)", "In this report"},
       {{"Harm",
         "Harm, extended: physical injury or damage to health, property or environment, or "
         "reduction in effectiveness, or breach of data and systems security",
         "impact and impact description of a risk"},
        {"Hazard", "Vulnerability", "vulnerability of a risk"},
        {"Hazardous situation", "Threat event", "threat event (threat_events)"},
        {"Probability of occurrence of harm", "Likelihood of occurrence", "likelihood of a risk"},
        {"Risk", "Risk", "risk level from the matrix"}}});
  return s;
}

Section RiskMethodSection(const model::RiskMethod& method) {
  Section s{"risk-method", "Risk method", {}};
  s.Paragraph(std::string(method.is_default
                              ? "The default method (three-level scales as in the case study "
                                "of the source material)."
                              : "The method defined by the model (risk_method).") +
              " Likelihood: " + Join(method.likelihood, ", ") +
              ". Impact: " + Join(method.impact, ", ") + ".");
  Table levels{{"Level", "Acceptable", "Justification required", "Meaning"}, {}};
  for (const auto& l : method.levels) {
    levels.rows.push_back(
        {l.name, YesNo(l.acceptable), YesNo(l.requires_justification), l.meaning});
  }
  s.AddTable(std::move(levels));
  Table matrix{{"Likelihood \\ Impact"}, {}};
  for (const auto& i : method.impact) matrix.header.push_back(i);
  for (size_t row = method.likelihood.size(); row-- > 0;) {
    std::vector<std::string> cells{method.likelihood[row]};
    for (int level : method.matrix[row])
      cells.push_back(method.levels[static_cast<size_t>(level)].name);
    matrix.rows.push_back(std::move(cells));
  }
  s.AddTable(std::move(matrix));
  return s;
}

}  // namespace medtra::report
