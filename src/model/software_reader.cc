// ReadSoftwareSections: `software` (SBOM bindings and advisory sources) and `vex` (decisions).
#include <algorithm>
#include <map>

#include "medtra/base/file_system.h"
#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "model/section_readers.h"

namespace medtra::model {
namespace {

// A path as written, resolved against the folder of the file it is written in.
std::string Resolve(const std::string& path, const SourceLocation& at) {
  if (path.empty() || path.front() == '/') return path;
  const size_t slash = at.file.rfind('/');
  return slash == std::string::npos ? path : JoinPath(at.file.substr(0, slash), path);
}

std::vector<std::string> Names(std::span<const std::string_view> values) {
  return std::vector<std::string>(values.begin(), values.end());
}

class SoftwareReader {
 public:
  SoftwareReader(SystemModel* model, DiagnosticSink& sink) : model_(*model), sink_(sink) {
    for (const VexJustification& j : VexJustifications()) {
      justifications_.emplace_back(j.openvex);
    }
    responses_ = Names(VexResponses());
    for (const VexStatus s : {VexStatus::kNotAffected, VexStatus::kAffected, VexStatus::kFixed,
                              VexStatus::kUnderInvestigation}) {
      statuses_.emplace_back(VexStatusName(s));
    }
  }

  void Software(Node node) {
    MapReader reader(node, "software", sink_);
    if (!reader.ok()) return;
    if (model_.software) {
      sink_.Error(node.location(), "duplicate-section",
                  "a second 'software' section (the first is at " +
                      ToString(model_.software->location) + ")");
      return;
    }
    SoftwareSection section;
    section.location = node.location();
    section.advisories =
        Resolve(reader.String("advisories").value_or(""), reader.LocationOf("advisories"));
    section.kev = Resolve(reader.String("kev").value_or(""), reader.LocationOf("kev"));
    for (const std::string& doc :
         reader.StringList("vex_documents").value_or(std::vector<std::string>{})) {
      section.vex_documents.push_back(Resolve(doc, reader.LocationOf("vex_documents")));
    }
    const Node sboms = reader.Raw("sboms", true);
    reader.Finish();
    if (sboms.valid() && !sboms.is_sequence()) {
      ReportWrongType(sink_, sboms, "a list of SBOMs", "sboms");
    } else if (sboms.valid()) {
      for (size_t i = 0; i < sboms.size(); ++i) Binding(sboms.item(i), &section);
    }
    model_.software = std::move(section);
  }

  void Vex(Node node) {
    if (!node.is_sequence()) {
      ReportWrongType(sink_, node, "a list of VEX decisions", "vex");
      return;
    }
    for (size_t i = 0; i < node.size() && !sink_.full(); ++i) Decision(node.item(i));
  }

 private:
  void Binding(Node node, SoftwareSection* section) {
    MapReader reader(node, "SBOM binding", sink_);
    if (!reader.ok()) return;
    SbomBinding b;
    b.location = node.location();
    b.file = Resolve(reader.String("file", true).value_or(""), reader.LocationOf("file"));
    b.component = reader.String("component", true).value_or("");
    b.risk = reader.String("risk").value_or("");
    b.environmental = reader.String("environmental").value_or("");
    b.source_packages = Resolve(reader.String("source_packages").value_or(""),
                                reader.LocationOf("source_packages"));
    b.match_cpe = reader.Bool("match_cpe").value_or(false);
    const Node parts = reader.Raw("components");
    CheckTarget(reader, b.component, b.risk, b.environmental);
    reader.Finish();
    if (parts.valid() && !parts.is_sequence()) {
      ReportWrongType(sink_, parts, "a list of component bindings", "components");
    } else if (parts.valid()) {
      for (size_t i = 0; i < parts.size(); ++i) Part(parts.item(i), &b);
    }
    section->sboms.push_back(std::move(b));
  }

  // One entry of an SBOM binding's `components`: the SBOM components it selects and where they run.
  void Part(Node node, SbomBinding* binding) {
    MapReader reader(node, "component binding", sink_);
    if (!reader.ok()) return;
    ComponentBinding p;
    p.location = node.location();
    p.ref = reader.String("ref").value_or("");
    p.purl = reader.String("purl").value_or("");
    p.name = reader.String("name").value_or("");
    p.component = reader.String("component").value_or("");
    p.risk = reader.String("risk").value_or("");
    p.environmental = reader.String("environmental").value_or("");
    p.match_cpe = reader.Bool("match_cpe").value_or(false);
    CheckTarget(reader, p.component, p.risk, p.environmental);
    reader.Finish();
    if (p.component.empty() && p.risk.empty() && p.environmental.empty() && !p.match_cpe) {
      sink_.Error(p.location, "invalid-value",
                  "a component binding names a 'component', 'risk', 'environmental' or "
                  "'match_cpe' for the components it selects");
    }
    const int selectors = !p.ref.empty() + !p.purl.empty() + !p.name.empty();
    if (selectors != 1) {
      sink_.Error(p.location, "invalid-value",
                  "a component binding selects SBOM components by exactly one of 'ref', 'purl' or "
                  "'name'");
    }
    if (!p.purl.empty() && (!p.purl.starts_with("pkg:") || p.purl.find('@') != std::string::npos)) {
      sink_.Error(reader.LocationOf("purl"), "invalid-value",
                  "'purl' is a purl without a version (e.g. 'pkg:npm/lodash'): it selects every "
                  "version of the package");
    }
    binding->components.push_back(std::move(p));
  }

  // The model component, risk and environmental metrics that software is bound to.
  void CheckTarget(const MapReader& reader, const std::string& component, const std::string& risk,
                   const std::string& environmental) {
    if (!component.empty() && model_.FindComponent(component) == nullptr) {
      sink_.Error(reader.LocationOf("component"), "unknown-reference",
                  "unknown component '" + component + "'");
    }
    if (!risk.empty() && std::none_of(model_.risks.begin(), model_.risks.end(),
                                      [&](const Risk& r) { return r.id == risk; })) {
      sink_.Error(reader.LocationOf("risk"), "unknown-reference", "unknown risk '" + risk + "'");
    }
    if (!environmental.empty() &&
        (environmental.find("CVSS:") != std::string::npos || environmental.front() == '/')) {
      sink_.Error(reader.LocationOf("environmental"), "invalid-value",
                  "'environmental' lists metrics only, e.g. 'CR:H/IR:H/AR:H/MAV:A'");
    }
  }

  void Decision(Node node) {
    MapReader reader(node, "VEX decision", sink_);
    if (!reader.ok()) return;
    const int errors = sink_.error_count();
    VexDecision d;
    d.location = node.location();
    d.source = node.location().file;
    d.vulnerability = reader.String("vulnerability", true).value_or("");
    d.package = reader.String("package", true).value_or("");
    d.versions = reader.String("versions").value_or("");
    const std::string status = reader.Enum("status", statuses_, true).value_or("");
    d.justification = reader.Enum("justification", justifications_).value_or("");
    d.response = reader.EnumList("response", responses_).value_or(std::vector<std::string>{});
    d.rationale = reader.String("rationale").value_or("");
    d.date = reader.String("date", true).value_or("");
    d.author = reader.String("author", true).value_or("");
    reader.Finish();
    if (!d.package.empty() &&
        (!d.package.starts_with("pkg:") || d.package.find('@') != std::string::npos)) {
      sink_.Error(reader.LocationOf("package"), "invalid-value",
                  "'package' is a purl without a version (e.g. 'pkg:deb/debian/expat'); versions "
                  "go in 'versions'");
    }
    if (!d.versions.empty() && !d.versions.starts_with("vers:")) {
      sink_.Error(reader.LocationOf("versions"), "invalid-value",
                  "'versions' is a vers range (e.g. 'vers:deb/<2.5.0-1')");
    }
    if (!d.date.empty() && !IsIsoDate(d.date)) {
      sink_.Error(reader.LocationOf("date"), "invalid-value",
                  "'date' is a date YYYY-MM-DD, not '" + d.date + "'");
    }
    if (std::optional<VexStatus> s = ParseVexStatus(status)) d.status = *s;
    CheckStatus(reader, status, d);
    if (sink_.error_count() != errors || status.empty()) return;
    const std::string key = d.vulnerability + '\n' + d.package + '\n' + d.versions;
    if (const auto [it, inserted] = seen_.emplace(key, d.location); !inserted) {
      sink_.Error(d.location, "duplicate-vex-decision",
                  "a second decision for " + d.vulnerability + " in " + d.package +
                      " (the first is at " + ToString(it->second) + ")");
      return;
    }
    model_.vex.push_back(std::move(d));
  }

  void CheckStatus(MapReader& reader, const std::string& status, const VexDecision& d) {
    const SourceLocation at = reader.LocationOf("status");
    if (status == "not_affected" && d.justification.empty()) {
      sink_.Error(at, "vex-decision", "status 'not_affected' needs a 'justification'");
    }
    if (status != "not_affected" && !d.justification.empty()) {
      sink_.Error(reader.LocationOf("justification"), "vex-decision",
                  "a 'justification' is for status 'not_affected' only");
    }
    if (status == "affected" && (d.response.empty() || d.rationale.empty())) {
      sink_.Error(at, "vex-decision",
                  "status 'affected' needs a 'response' and a 'rationale' (the action statement)");
    }
    if (status == "not_affected" && d.rationale.empty()) {
      sink_.Error(at, "vex-decision",
                  "status 'not_affected' needs a 'rationale' (the impact statement)");
    }
  }

  SystemModel& model_;
  DiagnosticSink& sink_;
  std::vector<std::string> justifications_;
  std::vector<std::string> responses_;
  std::vector<std::string> statuses_;
  std::map<std::string, SourceLocation> seen_;
};

}  // namespace

void ReadSoftwareSections(const PendingSections& sections, SystemModel* model,
                          DiagnosticSink& sink) {
  SoftwareReader reader(model, sink);
  for (const Node& node : sections.software) reader.Software(node);
  for (const Node& node : sections.vex) reader.Vex(node);
}

}  // namespace medtra::model
