// ReadSpdx: SPDX 2.3 JSON -> Sbom (packages as components, DEPENDS_ON and CONTAINS relationships
// as dependencies; support level from a package annotation, see docs/sbom.md).
#include <map>
#include <string>

#include "sbom/sbom_reader.h"

namespace medtra::sbom {
namespace {

using document::Member;
using document::PointerChild;
using nlohmann::json;

// "Organization: Acme (contact@acme)" -> "Acme (contact@acme)"; NOASSERTION -> "".
std::string Actor(const std::string& text) {
  if (text == "NOASSERTION") return "";
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return text;
  size_t start = colon + 1;
  while (start < text.size() && text[start] == ' ') ++start;
  return text.substr(start);
}

bool Asserted(const std::string& license) {
  return !license.empty() && license != "NOASSERTION" && license != "NONE";
}

// The annotation convention: an annotation whose comment is "medtra:support-level=VALUE" or
// "medtra:source-package=NAME".
void Annotations(SbomContext& c, const json& package, const std::string& at, SbomComponent* out) {
  for (const auto& [annotation_ptr, item] : c.fields.Objects(package, at, "annotations")) {
    const json& annotation = *annotation_ptr;
    const std::string comment = c.fields.String(annotation, item, "comment");
    const size_t equals = comment.find('=');
    if (equals == std::string::npos) continue;
    const std::string key = comment.substr(0, equals);
    const std::string value = comment.substr(equals + 1);
    if (key == "medtra:support-level") out->support_level = value;
    if (key == "medtra:source-package" && out->source_name.empty()) out->source_name = value;
  }
}

void ExternalRefs(SbomContext& c, const json& package, const std::string& at, SbomComponent* out) {
  for (const auto& [ref_ptr, item] : c.fields.Objects(package, at, "externalRefs")) {
    const json& ref = *ref_ptr;
    const std::string category = c.fields.String(ref, item, "referenceCategory", true);
    const std::string type = c.fields.String(ref, item, "referenceType", true);
    const std::string locator = c.fields.String(ref, item, "referenceLocator", true);
    if ((category == "PACKAGE-MANAGER" || category == "PACKAGE_MANAGER") && type == "purl") {
      SetPurl(c, locator, PointerChild(item, "referenceLocator"), out);
    } else if (category == "SECURITY" && (type == "cpe23Type" || type == "cpe22Type")) {
      out->cpes.push_back(locator);
    }
  }
}

void Package(SbomContext& c, const json& package, const std::string& at) {
  SbomComponent out;
  out.location = c.doc.At(at);
  out.type = "package";
  out.ref = c.fields.String(package, at, "SPDXID", true);
  out.name = c.fields.String(package, at, "name", true);
  out.version = c.fields.String(package, at, "versionInfo");
  out.supplier = Actor(c.fields.String(package, at, "supplier"));
  ExternalRefs(c, package, at, &out);
  if (out.purl && out.purl->type == "deb") {
    const std::string upstream = out.purl->Qualifier("upstream");
    out.source_name = upstream.substr(0, upstream.find('@'));
  }
  for (const auto& [checksum_ptr, item] : c.fields.Objects(package, at, "checksums")) {
    const json& checksum = *checksum_ptr;
    out.hashes.push_back({c.fields.String(checksum, item, "algorithm", true),
                          c.fields.String(checksum, item, "checksumValue", true)});
  }
  for (const char* key : {"licenseConcluded", "licenseDeclared"}) {
    const std::string license = c.fields.String(package, at, key);
    if (Asserted(license) && (out.licenses.empty() || out.licenses.back() != license)) {
      out.licenses.push_back(license);
    }
  }
  const std::string valid_until = c.fields.String(package, at, "validUntilDate");
  if (!valid_until.empty()) {
    out.end_of_support =
        DateAt(c, valid_until, PointerChild(at, "validUntilDate"), "validUntilDate");
  }
  Annotations(c, package, at, &out);
  if (!out.ref.empty()) DefineRef(c, out.ref, PointerChild(at, "SPDXID"), "SPDXID");
  c.sbom.components.push_back(std::move(out));
}

// "A DEPENDS_ON B" and "A CONTAINS B": A -> B; DEPENDENCY_OF and CONTAINED_BY the other way.
void Relationships(SbomContext& c) {
  std::map<std::string, size_t> index;  // parent ref -> its entry in c.sbom.dependencies
  for (const auto& [rel_ptr, item] : c.fields.Objects(c.doc.root, "", "relationships")) {
    const json& rel = *rel_ptr;
    const std::string from = c.fields.String(rel, item, "spdxElementId", true);
    const std::string type = c.fields.String(rel, item, "relationshipType", true);
    const std::string to = c.fields.String(rel, item, "relatedSpdxElement", true);
    if (from.empty() || to.empty()) continue;
    if (type == "DESCRIBES" && from == "SPDXRef-DOCUMENT" && c.sbom.subject_ref.empty()) {
      c.sbom.subject_ref = to;
      c.uses.push_back({to, PointerChild(item, "relatedSpdxElement"), "relationship element"});
      continue;
    }
    const bool forward = type == "DEPENDS_ON" || type == "CONTAINS";
    const bool backward = type == "DEPENDENCY_OF" || type == "CONTAINED_BY";
    if (!forward && !backward) continue;
    const std::string& parent = forward ? from : to;
    const std::string& child = forward ? to : from;
    for (const auto& [ref, key] : {std::pair{from, "spdxElementId"}, {to, "relatedSpdxElement"}}) {
      // NONE and NOASSERTION are allowed targets; DocumentRef-... points into another document.
      if (ref == "NONE" || ref == "NOASSERTION" || ref.rfind("DocumentRef-", 0) == 0) continue;
      c.uses.push_back({ref, PointerChild(item, key), "relationship element"});
    }
    if (child == "NONE" || child == "NOASSERTION") continue;
    const auto [entry, added] = index.emplace(parent, c.sbom.dependencies.size());
    if (added) c.sbom.dependencies.push_back({parent, {}, c.doc.At(item)});
    c.sbom.dependencies[entry->second].depends_on.push_back(child);
  }
}

}  // namespace

void ReadSpdx(SbomContext& c) {
  const json& root = c.doc.root;
  c.sbom.format = "spdx";
  c.sbom.spec_version = c.fields.String(root, "", "spdxVersion", true);
  if (c.sbom.spec_version.empty()) return;
  if (c.sbom.spec_version != "SPDX-2.3") {
    c.sink.Error(
        c.doc.At("/spdxVersion"), "sbom-unsupported-version",
        "spdxVersion '" + c.sbom.spec_version + "' is not supported (medtra reads SPDX-2.3)");
    return;
  }
  c.sbom.serial = c.fields.String(root, "", "documentNamespace", true);
  const std::string document_id = c.fields.String(root, "", "SPDXID", true);
  if (!document_id.empty()) DefineRef(c, document_id, "/SPDXID", "SPDXID");
  if (root.contains("creationInfo")) {
    const json& creation = c.fields.Object(root, "", "creationInfo");
    c.sbom.location = c.doc.At("/creationInfo");
    c.sbom.timestamp = c.fields.String(creation, "/creationInfo", "created", true);
    c.sbom.authors = c.fields.Strings(creation, "/creationInfo", "creators");
  } else {
    c.fields.Missing("", "creationInfo");
  }
  for (const auto& [package, at] : c.fields.Objects(root, "", "packages")) {
    Package(c, *package, at);
  }
  for (const auto& [file, at] : c.fields.Objects(root, "", "files")) {
    const std::string id = c.fields.String(*file, at, "SPDXID", true);
    if (!id.empty()) DefineRef(c, id, PointerChild(at, "SPDXID"), "SPDXID");
  }
  Relationships(c);
  for (const SbomComponent& component : c.sbom.components) {
    if (component.ref == c.sbom.subject_ref) c.sbom.subject = component.name;
  }
}

}  // namespace medtra::sbom
