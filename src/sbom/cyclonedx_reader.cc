// ReadCycloneDx: CycloneDX 1.4, 1.5 and 1.6 JSON -> Sbom (components flattened, dependencies,
// vulnerabilities with their analysis).
#include <algorithm>
#include <array>
#include <cstdint>

#include "sbom/sbom_reader.h"

namespace medtra::sbom {
namespace {

using document::Member;
using document::PointerChild;
using nlohmann::json;

constexpr std::array<std::string_view, 3> kVersions = {"1.4", "1.5", "1.6"};

void Licenses(SbomContext& c, const json& component, const std::string& at, SbomComponent* out) {
  for (const auto& [choice, pointer] : c.fields.Objects(component, at, "licenses")) {
    const std::string expression = c.fields.String(*choice, pointer, "expression");
    if (!expression.empty()) out->licenses.push_back(expression);
    const json& license = c.fields.Object(*choice, pointer, "license");
    const std::string license_at = PointerChild(pointer, "license");
    const std::string id = c.fields.String(license, license_at, "id");
    const std::string name = c.fields.String(license, license_at, "name");
    if (!id.empty() || !name.empty()) out->licenses.push_back(id.empty() ? name : id);
  }
}

void Properties(SbomContext& c, const json& component, const std::string& at, SbomComponent* out) {
  for (const auto& [property, pointer] : c.fields.Objects(component, at, "properties")) {
    const std::string name = c.fields.String(*property, pointer, "name", true);
    const std::string value = c.fields.String(*property, pointer, "value");
    if (name == "medtra:support-level") {
      out->support_level = value;
    } else if (name == "medtra:end-of-support") {
      out->end_of_support = DateAt(c, value, PointerChild(pointer, "value"), "end of support");
    } else if (name == "medtra:source-package") {
      if (out->source_name.empty()) out->source_name = value;
    }
  }
}

void Component(SbomContext& c, const json& component, const std::string& at) {
  SbomComponent out;
  out.location = c.doc.At(at);
  out.ref = c.fields.String(component, at, "bom-ref");
  out.type = c.fields.String(component, at, "type", true);
  out.name = c.fields.String(component, at, "name", true);
  out.version = c.fields.String(component, at, "version");
  const json& supplier = c.fields.Object(component, at, "supplier");
  out.supplier = c.fields.String(supplier, PointerChild(at, "supplier"), "name");
  SetPurl(c, c.fields.String(component, at, "purl"), PointerChild(at, "purl"), &out);
  if (out.purl && out.purl->type == "deb") {
    const std::string upstream = out.purl->Qualifier("upstream");
    out.source_name = upstream.substr(0, upstream.find('@'));
  }
  const std::string cpe = c.fields.String(component, at, "cpe");
  if (!cpe.empty()) out.cpes.push_back(cpe);
  for (const auto& [hash, pointer] : c.fields.Objects(component, at, "hashes")) {
    out.hashes.push_back({c.fields.String(*hash, pointer, "alg", true),
                          c.fields.String(*hash, pointer, "content", true)});
  }
  Licenses(c, component, at, &out);
  Properties(c, component, at, &out);
  if (!out.ref.empty()) DefineRef(c, out.ref, PointerChild(at, "bom-ref"), "bom-ref");
  c.sbom.components.push_back(std::move(out));
  for (const auto& [child, pointer] : c.fields.Objects(component, at, "components")) {
    Component(c, *child, pointer);
  }
}

// metadata.tools: an array of tools (1.4) or an object of components and services (1.5+).
void Tools(SbomContext& c, const json& metadata) {
  const json& tools = Member(metadata, "tools");
  std::vector<std::pair<const json*, std::string>> entries;
  if (tools.is_object()) {
    entries = c.fields.Objects(tools, "/metadata/tools", "components");
    for (auto& service : c.fields.Objects(tools, "/metadata/tools", "services")) {
      entries.push_back(std::move(service));
    }
  } else if (!tools.is_null()) {
    entries = c.fields.Objects(metadata, "/metadata", "tools");
  }
  for (const auto& [tool, pointer] : entries) {
    std::string text = c.fields.String(*tool, pointer, "vendor");
    for (const char* key : {"name", "version"}) {
      const std::string part = c.fields.String(*tool, pointer, key);
      if (!part.empty()) text += (text.empty() ? "" : " ") + part;
    }
    if (!text.empty()) c.sbom.authors.push_back("Tool: " + text);
  }
}

void Metadata(SbomContext& c) {
  const json& metadata = c.fields.Object(c.doc.root, "", "metadata");
  if (c.doc.root.contains("metadata")) c.sbom.location = c.doc.At("/metadata");
  c.sbom.timestamp = c.fields.String(metadata, "/metadata", "timestamp");
  for (const auto& [author, pointer] : c.fields.Objects(metadata, "/metadata", "authors")) {
    const std::string name = c.fields.String(*author, pointer, "name");
    if (!name.empty()) c.sbom.authors.push_back(name);
  }
  Tools(c, metadata);
  const json& subject = c.fields.Object(metadata, "/metadata", "component");
  c.sbom.subject = c.fields.String(subject, "/metadata/component", "name");
  c.sbom.subject_ref = c.fields.String(subject, "/metadata/component", "bom-ref");
  if (!c.sbom.subject_ref.empty()) {
    DefineRef(c, c.sbom.subject_ref, "/metadata/component/bom-ref", "bom-ref");
  }
}

void Dependencies(SbomContext& c) {
  for (const auto& [entry, pointer] : c.fields.Objects(c.doc.root, "", "dependencies")) {
    SbomDependency dependency;
    dependency.location = c.doc.At(pointer);
    dependency.ref = c.fields.String(*entry, pointer, "ref", true);
    if (!dependency.ref.empty()) {
      c.uses.push_back({dependency.ref, PointerChild(pointer, "ref"), "dependency"});
    }
    const std::vector<std::string> on = c.fields.Strings(*entry, pointer, "dependsOn");
    for (size_t i = 0; i < on.size(); ++i) {
      c.uses.push_back({on[i], PointerChild(PointerChild(pointer, "dependsOn"), i), "dependency"});
    }
    dependency.depends_on = on;
    c.sbom.dependencies.push_back(std::move(dependency));
  }
}

void Vulnerabilities(SbomContext& c) {
  for (const auto& [entry, pointer] : c.fields.Objects(c.doc.root, "", "vulnerabilities")) {
    SbomVulnerability vulnerability;
    vulnerability.location = c.doc.At(pointer);
    vulnerability.id = c.fields.String(*entry, pointer, "id");
    const json& analysis = c.fields.Object(*entry, pointer, "analysis");
    const std::string analysis_at = PointerChild(pointer, "analysis");
    vulnerability.state = c.fields.String(analysis, analysis_at, "state");
    vulnerability.justification = c.fields.String(analysis, analysis_at, "justification");
    vulnerability.response = c.fields.Strings(analysis, analysis_at, "response");
    vulnerability.detail = c.fields.String(analysis, analysis_at, "detail");
    for (const auto& [affect, affect_at] : c.fields.Objects(*entry, pointer, "affects")) {
      const std::string ref = c.fields.String(*affect, affect_at, "ref", true);
      if (ref.empty()) continue;
      vulnerability.affects.push_back(ref);
      // A BOM-Link (urn:cdx:SERIAL/VERSION#REF) points into another BOM, as in a separate VEX.
      if (ref.rfind("urn:cdx:", 0) != 0) {
        c.uses.push_back({ref, PointerChild(affect_at, "ref"), "affected component"});
      }
    }
    c.sbom.vulnerabilities.push_back(std::move(vulnerability));
  }
}

}  // namespace

void ReadCycloneDx(SbomContext& c) {
  const json& root = c.doc.root;
  c.sbom.format = "cyclonedx";
  if (Member(root, "bomFormat") != "CycloneDX") {
    c.sink.Error(c.doc.At("/bomFormat"), "sbom-format",
                 "not a CycloneDX SBOM: 'bomFormat' is " + Member(root, "bomFormat").dump() +
                     ", not \"CycloneDX\"");
    return;
  }
  c.sbom.spec_version = c.fields.String(root, "", "specVersion", true);
  if (c.sbom.spec_version.empty()) return;
  if (std::find(kVersions.begin(), kVersions.end(), c.sbom.spec_version) == kVersions.end()) {
    c.sink.Error(c.doc.At("/specVersion"), "sbom-unsupported-version",
                 "CycloneDX specVersion '" + c.sbom.spec_version +
                     "' is not supported (medtra reads 1.4, 1.5 and 1.6)");
    return;
  }
  c.sbom.serial = c.fields.String(root, "", "serialNumber");
  const json& version = Member(root, "version");
  if (version.is_number_integer() && version.get<int64_t>() >= 1 &&
      version.get<int64_t>() <= INT32_MAX) {
    c.sbom.version = static_cast<int>(version.get<int64_t>());
  } else if (!version.is_null()) {
    c.fields.WrongType("/version", "version", "an integer from 1", version);
  }
  Metadata(c);
  for (const auto& [component, pointer] : c.fields.Objects(root, "", "components")) {
    Component(c, *component, pointer);
  }
  Dependencies(c);
  Vulnerabilities(c);
}

}  // namespace medtra::sbom
