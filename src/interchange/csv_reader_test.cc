// ReadCsv: RFC 4180 fields with their positions, BOM, CRLF, quoted line breaks, and syntax errors.
#include "medtra/interchange/csv_reader.h"

#include <gtest/gtest.h>

namespace medtra::interchange {
namespace {

std::vector<std::vector<std::string>> Texts(const std::vector<CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRecord& r : records) {
    out.emplace_back();
    for (const CsvField& f : r) out.back().push_back(f.text);
  }
  return out;
}

std::string FirstError(std::string_view text) {
  DiagnosticSink sink;
  EXPECT_TRUE(ReadCsv(text, "f.csv", sink).empty());
  if (sink.diagnostics().empty()) return "";
  const Diagnostic& d = sink.diagnostics()[0];
  return ToString(d.location) + ": " + d.message + " [" + d.code + "]";
}

TEST(CsvReaderTest, FieldsQuotesLineBreaksBomAndPositions) {
  DiagnosticSink sink;
  const auto records =
      ReadCsv("\xEF\xBB\xBFid,text\r\na,\"x, \"\"y\"\"\r\nz\"\n=1+1,@b\r\n", "f.csv", sink);
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(Texts(records), (std::vector<std::vector<std::string>>{
                                {"id", "text"}, {"a", "x, \"y\"\r\nz"}, {"=1+1", "@b"}}));
  EXPECT_EQ(records[1][1].location, (SourceLocation{"f.csv", 2, 3}));
  EXPECT_EQ(records[2][0].location, (SourceLocation{"f.csv", 4, 1}));
  EXPECT_EQ(records[2][1].location, (SourceLocation{"f.csv", 4, 6}));
}

TEST(CsvReaderTest, SyntaxErrorsAreLocated) {
  EXPECT_EQ(FirstError("a,b\"c\n"),
            "f.csv:1:4: a quote inside an unquoted field (quote the whole field) [csv-syntax]");
  EXPECT_EQ(FirstError("a,\"b\"c\n"),
            "f.csv:1:6: text after the closing quote of a field [csv-syntax]");
  EXPECT_EQ(FirstError("a\n\"b,c\n"), "f.csv:2:1: a quoted field that is not closed [csv-syntax]");
  EXPECT_EQ(FirstError(std::string("a\0b", 3)), "f.csv:1:2: a NUL byte [csv-syntax]");
  EXPECT_EQ(FirstError("a\rb\n"), "f.csv:1:2: a carriage return without a line feed [csv-syntax]");
}

}  // namespace
}  // namespace medtra::interchange
