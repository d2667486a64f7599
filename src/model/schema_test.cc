// The JSON Schema (schema/medtra-model.schema.json) and the C++ vocabulary of schema::V1() (the
// rows of vocabulary.def) must name the same values, so that neither can drift from the other.
#include "medtra/model/schema.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "medtra/model/vocabulary.h"

namespace medtra::model::schema {
namespace {

nlohmann::json LoadSchema() {
  std::ifstream in(std::string(MEDTRA_SOURCE_DIR) + "/schema/medtra-model.schema.json");
  EXPECT_TRUE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

std::vector<std::string> Keys(const nlohmann::json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

std::vector<std::string> Sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return items;
}

std::vector<std::string> Strings(std::span<const std::string_view> names) {
  return std::vector<std::string>(names.begin(), names.end());
}

TEST(SchemaTest, EnumListsEqualTheVocabulary) {
  const nlohmann::json schema = LoadSchema();
  for (const AttributeRow& row : AttributeRows()) {
    const std::string member(row.member);
    ASSERT_TRUE(schema["$defs"].contains(member)) << member;
    EXPECT_EQ(schema["$defs"][member]["enum"].get<std::vector<std::string>>(), Strings(row.names))
        << member;
  }
  // And the schema has no enumerated definition that the table lacks.
  size_t enums = 0;
  for (const auto& [name, definition] : schema["$defs"].items())
    enums += definition.contains("enum");
  EXPECT_EQ(enums, AttributeRows().size());
}

TEST(SchemaTest, VocabularyListsAreTheTableRows) {
  const Vocabulary& v = V1();
  const std::vector<std::pair<std::string_view, const std::vector<std::string>*>> lists = {
#define MEDTRA_VALUE(enumerator, text)
#define MEDTRA_ATTRIBUTE(Type, member, where, values) {#member, &v.member},
#include "medtra/model/vocabulary.def"
  };
  ASSERT_EQ(lists.size(), AttributeRows().size());
  for (size_t i = 0; i < lists.size(); ++i) {
    EXPECT_EQ(lists[i].first, AttributeRows()[i].member);
    EXPECT_EQ(*lists[i].second, Strings(AttributeRows()[i].names)) << lists[i].first;
  }
  EXPECT_EQ(AttributeRows().size(), 24u);
}

TEST(SchemaTest, TopLevelKeysEqualTheVocabulary) {
  const nlohmann::json schema = LoadSchema();
  EXPECT_EQ(Sorted(Keys(schema["properties"])), Sorted(V1().top_level));
  EXPECT_EQ(schema["additionalProperties"], false);
}

TEST(SchemaTest, ProvisionsNameTheProvidableFlowProperties) {
  const nlohmann::json schema = LoadSchema();
  const nlohmann::json& provision = schema["$defs"]["provision"];
  std::vector<std::string> expected = V1().providable;
  expected.push_back("flow");
  EXPECT_EQ(Sorted(Keys(provision["properties"])), Sorted(expected));
  for (const std::string& property : V1().providable) {
    // The flow's property and the provision's use the same list of values.
    EXPECT_EQ(provision["properties"][property]["$ref"], "#/$defs/" + property);
    EXPECT_EQ(schema["$defs"][property]["enum"].get<std::vector<std::string>>(),
              std::vector<std::string>(ProvidableValues(V1(), property).begin(),
                                       ProvidableValues(V1(), property).end()));
    EXPECT_TRUE(schema["$defs"]["flow"]["properties"].contains(property)) << property;
  }
}

TEST(SchemaTest, EveryObjectIsClosed) {
  const nlohmann::json schema = LoadSchema();
  for (const auto& [name, definition] : schema["$defs"].items()) {
    if (definition.value("type", nlohmann::json()) == "object") {
      EXPECT_EQ(definition["additionalProperties"], false) << name;
    }
  }
}

}  // namespace
}  // namespace medtra::model::schema
