// libFuzzer target: ReadCsv on arbitrary bytes; an error is located and returns no record; the
// records it accepts, written back with every field quoted, read back as the same texts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/interchange/csv_reader.h"

namespace {

std::vector<std::vector<std::string>> Texts(const std::vector<medtra::interchange::CsvRecord>& in) {
  std::vector<std::vector<std::string>> out;
  for (const auto& record : in) {
    out.emplace_back();
    for (const auto& field : record) out.back().push_back(field.text);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  medtra::DiagnosticSink sink;
  const auto records = medtra::interchange::ReadCsv(input, "fuzz.csv", sink);
  if (sink.has_errors()) {
    if (!records.empty() || !sink.diagnostics()[0].location.known()) __builtin_trap();
    return 0;
  }
  std::string written;
  for (const auto& record : records) {
    for (size_t i = 0; i < record.size(); ++i) {
      if (record[i].location.line < 1 || record[i].location.col < 1) __builtin_trap();
      written += i == 0 ? "\"" : ",\"";
      for (const char c : record[i].text)
        written += c == '"' ? std::string("\"\"") : std::string(1, c);
      written += '"';
    }
    written += "\r\n";
  }
  medtra::DiagnosticSink again_sink;
  const auto again = medtra::interchange::ReadCsv(written, "again.csv", again_sink);
  if (again_sink.has_errors() || Texts(again) != Texts(records)) __builtin_trap();
  return 0;
}
