// The JSON Schema (schema/medtra-model.schema.json) and the C++ vocabulary of schema::V1() must
// name the same values, so that neither can drift from the other.
#include "medtra/model/schema.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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

TEST(SchemaTest, EnumListsEqualTheVocabulary) {
  const nlohmann::json schema = LoadSchema();
  const Vocabulary& v = V1();
  const std::vector<std::pair<std::string, const std::vector<std::string>*>> lists = {
      {"zone_kinds", &v.zone_kinds},
      {"component_kinds", &v.component_kinds},
      {"asset_kinds", &v.asset_kinds},
      {"properties", &v.properties},
      {"media", &v.media},
      {"authentication", &v.authentication},
      {"confidentiality", &v.confidentiality},
      {"integrity", &v.integrity},
      {"freshness", &v.freshness},
      {"authorization", &v.authorization},
      {"availability", &v.availability},
      {"debug_port", &v.debug_port},
      {"update", &v.update},
      {"credentials", &v.credentials},
      {"keys", &v.keys},
      {"instances", &v.instances},
      {"settings", &v.settings},
      {"physical_access", &v.physical_access},
      {"network", &v.network},
      {"operators", &v.operators},
      {"user_roles", &v.user_roles},
      {"measure_kinds", &v.measure_kinds},
      {"essential_function_impact", &v.essential_function_impact},
      {"harm", &v.harm},
  };
  for (const auto& [name, values] : lists) {
    ASSERT_TRUE(schema["$defs"].contains(name)) << name;
    EXPECT_EQ(schema["$defs"][name]["enum"].get<std::vector<std::string>>(), *values) << name;
  }
}

TEST(SchemaTest, TopLevelKeysEqualTheVocabulary) {
  const nlohmann::json schema = LoadSchema();
  EXPECT_EQ(Sorted(Keys(schema["properties"])), Sorted(V1().top_level));
  EXPECT_EQ(schema["additionalProperties"], false);
  for (const std::string& name : V1().raw_sections) {
    EXPECT_TRUE(schema["properties"].contains(name)) << name;
  }
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
