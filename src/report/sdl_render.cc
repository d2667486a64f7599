// The SDL report as text (for a reviewer) and as JSON (for tools).
#include "medtra/report/sdl_render.h"

#include <algorithm>

#include "medtra/base/strings.h"
#include "report/json_util.h"

namespace medtra::report {
namespace {

using internal::Json;
using internal::Pad;

Json CoverageJson(const trace::SdlCoverage& c) {
  Json j;
  j["id"] = c.id;
  j["title"] = c.title;
  j["total"] = c.total;
  j["done"] = c.done;
  j["in_progress"] = c.in_progress;
  j["planned"] = c.planned;
  j["not_applicable"] = c.not_applicable;
  j["percent"] = c.percent();
  return j;
}

std::string CoverageLine(const trace::SdlCoverage& c, size_t id_width) {
  return "  " + Pad(c.id, id_width) + Pad(c.title, 46) + Pad(std::to_string(c.total), 4) + "done " +
         Pad(std::to_string(c.done), 3) + "in progress " + Pad(std::to_string(c.in_progress), 3) +
         "planned " + Pad(std::to_string(c.planned), 3) + "n/a " +
         Pad(std::to_string(c.not_applicable), 3) + std::to_string(c.percent()) + "%\n";
}

}  // namespace

std::string RenderSdlJson(const trace::SdlReport& report) {
  Json root;
  root["format"] = "medtra-sdl";
  root["format_version"] = 1;
  root["system"] = report.system_id;
  root["model_hash"] = report.model_hash;
  Json activities = Json::array();
  for (const trace::SdlActivity& a : report.activities) {
    Json j;
    j["id"] = a.id;
    j["standard"] = a.standard;
    j["clause"] = a.clause;
    j["title"] = a.title;
    j["practice"] = a.practice;
    j["iec62304"] = a.processes;
    j["iec81001_5_1"] = a.iec81001;
    j["status"] = a.status;
    j["in_plan"] = a.in_plan;
    j["owner"] = a.owner;
    j["justification"] = a.justification;
    j["note"] = a.note;
    Json evidence = Json::array();
    for (const verify::RefResult& e : a.evidence) evidence.push_back(internal::VerificationJson(e));
    j["evidence"] = std::move(evidence);
    j["file"] = a.location.file;
    j["line"] = a.location.line;
    j["col"] = a.location.col;
    activities.push_back(std::move(j));
  }
  root["activities"] = std::move(activities);
  Json coverage;
  coverage["total"] = CoverageJson(report.total);
  Json practices = Json::array();
  for (const trace::SdlCoverage& c : report.practices) practices.push_back(CoverageJson(c));
  coverage["iec62443_4_1_practices"] = std::move(practices);
  Json processes = Json::array();
  for (const trace::SdlCoverage& c : report.processes) processes.push_back(CoverageJson(c));
  coverage["iec62304_processes"] = std::move(processes);
  root["coverage"] = std::move(coverage);
  Json gaps = Json::array();
  for (const trace::SdlGap& g : report.gaps) {
    Json j;
    j["activity"] = g.activity;
    const Json diagnostic = internal::DiagnosticJson(g.diagnostic);
    for (const auto& [key, value] : diagnostic.items()) j[key] = value;
    gaps.push_back(std::move(j));
  }
  root["gaps"] = std::move(gaps);
  return root.dump(2) + "\n";
}

std::string RenderSdlText(const trace::SdlReport& report) {
  std::string out = "SDL plan of " + report.system_id +
                    " (IEC 62443-4-1, IEC 81001-5-1, IEC 62304); model sha256 " +
                    report.model_hash.substr(0, 16) + "\n\n";
  size_t owner_width = 6;
  for (const trace::SdlActivity& a : report.activities) {
    owner_width = std::max(owner_width, a.owner.size() + 2);
  }
  out += Pad("ID", 16) + Pad("STATUS", 16) + Pad("62304", 8) + Pad("OWNER", owner_width) +
         Pad("EVID", 6) + "TITLE\n";
  for (const trace::SdlActivity& a : report.activities) {
    const std::string status = a.in_plan ? a.status : a.status + "*";
    out += Pad(a.id, 16) + Pad(status, 16) + Pad(Join(a.processes, ","), 8) +
           Pad(a.owner.empty() ? "-" : a.owner, owner_width) +
           Pad(std::to_string(a.evidence.size()), 6) + a.title + "\n";
  }
  out += "(* not in the plan)\n\nCoverage per IEC 62443-4-1 practice\n";
  for (const trace::SdlCoverage& c : report.practices) out += CoverageLine(c, 5);
  out += "\nCoverage per IEC 62304 process (through IEC 81001-5-1)\n";
  for (const trace::SdlCoverage& c : report.processes) out += CoverageLine(c, 5);
  out += "\n" + CoverageLine(report.total, 5);
  out += "\nGaps (" + std::to_string(report.gaps.size()) + ")\n";
  for (const trace::SdlGap& g : report.gaps) out += internal::DiagnosticLine(g.diagnostic) + "\n";
  return out;
}

}  // namespace medtra::report
