// Every CAPEC and CWE id and name, IEC 62443-4-2 requirement and FDA control category that the
// rule catalog cites exists in the reference catalogs of ../shared/data/catalogs (read, not
// copied).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "medtra/base/strings.h"
#include "medtra/rules/rule_catalog.h"
#include "tests/testing/shared_data.h"

namespace medtra::rules {
namespace {

const std::string kCatalogs = medtra::testing::SharedDataPath("catalogs");

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

}  // namespace
}  // namespace medtra::rules
