// Every rule has a doc page whose metadata matches its RuleInfo, and docs/rules/index.md lists it
// (and docs/rules/emb3d.md, which catalog_refs_test.cc checks).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "medtra/base/strings.h"
#include "medtra/rules/rule_catalog.h"

namespace medtra::rules {
namespace {

const std::string kDocs = std::string(MEDTRA_SOURCE_DIR) + "/docs/rules";

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Refs(const std::vector<CatalogRef>& refs) {
  std::vector<std::string> parts;
  for (const CatalogRef& r : refs) parts.push_back(r.id + " (" + r.name + ")");
  return parts.empty() ? "—" : Join(parts, ", ");
}

std::string OrDash(const std::string& text) { return text.empty() ? "—" : text; }

/// The lines the page must contain; scripts/new_rule.py's render_doc() writes them.
std::vector<std::string> DocLines(const RuleInfo& info) {
  static const char* const kLikelihood[] = {"Low", "Medium", "High"};
  return {
      "# " + info.id + ": " + info.title,
      "| Group | " + info.group + " |",
      "| STRIDE | " + OrDash(Join(info.stride, ", ")) + " |",
      "| CAPEC | " + Refs(info.capec) + " |",
      "| CWE | " + Refs(info.cwe) + " |",
      "| EMB3D | " + OrDash(Join(info.emb3d, ", ")) + " |",
      "| FDA control category | " + OrDash(info.fda_category) + " |",
      "| IEC 62443-4-2 | " + OrDash(Join(info.iec62443, ", ")) + " |",
      "| Exposure | " + std::string(ExposureName(info.exposure)) + " |",
      "| Base likelihood | " + std::string(kLikelihood[info.base_likelihood]) + " |",
      "## What it detects\n\n" + info.detects + "\n",
      "## Why it is a threat\n\n" + info.rationale + "\n",
      "## Mitigation\n\n" + info.mitigation + "\n",
  };
}

TEST(RuleDocs, EveryRuleHasAPageMatchingItsMetadata) {
  const RuleCatalog catalog = BuiltinCatalog();
  for (const ThreatRule* rule : catalog.Sorted()) {
    const RuleInfo& info = rule->Info();
    const std::string page = Read(kDocs + "/" + info.id + ".md");
    ASSERT_FALSE(page.empty()) << "missing docs/rules/" << info.id << ".md";
    for (const std::string& line : DocLines(info)) {
      EXPECT_NE(page.find(line), std::string::npos)
          << "docs/rules/" << info.id << ".md does not say:\n"
          << line;
    }
    for (const std::string& ref : info.references) {
      EXPECT_NE(page.find("- " + ref + "\n"), std::string::npos) << info.id << ": " << ref;
    }
  }
}

TEST(RuleDocs, IndexListsEveryRuleAndNoPageIsOrphaned) {
  const RuleCatalog catalog = BuiltinCatalog();
  const std::string index = Read(kDocs + "/index.md");
  for (const ThreatRule* rule : catalog.Sorted()) {
    const RuleInfo& info = rule->Info();
    EXPECT_NE(index.find("| [" + info.id + "](" + info.id + ".md) | " + info.title + " |"),
              std::string::npos)
        << info.id;
  }
  EXPECT_NE(index.find("[emb3d.md](emb3d.md)"), std::string::npos) << "index.md links emb3d.md";
  for (const auto& entry : std::filesystem::directory_iterator(kDocs)) {
    const std::string stem = entry.path().stem().string();
    if (stem == "index" || stem == "emb3d") continue;  // emb3d.md: catalog_refs_test checks it
    EXPECT_NE(catalog.Find(stem), nullptr) << "doc page without a rule: " << entry.path();
  }
}

TEST(RuleDocs, MetadataIsComplete) {
  const RuleCatalog catalog = BuiltinCatalog();
  const std::vector<std::string> stride = {"Spoofing",          "Tampering",
                                           "Repudiation",       "Information disclosure",
                                           "Denial of service", "Elevation of privilege"};
  EXPECT_GE(catalog.size(), 40u);
  for (const ThreatRule* rule : catalog.Sorted()) {
    const RuleInfo& info = rule->Info();
    EXPECT_TRUE(StartsWith(info.id, info.group + "-")) << info.id;
    EXPECT_FALSE(info.title.empty()) << info.id;
    EXPECT_FALSE(info.stride.empty()) << info.id;
    for (const std::string& s : info.stride) EXPECT_THAT(stride, ::testing::Contains(s)) << info.id;
    EXPECT_FALSE(info.capec.empty() && info.cwe.empty()) << info.id;
    EXPECT_FALSE(info.detects.empty() || info.rationale.empty() || info.mitigation.empty())
        << info.id;
    EXPECT_TRUE(info.base_likelihood >= 0 && info.base_likelihood <= 2) << info.id;
  }
}

}  // namespace
}  // namespace medtra::rules
