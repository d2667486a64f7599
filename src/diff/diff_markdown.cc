// RenderMarkdown: a diff as a change-control record a reviewer reads.
#include "medtra/diff/diff.h"
#include "report/escape.h"

namespace medtra::diff {
namespace {

using Json = nlohmann::ordered_json;

std::string Cell(const nlohmann::ordered_json& value) {
  if (value.is_null()) return "(none)";
  return report::EscapeMarkdown(value.is_string() ? value.get<std::string>() : value.dump(),
                                report::MarkdownContext::kTableCell);
}

void Changes(const std::string& title, const Json& part, const std::string& key_header,
             std::string* out) {
  *out += "## " + title + "\n\n";
  bool any = false;
  for (const char* kind : {"added", "removed"}) {
    if (!part.contains(kind) || part[kind].empty()) continue;
    any = true;
    *out += std::string(kind == std::string("added") ? "Added" : "Removed") + ":\n\n";
    for (const Json& item : part[kind]) {
      if (item.is_string()) {
        *out += "- " + Cell(item) + "\n";  // a finding
      } else {
        *out += "- " + (item.contains("section") ? Cell(item["section"]) + " " : "") +
                Cell(item["id"]) + "\n";
      }
    }
    *out += "\n";
  }
  if (part.contains("changed") && !part["changed"].empty()) {
    any = true;
    *out += "| " + key_header + " | attribute | old | new |\n| --- | --- | --- | --- |\n";
    for (const Json& item : part["changed"]) {
      const std::string key =
          (item.contains("section") ? Cell(item["section"]) + " " : "") + Cell(item["id"]);
      for (const Json& change : item["changes"]) {
        *out += "| " + key + " | " + Cell(change["attribute"]) + " | " + Cell(change["old"]) +
                " | " + Cell(change["new"]) + " |\n";
      }
    }
    *out += "\n";
  }
  if (!any) *out += "No change.\n\n";
}

}  // namespace

std::string RenderMarkdown(const Json& diff) {
  std::string out =
      "# Changes from " + Cell(diff["old"]["path"]) + " to " + Cell(diff["new"]["path"]) + "\n\n";
  if (Empty(diff)) out += "The two revisions do not differ.\n\n";
  if (diff["model"].is_null()) {
    out += "## Model\n\nNot compared: one side is a report.\n\n";
  } else {
    Changes("Model", diff["model"], "element", &out);
  }
  const Json& analysis = diff["analysis"];
  Changes("Threats", analysis["threats"], "threat", &out);
  Changes("Risks", analysis["risks"], "risk", &out);
  Changes("Measures", analysis["measures"], "measure", &out);
  Changes("Findings", analysis["findings"], "finding", &out);
  out += "## Assessment\n\n| what the change touches | touched | evidence |\n| --- | --- | --- |\n";
  for (const auto& [name, touch] : diff["assessment"].items()) {
    if (name == "questions") continue;
    std::string evidence;
    for (const Json& line : touch["evidence"]) {
      evidence += (evidence.empty() ? "" : "<br>") + Cell(line);
    }
    out += "| " + name + " | " + (touch["touched"].get<bool>() ? "yes" : "no") + " | " + evidence +
           " |\n";
  }
  out += "\n## Change-control questions\n\n";
  for (const Json& question : diff["assessment"]["questions"]) {
    out += "- **" + Cell(question["source"]) + " " + Cell(question["id"]) +
           "**: " + Cell(question["question"]) + " " +
           (question["evidence_found"].get<bool>() ? "Evidence in this diff:"
                                                   : "No evidence in "
                                                     "this diff.") +
           "\n";
    for (const Json& line : question["evidence"]) out += "  - " + Cell(line) + "\n";
  }
  return out;
}

}  // namespace medtra::diff
