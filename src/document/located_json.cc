// ParseJsonDocument: nlohmann-json's SAX parser with a counting input, so that every value keeps
// its line and column; duplicate keys, depth and size limits are located errors.
#include <algorithm>
#include <iterator>
#include <vector>

#include "document/text_position.h"
#include "medtra/document/located_document.h"

namespace medtra::document {
namespace {

// A char iterator that tells how many bytes the parser has read (nlohmann's lexer reads one byte
// at a time and keeps at most one byte of lookahead, after a number).
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, size_t* consumed) : at_(at), consumed_(consumed) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    ++at_;
    ++*consumed_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const CountingIterator& a, const CountingIterator& b) {
    return a.at_ == b.at_;
  }

 private:
  const char* at_;
  size_t* consumed_;
};

bool IsLiteralByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '+' || c == '-' ||
         c == 'E';
}

class LocatingHandler {
 public:
  using json = nlohmann::json;

  LocatingHandler(LocatedDocument* doc, std::string_view text, DiagnosticSink* sink,
                  const DocumentLimits& limits)
      : doc_(doc), text_(text), positions_(text), sink_(sink), limits_(limits) {}

  size_t* consumed() { return &consumed_; }
  bool failed() const { return failed_; }

  bool null() { return Scalar(nullptr, LiteralStart()); }
  bool boolean(bool value) { return Scalar(value, LiteralStart()); }
  bool number_integer(json::number_integer_t value) { return Scalar(value, LiteralStart()); }
  bool number_unsigned(json::number_unsigned_t value) { return Scalar(value, LiteralStart()); }
  bool number_float(json::number_float_t value, const std::string&) {
    return Scalar(value, LiteralStart());
  }
  bool string(std::string& value) { return Scalar(std::move(value), StringStart()); }
  bool binary(json::binary_t&) { return Fail(consumed_, "json-syntax", "binary values"); }
  bool start_object(size_t) { return Open(json::object()); }
  bool start_array(size_t) { return Open(json::array()); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string& name) {
    Frame& top = stack_.back();
    if (top.value->contains(name)) {
      return Fail(StringStart(), "duplicate-key", "duplicate key '" + name + "'");
    }
    top.key = std::move(name);
    return true;
  }
  bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    std::string message = ex.what();
    const size_t at = message.find("parse error at line");
    const size_t colon = at == std::string::npos ? at : message.find(": ", at);
    if (colon != std::string::npos) message = message.substr(colon + 2);
    // nlohmann quotes the bytes it read, which may not be UTF-8: the caret shows them instead.
    if (const size_t read = message.find("; last read: '"); read != std::string::npos) {
      const size_t expected = message.find("'; expected ", read);
      message.erase(read, expected == std::string::npos ? std::string::npos : expected + 1 - read);
    }
    Fail(position == 0 ? 0 : position - 1, "json-syntax", "JSON " + message);
    return false;
  }

 private:
  struct Frame {
    json* value = nullptr;
    std::string pointer;
    std::string key;
    size_t next_index = 0;
  };

  bool Fail(size_t offset, const std::string& code, const std::string& message) {
    if (!failed_) sink_->Error(positions_.At(doc_->file, offset), code, message);
    failed_ = true;
    return false;
  }

  // The first byte of the number or literal just read (the lexer may have read one byte more).
  size_t LiteralStart() const {
    size_t i = std::min(consumed_, text_.size());
    while (i > 0 && !IsLiteralByte(text_[i - 1])) --i;
    while (i > 1 && IsLiteralByte(text_[i - 2])) --i;
    return i == 0 ? 0 : i - 1;
  }
  // The opening quote of the string just read (its closing quote is the last byte read).
  size_t StringStart() const {
    size_t i = consumed_ < 2 ? 0 : consumed_ - 2;
    while (i > 0) {
      if (text_[i] == '"') {
        size_t backslashes = 0;
        while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) break;
      }
      --i;
    }
    return i;
  }

  json* Place(json value, size_t offset) {
    if (++values_ > limits_.max_values) {
      Fail(offset, "file-too-large",
           "the file has more than " + std::to_string(limits_.max_values) + " values");
      return nullptr;
    }
    const bool positions = limits_.positions;
    std::string pointer;
    json* placed = nullptr;
    if (stack_.empty()) {
      doc_->root = std::move(value);
      placed = &doc_->root;
    } else if (Frame& top = stack_.back(); top.value->is_array()) {
      if (positions) pointer = PointerChild(top.pointer, top.next_index);
      ++top.next_index;
      top.value->push_back(std::move(value));
      placed = &top.value->back();
    } else {
      if (positions) pointer = PointerChild(top.pointer, top.key);
      placed = &((*top.value)[top.key] = std::move(value));
    }
    // The root is always located: a reader names the file's first value in its own errors.
    if (positions || stack_.empty()) doc_->where[pointer] = positions_.PositionAt(offset);
    last_pointer_ = std::move(pointer);
    return placed;
  }

  bool Scalar(json value, size_t offset) { return Place(std::move(value), offset) != nullptr; }

  bool Open(json value) {
    const size_t offset = consumed_ == 0 ? 0 : consumed_ - 1;
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      return Fail(offset, "json-depth",
                  "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    json* placed = Place(std::move(value), offset);
    if (placed == nullptr) return false;
    stack_.push_back({placed, last_pointer_, "", 0});
    return true;
  }

  bool Close() {
    stack_.pop_back();
    return true;
  }

  LocatedDocument* doc_;
  std::string_view text_;
  TextPositions positions_;
  DiagnosticSink* sink_;
  DocumentLimits limits_;
  size_t consumed_ = 0;
  size_t values_ = 0;
  bool failed_ = false;
  std::vector<Frame> stack_;
  std::string last_pointer_;
};

}  // namespace

std::optional<LocatedDocument> ParseJsonDocument(const std::string& file, std::string_view text,
                                                 DiagnosticSink& sink,
                                                 const DocumentLimits& limits) {
  LocatedDocument doc;
  doc.file = file;
  LocatingHandler handler(&doc, text, &sink, limits);
  const CountingIterator begin(text.data(), handler.consumed());
  const CountingIterator end(text.data() + text.size(), handler.consumed());
  const bool ok = nlohmann::json::sax_parse(begin, end, &handler);
  if (!ok || handler.failed()) return std::nullopt;
  return doc;
}

}  // namespace medtra::document
