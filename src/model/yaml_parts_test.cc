// ParseYamlInParts gives the tree of one whole parse (every node's kind, style, text, line and
// column), or declines, for files it must not cut.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "medtra/model/model_loader.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::model {
namespace {

/// A model-shaped file of a little over `bytes` bytes: comments, block and quoted scalars, flow
/// lists and nested sequences in long top-level sequences, with `eol` line ends.
std::string ModelText(size_t bytes, const std::string& eol = "\n") {
  std::string text = "# a generated model" + eol + eol + "system:" + eol + "  name: big" + eol +
                     "  description: |" + eol + "    two lines" + eol + "    of text" + eol +
                     "zones: []" + eol + "components:" + eol;
  for (int i = 0; text.size() < bytes / 2; ++i) {
    const std::string n = std::to_string(i);
    text += "  - id: c" + n + eol + "    kind: \"device\"" + eol + "    tags: [a, 'b " + n + "']" +
            eol + "    notes: >" + eol + "      folded " + n + eol + "# between items" + eol;
  }
  text += "flows:" + eol;
  for (int i = 0; text.size() < bytes; ++i) {
    const std::string n = std::to_string(i);
    text += "  - id: F" + n + eol + "    from: c" + n + eol + "    carries:" + eol + "      - A-1" +
            eol + "      - ~" + eol + "    port: " + n + eol;
  }
  return text + "risks:" + eol + "  - id: R-1" + eol;
}

void ExpectSameNode(const Node& a, const Node& b, int* compared) {
  ++*compared;
  ASSERT_EQ(a.kind(), b.kind()) << a.line() << ":" << a.col();
  ASSERT_EQ(a.line(), b.line()) << a.scalar();
  ASSERT_EQ(a.col(), b.col()) << a.line();
  ASSERT_EQ(a.is_plain(), b.is_plain()) << a.line();
  ASSERT_EQ(a.scalar(), b.scalar()) << a.line();
  ASSERT_EQ(a.size(), b.size()) << a.line();
  for (size_t i = 0; i < a.size(); ++i) {
    if (a.is_sequence()) {
      ExpectSameNode(a.item(i), b.item(i), compared);
    } else if (a.is_mapping()) {
      ExpectSameNode(a.key(i), b.key(i), compared);
      ExpectSameNode(a.value(i), b.value(i), compared);
    }
  }
}

void ExpectSameTree(const std::string& text, unsigned threads, int min_nodes) {
  DiagnosticSink sink;
  const std::optional<YamlTree> whole = ParseYaml("m.yaml", text, sink);
  ASSERT_TRUE(whole.has_value());
  const std::optional<YamlTree> parts = ParseYamlInParts("m.yaml", text, threads);
  ASSERT_TRUE(parts.has_value());
  int compared = 0;
  ExpectSameNode(whole->root(), parts->root(), &compared);
  EXPECT_GT(compared, min_nodes);
  EXPECT_EQ(parts->root().location().file, "m.yaml");
}

TEST(YamlPartsTest, ALargeModelFileGivesTheTreeOfOneParse) {
  ExpectSameTree(ModelText(3 << 20), 2, 200000);
  ExpectSameTree(ModelText(3 << 20), 7, 200000);
}

TEST(YamlPartsTest, CrLfLineEndsGiveTheSameTree) {
  ExpectSameTree(ModelText(2 << 20, "\r\n"), 3, 100000);
}

TEST(YamlPartsTest, TheJoinedSequencesKeepEveryItemInOrder) {
  const std::string text = ModelText(2 << 20);
  const std::optional<YamlTree> parts = ParseYamlInParts("m.yaml", text, 4);
  ASSERT_TRUE(parts.has_value());
  const Node flows = parts->root().Find("flows");
  ASSERT_TRUE(flows.is_sequence());
  for (size_t i = 0; i < flows.size(); ++i) {
    ASSERT_EQ(flows.item(i).Find("id").scalar(), "F" + std::to_string(i));
  }
  EXPECT_EQ(parts->root().Find("risks").item(0).Find("id").scalar(), "R-1");
}

TEST(YamlPartsTest, DeclinesWhatItMustNotCut) {
  const std::string big = ModelText(2 << 20);
  EXPECT_FALSE(ParseYamlInParts("m.yaml", big, 1)) << "one thread";
  EXPECT_FALSE(ParseYamlInParts("m.yaml", ModelText(100000), 4)) << "a small file";
  EXPECT_FALSE(ParseYamlInParts("m.yaml", "---\n" + big, 4)) << "a document marker";
  EXPECT_FALSE(ParseYamlInParts("m.yaml", big + "zones: []\n", 4)) << "a duplicate key";
  EXPECT_FALSE(ParseYamlInParts("m.yaml", big + "\"quoted\": 1\n", 4)) << "a quoted key";
  EXPECT_FALSE(ParseYamlInParts("m.yaml", big + "\tx: 1\n", 4)) << "a tab";
  EXPECT_FALSE(ParseYamlInParts("m.yaml", "\xef\xbb\xbf" + big, 4)) << "a byte-order mark";
  // An alias to an anchor in another part fails on its own: the whole file is parsed instead.
  std::string aliased = big;
  aliased.replace(aliased.find("kind: \"device\""), 14, "kind: &k device");
  aliased += "extra: *k\n";
  EXPECT_FALSE(ParseYamlInParts("m.yaml", aliased, 4));
  DiagnosticSink sink;
  EXPECT_TRUE(ParseYaml("m.yaml", aliased, sink)) << "one parse resolves it";
  // A duplicate key inside an item still gives a tree, with an error: the file is parsed whole.
  std::string duplicate = big;
  duplicate.replace(duplicate.rfind("    port: "), 10, "    from: again\n    port: ");
  EXPECT_FALSE(ParseYamlInParts("m.yaml", duplicate, 4));
  // A syntax error late in the file.
  EXPECT_FALSE(ParseYamlInParts("m.yaml", big + "broken: [\n", 4));
}

/// Where the parts' tree first differs from the whole parse's, or "" (the fuzz target's check,
/// here on mutated files).
std::string Difference(const Node& a, const Node& b) {
  if (a.kind() != b.kind() || a.line() != b.line() || a.col() != b.col() ||
      a.is_plain() != b.is_plain() || a.scalar() != b.scalar() || a.size() != b.size()) {
    return std::to_string(a.line()) + ":" + std::to_string(a.col()) + " '" +
           std::string(a.scalar()) + "' against " + std::to_string(b.line()) + ":" +
           std::to_string(b.col()) + " '" + std::string(b.scalar()) + "'";
  }
  for (size_t i = 0; i < a.size(); ++i) {
    std::string d;
    if (a.is_sequence()) d = Difference(a.item(i), b.item(i));
    if (a.is_mapping()) {
      d = Difference(a.key(i), b.key(i));
      if (d.empty()) d = Difference(a.value(i), b.value(i));
    }
    if (!d.empty()) return d;
  }
  return "";
}

/// Thousands of small mutations of model files (YAML punctuation, line breaks, indentation,
/// anchors, tabs, markers) cut into parts however small: a tree from the parts is always the tree
/// of the whole parse, and comes only where the whole parse is clean.
TEST(YamlPartsTest, MutatedFilesCutIntoSmallPartsGiveTheWholeParseOrNothing) {
  std::vector<std::string> seeds{ModelText(6000), ModelText(3000, "\r\n")};
  for (const char* name : {"system.yaml", "flows.yaml", "risks.yaml"}) {
    std::ifstream in(std::string(MEDTRA_SOURCE_DIR) + "/examples/icd/" + name);
    std::stringstream text;
    text << in.rdbuf();
    if (!text.str().empty()) seeds.push_back(text.str());
  }
  const std::vector<std::string> pieces{"\n",  "- ", ": ",     "  ",  "'",   "\"",
                                        "&a ", "*a", "#",      "\t",  "---", "{",
                                        "]",   "x:", "\n  - ", "|\n", "\r",  "\xc2\x85"};
  std::mt19937 random(20261203);
  int cut = 0, declined = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = seeds[random() % seeds.size()];
    for (int edit = 1 + static_cast<int>(random() % 3); edit > 0; --edit) {
      const size_t at = random() % (text.size() + 1);
      if (random() % 3 == 0 && at < text.size()) {
        text.erase(at, 1 + random() % 8);
      } else {
        text.insert(at, pieces[random() % pieces.size()]);
      }
    }
    DiagnosticSink sink;
    const std::optional<YamlTree> whole = ParseYaml("m.yaml", text, sink);
    const std::optional<YamlTree> parts = ParseYamlInParts("m.yaml", text, 3, {}, 0);
    if (!parts) {
      ++declined;
      continue;
    }
    ++cut;
    ASSERT_TRUE(whole && sink.diagnostics().empty()) << text;
    ASSERT_EQ(Difference(whole->root(), parts->root()), "") << text;
  }
  EXPECT_GT(cut, 300);  // both outcomes are exercised
  EXPECT_GT(declined, 300);
}

/// The loader reports what one parse reports, on any number of threads: here a duplicate key deep
/// in the last part of a large file.
TEST(YamlPartsTest, TheLoaderReportsTheSameErrorsOnAnyThreads) {
  std::string text = ModelText(2 << 20);
  text.replace(text.rfind("    port: "), 10, "    from: again\n    port: ");
  MemoryFileSystem fs;
  fs.AddFile("m.yaml", text);
  std::string first;
  for (const unsigned threads : {1u, 2u, 5u}) {
    DiagnosticSink sink;
    LoadOptions options;
    options.threads = threads;
    EXPECT_EQ(LoadModel(fs, "m.yaml", sink, nullptr, options), nullptr);
    ASSERT_FALSE(sink.diagnostics().empty());
    std::string text_of;
    for (const Diagnostic& d : sink.diagnostics()) {
      text_of += d.location.file + ":" + std::to_string(d.location.line) + ":" +
                 std::to_string(d.location.col) + ": " + d.code + ": " + d.message + "\n";
    }
    if (first.empty()) first = text_of;
    EXPECT_EQ(text_of, first) << threads;
  }
  // The duplicate is the only YAML error (the rest are about the model's content).
  EXPECT_NE(first.find(":3:"), std::string::npos) << first;
  EXPECT_NE(first.find(": duplicate-key: duplicate key 'from' (first defined at line "),
            std::string::npos)
      << first;
}

}  // namespace
}  // namespace medtra::model
