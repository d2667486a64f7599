// JsonStream and AppendJsonString.
#include "report/json_stream.h"

#include <cassert>
#include <charconv>

namespace medtra::report {

void AppendJsonString(std::string_view text, std::string* out) {
  // Printable ASCII other than '"' and '\' is copied as is; anything else (control characters,
  // UTF-8, invalid bytes) goes through nlohmann's serializer so the escaping stays its own.
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || c == '"' || c == '\\') {
      *out += nlohmann::ordered_json(std::string(text))
                  .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      return;
    }
  }
  out->reserve(out->size() + text.size() + 2);
  *out += '"';
  out->append(text);
  *out += '"';
}

std::string JsonText(const std::function<void(JsonStream&)>& write, size_t reserve) {
  std::string out;
  out.reserve(reserve);
  JsonStream j(&out);
  write(j);
  out += '\n';
  return out;
}

void WriteJsonText(std::ostream& out, const std::function<void(JsonStream&)>& write) {
  std::string buffer;
  buffer.reserve(size_t{2} << 20);
  JsonStream j(&buffer, &out);
  write(j);
  buffer += '\n';
  j.Flush(true);
}

void JsonStream::Flush(bool all) {
  constexpr size_t kChunk = size_t{1} << 20;
  if (sink_ == nullptr || (!all && out_->size() < kChunk)) return;
  sink_->write(out_->data(), static_cast<std::streamsize>(out_->size()));
  out_->clear();
}

JsonStream JsonStream::Continuation(std::string* out, size_t members) const {
  assert(!counts_.empty() && !after_key_);
  JsonStream run(out);
  run.counts_ = counts_;
  run.counts_.back() = members;
  return run;
}

void JsonStream::Join(std::string_view text, size_t members) {
  assert(!counts_.empty() && !after_key_);
  out_->append(text);
  counts_.back() += members;
}

void JsonStream::Indent(size_t depth) { out_->append(2 * depth, ' '); }

void JsonStream::Next() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  *out_ += counts_.back()++ == 0 ? "\n" : ",\n";
  Indent(counts_.size());
}

void JsonStream::BeginObject() {
  Next();
  *out_ += '{';
  counts_.push_back(0);
}

void JsonStream::BeginArray() {
  Next();
  *out_ += '[';
  counts_.push_back(0);
}

void JsonStream::EndObject() {
  assert(!counts_.empty());
  const size_t count = counts_.back();
  counts_.pop_back();
  if (count > 0) {
    *out_ += '\n';
    Indent(counts_.size());
  }
  *out_ += '}';
}

void JsonStream::EndArray() {
  assert(!counts_.empty());
  const size_t count = counts_.back();
  counts_.pop_back();
  if (count > 0) {
    *out_ += '\n';
    Indent(counts_.size());
  }
  *out_ += ']';
}

void JsonStream::Key(std::string_view key) {
  Next();
  AppendJsonString(key, out_);
  *out_ += ": ";
  after_key_ = true;
}

void JsonStream::String(std::string_view value) {
  Next();
  AppendJsonString(value, out_);
}

void JsonStream::StringOrNull(std::string_view value) {
  if (value.empty()) {
    Null();
  } else {
    String(value);
  }
}

void JsonStream::Null() {
  Next();
  *out_ += "null";
}

void JsonStream::Bool(bool value) {
  Next();
  *out_ += value ? "true" : "false";
}

void JsonStream::Int(int64_t value) {
  Next();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, result.ptr);
}

void JsonStream::Double(double value) {
  Next();
  *out_ += nlohmann::ordered_json(value).dump();
}

void JsonStream::Strings(std::span<const std::string> values) {
  BeginArray();
  for (const std::string& value : values) String(value);
  EndArray();
}

void JsonStream::Value(const nlohmann::ordered_json& value) {
  using Type = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case Type::object:
      BeginObject();
      for (const auto& [key, member] : value.items()) {
        Key(key);
        Value(member);
      }
      EndObject();
      return;
    case Type::array:
      BeginArray();
      for (const auto& item : value) Value(item);
      EndArray();
      return;
    case Type::string:
      String(value.get_ref<const std::string&>());
      return;
    case Type::null:
      Null();
      return;
    case Type::boolean:
      Bool(value.get<bool>());
      return;
    case Type::number_integer:
      Int(value.get<int64_t>());
      return;
    default:  // unsigned, float, binary: rare, and nlohmann knows best
      Next();
      *out_ += value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      return;
  }
}

}  // namespace medtra::report
