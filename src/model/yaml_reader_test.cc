// Tests of ParseYaml: the located tree, and every diagnostic the reader emits, with exact text.
#include <gtest/gtest.h>

#include "medtra/model/yaml_tree.h"

namespace medtra::model {
namespace {

// Parses `text` as file "f.yaml"; returns the rendered diagnostics (no snippets).
std::string Errors(std::string_view text, const YamlLimits& limits = {}) {
  DiagnosticSink sink;
  const std::optional<YamlTree> tree = ParseYaml("f.yaml", text, sink, limits);
  EXPECT_EQ(tree.has_value() && !sink.has_errors(), sink.diagnostics().empty());
  return RenderTextAll(sink, nullptr);
}

TEST(YamlReaderTest, BuildsALocatedTree) {
  DiagnosticSink sink;
  const std::optional<YamlTree> tree =
      ParseYaml("f.yaml", "a: 1\nb:\n  - x\n  - 'y'\n  - ~\nc: {d: e}\n", sink);
  ASSERT_TRUE(tree.has_value());
  EXPECT_TRUE(sink.diagnostics().empty());
  const Node root = tree->root();
  ASSERT_TRUE(root.is_mapping());
  EXPECT_EQ(root.size(), 3u);
  EXPECT_EQ(root.key(1).scalar(), "b");
  const Node b = root.Find("b");
  ASSERT_TRUE(b.is_sequence());
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b.line(), 3);
  EXPECT_EQ(b.col(), 3);
  EXPECT_EQ(b.item(1).scalar(), "y");
  EXPECT_FALSE(b.item(1).is_plain());
  EXPECT_TRUE(b.item(2).is_null());
  EXPECT_EQ(b.item(2).kind_name(), "null");
  EXPECT_EQ(root.Find("c").Find("d").location(), (SourceLocation{"f.yaml", 6, 8}));
  EXPECT_FALSE(root.Find("nothing").valid());
  EXPECT_EQ(root.Find("a").scalar(), "1");
  EXPECT_TRUE(root.Find("a").is_plain());
}

TEST(YamlReaderTest, ColumnsCountCharactersNotBytes) {
  DiagnosticSink sink;
  const std::optional<YamlTree> tree = ParseYaml("f.yaml", "a: {é: 1, b: 2}\n", sink);
  ASSERT_TRUE(tree.has_value());
  EXPECT_EQ(tree->root().Find("a").Find("b").col(), 14);
}

TEST(YamlReaderTest, AliasesShareTheAnchoredNode) {
  DiagnosticSink sink;
  const std::optional<YamlTree> tree = ParseYaml("f.yaml", "a: &x [1, 2]\nb: *x\n", sink);
  ASSERT_TRUE(tree.has_value());
  EXPECT_EQ(tree->root().Find("b").size(), 2u);
  EXPECT_EQ(tree->root().Find("b").line(), 1);
}

TEST(YamlReaderTest, EmptyFile) {
  EXPECT_EQ(Errors(""), "f.yaml:1:1: error: the file holds no YAML document [empty-file]\n");
  EXPECT_EQ(Errors("# only a comment\n"),
            "f.yaml:1:1: error: the file holds no YAML document [empty-file]\n");
}

TEST(YamlReaderTest, SyntaxError) {
  EXPECT_EQ(Errors("a: [1, 2\nb: 3\n"),
            "f.yaml:2:2: error: while parsing a flow sequence: did not find expected ',' or "
            "']' [yaml-syntax]\n");
  EXPECT_EQ(Errors("a: b: c\n"),
            "f.yaml:1:5: error: mapping values are not allowed in this context [yaml-syntax]\n");
}

TEST(YamlReaderTest, TabGetsAHint) {
  EXPECT_EQ(Errors("a:\n\tb: 1\n"),
            "f.yaml:2:1: error: while scanning for the next token: found character that cannot "
            "start any token (a tab: YAML indents with spaces only) [yaml-syntax]\n");
}

TEST(YamlReaderTest, ControlCharactersAndBadUtf8AreLocated) {
  EXPECT_EQ(Errors(std::string("a: 1\nb: x\0y\n", 11)),
            "f.yaml:2:5: error: control characters are not allowed (byte 0x00) [yaml-syntax]\n");
  EXPECT_EQ(Errors("a: \xff\n"),
            "f.yaml:1:4: error: invalid leading UTF-8 octet (byte 0xff); model files are UTF-8 "
            "[yaml-syntax]\n");
  EXPECT_EQ(Errors("a: é\xe9x\n"),
            "f.yaml:1:5: error: invalid trailing UTF-8 octet (byte 0x78 after 0xe9); model files "
            "are UTF-8 [yaml-syntax]\n");
  EXPECT_EQ(Errors("a: \xe9"),
            "f.yaml:1:4: error: incomplete UTF-8 octet sequence; model files are UTF-8 "
            "[yaml-syntax]\n");
}

TEST(YamlReaderTest, ByteOrderMarkIsSkipped) {
  DiagnosticSink sink;
  const std::optional<YamlTree> tree = ParseYaml("f.yaml",
                                                 "\xef\xbb\xbf"
                                                 "a: 1\n",
                                                 sink);
  ASSERT_TRUE(tree.has_value());
  EXPECT_EQ(tree->root().Find("a").col(), 4);
}

TEST(YamlReaderTest, DuplicateKeysAreAllReported) {
  // Each mapping is checked when it closes, so inner mappings report first (LoadModel sorts).
  EXPECT_EQ(Errors("a: 1\nb: 2\na: 3\nc: {x: 1, x: 2}\n"),
            "f.yaml:4:11: error: duplicate key 'x' (first defined at line 4) [duplicate-key]\n"
            "f.yaml:3:1: error: duplicate key 'a' (first defined at line 1) [duplicate-key]\n");
}

TEST(YamlReaderTest, DuplicateKeysInLargeAndSmallMappingsAlike) {
  // Small mappings compare keys pairwise, large ones hash them: the messages are the same.
  for (const int keys : {3, 100}) {
    std::string text;
    for (int i = 0; i < keys; ++i) text += "k" + std::to_string(i) + ": 1\n";
    text += "k1: 2\nk1: 3\n";
    EXPECT_EQ(Errors(text),
              "f.yaml:" + std::to_string(keys + 1) +
                  ":1: error: duplicate key 'k1' (first defined at line 2) [duplicate-key]\n"
                  "f.yaml:" +
                  std::to_string(keys + 2) +
                  ":1: error: duplicate key 'k1' (first defined at line 2) [duplicate-key]\n")
        << keys << " keys";
  }
}

TEST(YamlReaderTest, NonScalarKey) {
  EXPECT_EQ(Errors("? [a, b]\n: 1\n"),
            "f.yaml:1:3: error: mapping keys must be scalars, found a sequence [yaml-key]\n");
}

TEST(YamlReaderTest, TagsOtherThanStrAreRejected) {
  EXPECT_EQ(Errors("a: !!int 5\n"),
            "f.yaml:1:4: error: YAML tag 'tag:yaml.org,2002:int' is not supported [yaml-tag]\n");
  EXPECT_EQ(Errors("a: !custom {b: 1}\n"),
            "f.yaml:1:4: error: YAML tag '!custom' is not supported [yaml-tag]\n");
  DiagnosticSink sink;
  const std::optional<YamlTree> tree = ParseYaml("f.yaml", "a: !!str 5\n", sink);
  ASSERT_TRUE(tree.has_value());
  EXPECT_FALSE(tree->root().Find("a").is_plain());
}

TEST(YamlReaderTest, SeveralDocuments) {
  EXPECT_EQ(Errors("a: 1\n---\nb: 2\n"),
            "f.yaml:2:1: error: a model file holds one YAML document, found another "
            "[yaml-documents]\n");
}

TEST(YamlReaderTest, DepthLimit) {
  YamlLimits limits;
  limits.max_depth = 3;
  EXPECT_EQ(Errors("[[[1]]]\n", limits), "");
  EXPECT_EQ(Errors("[[[[1]]]]\n", limits),
            "f.yaml:1:4: error: nesting deeper than 3 levels [yaml-depth]\n");
  EXPECT_EQ(Errors("a:\n  b:\n    c:\n      d: 1\n", limits),
            "f.yaml:4:7: error: nesting deeper than 3 levels [yaml-depth]\n");
  EXPECT_EQ(Errors(std::string(10000, '[') + std::string(10000, ']')),
            "f.yaml:1:65: error: nesting deeper than 64 levels [yaml-depth]\n");
}

TEST(YamlReaderTest, UndefinedAlias) {
  EXPECT_EQ(Errors("a: *nowhere\n"),
            "f.yaml:1:4: error: alias '*nowhere' names no anchor defined before it "
            "[yaml-alias]\n");
}

TEST(YamlReaderTest, CyclicAlias) {
  EXPECT_EQ(Errors("a: &a {b: *a}\n"),
            "f.yaml:1:11: error: alias '*a' refers to a node that contains it (a cycle) "
            "[yaml-alias-cycle]\n");
  // An alias refers to the latest definition of its anchor: a cycle when that one is still open.
  EXPECT_EQ(Errors("a: &a [1]\nb: &a [*a]\n"),
            "f.yaml:2:8: error: alias '*a' refers to a node that contains it (a cycle) "
            "[yaml-alias-cycle]\n");
  EXPECT_EQ(Errors("a: &a [1]\nb: [*a, &a [2], *a]\n"), "");
}

TEST(YamlReaderTest, AliasBomb) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", " : "") + "*" + char(c - 1);
    text += "]\n";
  }
  EXPECT_EQ(Errors(text),
            "f.yaml:4:4: error: aliases expand the document more than 10 times its size (an "
            "alias bomb?) [yaml-alias-bomb]\n");
  // Moderate reuse is fine.
  EXPECT_EQ(Errors("a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"), "");
}

TEST(YamlReaderTest, NodeLimit) {
  YamlLimits limits;
  limits.max_nodes = 5;
  EXPECT_EQ(Errors("[a, b, c, d]\n", limits), "");
  EXPECT_EQ(Errors("[a, b, c, d, e]\n", limits),
            "f.yaml:1:14: error: the file has more than 5 YAML nodes (values, lists and mappings) "
            "[file-too-large]\n");
}

TEST(YamlReaderTest, SizeLimit) {
  YamlLimits limits;
  limits.max_bytes = 8;
  EXPECT_EQ(Errors("a: 123456789\n", limits),
            "f.yaml:1:1: error: file is larger than 8 bytes [file-too-large]\n");
}

}  // namespace
}  // namespace medtra::model
