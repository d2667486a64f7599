// ReadCsv: RFC 4180 records with located fields; errors are located diagnostics.
#include "medtra/interchange/csv_reader.h"

namespace medtra::interchange {
namespace {

constexpr size_t kMaxRecords = 100000;
constexpr size_t kMaxFields = 1000;

class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& file, DiagnosticSink& sink)
      : text_(text), file_(file), sink_(sink) {
    if (text_.starts_with("\xEF\xBB\xBF")) {
      text_.remove_prefix(3);
    }
  }

  std::vector<CsvRecord> Parse() {
    std::vector<CsvRecord> records;
    while (pos_ < text_.size()) {
      CsvRecord record;
      if (!Record(&record)) return {};
      if (records.size() == kMaxRecords) return Fail(Here(), "more than 100000 records");
      records.push_back(std::move(record));
    }
    return records;
  }

 private:
  SourceLocation Here() const { return SourceLocation{file_, line_, col_}; }

  std::vector<CsvRecord> Fail(const SourceLocation& at, const std::string& message) {
    sink_.Error(at, "csv-syntax", message);
    return {};
  }

  char Next() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col_;  // columns count characters, not UTF-8 continuation bytes
    }
    return c;
  }

  bool AtRecordEnd() const {
    return pos_ == text_.size() || text_[pos_] == '\n' ||
           (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
  }

  bool Record(CsvRecord* record) {
    while (true) {
      CsvField field{"", Here()};
      if (!Field(&field)) return false;
      if (record->size() == kMaxFields) {
        Fail(field.location, "more than 1000 fields in a record");
        return false;
      }
      record->push_back(std::move(field));
      if (pos_ == text_.size()) return true;
      const char c = Next();
      if (c == ',') continue;
      if (c == '\r') Next();
      return true;
    }
  }

  bool Field(CsvField* field) {
    if (pos_ < text_.size() && text_[pos_] == '"') return Quoted(field);
    while (pos_ < text_.size() && text_[pos_] != ',' && !AtRecordEnd()) {
      const SourceLocation at = Here();
      const char c = Next();
      if (c == '"' || c == '\0' || c == '\r') {
        Fail(at, c == '"' ? "a quote inside an unquoted field (quote the whole field)"
                          : (c == '\0' ? "a NUL byte" : "a carriage return without a line feed"));
        return false;
      }
      field->text += c;
    }
    return true;
  }

  bool Quoted(CsvField* field) {
    const SourceLocation open = Here();
    Next();
    while (true) {
      if (pos_ == text_.size()) {
        Fail(open, "a quoted field that is not closed");
        return false;
      }
      const char c = Next();
      if (c == '\0') {
        Fail(Here(), "a NUL byte");
        return false;
      }
      if (c != '"') {
        field->text += c;
      } else if (pos_ < text_.size() && text_[pos_] == '"') {
        field->text += Next();
      } else if (pos_ < text_.size() && text_[pos_] != ',' && !AtRecordEnd()) {
        Fail(Here(), "text after the closing quote of a field");
        return false;
      } else {
        return true;
      }
    }
  }

  std::string_view text_;
  const std::string& file_;
  DiagnosticSink& sink_;
  size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;
};

}  // namespace

std::vector<CsvRecord> ReadCsv(std::string_view text, const std::string& file,
                               DiagnosticSink& sink) {
  return CsvParser(text, file, sink).Parse();
}

}  // namespace medtra::interchange
