// ReadTraceSections: `requirements`, `security_categories` and `labeling`, with located errors.
#include <set>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "model/section_readers.h"

namespace medtra::model {
namespace {

std::vector<std::string> LabelingIds() {
  std::vector<std::string> ids;
  for (const catalog::LabelingItem& item : catalog::FdaLabelingItems()) ids.emplace_back(item.id);
  return ids;
}

std::vector<std::string> IdsOf(const SystemModel& model, bool design) {
  std::vector<std::string> ids;
  if (design) {
    for (const Component& c : model.components) ids.push_back(c.id);
    for (const Flow& f : model.flows) ids.push_back(f.id);
  } else {
    for (const Measure& m : model.measures) ids.push_back(m.id);
  }
  return ids;
}

/// A list of scalars with the location of each item.
std::vector<LocatedRef> LocatedList(MapReader& reader, std::string_view key) {
  std::vector<LocatedRef> refs;
  const std::optional<std::vector<std::string>> items = reader.StringList(key);
  if (!items) return refs;
  const Node node = reader.node().Find(key);
  for (size_t i = 0; i < items->size(); ++i) {
    const Node at = node.is_sequence() ? node.item(i) : node;
    refs.push_back({(*items)[i], at.location()});
  }
  return refs;
}

class TraceSectionsReader {
 public:
  TraceSectionsReader(SystemModel* model, DiagnosticSink& sink)
      : model_(*model),
        sink_(sink),
        categories_(RequirementCategoryIds()),
        measures_(IdsOf(model_, false)),
        design_(IdsOf(model_, true)),
        labeling_(LabelingIds()) {}

  template <typename Fn>
  void EachItem(const std::vector<Node>& nodes, std::string_view section, Fn fn) {
    for (const Node& node : nodes) {
      if (node.is_null()) continue;
      if (!node.is_sequence()) {
        ReportWrongType(sink_, node, "a list", section);
        continue;
      }
      for (size_t i = 0; i < node.size() && !sink_.full(); ++i) fn(node.item(i));
    }
  }

  void Requirement(Node node) {
    MapReader reader(node, "security requirement", sink_);
    if (!reader.ok()) return;
    SecurityRequirement r;
    r.location = node.location();
    const std::optional<std::string> id = reader.String("id", true);
    r.text = reader.String("text", true).value_or("");
    r.categories =
        reader.EnumList("category", categories_, true).value_or(std::vector<std::string>{});
    r.measures = LocatedList(reader, "measures");
    r.design = LocatedList(reader, "design");
    const std::vector<LocatedRef> controls = LocatedList(reader, "controls");
    r.verified_by = LocatedList(reader, "verified_by");
    reader.Finish();
    if (!id) return;
    r.id = *id;
    if (!ids_.insert(*id).second) {
      sink_.Error(reader.LocationOf("id"), "duplicate-id",
                  "duplicate security requirement id '" + *id + "'");
    }
    for (const LocatedRef& m : r.measures) {
      if (model_.FindMeasure(m.id) == nullptr) UnknownMeasure(m);
    }
    for (const LocatedRef& d : r.design) {
      if (model_.FindComponent(d.id) == nullptr && model_.FindFlow(d.id) == nullptr) {
        sink_.Error(d.location, "unknown-reference",
                    "unknown design element '" + d.id + "' (a component or flow)" +
                        DidYouMean(d.id, design_));
      }
    }
    for (const LocatedRef& c : controls) {
      std::optional<catalog::ControlRef> control = catalog::ResolveControl(c.id);
      if (!control) {
        if (citations_.empty()) citations_ = catalog::ControlCitations();
        sink_.Error(c.location, "unknown-control",
                    "unknown control '" + c.id + "'" + DidYouMean(c.id, citations_) +
                        "; cite 62443-4-2:CR x.y, 60601-4-5:CR x.y or FDA:<category>");
        continue;
      }
      r.controls.push_back(std::move(*control));
    }
    for (const LocatedRef& v : r.verified_by) {
      if (RefKindOf(v.id) == RefKind::kNone) {
        sink_.Error(v.location, "unknown-verification-kind",
                    "verification '" + v.id +
                        "' names no kind; write test:ID, sim:ID, file:PATH or url:URL");
      }
    }
    model_.requirements.push_back(std::move(r));
  }

  void Justification(Node node) {
    MapReader reader(node, "security category", sink_);
    if (!reader.ok()) return;
    CategoryJustification j;
    j.location = node.location();
    j.category = reader.Enum("category", categories_, true).value_or("");
    j.justification = reader.String("justification", true).value_or("");
    reader.Finish();
    if (!j.category.empty() && !j.justification.empty()) {
      model_.category_justifications.push_back(j);
    }
  }

  void Labeling(Node node) {
    MapReader reader(node, "labeling item", sink_);
    if (!reader.ok()) return;
    LabelingEntry e;
    e.location = node.location();
    e.item = reader.Enum("item", labeling_, true).value_or("");
    e.text = reader.String("text").value_or("");
    const std::vector<LocatedRef> measures = LocatedList(reader, "measures");
    e.not_applicable = reader.String("not_applicable").value_or("");
    reader.Finish();
    for (const LocatedRef& m : measures) {
      const Measure* measure = model_.FindMeasure(m.id);
      if (measure == nullptr) {
        UnknownMeasure(m);
      } else if (measure->kind != "user") {
        sink_.Error(m.location, "not-a-user-measure",
                    "measure '" + m.id + "' is technical; labeling items carry user measures");
      }
      e.measures.push_back(m.id);
    }
    if (e.text.empty() && e.measures.empty() && e.not_applicable.empty()) {
      sink_.Error(e.location, "missing-key",
                  "labeling item needs 'text', 'measures' or 'not_applicable'");
    }
    if (!e.item.empty()) model_.labeling.push_back(std::move(e));
  }

 private:
  void UnknownMeasure(const LocatedRef& m) {
    sink_.Error(m.location, "unknown-reference",
                "unknown measure '" + m.id + "'" + DidYouMean(m.id, measures_));
  }

  SystemModel& model_;
  DiagnosticSink& sink_;
  std::vector<std::string> categories_, measures_, design_, labeling_, citations_;
  std::set<std::string> ids_;
};

}  // namespace

void ReadTraceSections(const PendingSections& sections, SystemModel* model, DiagnosticSink& sink) {
  model->requirements_location = FirstLocation(sections.requirements, *model);
  model->labeling_location = FirstLocation(sections.labeling, *model);
  TraceSectionsReader reader(model, sink);
  reader.EachItem(sections.requirements, "requirements", [&](Node n) { reader.Requirement(n); });
  reader.EachItem(sections.security_categories, "security_categories",
                  [&](Node n) { reader.Justification(n); });
  reader.EachItem(sections.labeling, "labeling", [&](Node n) { reader.Labeling(n); });
}

}  // namespace medtra::model
