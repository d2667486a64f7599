// CsafVexJson: the scan's VEX statements as a CSAF 2.0 document of the VEX profile.
#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "medtra/report/vex.h"
#include "report/content_uuid.h"

namespace medtra::report {
namespace {

using Json = nlohmann::ordered_json;

bool IsCve(const std::string& id) { return id.starts_with("CVE-"); }

// The CSAF remediation category of a CycloneDX response (docs/vulnerabilities.md, crosswalk).
std::string RemediationCategory(const std::vector<std::string>& response) {
  for (const std::string& r : response) {
    if (r == "update" || r == "rollback") return "vendor_fix";
  }
  for (const std::string& r : response) {
    if (r == "workaround_available") return "workaround";
    if (r == "will_not_fix") return "no_fix_planned";
    if (r == "can_not_fix") return "none_available";
  }
  return "none_available";
}

std::string StatusList(const std::string& status) {
  if (status == "not_affected") return "known_not_affected";
  if (status == "affected") return "known_affected";
  if (status == "fixed") return "fixed";
  return "under_investigation";
}

struct Product {
  std::string id;  ///< CSAFPID-0001, ...
  std::string name;
  std::string purl;
};

// What the document says of one advisory: the products in each status and the statements.
struct Statement {
  std::string cve;
  std::vector<std::string> ids;  ///< the advisory and aliases that are not the CVE
  std::string summary;
  std::string published;
  std::map<std::string, std::vector<std::string>> status;  ///< status list -> product ids
  Json flags = Json::array();
  Json threats = Json::array();
  Json remediations = Json::array();
};

Json ProductTree(const std::vector<Product>& products) {
  Json names = Json::array();
  for (const Product& p : products) {
    Json name = {{"name", p.name}, {"product_id", p.id}};
    if (!p.purl.empty()) name["product_identification_helper"] = {{"purl", p.purl}};
    names.push_back(std::move(name));
  }
  return {{"full_product_names", std::move(names)}};
}

void AddStatement(const sbom::ScanEntry& e, const std::string& product, Statement* s) {
  const std::string status = e.vex.status.empty() ? "under_investigation" : e.vex.status;
  std::vector<std::string>& list = s->status[StatusList(status)];
  if (std::find(list.begin(), list.end(), product) != list.end()) return;
  list.push_back(product);
  const Json ids = Json::array({product});
  if (status == "not_affected") {
    if (!e.vex.justification.empty()) {
      s->flags.push_back({{"label", e.vex.justification}, {"product_ids", ids}});
    }
    s->threats.push_back(
        {{"category", "impact"},
         {"details",
          e.vex.rationale.empty() ? "not affected: " + e.vex.justification : e.vex.rationale},
         {"product_ids", ids}});
  } else if (status == "affected") {
    s->remediations.push_back(
        {{"category", RemediationCategory(e.vex.response)},
         {"details", e.vex.rationale.empty() ? "no action decided" : e.vex.rationale},
         {"product_ids", ids}});
  }
}

Json Vulnerability(const Statement& s) {
  Json v = Json::object();
  if (!s.cve.empty()) v["cve"] = s.cve;
  if (!s.ids.empty()) {
    Json ids = Json::array();
    for (const std::string& id : s.ids) {
      ids.push_back({{"system_name", id.substr(0, id.find('-'))}, {"text", id}});
    }
    v["ids"] = std::move(ids);
  }
  v["notes"] =
      Json::array({{{"category", "summary"},
                    {"text", s.summary.empty() ? "the advisory gives no summary" : s.summary}}});
  if (!s.published.empty()) v["release_date"] = s.published + "T00:00:00Z";
  Json status = Json::object();
  for (const auto& [list, products] : s.status) status[list] = products;
  v["product_status"] = std::move(status);
  if (!s.flags.empty()) v["flags"] = s.flags;
  if (!s.remediations.empty()) v["remediations"] = s.remediations;
  if (!s.threats.empty()) v["threats"] = s.threats;
  return v;
}

}  // namespace

std::string CsafVexJson(const sbom::ScanResult& scan, const VexHeader& header) {
  std::vector<Product> products;
  std::map<std::string, std::string> product_of;  // "name@version" or purl -> product id
  std::map<std::string, Statement> statements;    // by advisory id
  for (const sbom::ScanEntry& e : scan.entries) {
    const std::string key = e.purl.empty() ? e.component + "@" + e.version : e.purl;
    auto [it, added] = product_of.try_emplace(key);
    if (added) {
      char id[32];
      std::snprintf(id, sizeof id, "CSAFPID-%04zu", products.size() + 1);
      it->second = id;
      products.push_back({id, e.component + " " + e.version, e.purl});
    }
    Statement& s = statements[e.advisory];
    if (s.status.empty()) {
      s.summary = e.summary;
      s.published = e.published;
      std::vector<std::string> ids = {e.advisory};
      ids.insert(ids.end(), e.aliases.begin(), e.aliases.end());
      for (std::string& id : ids) {
        if (IsCve(id) && s.cve.empty()) {
          s.cve = std::move(id);
        } else {
          s.ids.push_back(std::move(id));
        }
      }
    }
    AddStatement(e, it->second, &s);
  }
  Json vulnerabilities = Json::array();
  for (const auto& [id, s] : statements) vulnerabilities.push_back(Vulnerability(s));
  const std::string uuid =
      ContentUuid(header.system + ProductTree(products).dump() + vulnerabilities.dump());
  Json document = {
      {"category", "csaf_vex"},
      {"csaf_version", "2.0"},
      {"publisher",
       {{"category", "vendor"}, {"name", header.author}, {"namespace", header.namespace_}}},
      {"notes", Json::array({{{"category", "summary"},
                              {"text",
                               "The manufacturer's decision on each known vulnerability "
                               "of the device's software components."},
                              {"title", "VEX"}}})},
      {"title", "VEX of " + header.system},
      {"tracking",
       {{"current_release_date", header.timestamp},
        {"generator", {{"engine", {{"name", "medtra"}}}}},
        {"id", uuid},
        {"initial_release_date", header.timestamp},
        {"revision_history", Json::array({{{"date", header.timestamp},
                                           {"number", "1"},
                                           {"summary", "the VEX decisions of the scan"}}})},
        {"status", "final"},
        {"version", "1"}}}};
  Json doc = {{"document", std::move(document)},
              {"product_tree", ProductTree(products)},
              {"vulnerabilities", std::move(vulnerabilities)}};
  return doc.dump(2) + "\n";
}

}  // namespace medtra::report
