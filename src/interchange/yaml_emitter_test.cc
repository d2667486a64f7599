// The YAML emitter: hostile texts (YAML structure, comments, aliases, tags, line breaks, control
// characters) come back from the model's YAML reader as the same single values.
#include "medtra/interchange/yaml_emitter.h"

#include <gtest/gtest.h>

#include "medtra/model/yaml_tree.h"

namespace medtra::interchange {
namespace {

const std::string kHostile[] = {
    "plain",
    "",
    "x\n- id: injected\n  kind: implant",
    "a: b",
    "# not a comment",
    "*alias",
    "&anchor value",
    "!!python/object:os.system",
    "{flow: map}",
    "[1, 2]",
    "\"quoted\" and \\back\\slash",
    "tab\there",
    std::string("nul\0byte", 8),
    "bell\x07 del\x7f esc\x1b",
    "next line\xc2\x85 line sep\xe2\x80\xa8 para sep\xe2\x80\xa9 end",
    "--- \n...",
    "yes",
    "null",
    "012",
    "   leading and trailing   ",
    "caf\xc3\xa9 \xf0\x9f\x92\x93",
};

TEST(YamlEmitterTest, HostileTextsStayOneValue) {
  for (const std::string& text : kHostile) {
    nlohmann::json value = {{text, text}, {"list", {text, {{"k", text}}}}};
    std::string yaml;
    EmitYaml(value, 0, &yaml);
    DiagnosticSink sink;
    const auto tree = model::ParseYaml("t.yaml", yaml, sink);
    ASSERT_TRUE(tree) << RenderTextAll(sink, nullptr) << yaml;
    const model::Node root = tree->root();
    ASSERT_EQ(root.size(), 2u) << yaml;
    EXPECT_EQ(root.Find(text).scalar(), text) << yaml;
    const model::Node list = root.Find("list");
    ASSERT_EQ(list.size(), 2u) << yaml;
    EXPECT_EQ(list.item(0).scalar(), text);
    EXPECT_EQ(list.item(1).Find("k").scalar(), text);
  }
}

TEST(YamlEmitterTest, QuotingAndKeys) {
  EXPECT_EQ(QuoteYaml("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\\x01\"");
  EXPECT_EQ(QuoteYaml("\xe2\x80\xa8"), "\"\\L\"");
  EXPECT_EQ(YamlKey("cmdbId"), "cmdbId");
  EXPECT_EQ(YamlKey("y"), "\"y\"");  // a YAML 1.1 boolean
  EXPECT_EQ(YamlKey("a b"), "\"a b\"");
  EXPECT_EQ(CommentText("one\ntwo\xe2\x80\xa8three"), "one two three");
  EXPECT_EQ(CommentText(std::string(199, 'x') + "\xc3\xa9" + "tail").size(), 199u);
}

TEST(YamlEmitterTest, BlockLayout) {
  std::string yaml;
  EmitYaml(nlohmann::json::parse(R"({"a": {"b": [1, [], {}, [true]]}, "c": null})"), 2, &yaml);
  EXPECT_EQ(yaml,
            "  a:\n"
            "    b:\n"
            "      - 1\n"
            "      - []\n"
            "      - {}\n"
            "      -\n"
            "        - true\n"
            "  c: null\n");
}

}  // namespace
}  // namespace medtra::interchange
