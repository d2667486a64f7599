// The one CSV, HTML and Markdown escaper of report/, byte for byte.
#include "report/escape.h"

#include <gtest/gtest.h>

#include <vector>

namespace medtra::report {
namespace {

TEST(EscapeCsv, LeavesPlainCellsAsTheyAre) {
  EXPECT_EQ(EscapeCsv(""), "");
  EXPECT_EQ(EscapeCsv("M-mac"), "M-mac");
  EXPECT_EQ(EscapeCsv("1 + 1 = 2"), "1 + 1 = 2");
  EXPECT_EQ(EscapeCsv("'quoted"), "'quoted");
}

TEST(EscapeCsv, QuotesSeparatorsQuotesAndLineBreaks) {
  EXPECT_EQ(EscapeCsv("a,b"), "\"a,b\"");
  EXPECT_EQ(EscapeCsv("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(EscapeCsv("line\nnext"), "\"line\nnext\"");
  EXPECT_EQ(EscapeCsv("cr\rlf"), "\"cr\rlf\"");
}

TEST(EscapeCsv, NeutralisesEveryFormulaStart) {
  EXPECT_EQ(EscapeCsv("=1+1"), "\"'=1+1\"");
  EXPECT_EQ(EscapeCsv("+1"), "\"'+1\"");
  EXPECT_EQ(EscapeCsv("-1"), "\"'-1\"");
  EXPECT_EQ(EscapeCsv("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(EscapeCsv("\t=cmd"), "\"'\t=cmd\"");
  EXPECT_EQ(EscapeCsv("\r=cmd"), "\"'\r=cmd\"");
  EXPECT_EQ(EscapeCsv("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
}

TEST(EscapeCsv, RowJoinsCellsAndEndsInCrLf) {
  std::string out;
  AppendCsvRow(std::vector<std::string>{"a", "=b", "c,d", ""}, &out);
  EXPECT_EQ(out, "a,\"'=b\",\"c,d\",\r\n");
}

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  std::string out = "x";
  AppendEscapedHtml("1 < 2", &out);
  EXPECT_EQ(out, "x1 &lt; 2");
}

TEST(EscapeMarkdown, EscapesMarkupAndLineBreaksByContext) {
  EXPECT_EQ(EscapeMarkdown("*a* _b_ `c` [d](e) <f> #g h|i \\j -> k"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f> #g h\\|i \\\\j -> k");
  EXPECT_EQ(EscapeMarkdown("# not a heading"), "\\# not a heading");
  EXPECT_EQ(EscapeMarkdown("> no quote"), "\\> no quote");
  EXPECT_EQ(EscapeMarkdown("- no item"), "\\- no item");
  EXPECT_EQ(EscapeMarkdown("+ no item"), "\\+ no item");
  EXPECT_EQ(EscapeMarkdown("-", MarkdownContext::kTableCell), "-");
  EXPECT_EQ(EscapeMarkdown("#", MarkdownContext::kTableCell), "#");
  EXPECT_EQ(EscapeMarkdown("one\ntwo"), "one two");
  EXPECT_EQ(EscapeMarkdown("one\ntwo", MarkdownContext::kTableCell), "one<br>two");
  std::string out = "|";
  AppendEscapedMarkdown("a|b", &out, MarkdownContext::kTableCell);
  EXPECT_EQ(out, "|a\\|b");
}

}  // namespace
}  // namespace medtra::report
