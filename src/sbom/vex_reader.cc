// ReadVexDocument: a supplier's OpenVEX 0.2.0 or CycloneDX VEX document as VEX decisions.
#include <algorithm>

#include "medtra/document/json_cursor.h"
#include "medtra/sbom/vex_document.h"

namespace medtra::sbom {
namespace {

using document::JsonCursor;

std::string_view VersScheme(std::string_view purl_type) {
  if (purl_type == "golang") return "golang";
  return purl_type;
}

// The identity of a product named by a purl: the purl without version, and an exact vers range
// for its version (none when the purl has no version: every version).
bool SetIdentity(const std::string& text, const JsonCursor& at, model::VexDecision* d) {
  std::string error;
  const std::optional<Purl> purl = ParsePurl(text, &error);
  if (!purl) {
    at.Error("invalid-purl", "product purl '" + text + "': " + error);
    return false;
  }
  Purl identity = *purl;
  identity.version.clear();
  identity.qualifiers.clear();
  identity.subpath.clear();
  d->package = identity.ToString();
  d->versions = purl->version.empty()
                    ? ""
                    : "vers:" + std::string(VersScheme(purl->type)) + "/" + purl->version;
  return true;
}

std::string Date(const std::string& timestamp) { return timestamp.substr(0, 10); }

void ReadOpenVex(const JsonCursor& root, const std::string& file,
                 std::vector<model::VexDecision>* out) {
  const std::string author = root.Member("author").String("author", true).value_or("");
  const std::string timestamp = root.Member("timestamp").String("timestamp", true).value_or("");
  if (!root.Member("statements").ExpectArray("statements", true)) return;
  for (const JsonCursor& s : root.Member("statements").Items()) {
    if (!s.ExpectObject("statements[]")) continue;
    model::VexDecision d;
    d.source = file;
    d.location = s.location();
    d.author = author;
    const JsonCursor vulnerability = s.Member("vulnerability");
    if (vulnerability.ExpectObject("vulnerability", true)) {
      d.vulnerability = vulnerability.Member("name").String("name", true).value_or("");
    }
    const std::string status = s.Member("status").String("status", true).value_or("");
    const std::optional<model::VexStatus> parsed = model::ParseVexStatus(status);
    if (!parsed && !status.empty()) {
      s.Member("status").Error("invalid-value", "unknown OpenVEX status '" + status + "'");
      continue;
    }
    d.status = parsed.value_or(model::VexStatus::kUnderInvestigation);
    d.justification = s.Member("justification").String("justification").value_or("");
    const std::string impact = s.Member("impact_statement").String("impact_statement").value_or("");
    const std::string action = s.Member("action_statement").String("action_statement").value_or("");
    d.rationale = !impact.empty() ? impact : action;
    d.date = Date(s.Member("timestamp").String("timestamp").value_or(timestamp));
    if (!s.Member("products").ExpectArray("products", true)) continue;
    for (const JsonCursor& product : s.Member("products").Items()) {
      if (!product.ExpectObject("products[]")) continue;
      std::string purl = product.Member("identifiers").Member("purl").String("purl").value_or("");
      if (purl.empty()) purl = product.Member("@id").String("@id").value_or("");
      if (!purl.starts_with("pkg:")) {
        product.Error("vex-product", "a product is named by a purl (identifiers.purl or @id)");
        continue;
      }
      model::VexDecision one = d;
      if (SetIdentity(purl, product, &one)) out->push_back(std::move(one));
    }
  }
}

struct CdxComponent {
  std::string ref;
  std::string purl;
};

// A component's purl, or for one without (a product named by name and version) a generic purl,
// so that it still has an identity: "pkg:generic/ABC@4.2".
CdxComponent ComponentOf(const JsonCursor& c) {
  CdxComponent out{c.Member("bom-ref").String("bom-ref").value_or(""),
                   c.Member("purl").String("purl").value_or("")};
  const std::string name = c.Member("name").String("name").value_or("");
  if (out.purl.empty() && !name.empty()) {
    Purl generic;
    generic.type = "generic";
    generic.name = name;
    generic.version = c.Member("version").String("version").value_or("");
    out.purl = generic.ToString();
  }
  return out;
}

void CollectComponents(const JsonCursor& list, std::vector<CdxComponent>* out) {
  if (!list.ExpectArray("components")) return;
  for (const JsonCursor& c : list.Items()) {
    if (!c.ExpectObject("components[]")) continue;
    out->push_back(ComponentOf(c));
    CollectComponents(c.Member("components"), out);
  }
}

void ReadCycloneDxVex(const JsonCursor& root, const std::string& file,
                      std::vector<model::VexDecision>* out) {
  std::vector<CdxComponent> components;
  CollectComponents(root.Member("components"), &components);
  const JsonCursor subject = root.Member("metadata").Member("component");
  if (subject.ExpectObject("metadata.component")) components.push_back(ComponentOf(subject));
  const std::string timestamp =
      root.Member("metadata").Member("timestamp").String("timestamp").value_or("");
  std::string author;
  for (const JsonCursor& a : root.Member("metadata").Member("authors").Items()) {
    if (author.empty()) author = a.Member("name").String("name").value_or("");
  }
  if (!root.Member("vulnerabilities").ExpectArray("vulnerabilities", true)) return;
  for (const JsonCursor& v : root.Member("vulnerabilities").Items()) {
    if (!v.ExpectObject("vulnerabilities[]")) continue;
    model::VexDecision d;
    d.source = file;
    d.location = v.location();
    d.author = author;
    d.vulnerability = v.Member("id").String("id", true).value_or("");
    const JsonCursor analysis = v.Member("analysis");
    if (!analysis.ExpectObject("analysis", true)) continue;
    const std::string state = analysis.Member("state").String("state", true).value_or("");
    const std::optional<model::VexStatus> status = StatusOfCycloneDxState(state);
    if (!status) {
      if (!state.empty()) {
        analysis.Member("state").Error("invalid-value", "unknown analysis state '" + state + "'");
      }
      continue;
    }
    d.status = *status;
    d.justification =
        OpenVexJustification(analysis.Member("justification").String("justification").value_or(""));
    d.response = analysis.Member("response").Strings("response");
    d.rationale = analysis.Member("detail").String("detail").value_or("");
    d.date = Date(analysis.Member("lastUpdated").String("lastUpdated").value_or(timestamp));
    for (const JsonCursor& affects : v.Member("affects").Items()) {
      const std::string ref = affects.Member("ref").String("ref", true).value_or("");
      // A BOM-Link ("urn:cdx:SERIAL/VERSION#REF") names a component of another BOM by its ref.
      const size_t hash = ref.find('#');
      const std::string local =
          ref.starts_with("urn:cdx:") && hash != std::string::npos ? ref.substr(hash + 1) : ref;
      const auto found = std::find_if(components.begin(), components.end(),
                                      [&](const CdxComponent& c) { return c.ref == local; });
      std::string purl = found != components.end() ? found->purl : "";
      if (purl.empty() && local.starts_with("pkg:")) purl = local;
      if (purl.empty()) {
        affects.Error("vex-product", "'" + ref + "' names no component of this document");
        continue;
      }
      model::VexDecision one = d;
      if (SetIdentity(purl, affects, &one)) out->push_back(std::move(one));
    }
  }
}

}  // namespace

std::optional<model::VexStatus> StatusOfCycloneDxState(std::string_view state) {
  if (state == "not_affected" || state == "false_positive") return model::VexStatus::kNotAffected;
  if (state == "exploitable") return model::VexStatus::kAffected;
  if (state == "resolved" || state == "resolved_with_pedigree") return model::VexStatus::kFixed;
  if (state == "in_triage") return model::VexStatus::kUnderInvestigation;
  return std::nullopt;
}

std::string OpenVexJustification(std::string_view cyclonedx) {
  if (cyclonedx == "code_not_present") return "vulnerable_code_not_present";
  if (cyclonedx == "code_not_reachable") return "vulnerable_code_not_in_execute_path";
  if (cyclonedx == "requires_dependency") return "component_not_present";
  if (cyclonedx == "requires_configuration" || cyclonedx == "requires_environment") {
    return "vulnerable_code_cannot_be_controlled_by_adversary";
  }
  if (cyclonedx.starts_with("protected_")) return "inline_mitigations_already_exist";
  return "";
}

std::optional<std::vector<model::VexDecision>> ReadVexDocument(const std::string& file,
                                                               std::string_view text,
                                                               DiagnosticSink& sink) {
  const int errors = sink.error_count();
  std::optional<document::LocatedDocument> doc = document::ParseJsonDocument(file, text, sink);
  if (!doc) return std::nullopt;
  const JsonCursor root(*doc, sink);
  if (!root.ExpectObject("the VEX document", true)) return std::nullopt;
  std::vector<model::VexDecision> decisions;
  const std::string context = root.Member("@context").String("@context").value_or("");
  if (context.starts_with("https://openvex.dev/ns")) {
    ReadOpenVex(root, file, &decisions);
  } else if (root.Member("bomFormat").String("bomFormat").value_or("") == "CycloneDX") {
    ReadCycloneDxVex(root, file, &decisions);
  } else {
    root.Error("unknown-format",
               "not a VEX document: neither OpenVEX (@context https://openvex.dev/ns/...) nor "
               "CycloneDX (bomFormat)");
  }
  if (sink.error_count() != errors) return std::nullopt;
  return decisions;
}

}  // namespace medtra::sbom
