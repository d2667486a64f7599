// The scan's VEX statements as OpenVEX 0.2.0 and as a CycloneDX 1.6 VEX BOM, through the crosswalk
// of docs/sbom.md.
#include <algorithm>
#include <set>

#include "medtra/base/sha256.h"
#include "medtra/model/software.h"
#include "medtra/report/vex.h"
#include "report/content_uuid.h"

namespace medtra::report {
namespace {

std::string Status(const sbom::ScanEntry& e) {
  return e.vex.status.empty() ? "under_investigation" : e.vex.status;
}

std::string CycloneDxState(const std::string& status) {
  if (status == "not_affected") return "not_affected";
  if (status == "affected") return "exploitable";
  if (status == "fixed") return "resolved";
  return "in_triage";
}

std::string CycloneDxJustification(const std::string& openvex) {
  for (const model::VexJustification& row : model::VexJustifications()) {
    if (row.openvex == openvex) return std::string(row.cyclonedx);
  }
  return "";
}

std::string Product(const sbom::ScanEntry& e) {
  return e.purl.empty() ? e.component + "@" + e.version : e.purl;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::string ContentUuid(const std::string& content) {
  std::string hex = Sha256Hex(content).substr(0, 32);
  hex[12] = '8';
  hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string OpenVexJson(const sbom::ScanResult& scan, const VexHeader& header) {
  nlohmann::ordered_json statements = nlohmann::ordered_json::array();
  std::set<std::pair<std::string, std::string>> seen;
  for (const sbom::ScanEntry& e : scan.entries) {
    if (!seen.insert({e.advisory, Product(e)}).second) continue;
    nlohmann::ordered_json vulnerability = {{"name", e.advisory}};
    if (!e.aliases.empty()) vulnerability["aliases"] = e.aliases;
    nlohmann::ordered_json product = {{"@id", Product(e)}};
    if (!e.purl.empty()) product["identifiers"] = {{"purl", e.purl}};
    nlohmann::ordered_json s = {{"vulnerability", std::move(vulnerability)},
                                {"products", nlohmann::ordered_json::array({product})},
                                {"status", Status(e)}};
    if (!e.vex.date.empty()) s["timestamp"] = e.vex.date + "T00:00:00Z";
    if (!e.vex.justification.empty()) s["justification"] = e.vex.justification;
    if (Status(e) == "not_affected" && !e.vex.rationale.empty()) {
      s["impact_statement"] = e.vex.rationale;
    }
    if (Status(e) == "affected") {
      s["action_statement"] = e.vex.rationale.empty() ? "no action decided" : e.vex.rationale;
    }
    if (e.vex.status.empty()) s["status_notes"] = "no decision recorded yet: " + e.evidence;
    statements.push_back(std::move(s));
  }
  nlohmann::ordered_json doc = {{"@context", "https://openvex.dev/ns/v0.2.0"},
                                {"@id", ""},
                                {"author", header.author},
                                {"timestamp", header.timestamp},
                                {"version", 1},
                                {"tooling", "medtra"},
                                {"statements", std::move(statements)}};
  doc["@id"] = "urn:uuid:" + ContentUuid(header.system + doc["statements"].dump());
  return doc.dump(2) + "\n";
}

std::string CycloneDxVexJson(const sbom::ScanResult& scan, const VexHeader& header) {
  nlohmann::ordered_json components = nlohmann::ordered_json::array();
  nlohmann::ordered_json vulnerabilities = nlohmann::ordered_json::array();
  std::set<std::string> refs;
  std::set<std::pair<std::string, std::string>> seen;
  for (const sbom::ScanEntry& e : scan.entries) {
    const std::string ref = e.component_ref.empty() ? Product(e) : e.component_ref;
    if (refs.insert(ref).second) {
      nlohmann::ordered_json c = {
          {"bom-ref", ref}, {"type", "library"}, {"name", e.component}, {"version", e.version}};
      if (!e.purl.empty()) c["purl"] = e.purl;
      components.push_back(std::move(c));
    }
    if (!seen.insert({e.advisory, ref}).second) continue;
    nlohmann::ordered_json v = {{"bom-ref", e.advisory + "@" + ref}, {"id", e.advisory}};
    if (!e.score.empty()) {
      v["ratings"] = nlohmann::ordered_json::array(
          {{{"score", std::stod(e.score)},
            {"severity", Lower(e.severity)},
            {"method", e.cvss.starts_with("CVSS:4.0/") ? "CVSSv4" : "CVSSv31"},
            {"vector", e.cvss}}});
    }
    if (!e.summary.empty()) v["description"] = e.summary;
    nlohmann::ordered_json analysis = {{"state", CycloneDxState(Status(e))}};
    const std::string justification = CycloneDxJustification(e.vex.justification);
    if (!justification.empty()) analysis["justification"] = justification;
    if (!e.vex.response.empty()) analysis["response"] = e.vex.response;
    if (!e.vex.rationale.empty()) analysis["detail"] = e.vex.rationale;
    if (!e.vex.date.empty()) analysis["lastUpdated"] = e.vex.date + "T00:00:00Z";
    v["analysis"] = std::move(analysis);
    v["affects"] = nlohmann::ordered_json::array({{{"ref", ref}}});
    vulnerabilities.push_back(std::move(v));
  }
  nlohmann::ordered_json doc = {
      {"bomFormat", "CycloneDX"},
      {"specVersion", "1.6"},
      {"serialNumber", ""},
      {"version", 1},
      {"metadata",
       {{"timestamp", header.timestamp},
        {"authors", nlohmann::ordered_json::array({{{"name", header.author}}})},
        {"tools",
         {{"components",
           nlohmann::ordered_json::array({{{"type", "application"}, {"name", "medtra"}}})}}}}},
      {"components", std::move(components)},
      {"vulnerabilities", std::move(vulnerabilities)}};
  doc["serialNumber"] = "urn:uuid:" + ContentUuid(header.system + doc["vulnerabilities"].dump());
  return doc.dump(2) + "\n";
}

}  // namespace medtra::report
