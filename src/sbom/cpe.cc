// ParseCpe: the CPE 2.3 formatted string and the 2.2 URI into one attribute list.
#include "medtra/sbom/cpe.h"

#include <cctype>
#include <vector>

namespace medtra::sbom {
namespace {

constexpr std::size_t kMaxCpeLength = 1024;

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Splits on ':' that no '\' quotes.
std::vector<std::string_view> SplitFormatted(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == ':') {
      fields.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  fields.push_back(text.substr(start));
  return fields;
}

bool FormattedValue(std::string_view field, CpeValue* out, std::string* error) {
  if (field.empty()) {
    *error = "a CPE 2.3 attribute is empty (ANY is '*')";
    return false;
  }
  out->text.clear();
  out->wildcard = false;
  if (field == "*" || field == "-") {
    out->text = std::string(field);
    out->wildcard = field == "*";
    return true;
  }
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '\\') {
      if (i + 1 == field.size()) {
        *error = "a CPE 2.3 attribute ends with a dangling '\\'";
        return false;
      }
      out->text += Lower(field[++i]);
    } else if (c == '*' || c == '?') {
      out->wildcard = true;
      out->text += c;
    } else if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f) {
      *error = "a CPE 2.3 attribute holds a space or a non-ASCII character";
      return false;
    } else {
      out->text += Lower(c);
    }
  }
  return true;
}

bool UriValue(std::string_view field, CpeValue* out, std::string* error) {
  out->text.clear();
  out->wildcard = false;
  if (field.empty()) {
    out->text = "*";
    out->wildcard = true;
    return true;
  }
  if (field == "-") {
    out->text = "-";
    return true;
  }
  for (std::size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (c == '%') {
      const int hi = i + 2 < field.size() ? HexValue(field[i + 1]) : -1;
      const int lo = i + 2 < field.size() ? HexValue(field[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        *error = "a CPE 2.2 URI has a malformed percent-encoding";
        return false;
      }
      i += 2;
      if (hi == 0 && (lo == 1 || lo == 2)) {  // %01 and %02 are the URI's '?' and '*'
        out->text += lo == 1 ? '?' : '*';
        out->wildcard = true;
        continue;
      }
      c = static_cast<char>(hi * 16 + lo);
    }
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f) {
      *error = "a CPE 2.2 URI holds a space or a non-ASCII character";
      return false;
    }
    out->text += Lower(c);
  }
  return true;
}

bool ValidPart(const CpeValue& part, std::string* error) {
  if (part.Any() || part.text == "a" || part.text == "o" || part.text == "h") return true;
  *error = "a CPE part is a (application), o (operating system) or h (hardware), not '" +
           part.text + "'";
  return false;
}

}  // namespace

std::optional<Cpe> ParseCpe(std::string_view text, std::string* error) {
  if (text.size() > kMaxCpeLength) {
    *error = "a CPE name is longer than 1,024 characters";
    return std::nullopt;
  }
  Cpe cpe;
  if (text.starts_with("cpe:2.3:")) {
    const std::vector<std::string_view> fields = SplitFormatted(text.substr(8));
    if (fields.size() != Cpe::kCount) {
      *error =
          "a CPE 2.3 name has 11 attributes after 'cpe:2.3:', not " + std::to_string(fields.size());
      return std::nullopt;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (!FormattedValue(fields[i], &cpe.values[i], error)) return std::nullopt;
    }
  } else if (text.starts_with("cpe:/")) {
    std::vector<std::string_view> fields;
    std::string_view rest = text.substr(5);
    while (true) {
      const std::size_t colon = rest.find(':');
      fields.push_back(rest.substr(0, colon));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
    if (fields.size() > Cpe::kLanguage + 1) {
      *error = "a CPE 2.2 URI has at most 7 attributes, not " + std::to_string(fields.size());
      return std::nullopt;
    }
    for (std::size_t i = 0; i < Cpe::kCount; ++i) {
      const std::string_view field = i < fields.size() ? fields[i] : std::string_view();
      if (!UriValue(field, &cpe.values[i], error)) return std::nullopt;
    }
  } else {
    *error = "a CPE name starts with 'cpe:2.3:' or 'cpe:/'";
    return std::nullopt;
  }
  if (!ValidPart(cpe.part(), error)) return std::nullopt;
  return cpe;
}

}  // namespace medtra::sbom
