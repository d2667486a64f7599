// ReadSdlPlan: the `sdl` section (a list of activities, or {owner, activities, ...}).
#include <algorithm>
#include <unordered_map>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "model/section_readers.h"

namespace medtra::model {
namespace {

const std::vector<std::string>& Statuses() {
  static const std::vector<std::string> kStatuses = {"planned", "in-progress", "done",
                                                     "not-applicable"};
  return kStatuses;
}

class PlanReader {
 public:
  PlanReader(SystemModel* model, DiagnosticSink& sink)
      : model_(*model), ids_(SdlActivityIds()), sink_(sink) {}

  void Section(Node node) {
    if (node.is_null()) return;
    Node list = node;
    std::string owner;
    if (node.is_mapping()) {
      MapReader reader(node, "the sdl plan", sink_);
      owner = reader.String("owner").value_or("");
      list = reader.Raw("activities", true);
      reader.Raw("standard");
      reader.Raw("maturity");
      reader.Finish();
      if (!list.valid()) return;
    }
    if (!list.is_sequence()) {
      ReportWrongType(sink_, list, "a list of activities", "sdl");
      return;
    }
    for (size_t i = 0; i < list.size() && !sink_.full(); ++i) Entry(list.item(i), owner);
  }

 private:
  void Entry(Node node, const std::string& default_owner) {
    MapReader reader(node, "sdl activity", sink_);
    if (!reader.ok()) return;
    const int errors = sink_.error_count();
    SdlPlanEntry e;
    e.location = node.location();
    const std::optional<std::string> id = reader.String("id", true);
    e.status = reader.Enum("status", Statuses(), true).value_or("planned");
    e.owner = reader.String("owner").value_or(default_owner);
    e.justification = reader.String("justification").value_or("");
    e.note = reader.String("note").value_or("");
    const std::vector<std::string> evidence =
        reader.StringList("evidence").value_or(std::vector<std::string>{});
    const Node evidence_node = reader.Raw("evidence");
    reader.Finish();
    for (size_t i = 0; i < evidence.size(); ++i) {
      const Node at = evidence_node.is_sequence() ? evidence_node.item(i) : evidence_node;
      if (RefKindOf(evidence[i]) == RefKind::kNone) {
        sink_.Error(at.location(), "unknown-evidence-kind",
                    "evidence '" + evidence[i] +
                        "' names no kind; write test:ID, sim:ID, file:PATH or url:URL");
        continue;
      }
      e.evidence.push_back({evidence[i], at.location()});
    }
    if (!id) return;
    e.id = *id;
    if (std::find(ids_.begin(), ids_.end(), e.id) == ids_.end()) {
      ReportUnknown(e.id, reader.LocationOf("id"));
      return;
    }
    const auto [it, inserted] = seen_.emplace(e.id, e.location);
    if (!inserted) {
      sink_.Error(reader.LocationOf("id"), "duplicate-id",
                  "activity '" + e.id + "' is already in the plan at " + ToString(it->second));
      return;
    }
    if (sink_.error_count() == errors) model_.sdl_plan.push_back(std::move(e));
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

  SystemModel& model_;
  std::vector<std::string> ids_;
  DiagnosticSink& sink_;
  std::unordered_map<std::string, SourceLocation> seen_;
};

}  // namespace

void ReadSdlPlan(const std::vector<Node>& nodes, SystemModel* model, DiagnosticSink& sink) {
  model->sdl_location = FirstLocation(nodes, *model);
  PlanReader reader(model, sink);
  for (const Node& node : nodes) reader.Section(node);
}

}  // namespace medtra::model
