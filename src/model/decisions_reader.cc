// ReadThreatDecisions: the `threat_decisions` section with located diagnostics.
#include <algorithm>
#include <unordered_map>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "model/section_readers.h"

namespace medtra::model {
namespace {

const std::vector<std::string>& DecisionValues() {
  static const std::vector<std::string> kValues = {"mitigated", "accepted", "transferred",
                                                   "not-applicable"};
  return kValues;
}

class DecisionReader {
 public:
  DecisionReader(SystemModel* model, DiagnosticSink& sink) : model_(*model), sink_(sink) {
    for (const Measure& m : model_.measures) measure_ids_.push_back(m.id);
    for (const Risk& r : model_.risks) risk_ids_.push_back(r.id);
    std::sort(measure_ids_.begin(), measure_ids_.end());
    std::sort(risk_ids_.begin(), risk_ids_.end());
  }

  void Section(Node node) {
    if (node.is_null()) return;
    if (node.is_sequence()) {
      for (size_t i = 0; i < node.size() && !sink_.full(); ++i) Decision(node.item(i), Node());
    } else if (node.is_mapping()) {
      for (size_t i = 0; i < node.size() && !sink_.full(); ++i) {
        Decision(node.value(i), node.key(i));
      }
    } else {
      ReportWrongType(sink_, node, "a list or a mapping of decisions", "threat_decisions");
    }
  }

 private:
  void Decision(Node node, Node key) {
    MapReader reader(node, "threat decision", sink_);
    if (!reader.ok()) return;
    ThreatDecision d;
    const int errors = sink_.error_count();
    if (key.valid()) {
      d.threat = std::string(key.scalar());
      d.location = key.location();
    } else if (auto threat = reader.String("threat", true)) {
      d.threat = *threat;
      d.location = reader.LocationOf("threat");
    }
    d.decision = reader.Enum("decision", DecisionValues(), true).value_or("");
    d.measures = reader.StringList("measures").value_or(std::vector<std::string>{});
    const std::string rationale = reader.String("rationale").value_or("");
    const std::string justification = reader.String("justification").value_or("");
    d.rationale = rationale.empty() ? justification : rationale;
    d.risk = reader.String("risk").value_or("");
    d.ticket = reader.String("ticket").value_or("");
    reader.Finish();
    if (d.threat.empty() && sink_.error_count() == errors) {
      sink_.Error(node.location(), "threat-decision", "a threat decision names its threat id");
    }
    CheckReferences(reader, d);
    if (!d.decision.empty()) CheckDecision(reader, d);
    if (sink_.error_count() != errors || d.decision.empty() || d.threat.empty()) return;
    const auto [it, inserted] = seen_.emplace(d.threat, d.location);
    if (!inserted) {
      sink_.Error(d.location, "duplicate-threat-decision",
                  "a second decision for threat '" + d.threat + "' (the first is at " +
                      ToString(it->second) + ")");
      return;
    }
    model_.threat_decisions.push_back(std::move(d));
  }

  void CheckReferences(MapReader& reader, const ThreatDecision& d) {
    const Node measures = reader.node().Find("measures");
    for (size_t i = 0; i < d.measures.size(); ++i) {
      if (model_.FindMeasure(d.measures[i]) != nullptr) continue;
      const Node at = measures.is_sequence() && i < measures.size() ? measures.item(i) : measures;
      sink_.Error(
          at.location(), "unknown-reference",
          "unknown measure '" + d.measures[i] + "'" + DidYouMean(d.measures[i], measure_ids_));
    }
    if (!d.risk.empty() && !std::binary_search(risk_ids_.begin(), risk_ids_.end(), d.risk)) {
      sink_.Error(reader.LocationOf("risk"), "unknown-reference",
                  "unknown risk '" + d.risk + "'" + DidYouMean(d.risk, risk_ids_));
    }
  }

  void CheckDecision(MapReader& reader, const ThreatDecision& d) {
    const SourceLocation at = reader.LocationOf("decision");
    if (d.decision == "mitigated" && d.measures.empty()) {
      sink_.Error(at, "threat-decision",
                  "decision 'mitigated' names the measures that mitigate the threat");
    } else if (d.decision == "not-applicable" && d.rationale.empty()) {
      sink_.Error(at, "threat-decision", "decision 'not-applicable' needs a justification");
    } else if (d.decision != "mitigated" && d.decision != "not-applicable" && d.rationale.empty()) {
      sink_.Error(at, "threat-decision", "decision '" + d.decision + "' needs a rationale");
    }
  }

  SystemModel& model_;
  DiagnosticSink& sink_;
  std::vector<std::string> measure_ids_;
  std::vector<std::string> risk_ids_;
  std::unordered_map<std::string, SourceLocation> seen_;
};

}  // namespace

void ReadThreatDecisions(const std::vector<Node>& nodes, SystemModel* model, DiagnosticSink& sink) {
  DecisionReader reader(model, sink);
  for (const Node& node : nodes) reader.Section(node);
}

SourceLocation FirstLocation(const std::vector<Node>& nodes, const SystemModel& model) {
  return nodes.empty() ? model.FallbackLocation() : nodes.front().location();
}

}  // namespace medtra::model
