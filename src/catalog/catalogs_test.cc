// The project's catalogs against the reference data in shared/data/catalogs (read at test time).
#include <gtest/gtest.h>

#include <set>

#include "medtra/base/file_system.h"
#include "medtra/base/strings.h"
#include "medtra/catalog/catalogs.h"
#include "medtra/model/yaml_tree.h"
#include "tests/testing/shared_data.h"

namespace medtra::catalog {
namespace {

/// The parsed reference file; keeps the tree alive.
struct Reference {
  std::optional<model::YamlTree> tree;
  model::Node root() const { return tree->root(); }
};

Reference ReadReference(const std::string& name) {
  RealFileSystem fs;
  const std::string path = medtra::testing::SharedDataPath("catalogs/" + name);
  const Result<std::string> content = fs.ReadFile(path, 1u << 22);
  EXPECT_TRUE(content.ok()) << path << ": " << content.message();
  DiagnosticSink sink;
  Reference ref;
  if (content.ok()) ref.tree = model::ParseYaml(path, *content, sink);
  EXPECT_TRUE(ref.tree.has_value()) << path;
  return ref;
}

std::string Text(model::Node node, std::string_view key) {
  const model::Node value = node.Find(key);
  return value.valid() && value.is_scalar() ? std::string(value.scalar()) : "";
}

TEST(Catalogs, Iec62443_4_1MatchesReferenceIdsClausesAndPractices) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const Reference ref = ReadReference("iec62443-4-1.yaml");
  ASSERT_TRUE(ref.tree);
  const model::Node practices = ref.root().Find("practices");
  ASSERT_TRUE(practices.is_sequence());
  ASSERT_EQ(practices.size(), Iec62443_4_1Practices().size());
  std::vector<std::string> expected_ids;
  for (size_t i = 0; i < practices.size(); ++i) {
    const model::Node p = practices.item(i);
    const Practice& ours = Iec62443_4_1Practices()[i];
    EXPECT_EQ(Text(p, "abbrev"), ours.abbrev);
    EXPECT_EQ(Text(p, "clause"), ours.clause);
    EXPECT_EQ(Text(p, "title"), ours.title);
    EXPECT_EQ(Text(p, "practice"), std::to_string(ours.number));
    const model::Node reqs = p.Find("requirements");
    for (size_t j = 0; j < reqs.size(); ++j) {
      const std::string id = Text(reqs.item(j), "id");
      expected_ids.push_back(id);
      const Requirement41* r = FindRequirement41(id);
      ASSERT_NE(r, nullptr) << id;
      EXPECT_EQ(r->clause, Text(reqs.item(j), "clause")) << id;
      EXPECT_EQ(r->practice, ours.abbrev) << id;
    }
  }
  std::vector<std::string> ours;
  for (const Requirement41& r : Iec62443_4_1Requirements()) ours.emplace_back(r.id);
  EXPECT_EQ(ours, expected_ids);
  EXPECT_EQ(ours.size(), 47u);
}

TEST(Catalogs, Iec62443_4_2MatchesReferenceNumbersAndIds) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const Reference ref = ReadReference("iec62443-4-2.yaml");
  ASSERT_TRUE(ref.tree);
  const model::Node frs = ref.root().Find("foundational_requirements");
  ASSERT_EQ(frs.size(), Iec62443_4_2FoundationalRequirements().size());
  for (size_t i = 0; i < frs.size(); ++i) {
    EXPECT_EQ(Text(frs.item(i), "id"), Iec62443_4_2FoundationalRequirements()[i].id);
    EXPECT_EQ(Text(frs.item(i), "abbrev"), Iec62443_4_2FoundationalRequirements()[i].abbrev);
  }
  const model::Node ccsc = ref.root().Find("common_component_security_constraints");
  ASSERT_EQ(ccsc.size(), Iec62443_4_2Constraints().size());
  for (size_t i = 0; i < ccsc.size(); ++i) {
    EXPECT_EQ(Text(ccsc.item(i), "id"), Iec62443_4_2Constraints()[i].id);
  }
  const model::Node crs = ref.root().Find("component_requirements");
  ASSERT_EQ(crs.size(), Iec62443_4_2Requirements().size());
  size_t id_count = 0;
  for (size_t i = 0; i < crs.size(); ++i) {
    const model::Node cr = crs.item(i);
    const ComponentRequirement& ours = Iec62443_4_2Requirements()[i];
    EXPECT_EQ(Text(cr, "number"), ours.number);
    EXPECT_EQ(Text(cr, "fr"), ours.fr);
    std::vector<std::string> ids;
    const model::Node list = cr.Find("ids");
    for (size_t j = 0; j < list.size(); ++j) ids.emplace_back(list.item(j).scalar());
    EXPECT_EQ(Join(ids, ","), ours.ids) << ours.number;
    id_count += ids.size();
    EXPECT_EQ(Text(cr, "component_requirement") != "false", ours.component_requirement);
  }
  EXPECT_EQ(id_count, 76u);
}

TEST(Catalogs, FdaCategoriesMatchReference) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const Reference ref = ReadReference("fda-controls.yaml");
  ASSERT_TRUE(ref.tree);
  const model::Node categories = ref.root().Find("categories");
  ASSERT_EQ(categories.size(), FdaControlCategories().size());
  for (size_t i = 0; i < categories.size(); ++i) {
    EXPECT_EQ(Text(categories.item(i), "id"), FdaControlCategories()[i].id);
    EXPECT_EQ(Text(categories.item(i), "letter"), std::string(1, FdaControlCategories()[i].letter));
    EXPECT_EQ(Text(categories.item(i), "title"), FdaControlCategories()[i].title);
  }
}

TEST(Catalogs, Iec81001MapsEveryIec62443_4_1RequirementToA62304Process) {
  std::set<std::string> mapped;
  for (const Activity81001& a : Iec81001_5_1Activities()) {
    ASSERT_NE(FindProcess62304(a.process), nullptr) << a.clause;
    EXPECT_TRUE(StartsWith(a.clause, a.process)) << a.clause;
    if (a.maps_to.empty()) continue;
    for (const std::string& id : Split(a.maps_to, ' ')) {
      EXPECT_NE(FindRequirement41(id), nullptr) << a.clause << " -> " << id;
      mapped.insert(id);
    }
  }
  for (const Requirement41& r : Iec62443_4_1Requirements()) {
    EXPECT_TRUE(mapped.contains(std::string(r.id))) << r.id << " has no IEC 81001-5-1 activity";
  }
}

TEST(Catalogs, Iec62304HasProcessesFiveToNine) {
  for (const char* clause : {"5", "6", "7", "8", "9"}) {
    EXPECT_NE(FindProcess62304(clause), nullptr) << clause;
  }
  EXPECT_EQ(Iec62304SecurityCategories().size(), 5u);
  EXPECT_EQ(FdaLabelingItems().size(), 14u);
}

TEST(Catalogs, ResolvesControlCitations) {
  const std::optional<ControlRef> cr = ResolveControl("62443-4-2:CR 3.1");
  ASSERT_TRUE(cr);
  EXPECT_EQ(cr->catalog, "IEC 62443-4-2");
  EXPECT_EQ(cr->title, "Communication integrity");
  EXPECT_TRUE(ResolveControl("CR 4.1"));
  EXPECT_TRUE(ResolveControl("62443-4-2:EDR 3.10"));
  const std::optional<ControlRef> tr = ResolveControl("60601-4-5:4.5");
  ASSERT_TRUE(tr);
  EXPECT_EQ(tr->title, "Data minimization");
  EXPECT_EQ(ResolveControl("FDA:cryptography")->title, "Cryptography");
  EXPECT_FALSE(ResolveControl("62443-4-2:CR 2.3"));  // numbering only, no requirement
  EXPECT_FALSE(ResolveControl("62443-4-2:CR 9.9"));
  EXPECT_FALSE(ResolveControl("FDA:magic"));
  const std::vector<std::string> all = ControlCitations();
  EXPECT_EQ(DidYouMean("62443-4-2:CR 3.l", all), " (did you mean '62443-4-2:CR 3.1'?)");
}

}  // namespace
}  // namespace medtra::catalog
