// The cybersecurity management plan: monitoring, known-exploited handling, coordinated
// disclosure, patch timelines, delivery and customer notification.
#include "report/submission/documents.h"

namespace medtra::report::submission {
namespace {

std::string Days(const std::optional<int>& days) {
  return days ? std::to_string(*days) + " days" : "not stated";
}

}  // namespace

Document ManagementPlan(const SubmissionInput& input) {
  const model::SystemModel& model = *input.analysis->model;
  Document d = Titled(input, "Cybersecurity management plan");
  Section s{"plan", "Postmarket cybersecurity management", {}};
  if (!model.management_plan) {
    s.Paragraph(
        "The model states no plan: add 'management_plan' (personnel, monitoring, "
        "disclosure, patches, notification).");
    d.sections.push_back(std::move(s));
    return d;
  }
  const model::ManagementPlan& p = *model.management_plan;
  s.AddTable({{"Topic", "Plan"},
              {{"Personnel responsible", p.personnel},
               {"Known exploited vulnerabilities", OrDash(p.kev)},
               {"Periodic security testing", OrDash(p.periodic_testing)},
               {"Disclosure contact", p.disclosure_contact},
               {"Disclosure policy", OrDash(p.disclosure_policy)},
               {"Reporter acknowledged within", Days(p.acknowledge_days)},
               {"Report assessed within", Days(p.assess_days)},
               {"Patch for an uncontrolled risk within", Days(p.critical_patch_days)},
               {"Regular updates", OrDash(p.routine_patches)},
               {"Update delivery", p.delivery},
               {"Customer notification", p.notification}}});
  d.sections.push_back(std::move(s));
  Section m{"monitoring", "Vulnerability monitoring sources", {}};
  Table sources{{"Source", "Frequency"}, {}};
  for (const model::MonitoringSource& source : p.monitoring) {
    sources.rows.push_back({source.source, source.frequency});
  }
  m.AddTable(std::move(sources));
  d.sections.push_back(std::move(m));
  return d;
}

}  // namespace medtra::report::submission
