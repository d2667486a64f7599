// BuildSdlReport: the catalog's activities, the model's `sdl:` plan laid over them, coverage, gaps.
#include <algorithm>
#include <map>

#include "medtra/base/strings.h"
#include "medtra/catalog/catalogs.h"
#include "medtra/model/field_reader.h"
#include "medtra/trace/requirements.h"
#include "medtra/trace/sdl.h"

namespace medtra::trace {
namespace {

const std::vector<std::string>& Statuses() {
  static const std::vector<std::string> kStatuses = {"planned", "in-progress", "done",
                                                     "not-applicable"};
  return kStatuses;
}

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
    a.id = std::string(kActivity81001Prefix) + std::string(h.clause);
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

std::vector<std::string> ActivityIds(const std::vector<SdlActivity>& activities) {
  std::vector<std::string> ids;
  for (const SdlActivity& a : activities) ids.push_back(a.id);
  return ids;
}

/// Reads the plan entries into the catalog activities.
class PlanReader {
 public:
  PlanReader(std::vector<SdlActivity>* activities, const verify::Context& verify,
             DiagnosticSink& sink)
      : activities_(activities), ids_(ActivityIds(*activities)), verify_(verify), sink_(sink) {}

  void ReadSection(model::Node node) {
    model::Node list = node;
    std::string owner;
    if (node.is_mapping()) {
      model::MapReader reader(node, "the sdl plan", sink_);
      owner = reader.String("owner").value_or("");
      list = reader.Raw("activities", true);
      reader.Raw("standard");
      reader.Raw("maturity");
      reader.Finish();
      if (!list.valid()) return;
    }
    if (!list.is_sequence()) {
      model::ReportWrongType(sink_, list, "a list of activities", "sdl");
      return;
    }
    for (size_t i = 0; i < list.size() && !sink_.full(); ++i) ReadEntry(list.item(i), owner);
  }

 private:
  void ReadEntry(model::Node node, const std::string& default_owner) {
    model::MapReader reader(node, "sdl activity", sink_);
    if (!reader.ok()) return;
    const std::optional<std::string> id = reader.String("id", true);
    const std::optional<std::string> status = reader.Enum("status", Statuses(), true);
    const std::string owner = reader.String("owner").value_or(default_owner);
    const std::string justification = reader.String("justification").value_or("");
    const std::string note = reader.String("note").value_or("");
    const std::vector<std::string> evidence =
        reader.StringList("evidence").value_or(std::vector<std::string>{});
    const model::Node evidence_node = reader.Raw("evidence");
    reader.Finish();
    if (!id) return;
    const auto it = std::find(ids_.begin(), ids_.end(), *id);
    if (it == ids_.end()) {
      ReportUnknown(*id, reader.LocationOf("id"));
      return;
    }
    SdlActivity& a = (*activities_)[static_cast<size_t>(it - ids_.begin())];
    if (a.in_plan) {
      sink_.Error(reader.LocationOf("id"), "duplicate-id",
                  "activity '" + *id + "' is already in the plan at " + a.location.file + ":" +
                      std::to_string(a.location.line) + ":" + std::to_string(a.location.col));
      return;
    }
    a.in_plan = true;
    a.location = node.location();
    if (status) a.status = *status;
    a.owner = owner;
    a.justification = justification;
    a.note = note;
    for (size_t i = 0; i < evidence.size(); ++i) {
      const model::Node at = evidence_node.is_sequence() ? evidence_node.item(i) : evidence_node;
      if (verify::KindOf(evidence[i]) == verify::Kind::kNone) {
        sink_.Error(at.location(), "unknown-evidence-kind",
                    "evidence '" + evidence[i] +
                        "' names no kind; write test:ID, sim:ID, file:PATH or url:URL");
        continue;
      }
      a.evidence.push_back(verify::Resolve(evidence[i], at.location(), verify_));
    }
  }

  void ReportUnknown(const std::string& id, const SourceLocation& location) {
    if (StartsWith(id, kActivity81001Prefix)) {
      const catalog::Activity81001* h =
          catalog::FindActivity81001(id.substr(kActivity81001Prefix.size()));
      if (h != nullptr && !h->maps_to.empty()) {
        sink_.Error(
            location, "unknown-activity",
            "IEC 81001-5-1 " + std::string(h->clause) +
                " is planned through its IEC 62443-4-1 requirement(s): " + std::string(h->maps_to));
        return;
      }
    }
    sink_.Error(location, "unknown-activity",
                "unknown SDL activity '" + id + "'" + DidYouMean(id, ids_) +
                    "; plan IEC 62443-4-1 requirements (SM-1 .. SG-7) or health-specific "
                    "IEC 81001-5-1 activities (81001-5-1:4.2, ...)");
  }

  std::vector<SdlActivity>* activities_;
  std::vector<std::string> ids_;
  const verify::Context& verify_;
  DiagnosticSink& sink_;
};

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
                         DiagnosticSink& input_errors, const FileSystem* fs) {
  SdlReport report;
  report.system_id = model.system.id;
  report.model_hash = model.content_hash;
  report.activities = CatalogActivities();
  const verify::Context verify = verify::MakeContext(model, &evidence, fs);
  const model::RawSection* section = model.Section("sdl");
  SourceLocation plan_location = ModelFallbackLocation(model);
  if (section != nullptr && !section->nodes.empty()) {
    plan_location = section->nodes.front().location();
  }
  for (SdlActivity& a : report.activities) a.location = plan_location;
  PlanReader reader(&report.activities, verify, input_errors);
  if (section != nullptr) {
    for (const model::Node& node : section->nodes) reader.ReadSection(node);
  }
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
