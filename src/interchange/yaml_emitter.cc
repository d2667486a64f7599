// QuoteYaml, YamlKey, CommentText and EmitYaml: the one YAML escaper of the interchange module.
#include "medtra/interchange/yaml_emitter.h"

namespace medtra::interchange {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// The length of the UTF-8 line break (NEL, U+2028, U+2029) at `i`, or 0.
size_t YamlBreakAt(std::string_view text, size_t i) {
  if (text.substr(i, 2) == "\xc2\x85") return 2;
  if (text.substr(i, 3) == "\xe2\x80\xa8" || text.substr(i, 3) == "\xe2\x80\xa9") return 3;
  return 0;
}

bool IsPlainKey(std::string_view key) {
  if (key.empty() || key.size() > 64) return false;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(key[0]) && key[0] != '_') return false;
  for (const char c : key) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') return false;
  }
  // Words that a YAML 1.1 reader would take for booleans or null.
  static constexpr std::string_view kSpecial[] = {
      "y",    "Y",     "yes",   "Yes",   "YES",  "n",    "N",   "no",   "No",
      "NO",   "on",    "On",    "ON",    "off",  "Off",  "OFF", "true", "True",
      "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"};
  for (const std::string_view word : kSpecial) {
    if (key == word) return false;
  }
  return true;
}

std::string Scalar(const nlohmann::json& value) {
  if (value.is_string()) return QuoteYaml(value.get_ref<const std::string&>());
  if (value.is_null()) return "null";
  return value.dump();
}

void Indent(int indent, std::string* out) { out->append(static_cast<size_t>(indent), ' '); }

bool IsEmptyOrScalar(const nlohmann::json& value) {
  return !value.is_structured() || value.empty();
}

std::string Inline(const nlohmann::json& value) {
  if (value.is_object()) return "{}";
  if (value.is_array()) return "[]";
  return Scalar(value);
}

}  // namespace

std::string QuoteYaml(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (const size_t n = YamlBreakAt(text, i); n != 0) {
      out += n == 2 ? "\\N" : (text[i + 2] == '\xa8' ? "\\L" : "\\P");
      i += n - 1;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string YamlKey(std::string_view key) {
  return IsPlainKey(key) ? std::string(key) : QuoteYaml(key);
}

std::string CommentText(std::string_view text) {
  constexpr size_t kMax = 200;
  std::string out;
  for (size_t i = 0; i < text.size() && out.size() <= kMax; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (const size_t n = YamlBreakAt(text, i); n != 0) {
      out += ' ';
      i += n - 1;
    } else {
      out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
    }
  }
  if (out.size() > kMax) {
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

void EmitYaml(const nlohmann::json& value, int indent, std::string* out) {
  if (IsEmptyOrScalar(value)) {
    Indent(indent, out);
    *out += Inline(value) + "\n";
    return;
  }
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      Indent(indent, out);
      *out += YamlKey(key) + ":";
      if (IsEmptyOrScalar(child)) {
        *out += " " + Inline(child) + "\n";
      } else {
        *out += "\n";
        EmitYaml(child, indent + 2, out);
      }
    }
    return;
  }
  for (const nlohmann::json& item : value) {
    Indent(indent, out);
    if (IsEmptyOrScalar(item)) {
      *out += "- " + Inline(item) + "\n";
    } else {
      *out += "-\n";
      EmitYaml(item, indent + 2, out);
    }
  }
}

}  // namespace medtra::interchange
