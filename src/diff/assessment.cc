// Assess: what a change touches, and the change-control questions with their evidence.
#include <set>

#include "medtra/diff/diff.h"

namespace medtra::diff {
namespace {

using Json = nlohmann::ordered_json;

std::string Value(const nlohmann::json& value) {
  if (value.is_null()) return "(none)";
  return value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump();
}

// One line per element change of the model in `sections` (all sections when empty).
std::vector<std::string> ModelEvidence(const Json& model, const std::set<std::string>& sections,
                                       const std::set<std::string>& ids = {}) {
  std::vector<std::string> lines;
  if (model.is_null()) return lines;
  const auto wanted = [&](const Json& item) {
    return (sections.empty() || sections.count(item["section"].get<std::string>()) != 0) &&
           (ids.empty() || ids.count(item["id"].get<std::string>()) != 0);
  };
  for (const char* kind : {"added", "removed"}) {
    for (const Json& item : model[kind]) {
      if (!wanted(item)) continue;
      lines.push_back(item["section"].get<std::string>() + " " + item["id"].get<std::string>() +
                      " " + kind);
    }
  }
  for (const Json& item : model["changed"]) {
    if (!wanted(item)) continue;
    for (const Json& change : item["changes"]) {
      lines.push_back(item["section"].get<std::string>() + " " + item["id"].get<std::string>() +
                      ": " + change["attribute"].get<std::string>() + " changed from " +
                      Value(change["old"]) + " to " + Value(change["new"]));
    }
  }
  return lines;
}

// One line per added, removed or changed item of an analysis part; `keep` filters by id.
std::vector<std::string> AnalysisEvidence(const Json& part, const std::string& noun,
                                          const std::set<std::string>* keep = nullptr) {
  std::vector<std::string> lines;
  const auto wanted = [&](const Json& item) {
    return keep == nullptr || keep->count(item["id"].get<std::string>()) != 0;
  };
  for (const char* kind : {"added", "removed"}) {
    for (const Json& item : part[kind]) {
      if (wanted(item)) lines.push_back(noun + " " + item["id"].get<std::string>() + " " + kind);
    }
  }
  for (const Json& item : part["changed"]) {
    if (!wanted(item)) continue;
    for (const Json& change : item["changes"]) {
      lines.push_back(noun + " " + item["id"].get<std::string>() + ": " +
                      change["attribute"].get<std::string>() + " changed from " +
                      Value(change["old"]) + " to " + Value(change["new"]));
    }
  }
  return lines;
}

// Ids of a report's risks that are safety-related, and of the components that perform an
// essential function, in either revision.
std::set<std::string> SafetyRisks(const Revision& a, const Revision& b) {
  std::set<std::string> ids;
  for (const Revision* r : {&a, &b}) {
    if (!r->report.contains("risks")) continue;
    for (const nlohmann::json& risk : r->report["risks"]) {
      if (risk.value("safety_related", false)) ids.insert(risk.value("id", ""));
    }
  }
  return ids;
}

std::set<std::string> EssentialComponents(const Revision& a, const Revision& b) {
  std::set<std::string> ids;
  for (const Revision* r : {&a, &b}) {
    const auto functions = r->elements.find("essential_functions");
    if (functions == r->elements.end()) continue;
    for (const auto& [id, attributes] : functions->second) {
      if (attributes.contains("component") && attributes["component"].is_string()) {
        ids.insert(attributes["component"].get<std::string>());
      }
    }
  }
  return ids;
}

void Append(std::vector<std::string>* to, const std::vector<std::string>& lines) {
  to->insert(to->end(), lines.begin(), lines.end());
}

Json Touch(std::vector<std::string> evidence) {
  return {{"touched", !evidence.empty()}, {"evidence", evidence}};
}

Json Question(const char* source, const char* id, const char* question,
              std::vector<std::string> evidence) {
  return {{"source", source},
          {"id", id},
          {"question", question},
          {"evidence_found", !evidence.empty()},
          {"evidence", evidence}};
}

}  // namespace

Json Assess(const Revision& old_revision, const Revision& new_revision, const Json& model,
            const Json& analysis) {
  const std::set<std::string> safety = SafetyRisks(old_revision, new_revision);
  std::vector<std::string> essential = ModelEvidence(model, {"essential_functions"});
  Append(&essential,
         ModelEvidence(model, {"components"}, EssentialComponents(old_revision, new_revision)));
  std::vector<std::string> safety_lines = AnalysisEvidence(analysis["risks"], "risk", &safety);
  Append(&safety_lines, ModelEvidence(model, {"hazards"}));
  std::vector<std::string> entry = ModelEvidence(model, {"flows"});
  Append(&entry, ModelEvidence(model, {"components"}));
  std::vector<std::string> measures = ModelEvidence(model, {"measures"});
  Append(&measures, AnalysisEvidence(analysis["measures"], "measure"));
  const std::vector<std::string> sbom =
      ModelEvidence(model, {"vulnerabilities", "cvss_likelihood"});
  std::vector<std::string> risks = AnalysisEvidence(analysis["risks"], "risk");
  std::vector<std::string> threats = AnalysisEvidence(analysis["threats"], "threat");
  std::vector<std::string> everything = ModelEvidence(model, {});
  Append(&everything, risks);

  Json questions = Json::array();
  questions.push_back(Question(
      "FDA, Deciding When to Submit a 510(k) for a Software Change to an Existing Device", "S1",
      "Is the change made only to strengthen cybersecurity, without other effect on the software "
      "or the device?",
      everything));
  questions.push_back(Question(
      "FDA, Deciding When to Submit a 510(k) for a Software Change to an Existing Device", "S3",
      "Does the change introduce or modify a risk that could result in significant harm?",
      safety_lines));
  std::vector<std::string> controls = safety_lines;
  Append(&controls, measures);
  questions.push_back(Question(
      "FDA, Deciding When to Submit a 510(k) for a Software Change to an Existing Device", "S4",
      "Does the change create or modify a risk control for a hazardous situation that could "
      "result in significant harm?",
      controls));
  questions.push_back(Question(
      "FDA, Deciding When to Submit a 510(k) for a Software Change to an Existing Device", "S5",
      "Could the change significantly affect clinical functionality or performance tied to the "
      "intended use?",
      essential));
  std::vector<std::string> hazards = safety_lines;
  Append(&hazards, threats);
  questions.push_back(Question("IEC 62304", "7.4.1",
                               "Does the change add a potential cause of a hazardous situation "
                               "or interfere with an existing risk control measure?",
                               hazards));
  questions.push_back(Question("IEC 62304", "7.4.3",
                               "Which risk management activities must be repeated for the "
                               "changed risks?",
                               risks));
  std::vector<std::string> verification = AnalysisEvidence(analysis["measures"], "measure");
  Append(&verification, ModelEvidence(model, {"components", "flows", "measures"}));
  questions.push_back(Question("IEC 62304", "6.2.1 / 8.2",
                               "Which software items does the change request affect, and which "
                               "verification must be repeated?",
                               verification));
  return {{"essential_function", Touch(essential)},
          {"safety_related_risk", Touch(safety_lines)},
          {"entry_point_or_flow", Touch(entry)},
          {"measure_or_verification", Touch(measures)},
          {"sbom", Touch(sbom)},
          {"questions", questions}};
}

}  // namespace medtra::diff
