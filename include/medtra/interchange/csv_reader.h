// ReadCsv: a strict RFC 4180 reader whose every field keeps its line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"

namespace medtra::interchange {

/// One field, unquoted, with where it starts in the file (1-based).
struct CsvField {
  std::string text;
  SourceLocation location;
};
using CsvRecord = std::vector<CsvField>;

/// Reads `text` (from `file`): a UTF-8 BOM is skipped, records end in CRLF or LF, a quoted field
/// may hold commas, `""` and line breaks. A quote inside an unquoted field, text after a closing
/// quote, an unclosed quote, a NUL byte or more than 100,000 records or 1,000 fields a record is a
/// `csv-syntax` error in `sink`. Cells are never interpreted: `=1+1` is the text "=1+1".
std::vector<CsvRecord> ReadCsv(std::string_view text, const std::string& file,
                               DiagnosticSink& sink);

}  // namespace medtra::interchange
