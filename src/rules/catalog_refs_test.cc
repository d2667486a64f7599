// Every CAPEC and CWE id and name, IEC 62443-4-2 requirement and FDA control category that the
// rule catalog cites exists in the reference catalogs of ../shared/data/catalogs (read, not
// copied); every MITRE EMB3D threat id it cites is a published one, and docs/rules/emb3d.md lists
// exactly the rules that cite each.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "medtra/base/strings.h"
#include "medtra/rules/rule_catalog.h"
#include "tests/testing/shared_data.h"

namespace medtra::rules {
namespace {

const std::string kCatalogs = medtra::testing::SharedDataPath("catalogs");

/// The ids of the 79 threats of MITRE EMB3D's threat list (mitre/emb3d, _data/threats.json); ids
/// only, the threats' text stays with EMB3D.
const std::set<std::string> kEmb3dThreats = {
    "TID-101", "TID-102", "TID-103", "TID-105", "TID-106", "TID-107", "TID-108", "TID-109",
    "TID-110", "TID-111", "TID-113", "TID-114", "TID-115", "TID-116", "TID-118", "TID-119",
    "TID-201", "TID-202", "TID-203", "TID-204", "TID-205", "TID-206", "TID-207", "TID-208",
    "TID-209", "TID-210", "TID-211", "TID-212", "TID-213", "TID-214", "TID-215", "TID-216",
    "TID-217", "TID-218", "TID-219", "TID-220", "TID-221", "TID-222", "TID-223", "TID-224",
    "TID-301", "TID-302", "TID-303", "TID-304", "TID-305", "TID-306", "TID-307", "TID-308",
    "TID-309", "TID-310", "TID-311", "TID-312", "TID-313", "TID-314", "TID-315", "TID-316",
    "TID-317", "TID-318", "TID-319", "TID-320", "TID-321", "TID-322", "TID-323", "TID-324",
    "TID-325", "TID-326", "TID-327", "TID-328", "TID-329", "TID-330", "TID-401", "TID-404",
    "TID-405", "TID-406", "TID-407", "TID-408", "TID-410", "TID-411", "TID-412",
};

/// ID -> {NAME, STATUS} of a TSV with the columns ID NAME ABSTRACTION STATUS.
std::map<std::string, std::pair<std::string, std::string>> ReadTsv(const std::string& file) {
  std::ifstream in(kCatalogs + "/" + file);
  std::map<std::string, std::pair<std::string, std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() >= 4) rows[f[0]] = {f[1], f[3]};
  }
  return rows;
}

std::string ReadText(const std::string& file) {
  std::ifstream in(kCatalogs + "/" + file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Check(const std::vector<CatalogRef>& refs, const std::string& prefix,
           const std::map<std::string, std::pair<std::string, std::string>>& table,
           const std::string& rule) {
  for (const CatalogRef& ref : refs) {
    ASSERT_TRUE(StartsWith(ref.id, prefix)) << rule << ": " << ref.id;
    const auto it = table.find(ref.id.substr(prefix.size()));
    ASSERT_NE(it, table.end()) << rule << ": " << ref.id << " is not in the catalog";
    EXPECT_EQ(ref.name, it->second.first) << rule << ": name of " << ref.id;
    EXPECT_NE(it->second.second, "Deprecated") << rule << ": " << ref.id << " is deprecated";
  }
}

TEST(CatalogRefs, CapecAndCweIdsAndNamesExist) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const auto capec = ReadTsv("capec.tsv");
  const auto cwe = ReadTsv("cwe.tsv");
  ASSERT_GT(capec.size(), 500u) << "cannot read " << kCatalogs << "/capec.tsv";
  ASSERT_GT(cwe.size(), 900u) << "cannot read " << kCatalogs << "/cwe.tsv";
  const RuleCatalog catalog = BuiltinCatalog();
  for (const ThreatRule* rule : catalog.Sorted()) {
    Check(rule->Info().capec, "CAPEC-", capec, rule->Info().id);
    Check(rule->Info().cwe, "CWE-", cwe, rule->Info().id);
  }
}

TEST(CatalogRefs, IecRequirementsAndFdaCategoriesExist) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const std::string iec = ReadText("iec62443-4-2.yaml");
  const std::string fda = ReadText("fda-controls.yaml");
  ASSERT_FALSE(iec.empty());
  ASSERT_FALSE(fda.empty());
  const RuleCatalog catalog = BuiltinCatalog();
  for (const ThreatRule* rule : catalog.Sorted()) {
    const RuleInfo& info = rule->Info();
    for (const std::string& cr : info.iec62443) {
      EXPECT_NE(iec.find("  - " + cr + "\n"), std::string::npos) << info.id << ": " << cr;
    }
    if (!info.fda_category.empty()) {
      EXPECT_NE(fda.find("- id: " + info.fda_category + "\n"), std::string::npos)
          << info.id << ": " << info.fda_category;
    }
  }
}

TEST(CatalogRefs, Emb3dIdsArePublishedSortedAndUnique) {
  EXPECT_EQ(kEmb3dThreats.size(), 79u);
  const std::regex form("TID-[0-9]{3}");
  const RuleCatalog catalog = BuiltinCatalog();
  for (const ThreatRule* rule : catalog.Sorted()) {
    const RuleInfo& info = rule->Info();
    for (const std::string& id : info.emb3d) {
      EXPECT_TRUE(std::regex_match(id, form)) << info.id << ": " << id;
      EXPECT_TRUE(kEmb3dThreats.contains(id)) << info.id << ": " << id << " is not an EMB3D threat";
    }
    EXPECT_TRUE(std::is_sorted(info.emb3d.begin(), info.emb3d.end())) << info.id;
    EXPECT_EQ(std::adjacent_find(info.emb3d.begin(), info.emb3d.end()), info.emb3d.end())
        << info.id << " cites an EMB3D id twice";
  }
}

/// The rule ids linked (`[id](id.md)`) in `text`.
std::set<std::string> LinkedRules(const std::string& text) {
  const std::regex link(R"(\[([a-z0-9-]+)\]\(\1\.md\))");
  std::set<std::string> rules;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), link); it != std::sregex_iterator();
       ++it) {
    rules.insert((*it)[1]);
  }
  return rules;
}

TEST(CatalogRefs, Emb3dPageListsExactlyTheCitingRules) {
  std::ifstream in(std::string(MEDTRA_SOURCE_DIR) + "/docs/rules/emb3d.md");
  ASSERT_TRUE(in) << "missing docs/rules/emb3d.md";
  std::map<std::string, std::set<std::string>> listed;  // TID -> rules, from the table
  std::set<std::string> listed_none;                    // from "Rules that cite no EMB3D threat"
  std::string line;
  bool in_none = false;
  while (std::getline(in, line)) {
    if (StartsWith(line, "## ")) in_none = line == "## Rules that cite no EMB3D threat";
    if (in_none && StartsWith(line, "- [")) {
      const std::set<std::string> rules = LinkedRules(line.substr(0, line.find(':')));
      listed_none.insert(rules.begin(), rules.end());
    }
    if (!StartsWith(line, "| TID-")) continue;
    const std::string id = line.substr(2, 7);
    EXPECT_FALSE(listed.contains(id)) << id << " has two rows";
    listed[id] = LinkedRules(line.substr(line.rfind(" | ")));
  }
  std::map<std::string, std::set<std::string>> cited;
  std::set<std::string> cite_none;
  const RuleCatalog catalog = BuiltinCatalog();
  for (const ThreatRule* rule : catalog.Sorted()) {
    const RuleInfo& info = rule->Info();
    for (const std::string& id : info.emb3d) cited[id].insert(info.id);
    if (info.emb3d.empty()) cite_none.insert(info.id);
  }
  EXPECT_EQ(listed, cited);
  EXPECT_EQ(listed_none, cite_none);
}

}  // namespace
}  // namespace medtra::rules
