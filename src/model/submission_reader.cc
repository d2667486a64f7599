// ReadSubmissionSections: `management_plan`, `anomalies` and `use_cases`, with located errors.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "model/section_readers.h"

namespace medtra::model {

const std::vector<std::string>& UseCaseStates() {
  static const std::vector<std::string> kStates = {"normal", "emergency", "maintenance",
                                                   "decommissioning", "other"};
  return kStates;
}

namespace {

template <typename T, typename Fn>
std::vector<std::string> SortedIds(const std::vector<T>& items, Fn id) {
  std::vector<std::string> ids;
  for (const T& item : items) ids.push_back(id(item));
  std::sort(ids.begin(), ids.end());
  return ids;
}

class SubmissionReader {
 public:
  SubmissionReader(SystemModel* model, DiagnosticSink& sink)
      : model_(*model),
        sink_(sink),
        components_(SortedIds(model->components, [](const Component& c) { return c.id; })),
        flows_(SortedIds(model->flows, [](const Flow& f) { return f.id; })),
        risks_(SortedIds(model->risks, [](const Risk& r) { return r.id; })) {}

  void Plan(Node node) {
    if (node.is_null()) return;
    if (model_.management_plan) {
      sink_.Error(node.location(), "duplicate-section",
                  "a model has one 'management_plan' section; found another");
      return;
    }
    MapReader reader(node, "management_plan", sink_);
    if (!reader.ok()) return;
    ManagementPlan plan;
    plan.location = node.location();
    plan.personnel = reader.String("personnel", true).value_or("");
    plan.kev = reader.String("kev").value_or("");
    plan.periodic_testing = reader.String("periodic_testing").value_or("");
    plan.notification = reader.String("notification", true).value_or("");
    const Node monitoring = reader.Raw("monitoring", true);
    if (monitoring.valid() && !monitoring.is_sequence()) {
      ReportWrongType(sink_, monitoring, "a list of {source, frequency}", "monitoring");
    } else if (monitoring.valid()) {
      for (size_t i = 0; i < monitoring.size(); ++i) {
        MapReader item(monitoring.item(i), "monitoring source", sink_);
        if (!item.ok()) continue;
        MonitoringSource m;
        m.location = monitoring.item(i).location();
        m.source = item.String("source", true).value_or("");
        m.frequency = item.String("frequency", true).value_or("");
        item.Finish();
        plan.monitoring.push_back(std::move(m));
      }
    }
    const Node disclosure = reader.Raw("disclosure", true);
    if (disclosure.valid()) {
      MapReader d(disclosure, "disclosure", sink_);
      if (d.ok()) {
        plan.disclosure_contact = d.String("contact", true).value_or("");
        plan.disclosure_policy = d.String("policy").value_or("");
        plan.acknowledge_days = Days(d, "acknowledge_days");
        plan.assess_days = Days(d, "assess_days");
        d.Finish();
      }
    }
    const Node patches = reader.Raw("patches", true);
    if (patches.valid()) {
      MapReader p(patches, "patches", sink_);
      if (p.ok()) {
        plan.critical_patch_days = Days(p, "critical_days");
        plan.routine_patches = p.String("routine").value_or("");
        plan.delivery = p.String("delivery", true).value_or("");
        p.Finish();
      }
    }
    reader.Finish();
    model_.management_plan = std::move(plan);
  }

  void AnomalyItem(Node node) {
    MapReader reader(node, "anomaly", sink_);
    if (!reader.ok()) return;
    const int errors = sink_.error_count();
    Anomaly a;
    a.location = node.location();
    a.id = reader.String("id", true).value_or("");
    a.title = reader.String("title", true).value_or("");
    a.component = reader.String("component", true).value_or("");
    a.cwe = reader.StringList("cwe").value_or(std::vector<std::string>{});
    a.impact = reader.String("impact", true).value_or("");
    a.risk = reader.String("risk").value_or("");
    a.rationale = reader.String("rationale", true).value_or("");
    a.fix = reader.String("fix").value_or("");
    reader.Finish();
    Unique(a.id, reader.LocationOf("id"), "anomaly");
    Resolve(a.component, components_, "component", reader.LocationOf("component"));
    if (!a.risk.empty()) Resolve(a.risk, risks_, "risk", reader.LocationOf("risk"));
    const Node cwe = node.Find("cwe");
    for (size_t i = 0; i < a.cwe.size(); ++i) {
      if (!StartsWith(a.cwe[i], "CWE-")) {
        const Node at = cwe.is_sequence() ? cwe.item(i) : cwe;
        sink_.Error(at.location(), "invalid-cwe",
                    "'" + a.cwe[i] + "' is not a CWE id; write CWE-NUMBER (e.g. CWE-400)");
      }
    }
    if (sink_.error_count() == errors) model_.anomalies.push_back(std::move(a));
  }

  void UseCaseItem(Node node) {
    MapReader reader(node, "use case", sink_);
    if (!reader.ok()) return;
    const int errors = sink_.error_count();
    UseCase u;
    u.location = node.location();
    u.id = reader.String("id", true).value_or("");
    u.name = reader.String("name", true).value_or("");
    u.state = reader.Enum("state", UseCaseStates(), true).value_or("");
    u.description = reader.String("description").value_or("");
    const std::optional<std::vector<std::string>> flows = reader.StringList("flows", true);
    const Node flow_node = node.Find("flows");
    reader.Finish();
    for (size_t i = 0; flows && i < flows->size(); ++i) {
      const Node at = flow_node.is_sequence() ? flow_node.item(i) : flow_node;
      u.flows.push_back({(*flows)[i], at.location()});
      Resolve((*flows)[i], flows_, "flow", at.location());
    }
    Unique(u.id, reader.LocationOf("id"), "use case");
    if (sink_.error_count() == errors) model_.use_cases.push_back(std::move(u));
  }

 private:
  /// A whole number of days, 0 or more.
  std::optional<int> Days(MapReader& reader, std::string_view key) {
    const std::optional<double> value = reader.Number(key);
    if (!value) return std::nullopt;
    if (*value < 0 || *value != std::floor(*value) || *value > 3650) {
      sink_.Error(reader.LocationOf(key), "invalid-days",
                  "'" + std::string(key) + "' must be a whole number of days from 0 to 3650");
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  void Resolve(const std::string& id, const std::vector<std::string>& ids, std::string_view kind,
               const SourceLocation& at) {
    if (id.empty() || std::binary_search(ids.begin(), ids.end(), id)) return;
    sink_.Error(at, "unknown-reference",
                "unknown " + std::string(kind) + " '" + id + "'" + DidYouMean(id, ids));
  }

  void Unique(const std::string& id, const SourceLocation& at, std::string_view kind) {
    if (id.empty()) return;
    const auto [it, inserted] = seen_.emplace(std::string(kind) + "\n" + id, at);
    if (!inserted) {
      sink_.Error(at, "duplicate-id",
                  "duplicate " + std::string(kind) + " id '" + id + "' (first at " +
                      ToString(it->second) + ")");
    }
  }

  SystemModel& model_;
  DiagnosticSink& sink_;
  std::vector<std::string> components_, flows_, risks_;
  std::unordered_map<std::string, SourceLocation> seen_;
};

template <typename Fn>
void EachItem(const std::vector<Node>& nodes, std::string_view section, DiagnosticSink& sink,
              Fn fn) {
  for (const Node& node : nodes) {
    if (node.is_null()) continue;
    if (!node.is_sequence()) {
      ReportWrongType(sink, node, "a list", section);
      continue;
    }
    for (size_t i = 0; i < node.size() && !sink.full(); ++i) fn(node.item(i));
  }
}

}  // namespace

void ReadSubmissionSections(const PendingSections& sections, SystemModel* model,
                            DiagnosticSink& sink) {
  SubmissionReader reader(model, sink);
  for (const Node& node : sections.management_plan) reader.Plan(node);
  EachItem(sections.anomalies, "anomalies", sink, [&](Node n) { reader.AnomalyItem(n); });
  EachItem(sections.use_cases, "use_cases", sink, [&](Node n) { reader.UseCaseItem(n); });
}

}  // namespace medtra::model
