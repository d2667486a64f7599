// BuildSdlReport: the catalog's activities, the model's `sdl:` plan laid over them, coverage, gaps.
#include <algorithm>
#include <map>

#include "medtra/base/strings.h"
#include "medtra/catalog/catalogs.h"
#include "medtra/trace/sdl.h"

namespace medtra::trace {
namespace {

std::vector<SdlActivity> CatalogActivities() {
  std::vector<SdlActivity> activities;
  for (const catalog::Requirement41& r : catalog::Iec62443_4_1Requirements()) {
    SdlActivity a;
    a.id = std::string(r.id);
    a.standard = "IEC 62443-4-1";
    a.clause = std::string(r.clause);
    a.title = std::string(r.title);
    a.practice = std::string(r.practice);
    for (const catalog::Activity81001& h : catalog::Iec81001_5_1Activities()) {
      const std::vector<std::string> ids = Split(h.maps_to, ' ');
      if (std::find(ids.begin(), ids.end(), a.id) == ids.end()) continue;
      a.iec81001.emplace_back(h.clause);
      a.processes.emplace_back(h.process);
    }
    activities.push_back(std::move(a));
  }
  for (const catalog::Activity81001& h : catalog::Iec81001_5_1Activities()) {
    if (!h.maps_to.empty()) continue;
    SdlActivity a;
    a.id = std::string(model::kActivity81001Prefix) + std::string(h.clause);
    a.standard = "IEC 81001-5-1";
    a.clause = std::string(h.clause);
    a.title = std::string(h.title);
    a.iec81001.emplace_back(h.clause);
    a.processes.emplace_back(h.process);
    activities.push_back(std::move(a));
  }
  for (SdlActivity& a : activities) {
    std::sort(a.processes.begin(), a.processes.end());
    a.processes.erase(std::unique(a.processes.begin(), a.processes.end()), a.processes.end());
  }
  return activities;
}

/// Lays the model's plan entries over the catalog activities, resolving their evidence.
void LayPlan(const model::SystemModel& model, const verify::Context& verify,
             std::vector<SdlActivity>* activities) {
  for (const model::SdlPlanEntry& e : model.sdl_plan) {
    const auto a = std::find_if(activities->begin(), activities->end(),
                                [&](const SdlActivity& x) { return x.id == e.id; });
    if (a == activities->end()) continue;  // the loader rejects unknown activities
    a->in_plan = true;
    a->location = e.location;
    a->status = e.status;
    a->owner = e.owner;
    a->justification = e.justification;
    a->note = e.note;
    for (const model::LocatedRef& ref : e.evidence) {
      a->evidence.push_back(verify::Resolve(ref.id, ref.location, verify));
    }
  }
}

void Count(const SdlActivity& a, SdlCoverage* c) {
  ++c->total;
  if (a.status == "done") ++c->done;
  if (a.status == "in-progress") ++c->in_progress;
  if (a.status == "planned") ++c->planned;
  if (a.status == "not-applicable") ++c->not_applicable;
}

void AddGap(SdlReport* report, const SdlActivity& a, Severity severity, std::string code,
            std::string message, const SourceLocation& location) {
  report->gaps.push_back(
      {a.id, Diagnostic{severity, std::move(code), std::move(message), location}});
}

/// SDL's reading of the resolver's answer: a URL is acceptable evidence of a done activity (a QMS
/// record the tool cannot open); a failed or missing file is a gap whatever the status; a test or
/// scenario without a result, stale or skipped is a gap of a done activity.
void EvidenceGap(SdlReport* report, const SdlActivity& a, const verify::RefResult& e) {
  const std::string what = "evidence '" + e.ref + "' of " + a.id;
  const bool done = a.status == "done";
  switch (e.status) {
    case verify::Status::kFailed:
      AddGap(report, a, Severity::kError, "sdl-evidence-failed",
             what + " failed" + (e.source.empty() ? "" : " (" + e.source + ")"), e.location);
      break;
    case verify::Status::kMissing:
      if (done || e.kind == verify::Kind::kFile) {
        AddGap(report, a, Severity::kError, "sdl-evidence-missing",
               what + " is missing: " + e.detail, e.location);
      }
      break;
    case verify::Status::kStale:
      if (done) {
        AddGap(report, a, Severity::kWarning, "sdl-evidence-stale",
               what + " is stale: " + e.detail + " (" + e.source + ")", e.location);
      }
      break;
    case verify::Status::kUnverified:
      if (done && e.kind != verify::Kind::kUrl) {
        AddGap(report, a, Severity::kWarning, "sdl-evidence-unverified",
               what + " is unverified: " + e.detail, e.location);
      }
      break;
    case verify::Status::kVerified:
    case verify::Status::kNotApplicable:
      break;
  }
}

void FindGaps(SdlReport* report) {
  for (const SdlActivity& a : report->activities) {
    const std::string what = a.id + " (" + a.title + ")";
    if (!a.in_plan) {
      AddGap(report, a, Severity::kWarning, "sdl-not-in-plan",
             what + " is not in the plan; it counts as planned", a.location);
      continue;
    }
    if (a.status == "planned") {
      AddGap(report, a, Severity::kWarning, "sdl-planned", what + " is planned, not started",
             a.location);
    } else if (a.status == "in-progress") {
      AddGap(report, a, Severity::kNote, "sdl-in-progress", what + " is in progress", a.location);
    } else if (a.status == "not-applicable" && a.justification.empty()) {
      AddGap(report, a, Severity::kError, "sdl-no-justification",
             what + " is not applicable but gives no justification", a.location);
    } else if (a.status == "done" && a.evidence.empty()) {
      AddGap(report, a, Severity::kError, "sdl-no-evidence",
             what + " is done but cites no evidence", a.location);
    }
    for (const verify::RefResult& e : a.evidence) EvidenceGap(report, a, e);
  }
  std::stable_sort(report->gaps.begin(), report->gaps.end(), [](const SdlGap& x, const SdlGap& y) {
    return x.diagnostic.severity > y.diagnostic.severity;
  });
}

}  // namespace

SdlReport BuildSdlReport(const model::SystemModel& model, const verify::Evidence& evidence,
                         const FileSystem* fs) {
  SdlReport report;
  report.system_id = model.system.id;
  report.model_hash = model.content_hash;
  report.activities = CatalogActivities();
  const verify::Context verify = verify::MakeContext(model, &evidence, fs);
  for (SdlActivity& a : report.activities) a.location = model.sdl_location;
  LayPlan(model, verify, &report.activities);
  for (const catalog::Practice& p : catalog::Iec62443_4_1Practices()) {
    SdlCoverage c{std::string(p.abbrev), std::string(p.title)};
    for (const SdlActivity& a : report.activities) {
      if (a.practice == p.abbrev) Count(a, &c);
    }
    report.practices.push_back(std::move(c));
  }
  for (const catalog::Process62304& p : catalog::Iec62304Processes()) {
    if (p.clause.find('.') != std::string_view::npos) continue;
    SdlCoverage c{std::string(p.clause), std::string(p.title)};
    for (const SdlActivity& a : report.activities) {
      if (std::find(a.processes.begin(), a.processes.end(), p.clause) != a.processes.end()) {
        Count(a, &c);
      }
    }
    report.processes.push_back(std::move(c));
  }
  report.total = SdlCoverage{"all", "All activities"};
  for (const SdlActivity& a : report.activities) Count(a, &report.total);
  FindGaps(&report);
  return report;
}

}  // namespace medtra::trace
