// The threat model with the FDA's four architecture views: global system, multi-patient harm,
// updatability and patchability, and the security use cases (states and their flows).
#include "medtra/base/strings.h"
#include "medtra/report/dfd_paths.h"
#include "medtra/report/paths_render.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {
namespace {

Section MultiPatient(const analysis::Analysis& analysis) {
  if (analysis.paths) {
    Section s = PathsReachSection(*analysis.paths);
    s.title = "Multi-patient harm view: " + s.title;
    AddReachDfdFigure(*analysis.paths, DfdOptions{}, &s);
    return s;
  }
  Section s{"paths-reach", "Multi-patient harm view", {}};
  s.Paragraph(
      "The attack paths were not computed, so the reach of many-instance components is "
      "not shown.");
  return s;
}

Section Updatability(const SubmissionInput& input) {
  const model::SystemModel& model = *input.analysis->model;
  Section s{"updatability", "Updatability and patchability view", {}};
  s.Paragraph(
      "The update path of every component: how its software is updated (component 'update:'), "
      "the SBOM that lists its software and the support of that software.");
  Table table{{"Component", "Update", "SBOM", "Components", "Without support data"}, {}};
  for (const model::Component& c : model.components) {
    std::vector<std::string> files;
    size_t parts = 0;
    size_t unsupported = 0;
    if (model.software) {
      for (size_t i = 0; i < model.software->sboms.size(); ++i) {
        if (model.software->sboms[i].component != c.id) continue;
        files.push_back(model.software->sboms[i].file);
        if (i < input.sboms.size()) {
          parts += input.sboms[i].components.size();
          for (const sbom::SbomComponent& p : input.sboms[i].components) {
            if (p.support_level.empty() || p.end_of_support.empty()) ++unsupported;
          }
        }
      }
    }
    const std::string update = c.update.empty() ? "not stated" : c.update;
    table.rows.push_back({c.id, update, files.empty() ? "SBOM: not provided" : Join(files, ", "),
                          std::to_string(parts), std::to_string(unsupported)});
  }
  s.AddTable(std::move(table));
  return s;
}

Section UseCases(const model::SystemModel& model) {
  Section s{"use-cases", "Security use case view: states and the flows they use", {}};
  if (model.use_cases.empty()) {
    s.Paragraph(
        "The model states no use cases: add 'use_cases' (normal, emergency, maintenance, "
        "decommissioning, with the flows each uses).");
    return s;
  }
  Table table{{"Use case", "State", "Name", "Flows", "Description"}, {}};
  for (const model::UseCase& u : model.use_cases) {
    std::vector<std::string> flows;
    for (const model::LocatedRef& f : u.flows) flows.push_back(f.id);
    table.rows.push_back(
        {u.id, u.state, u.name, flows.empty() ? "none" : Join(flows, ", "), OrDash(u.description)});
  }
  s.AddTable(std::move(table));
  std::vector<std::string> missing;
  for (const std::string& state : model::UseCaseStates()) {
    if (state == "other") continue;
    bool found = false;
    for (const model::UseCase& u : model.use_cases) found = found || u.state == state;
    if (!found) missing.push_back(state);
  }
  if (!missing.empty()) s.Paragraph("States without a use case: " + Join(missing, ", ") + ".");
  return s;
}

}  // namespace

Document ThreatModel(const SubmissionInput& input) {
  const analysis::Analysis& analysis = *input.analysis;
  Document d = Titled(input, "Threat model");
  Section global = OverviewSection(analysis);
  global.title = "Global system view";
  d.sections.push_back(std::move(global));
  d.sections.push_back(ThreatsSection(analysis));
  d.sections.push_back(MultiPatient(analysis));
  d.sections.push_back(Updatability(input));
  d.sections.push_back(UseCases(*analysis.model));
  return d;
}

}  // namespace medtra::report::submission
