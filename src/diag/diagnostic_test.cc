// Tests of DiagnosticSink, the text renderer (caret snippets) and the JSON renderer.
#include "medtra/diag/diagnostic.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace medtra {
namespace {

Diagnostic Error(const std::string& file, int line, int col, const std::string& message,
                 const std::string& code = "c") {
  return {Severity::kError, code, message, {file, line, col}};
}

TEST(DiagnosticTest, RendersGnuStyle) {
  EXPECT_EQ(RenderText(Error("a.yaml", 3, 7, "bad thing", "bad-thing"), nullptr),
            "a.yaml:3:7: error: bad thing [bad-thing]\n");
  EXPECT_EQ(RenderText({Severity::kWarning, "", "careful", {"a.yaml", 1, 1}}, nullptr),
            "a.yaml:1:1: warning: careful\n");
  EXPECT_EQ(RenderText({Severity::kNote, "n", "see here", {"a.yaml", 0, 0}}, nullptr),
            "a.yaml: note: see here [n]\n");
  EXPECT_EQ(RenderText(Error("", 0, 0, "no file"), nullptr), "medtra: error: no file [c]\n");
}

TEST(DiagnosticTest, CaretSnippet) {
  SourceCache sources;
  sources.Add("a.yaml", "first: 1\nsecond: oops\r\nthird\n");
  EXPECT_EQ(RenderText(Error("a.yaml", 2, 9, "bad"), &sources),
            "a.yaml:2:9: error: bad [c]\n"
            "  second: oops\n"
            "          ^\n");
  // Lines past the end, unknown files and unknown lines render without a snippet.
  EXPECT_EQ(RenderText(Error("a.yaml", 9, 1, "bad"), &sources), "a.yaml:9:1: error: bad [c]\n");
  EXPECT_EQ(RenderText(Error("b.yaml", 1, 1, "bad"), &sources), "b.yaml:1:1: error: bad [c]\n");
  EXPECT_EQ(RenderText(Error("a.yaml", 0, 0, "bad"), &sources), "a.yaml: error: bad [c]\n");
}

TEST(DiagnosticTest, CaretCountsCharactersAndMasksControlBytes) {
  SourceCache sources;
  sources.Add("a.yaml", "name: Café\tx: \x01y\n");
  // Column 12 is 'x', after a two-byte character and a tab (one column each).
  EXPECT_EQ(RenderText(Error("a.yaml", 1, 12, "bad"), &sources),
            "a.yaml:1:12: error: bad [c]\n"
            "  name: Café x: ?y\n"
            "             ^\n");
  sources.Add("b.yaml", "a: caf\xe9!\n");
  EXPECT_EQ(RenderText(Error("b.yaml", 1, 7, "bad"), &sources),
            "b.yaml:1:7: error: bad [c]\n"
            "  a: caf?!\n"
            "        ^\n");
}

TEST(DiagnosticTest, ByteOrderMarkIsNotShown) {
  SourceCache sources;
  sources.Add("a.yaml", "\xef\xbb\xbfkey: 1\n");
  EXPECT_EQ(RenderText(Error("a.yaml", 1, 1, "bad"), &sources),
            "a.yaml:1:1: error: bad [c]\n  key: 1\n  ^\n");
}

TEST(DiagnosticTest, LongLinesAreCutAroundTheCaret) {
  SourceCache sources;
  sources.Add("a.yaml", std::string(1000, 'a') + "X" + std::string(1000, 'b') + "\n");
  const std::string text = RenderText(Error("a.yaml", 1, 1001, "bad"), &sources);
  EXPECT_EQ(text, "a.yaml:1:1001: error: bad [c]\n  " + std::string(80, 'a') + "X" +
                      std::string(79, 'b') + "\n  " + std::string(80, ' ') + "^\n");
}

TEST(DiagnosticSinkTest, CountsErrorsAndKeepsTheFirstFifty) {
  DiagnosticSink sink;
  for (int i = 1; i <= 53; ++i) sink.Error({"a.yaml", i, 1}, "c", "error " + std::to_string(i));
  EXPECT_EQ(sink.error_count(), 53);
  EXPECT_EQ(sink.suppressed(), 3);
  EXPECT_TRUE(sink.full());
  ASSERT_EQ(sink.diagnostics().size(), 50u);
  EXPECT_EQ(sink.diagnostics().back().message, "error 50");
  const std::string text = RenderTextAll(sink, nullptr);
  EXPECT_TRUE(text.starts_with("a.yaml:1:1: error: error 1 [c]\n"));
  EXPECT_TRUE(
      text.ends_with("a.yaml:50:1: error: error 50 [c]\n"
                     "medtra: 3 more errors not shown (53 in all)\n"));
}

TEST(DiagnosticSinkTest, OneMoreErrorIsSingular) {
  DiagnosticSink sink(1);
  sink.Error({"a.yaml", 1, 1}, "c", "one");
  EXPECT_FALSE(sink.full() && sink.suppressed() > 0);
  sink.Error({"a.yaml", 2, 1}, "c", "two");
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "a.yaml:1:1: error: one [c]\nmedtra: 1 more error not shown (2 in all)\n");
}

TEST(DiagnosticSinkTest, NotesFollowTheirError) {
  DiagnosticSink sink(1);
  sink.Error({"a.yaml", 1, 1}, "c", "kept");
  sink.Note({"a.yaml", 1, 1}, "", "kept note");
  sink.Error({"a.yaml", 2, 1}, "c", "dropped");
  sink.Note({"a.yaml", 2, 1}, "", "dropped note");
  sink.Warning({"a.yaml", 3, 1}, "w", "dropped warning");
  ASSERT_EQ(sink.diagnostics().size(), 2u);
  EXPECT_EQ(sink.diagnostics()[1].message, "kept note");
  EXPECT_EQ(sink.error_count(), 2);
}

TEST(DiagnosticSinkTest, SortsByFileLineColumnStably) {
  DiagnosticSink sink;
  sink.Error({"b.yaml", 1, 1}, "c", "b");
  sink.Error({"a.yaml", 2, 5}, "c", "a2");
  sink.Error({"a.yaml", 2, 1}, "c", "a1-first");
  sink.Error({"a.yaml", 2, 1}, "c", "a1-second");
  sink.Error({"a.yaml", 0, 0}, "c", "a0");
  sink.SortByLocation();
  std::vector<std::string> order;
  for (const Diagnostic& d : sink.diagnostics()) order.push_back(d.message);
  EXPECT_EQ(order, (std::vector<std::string>{"a0", "a1-first", "a1-second", "a2", "b"}));
}

TEST(DiagnosticJsonTest, RendersEveryField) {
  DiagnosticSink sink(1);
  sink.Error({"a.yaml", 3, 7}, "unknown-key", "unknown key 'x' \"quoted\"");
  sink.Error({"a.yaml", 4, 1}, "c", "suppressed");
  EXPECT_EQ(RenderJsonAll(sink), R"({
  "format": "medtra-diagnostics",
  "format_version": 1,
  "diagnostics": [
    {
      "severity": "error",
      "code": "unknown-key",
      "message": "unknown key 'x' \"quoted\"",
      "file": "a.yaml",
      "line": 3,
      "col": 7
    }
  ],
  "errors": 2,
  "suppressed": 1
}
)");
}

TEST(DiagnosticJsonTest, InvalidUtf8IsReplaced) {
  DiagnosticSink sink;
  sink.Error({"caf\xe9.yaml", 0, 0}, "unreadable", "bad");
  const nlohmann::json json = nlohmann::json::parse(RenderJsonAll(sink));
  EXPECT_EQ(json["diagnostics"][0]["file"], "caf\xef\xbf\xbd.yaml");
  EXPECT_EQ(json["diagnostics"][0]["line"], 0);
}

}  // namespace
}  // namespace medtra
