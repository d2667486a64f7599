// The EU technical file items: a GSPR table for MDR Annex I 17.2, 17.4 and 23.4(ab) with the
// evidence for each, and the MDCG 2019-16 security capabilities.
#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {

Document EuGspr(const SubmissionInput& input) {
  const analysis::Analysis& analysis = *input.analysis;
  const model::SystemModel& model = *analysis.model;
  Document d = Titled(input, "EU general safety and performance requirements (cybersecurity)");
  Section gspr{"gspr", "MDR Annex I: cybersecurity GSPRs", {}};
  gspr.Paragraph(
      "How the device meets each requirement and which document of this package holds "
      "the evidence. The requirement texts are in the regulation; only their numbers "
      "are cited here.");
  const trace::SdlCoverage& sdl = analysis.sdl.total;
  const std::string lifecycle = std::to_string(sdl.done + sdl.not_applicable) + " of " +
                                std::to_string(sdl.total) + " SDL activities done or n/a";
  const std::string risks = std::to_string(analysis.risks.size()) + " security risks assessed";
  std::vector<std::string> environments;
  for (const model::Environment& e : model.system.intended_environment) {
    environments.push_back(e.id + " (network: " + e.network + ")");
  }
  gspr.AddTable(
      {{"GSPR", "Topic", "How it is met", "Evidence"},
       {{"17.2",
         "Software developed to the state of the art (life cycle, risk management, "
         "information security, verification and validation)",
         lifecycle + "; " + risks, "iec-81001-5-1, risk-management-report, security-testing"},
        {"17.4", "Minimum requirements on hardware, IT networks and IT security measures",
         environments.empty() ? "no intended environment stated"
                              : "intended environments: " + Join(environments, ", "),
         "threat-model, labeling"},
        {"23.4(ab)", "Instructions for use: minimum IT requirements and IT security measures",
         std::to_string(model.labeling.size()) + " labeling items", "labeling, management-plan"}}});
  d.sections.push_back(std::move(gspr));
  Section mdcg{"mdcg-capabilities", "MDCG 2019-16: security capabilities", {}};
  Table table{{"Code", "Capability", "Answer", "Basis"}, {}};
  for (const Capability& c : Capabilities(input)) {
    table.rows.push_back({c.code, c.title, c.answer.empty() ? "(blank)" : c.answer, c.basis});
  }
  mdcg.AddTable(std::move(table));
  d.sections.push_back(std::move(mdcg));
  return d;
}

}  // namespace medtra::report::submission
