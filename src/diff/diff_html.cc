// RenderHtml: a diff as a self-contained HTML page (the Markdown record's content, no external
// resources, every model text escaped, a CSP that forbids scripts and remote loads).
#include "medtra/diff/diff.h"
#include "report/escape.h"

namespace medtra::diff {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kHead =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
    "td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}</style>\n";

std::string Cell(const Json& value) {
  if (value.is_null()) return "(none)";
  return report::EscapeHtml(value.is_string() ? value.get<std::string>() : value.dump());
}

std::string Key(const Json& item) {
  return (item.contains("section") ? Cell(item["section"]) + " " : "") + Cell(item["id"]);
}

void Changes(const std::string& title, const Json& part, const std::string& key_header,
             std::string* out) {
  *out += "<h2>" + title + "</h2>\n";
  bool any = false;
  for (const char* kind : {"added", "removed"}) {
    if (!part.contains(kind) || part[kind].empty()) continue;
    any = true;
    *out +=
        std::string("<p>") + (kind == std::string("added") ? "Added" : "Removed") + ":</p>\n<ul>\n";
    for (const Json& item : part[kind]) {
      *out += "<li>" + (item.is_string() ? Cell(item) : Key(item)) + "</li>\n";
    }
    *out += "</ul>\n";
  }
  if (part.contains("changed") && !part["changed"].empty()) {
    any = true;
    *out +=
        "<table>\n<tr><th>" + key_header + "</th><th>attribute</th><th>old</th><th>new</th></tr>\n";
    for (const Json& item : part["changed"]) {
      for (const Json& change : item["changes"]) {
        *out += "<tr><td>" + Key(item) + "</td><td>" + Cell(change["attribute"]) + "</td><td>" +
                Cell(change["old"]) + "</td><td>" + Cell(change["new"]) + "</td></tr>\n";
      }
    }
    *out += "</table>\n";
  }
  if (!any) *out += "<p>No change.</p>\n";
}

void Assessment(const Json& assessment, std::string* out) {
  *out +=
      "<h2>Assessment</h2>\n<table>\n<tr><th>what the change touches</th><th>touched</th>"
      "<th>evidence</th></tr>\n";
  for (const auto& [name, touch] : assessment.items()) {
    if (name == "questions") continue;
    std::string evidence;
    for (const Json& line : touch["evidence"]) {
      evidence += (evidence.empty() ? "" : "<br>") + Cell(line);
    }
    *out += "<tr><td>" + report::EscapeHtml(name) + "</td><td>" +
            (touch["touched"].get<bool>() ? "yes" : "no") + "</td><td>" + evidence + "</td></tr>\n";
  }
  *out += "</table>\n<h2>Change-control questions</h2>\n<ul>\n";
  for (const Json& question : assessment["questions"]) {
    *out += "<li><strong>" + Cell(question["source"]) + " " + Cell(question["id"]) +
            "</strong>: " + Cell(question["question"]) + " " +
            (question["evidence_found"].get<bool>() ? "Evidence in this diff:"
                                                    : "No evidence in this diff.");
    if (!question["evidence"].empty()) {
      *out += "\n<ul>\n";
      for (const Json& line : question["evidence"]) *out += "<li>" + Cell(line) + "</li>\n";
      *out += "</ul>\n";
    }
    *out += "</li>\n";
  }
  *out += "</ul>\n";
}

}  // namespace

std::string RenderHtml(const Json& diff) {
  const std::string title =
      "Changes from " + Cell(diff["old"]["path"]) + " to " + Cell(diff["new"]["path"]);
  std::string out = kHead;
  out += "<title>" + title + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n";
  if (Empty(diff)) out += "<p>The two revisions do not differ.</p>\n";
  if (diff["model"].is_null()) {
    out += "<h2>Model</h2>\n<p>Not compared: one side is a report.</p>\n";
  } else {
    Changes("Model", diff["model"], "element", &out);
  }
  const Json& analysis = diff["analysis"];
  Changes("Threats", analysis["threats"], "threat", &out);
  Changes("Risks", analysis["risks"], "risk", &out);
  Changes("Measures", analysis["measures"], "measure", &out);
  Changes("Findings", analysis["findings"], "finding", &out);
  Assessment(diff["assessment"], &out);
  return out + "</body>\n</html>\n";
}

}  // namespace medtra::diff
