// ElementStatuses: each FDA Appendix 4 element and EU item, present, partial (with what is
// missing, naming the model section) or absent, and the package files that carry it.
#include <algorithm>

#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {
namespace {

class Element {
 public:
  Element(const SubmissionInput& input, std::string id, std::string title,
          std::vector<std::string> documents, std::vector<std::string> workbooks = {})
      : e_{std::move(id), std::move(title), "present", {}, {}} {
    for (const std::string& doc : documents) {
      for (const std::string& format : input.formats) {
        if (format != "xlsx") e_.files.push_back(doc + "." + format);
      }
    }
    const bool xlsx =
        std::find(input.formats.begin(), input.formats.end(), "xlsx") != input.formats.end();
    for (const std::string& book : workbooks) {
      if (xlsx) e_.files.push_back(book + ".xlsx");
    }
    std::sort(e_.files.begin(), e_.files.end());
  }
  /// The element is absent: nothing of it is in the model.
  Element& Absent(std::string what) {
    e_.status = "absent";
    e_.missing.push_back(std::move(what));
    return *this;
  }
  /// When `lacking`, the element lacks `what` (partial, unless already absent).
  Element& Lacks(bool lacking, std::string what) {
    if (!lacking) return *this;
    if (e_.status == "present") e_.status = "partial";
    e_.missing.push_back(std::move(what));
    return *this;
  }
  SubmissionElement Done() { return std::move(e_); }

 private:
  SubmissionElement e_;
};

size_t UnsupportedComponents(const SubmissionInput& input) {
  size_t n = 0;
  for (const sbom::Sbom& s : input.sboms) {
    for (const sbom::SbomComponent& c : s.components) {
      if (c.support_level.empty() || c.end_of_support.empty()) ++n;
    }
  }
  return n;
}

bool HasState(const model::SystemModel& model, std::string_view state) {
  return std::any_of(model.use_cases.begin(), model.use_cases.end(),
                     [&](const model::UseCase& u) { return u.state == state; });
}

}  // namespace

std::vector<SubmissionElement> ElementStatuses(const SubmissionInput& input) {
  const analysis::Analysis& a = *input.analysis;
  const model::SystemModel& m = *a.model;
  const bool risks = !m.risks.empty();
  const bool sbom = m.software && !m.software->sboms.empty();
  const bool no_residual = std::any_of(a.risks.begin(), a.risks.end(),
                                       [](const risk::RiskResult& r) { return !r.has_residual; });
  const bool unacceptable =
      std::any_of(a.risks.begin(), a.risks.end(),
                  [&](const risk::RiskResult& r) { return !a.ResidualAcceptable(r); });
  std::vector<SubmissionElement> out;

  Element report(input, "fda-risk-management-report", "Cybersecurity risk management report",
                 {"risk-management-report"});
  if (!risks) report.Absent("risks: add the security risks, their measures and residual risks");
  report.Lacks(!m.document, "document: add document control (id, revision, approvals)")
      .Lacks(m.document && m.document->approvals.empty(), "document.approvals: record approvals")
      .Lacks(risks && unacceptable,
             "risks[].residual: a residual risk is not acceptable yet (see the conclusion)");
  out.push_back(report.Done());

  Element threat(input, "fda-threat-model", "Threat model", {"threat-model"}, {"threats"});
  threat.Lacks(a.threats.empty(), "flows, components: no threat is derived from the design")
      .Lacks(m.use_cases.empty(), "use_cases: add the security use cases");
  out.push_back(threat.Done());

  Element assessment(input, "fda-risk-assessment", "Cybersecurity risk assessment",
                     {"risk-assessment"}, {"risk-register"});
  if (!risks) assessment.Absent("risks: add the security risks with likelihood and impact");
  assessment.Lacks(risks && no_residual, "risks[].residual: estimate every residual risk");
  out.push_back(assessment.Done());

  Element sbom_element(input, "fda-sbom", "Software bill of materials", {"sbom"},
                       {"sbom-vulnerabilities"});
  if (!sbom) sbom_element.Absent("software.sboms: name the device's SBOM (CycloneDX or SPDX)");
  const size_t unsupported = UnsupportedComponents(input);
  sbom_element.Lacks(sbom && unsupported > 0,
                     std::to_string(unsupported) +
                         " SBOM components without support level or end of support (SBOM "
                         "properties medtra:support-level, medtra:end-of-support)");
  out.push_back(sbom_element.Done());

  Element vulns(input, "fda-vulnerability-assessment",
                "Vulnerability assessment and software support", {"sbom"},
                {"sbom-vulnerabilities"});
  if (!sbom) {
    vulns.Absent("software: name the SBOMs and an advisory source (software.advisories)");
  } else if (!a.software) {
    vulns.Lacks(true, "software.advisories: name an advisory source to assess the SBOM");
  } else {
    vulns.Lacks(a.software->metrics.open > 0,
                "vex: decide " + std::to_string(a.software->metrics.open) + " open matches");
  }
  out.push_back(vulns.Done());

  Element anomalies(input, "fda-unresolved-anomalies", "Unresolved anomalies assessment",
                    {"unresolved-anomalies"});
  if (m.anomalies.empty()) anomalies.Absent("anomalies: list the unresolved anomalies");
  out.push_back(anomalies.Done());

  Element trace(input, "fda-traceability", "Traceability", {"traceability"}, {"traceability"});
  if (!risks) trace.Absent("risks, measures, requirements: nothing to trace");
  trace.Lacks(risks && m.requirements.empty(), "requirements: add the security requirements")
      .Lacks(risks && trace::HasFindingsAtOrAbove(a.trace, Severity::kError),
             "requirements, measures: the trace has errors (medtra trace)");
  out.push_back(trace.Done());

  Element metrics(input, "fda-metrics", "Measures and metrics", {"metrics"});
  metrics.Lacks(
      !a.software,
      "software: an SBOM with advisories gives the vulnerability metrics and their trend");
  out.push_back(metrics.Done());

  Element views(input, "fda-architecture-views", "Architecture views", {"threat-model"});
  views.Lacks(m.use_cases.empty(), "use_cases: add the security use case view");
  for (const char* state : {"normal", "emergency", "maintenance", "decommissioning"}) {
    views.Lacks(!m.use_cases.empty() && !HasState(m, state),
                std::string("use_cases: add a use case with state: ") + state);
  }
  views.Lacks(!sbom, "software: the updatability view lacks the SBOM");
  out.push_back(views.Done());

  Element requirements(input, "fda-requirements", "Security requirements", {"traceability"},
                       {"traceability"});
  if (m.requirements.empty()) requirements.Absent("requirements: add the security requirements");
  out.push_back(requirements.Done());

  Element testing(input, "fda-testing", "Security testing", {"security-testing"});
  const bool cited =
      std::any_of(a.measures.begin(), a.measures.end(),
                  [](const analysis::MeasureResult& r) { return !r.verifications.empty(); });
  if (!cited) testing.Absent("measures[].verified_by: cite the test evidence");
  const auto svv5 = std::find_if(a.sdl.activities.begin(), a.sdl.activities.end(),
                                 [](const trace::SdlActivity& s) { return s.id == "SVV-5"; });
  testing
      .Lacks(cited && std::any_of(a.measures.begin(), a.measures.end(),
                                  [](const analysis::MeasureResult& r) {
                                    return r.verification_status != verify::Status::kVerified &&
                                           r.verification_status != verify::Status::kNotApplicable;
                                  }),
             "evidence: a measure is not verified (see the results per measure)")
      .Lacks(svv5 == a.sdl.activities.end() || svv5->status != "done",
             "sdl: SVV-5 (independence of testers) is not done")
      .Lacks(std::any_of(a.measures.begin(), a.measures.end(),
                         [](const analysis::MeasureResult& r) {
                           return std::any_of(r.verifications.begin(), r.verifications.end(),
                                              TesterUnstated);
                         }),
             "evidence: a result does not state its tester and independence (see the results "
             "per measure)");
  out.push_back(testing.Done());

  Element labeling(input, "fda-labeling", "Labeling", {"labeling"});
  if (m.labeling.empty()) labeling.Absent("labeling: add the instructions for secure use");
  size_t open = 0;
  for (const catalog::LabelingItem& item : catalog::FdaLabelingItems()) {
    if (std::none_of(m.labeling.begin(), m.labeling.end(),
                     [&](const model::LabelingEntry& e) { return e.item == item.id; })) {
      ++open;
    }
  }
  labeling.Lacks(!m.labeling.empty() && open > 0,
                 "labeling: " + std::to_string(open) + " labeling items not addressed");
  out.push_back(labeling.Done());

  Element plan(input, "fda-management-plan", "Cybersecurity management plan", {"management-plan"});
  if (!m.management_plan) {
    plan.Absent("management_plan: add monitoring, disclosure, patch timelines, notification");
  } else {
    const model::ManagementPlan& p = *m.management_plan;
    plan.Lacks(p.kev.empty(),
               "management_plan.kev: how known exploited vulnerabilities are handled")
        .Lacks(p.periodic_testing.empty(), "management_plan.periodic_testing")
        .Lacks(!p.acknowledge_days || !p.assess_days,
               "management_plan.disclosure: acknowledge_days and assess_days")
        .Lacks(!p.critical_patch_days, "management_plan.patches.critical_days");
  }
  out.push_back(plan.Done());

  Element gspr172(input, "eu-gspr-17.2", "MDR Annex I 17.2: software life cycle and security",
                  {"eu-gspr", "iec-81001-5-1"});
  if (m.sdl_plan.empty()) gspr172.Absent("sdl: add the secure development plan");
  gspr172.Lacks(!risks, "risks: add the security risk assessment")
      .Lacks(!m.sdl_plan.empty() && a.sdl.total.percent() < 100,
             "sdl: " + std::to_string(100 - a.sdl.total.percent()) +
                 "% of the activities are not done");
  out.push_back(gspr172.Done());

  Element gspr174(input, "eu-gspr-17.4", "MDR Annex I 17.4: minimum IT requirements",
                  {"eu-gspr", "threat-model"});
  gspr174.Lacks(m.system.intended_environment.empty(),
                "system.intended_environment: state the intended environments");
  out.push_back(gspr174.Done());

  Element gspr234(input, "eu-gspr-23.4ab", "MDR Annex I 23.4(ab): IT security in the IFU",
                  {"eu-gspr", "labeling"});
  if (m.labeling.empty()) gspr234.Absent("labeling: add the instructions for secure use");
  out.push_back(gspr234.Done());

  Element mdcg(input, "eu-mdcg-2019-16", "MDCG 2019-16: security capabilities", {"eu-gspr", "mds2"},
               {"mds2"});
  size_t blank = 0;
  for (const Capability& c : Capabilities(input)) blank += c.answer.empty() ? 1 : 0;
  mdcg.Lacks(blank > 0, std::to_string(blank) +
                            " capabilities the model cannot answer (answer them in the MDS2)");
  out.push_back(mdcg.Done());

  std::sort(out.begin(), out.end(),
            [](const SubmissionElement& x, const SubmissionElement& y) { return x.id < y.id; });
  return out;
}

}  // namespace medtra::report::submission
