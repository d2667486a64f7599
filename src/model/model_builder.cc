// ModelBuilder: the sections of the model format, read into SystemModel with located errors.
#include "model/model_builder.h"

#include <algorithm>
#include <unordered_set>

#include "medtra/base/strings.h"
#include "medtra/version.h"

namespace medtra::model {

std::string_view ElementKindName(ElementKind kind) {
  switch (kind) {
    case ElementKind::kSystem:
      return "system";
    case ElementKind::kEssentialFunction:
      return "essential function";
    case ElementKind::kEnvironment:
      return "intended environment";
    case ElementKind::kUser:
      return "user";
    case ElementKind::kZone:
      return "zone";
    case ElementKind::kComponent:
      return "component";
    case ElementKind::kAsset:
      return "asset";
    case ElementKind::kFlow:
      return "flow";
    case ElementKind::kThreatEvent:
      return "threat event";
    case ElementKind::kHazard:
      return "hazard";
    case ElementKind::kMeasure:
      return "measure";
  }
  return "element";
}

std::string ElementKindWithArticle(ElementKind kind) {
  const std::string_view name = ElementKindName(kind);
  const bool vowel = name.find_first_of("aeiou") == 0;
  return (vowel ? "an " : "a ") + std::string(name);
}

void ModelBuilder::AddFile(Node root) {
  if (!first_file_.known()) first_file_ = {root.location().file, 1, 1};
  if (!root.is_mapping()) {
    bad_top_level_ = true;
    sink_.Error(
        root.location(), "top-level",
        "expected a mapping of sections at the top level of a model file, found " +
            (root.is_null() ? std::string("nothing") : "a " + std::string(root.kind_name())));
    return;
  }
  MapReader reader(root, "the model file", sink_);
  const Node version = reader.Raw("medtra");
  if (version.valid()) {
    if (!version.is_scalar() || version.is_null()) {
      ReportWrongType(sink_, version, "a format version number", "medtra");
    } else if (version.scalar() != std::to_string(kModelFormatVersion)) {
      sink_.Error(version.location(), "format-version",
                  "unsupported model format version '" + std::string(version.scalar()) +
                      "'; this medtra reads 'medtra: " + std::to_string(kModelFormatVersion) + "'");
    }
  }
  const Node system = reader.Raw("system");
  if (system.valid()) {
    if (has_system_) {
      sink_.Error(system.location(), "duplicate-section",
                  "a model has one 'system' section; found another");
    } else {
      has_system_ = true;
      if (!version.valid()) {
        sink_.Error(root.location(), "format-version",
                    "the file with the 'system' section must state the format: 'medtra: " +
                        std::to_string(kModelFormatVersion) + "'");
      }
      BuildSystem(system);
    }
  }
  BuildList(reader.Raw("zones"), "zones", &ModelBuilder::BuildZone);
  BuildList(reader.Raw("components"), "components", &ModelBuilder::BuildComponent, true);
  BuildList(reader.Raw("assets"), "assets", &ModelBuilder::BuildAsset, true);
  BuildList(reader.Raw("flows"), "flows", &ModelBuilder::BuildFlow, true);
  BuildList(reader.Raw("threat_events"), "threat_events", &ModelBuilder::BuildThreatEvent);
  BuildList(reader.Raw("hazards"), "hazards", &ModelBuilder::BuildHazard);
  BuildList(reader.Raw("risks"), "risks", &ModelBuilder::BuildRisk);
  BuildList(reader.Raw("measures"), "measures", &ModelBuilder::BuildMeasure);
  const Node method = reader.Raw("risk_method");
  if (method.valid()) BuildRiskMethod(method);
  const Node document = reader.Raw("document");
  if (document.valid() && !document.is_null()) BuildDocument(document);
  const auto gather = [&reader](std::string_view name, std::vector<Node>* nodes) {
    const Node section = reader.Raw(name);
    if (section.valid()) nodes->push_back(section);
  };
  gather("threat_decisions", &pending_.threat_decisions);
  gather("vulnerabilities", &pending_.vulnerabilities);
  gather("cvss_likelihood", &pending_.cvss_likelihood);
  gather("requirements", &pending_.requirements);
  gather("security_categories", &pending_.security_categories);
  gather("labeling", &pending_.labeling);
  gather("sdl", &pending_.sdl);
  gather("software", &pending_.software);
  gather("vex", &pending_.vex);
  gather("management_plan", &pending_.management_plan);
  gather("anomalies", &pending_.anomalies);
  gather("use_cases", &pending_.use_cases);
  reader.Finish();
}

void ModelBuilder::BuildList(Node node, std::string_view section, void (ModelBuilder::*build)(Node),
                             bool parts) {
  if (!node.valid() || node.is_null()) return;
  if (!node.is_sequence()) {
    ReportWrongType(sink_, node, "a list", section);
    return;
  }
  if (parts && BuildListInParts(node, build)) return;
  for (size_t i = 0; i < node.size(); ++i) (this->*build)(node.item(i));
}

bool ModelBuilder::ReadElement(MapReader& reader, ElementKind kind, Element* element,
                               bool name_required) {
  element->location = reader.node().location();
  const std::optional<std::string> id = reader.String("id", true);
  element->name = reader.String("name", name_required).value_or("");
  if (!id) return false;
  element->id = *id;
  if (id->empty()) {
    sink_.Error(reader.LocationOf("id"), "empty-id", "an id must not be empty");
    return false;
  }
  Define(*id, kind, reader.LocationOf("id"));
  return true;
}

void ModelBuilder::Define(const std::string& id, ElementKind kind, const SourceLocation& location) {
  if (defer_definitions_) {
    deferred_.emplace_back(id, Definition{kind, location});
    return;
  }
  const auto [it, inserted] = definitions_.emplace(id, Definition{kind, location});
  if (inserted) return;
  const SourceLocation& first = it->second.location;
  sink_.Error(location, "duplicate-id",
              "duplicate id '" + id + "' (first defined as " +
                  ElementKindWithArticle(it->second.kind) + " at " + first.file + ":" +
                  std::to_string(first.line) + ":" + std::to_string(first.col) + ")");
}

void ModelBuilder::ReferList(MapReader& reader, std::string_view key,
                             const std::vector<std::string>& ids, ElementKind kind) {
  const Node value = reader.node().Find(key);
  for (size_t i = 0; i < ids.size(); ++i) {
    const Node at = value.is_sequence() && i < value.size() ? value.item(i) : value;
    Refer(ids[i], kind, at.location());
  }
}

void ModelBuilder::ReadEnvironments(MapReader& reader, std::vector<std::string>* out) {
  if (auto environments = reader.StringList("environments")) {
    *out = std::move(*environments);
    ReferList(reader, "environments", *out, ElementKind::kEnvironment);
  }
}

void ModelBuilder::BuildSystem(Node node) {
  MapReader reader(node, "system", sink_);
  if (!reader.ok()) return;
  System& system = model_->system;
  ReadElement(reader, ElementKind::kSystem, &system, true);
  system.version = reader.String("version").value_or("");
  system.intended_use = reader.String("intended_use", true).value_or("");

  const Node functions = reader.Raw("essential_functions", true);
  if (functions.valid() && !functions.is_sequence()) {
    ReportWrongType(sink_, functions, "a list", "essential_functions");
  } else if (functions.valid()) {
    for (size_t i = 0; i < functions.size(); ++i) {
      MapReader item(functions.item(i), "essential function", sink_);
      if (!item.ok()) continue;
      EssentialFunction function;
      ReadElement(item, ElementKind::kEssentialFunction, &function, true);
      if (auto component = item.String("component", true)) {
        function.component = *component;
        Refer(*component, ElementKind::kComponent, item.LocationOf("component"));
      }
      item.Finish();
      system.essential_functions.push_back(std::move(function));
    }
  }

  const Node environments = reader.Raw("intended_environment", true);
  if (environments.valid() && !environments.is_sequence()) {
    ReportWrongType(sink_, environments, "a list", "intended_environment");
  } else if (environments.valid()) {
    for (size_t i = 0; i < environments.size(); ++i) {
      MapReader item(environments.item(i), "intended environment", sink_);
      if (!item.ok()) continue;
      Environment environment;
      ReadElement(item, ElementKind::kEnvironment, &environment, true);
      environment.setting = item.Enum("setting", v_.settings).value_or("");
      environment.physical_access = item.Enum("physical_access", v_.physical_access).value_or("");
      environment.network = item.Enum("network", v_.network).value_or("");
      environment.operated_by = item.Enum("operated_by", v_.operators).value_or("");
      item.Finish();
      system.intended_environment.push_back(std::move(environment));
    }
  }

  const Node users = reader.Raw("users");
  if (users.valid() && !users.is_null() && !users.is_sequence()) {
    ReportWrongType(sink_, users, "a list", "users");
  } else if (users.valid() && users.is_sequence()) {
    for (size_t i = 0; i < users.size(); ++i) {
      MapReader item(users.item(i), "user", sink_);
      if (!item.ok()) continue;
      User user;
      ReadElement(item, ElementKind::kUser, &user, true);
      user.role = item.Enum("role", v_.user_roles).value_or("");
      item.Finish();
      system.users.push_back(std::move(user));
    }
  }
  reader.Finish();
}

void ModelBuilder::BuildZone(Node node) {
  MapReader reader(node, "zone", sink_);
  if (!reader.ok()) return;
  Zone zone;
  ReadElement(reader, ElementKind::kZone, &zone, true);
  zone.kind = reader.Enum("kind", v_.zone_kinds).value_or("other");
  ReadEnvironments(reader, &zone.environments);
  reader.Finish();
  model_->zones.push_back(std::move(zone));
}

void ModelBuilder::BuildComponent(Node node) {
  MapReader reader(node, "component", sink_);
  if (!reader.ok()) return;
  Component c;
  ReadElement(reader, ElementKind::kComponent, &c, true);
  c.kind = reader.Enum("kind", v_.component_kinds, true).value_or("");
  if (auto zone = reader.String("zone")) {
    c.zone = *zone;
    Refer(*zone, ElementKind::kZone, reader.LocationOf("zone"));
  }
  ReadEnvironments(reader, &c.environments);
  c.debug_port = reader.Enum("debug_port", v_.debug_port).value_or("");
  c.update = reader.Enum("update", v_.update).value_or("");
  c.credentials = reader.Enum("credentials", v_.credentials).value_or("");
  c.keys = reader.Enum("keys", v_.keys).value_or("");
  c.audit_log = reader.Bool("audit_log").value_or(false);
  c.wakeup_limit = reader.Bool("wakeup_limit").value_or(false);
  c.instances = reader.Enum("instances", v_.instances).value_or("one");
  reader.Finish();
  model_->components.push_back(std::move(c));
}

void ModelBuilder::BuildAsset(Node node) {
  MapReader reader(node, "asset", sink_);
  if (!reader.ok()) return;
  Asset a;
  ReadElement(reader, ElementKind::kAsset, &a, true);
  a.kind = reader.Enum("kind", v_.asset_kinds, true).value_or("");
  a.personal_health_data = reader.Bool("personal_health_data").value_or(false);
  a.protect = reader.EnumList("protect", v_.properties).value_or(std::vector<std::string>{});
  if (auto function = reader.String("essential_function")) {
    a.essential_function = *function;
    Refer(*function, ElementKind::kEssentialFunction, reader.LocationOf("essential_function"));
  }
  a.description = reader.String("description").value_or("");
  reader.Finish();
  model_->assets.push_back(std::move(a));
}

void ModelBuilder::BuildFlow(Node node) {
  MapReader reader(node, "flow", sink_);
  if (!reader.ok()) return;
  Flow f;
  ReadElement(reader, ElementKind::kFlow, &f, false);
  if (auto between = reader.StringList("between", true)) {
    if (between->size() != 2) {
      sink_.Error(
          reader.LocationOf("between"), "flow-ends",
          "'between' names exactly two components, found " + std::to_string(between->size()));
    } else {
      f.from = (*between)[0];
      f.to = (*between)[1];
      ReferList(reader, "between", *between, ElementKind::kComponent);
      if (f.from == f.to) {
        sink_.Error(reader.LocationOf("between"), "flow-ends",
                    "a flow joins two different components, found '" + f.from + "' twice");
      }
    }
  }
  f.medium = reader.Enum("medium", v_.media, true).value_or("");
  if (auto carries = reader.StringList("carries")) {
    f.carries = *carries;
    ReferList(reader, "carries", f.carries, ElementKind::kAsset);
  }
  f.authentication = reader.Enum("authentication", v_.authentication, true).value_or("");
  f.confidentiality = reader.Enum("confidentiality", v_.confidentiality, true).value_or("");
  f.integrity = reader.Enum("integrity", v_.integrity, true).value_or("");
  f.freshness = reader.Enum("freshness", v_.freshness, true).value_or("");
  f.authorization = reader.Enum("authorization", v_.authorization).value_or("none");
  f.availability = reader.Enum("availability", v_.availability).value_or("none");
  f.memory_access = reader.Bool("memory_access").value_or(false);
  f.therapy_commands = reader.Bool("therapy_commands").value_or(false);
  f.wakeup = reader.Bool("wakeup").value_or(false);
  reader.Finish();
  if (f.name.empty()) f.name = f.id;
  model_->flows.push_back(std::move(f));
}

void ModelBuilder::BuildThreatEvent(Node node) {
  MapReader reader(node, "threat event", sink_);
  if (!reader.ok()) return;
  ThreatEvent e;
  ReadElement(reader, ElementKind::kThreatEvent, &e, false);
  e.text = reader.String("text", true).value_or("");
  if (auto via = reader.StringList("via")) {
    e.via = *via;
    ReferList(reader, "via", e.via, ElementKind::kFlow);
  }
  reader.Finish();
  model_->threat_events.push_back(std::move(e));
}

void ModelBuilder::BuildHazard(Node node) {
  MapReader reader(node, "hazard", sink_);
  if (!reader.ok()) return;
  Hazard h;
  ReadElement(reader, ElementKind::kHazard, &h, true);
  h.hazardous_situation = reader.String("hazardous_situation").value_or("");
  h.harm = reader.String("harm").value_or("");
  reader.Finish();
  model_->hazards.push_back(std::move(h));
}

void ModelBuilder::BuildRisk(Node node) {
  MapReader reader(node, "risk", sink_);
  if (!reader.ok()) return;
  Risk r;
  r.location = node.location();
  if (auto id = reader.String("id", true)) {
    r.id = *id;
    const auto [it, inserted] = risk_ids_.emplace(*id, reader.LocationOf("id"));
    if (!inserted) {
      sink_.Error(reader.LocationOf("id"), "duplicate-id",
                  "duplicate risk id '" + *id + "' (first defined at " + it->second.file + ":" +
                      std::to_string(it->second.line) + ":" + std::to_string(it->second.col) + ")");
    }
  }
  if (auto asset = reader.String("asset", true)) {
    r.asset = *asset;
    Refer(*asset, ElementKind::kAsset, reader.LocationOf("asset"));
  }
  r.threat = reader.String("threat", true).value_or("");
  r.vulnerability = reader.String("vulnerability", true).value_or("");
  if (auto event = reader.String("threat_event")) {
    r.threat_event = *event;
    Refer(*event, ElementKind::kThreatEvent, reader.LocationOf("threat_event"));
  }
  r.breach = reader.Enum("breach", v_.properties, true).value_or("");
  if (auto likelihood = reader.String("likelihood", true)) {
    r.likelihood = *likelihood;
    scale_values_.push_back({*likelihood, true, "likelihood", reader.LocationOf("likelihood")});
  }
  if (auto impact = reader.String("impact", true)) {
    r.impact = *impact;
    scale_values_.push_back({*impact, false, "impact", reader.LocationOf("impact")});
  }
  r.impact_description = reader.String("impact_description").value_or("");
  const std::string harm = reader.Enum("harm", v_.harm).value_or("");
  if (const Node safety = reader.Raw("safety"); safety.valid() && !safety.is_null()) {
    MapReader link(safety, "safety link of risk '" + r.id + "'", sink_);
    if (auto hazard = link.String("hazard", true)) {
      r.safety = SafetyLink{*hazard, link.LocationOf("hazard")};
      Refer(*hazard, ElementKind::kHazard, link.LocationOf("hazard"));
    }
    link.Finish();
  }
  r.patient_harm = harm == "patient" || (harm.empty() && r.safety.has_value());
  if (auto measures = reader.StringList("measures")) {
    r.measures = *measures;
    ReferList(reader, "measures", r.measures, ElementKind::kMeasure);
  }
  if (const Node residual = reader.Raw("residual"); residual.valid() && !residual.is_null()) {
    MapReader res(residual, "residual risk of risk '" + r.id + "'", sink_);
    if (res.ok()) {
      Residual out;
      out.location = residual.location();
      if (auto likelihood = res.String("likelihood", true)) {
        out.likelihood = *likelihood;
        scale_values_.push_back({*likelihood, true, "likelihood", res.LocationOf("likelihood")});
      }
      if (auto impact = res.String("impact", true)) {
        out.impact = *impact;
        scale_values_.push_back({*impact, false, "impact", res.LocationOf("impact")});
      }
      out.justification = res.String("justification").value_or("");
      r.residual = std::move(out);
    }
    res.Finish();
  }
  if (const Node threats = reader.Raw("threats"); threats.valid() && !threats.is_null()) {
    r.threats = BuildThreatLinks(threats);
  }
  reader.Finish();
  model_->risks.push_back(std::move(r));
}

std::vector<Provision> ModelBuilder::BuildProvisions(Node node) {
  std::vector<Provision> out;
  std::vector<Node> items;
  if (node.is_sequence()) {
    for (size_t i = 0; i < node.size(); ++i) items.push_back(node.item(i));
  } else {
    items.push_back(node);
  }
  for (const Node item : items) {
    MapReader reader(item, "'provides' of a measure", sink_);
    if (!reader.ok()) continue;
    Provision p;
    p.location = item.location();
    if (auto flow = reader.String("flow", true)) {
      p.flow = *flow;
      Refer(*flow, ElementKind::kFlow, reader.LocationOf("flow"));
    }
    for (const std::string& property : v_.providable) {
      if (auto value = reader.Enum(property, schema::ProvidableValues(v_, property))) {
        p.properties[property] = *value;
      }
    }
    const bool names_one =
        std::any_of(v_.providable.begin(), v_.providable.end(),
                    [&](const std::string& property) { return item.Find(property).valid(); });
    if (!names_one) {
      sink_.Error(item.location(), "empty-provision",
                  "a provision names at least one of: " + Join(v_.providable, ", "));
    }
    reader.Finish();
    out.push_back(std::move(p));
  }
  return out;
}

void ModelBuilder::BuildMeasure(Node node) {
  MapReader reader(node, "measure", sink_);
  if (!reader.ok()) return;
  Measure m;
  ReadElement(reader, ElementKind::kMeasure, &m, true);
  m.kind = reader.Enum("kind", v_.measure_kinds, true).value_or("");
  if (const Node provides = reader.Raw("provides"); provides.valid() && !provides.is_null()) {
    m.provides = BuildProvisions(provides);
  }
  m.essential_function_impact =
      reader.Enum("essential_function_impact", v_.essential_function_impact).value_or("");
  m.essential_function_impact_note = reader.String("essential_function_note").value_or("");
  m.verified_by = reader.StringList("verified_by").value_or(std::vector<std::string>{});
  const Node refs = reader.node().Find("verified_by");
  for (size_t i = 0; i < m.verified_by.size(); ++i) {
    m.verified_by_locations.push_back((refs.is_sequence() ? refs.item(i) : refs).location());
  }
  if (auto introduces = reader.StringList("introduces")) {
    m.introduces = *introduces;
    ReferList(reader, "introduces", m.introduces, ElementKind::kAsset);
  }
  m.instructions = reader.String("instructions").value_or("");
  reader.Finish();
  model_->measures.push_back(std::move(m));
}

void ModelBuilder::CheckScaleValues() {
  if (risk_method_invalid_) return;  // its own errors are reported; its scales are unknown
  const RiskMethod& method = model_->risk_method;
  for (const bool likelihood : {true, false}) {
    const std::vector<std::string>& scale = likelihood ? method.likelihood : method.impact;
    const std::unordered_set<std::string_view> names(scale.begin(), scale.end());
    const std::string scale_text = Join(scale, ", ");
    for (const PendingScale& s : scale_values_) {
      if (s.likelihood != likelihood || names.count(s.value)) continue;
      sink_.Error(s.location, "unknown-value",
                  "unknown " + s.key + " '" + s.value + "'" +
                      (sink_.full() ? "" : DidYouMean(s.value, scale)) +
                      "; the risk method's scale is: " + scale_text);
    }
  }
}

void ModelBuilder::Finish() {
  if (!has_system_ && !bad_top_level_) {
    sink_.Error(first_file_, "missing-section",
                "the model has no 'system' section (intended use, essential functions, "
                "intended environment)");
  }
  ResolveReferences();
  CheckScaleValues();
  CheckRisks();
  // The further sections refer to the elements of every file: read them last, on the index.
  model_->BuildIndex();
  ReadThreatDecisions(pending_.threat_decisions, model_, sink_);
  ReadVulnerabilities(pending_, model_, sink_);
  ReadTraceSections(pending_, model_, sink_);
  ReadSdlPlan(pending_.sdl, model_, sink_);
  ReadSoftwareSections(pending_, model_, sink_);
  ReadSubmissionSections(pending_, model_, sink_);
}

void ModelBuilder::CheckRisks() {
  // A user measure has no flow provisions: it acts through the instructions for secure use.
  for (const Measure& m : model_->measures) {
    if (m.kind == "user" && !m.provides.empty()) {
      sink_.Error(m.provides.front().location, "user-measure-provides",
                  "measure '" + m.id +
                      "' is a user measure; only technical measures provide flow properties");
    }
  }
}

const std::vector<std::string>& ModelBuilder::Candidates(ElementKind kind) {
  const auto [it, inserted] = candidates_.try_emplace(static_cast<int>(kind));
  if (inserted) {
    for (const auto& [id, definition] : definitions_) {
      if (definition.kind == kind) it->second.push_back(id);
    }
    std::sort(it->second.begin(), it->second.end());
  }
  return it->second;
}

void ModelBuilder::ResolveReferences() {
  for (const Reference& ref : references_) {
    const auto it = definitions_.find(ref.id);
    if (it != definitions_.end()) {
      if (std::find(ref.kinds.begin(), ref.kinds.end(), it->second.kind) != ref.kinds.end()) {
        continue;
      }
      sink_.Error(ref.location, "wrong-reference",
                  "'" + ref.id + "' is " + ElementKindWithArticle(it->second.kind) + ", expected " +
                      ElementKindWithArticle(ref.kinds.front()));
      continue;
    }
    const ElementKind kind = ref.kinds.front();
    sink_.Error(ref.location, "unknown-reference",
                "unknown " + std::string(ElementKindName(kind)) + " '" + ref.id + "'" +
                    (sink_.full() ? "" : DidYouMean(ref.id, Candidates(kind))));
  }
}

}  // namespace medtra::model
