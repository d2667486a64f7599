// Package URLs: the purl-spec parse and build algorithms, per-type normalisation, canonical form.
#include "medtra/sbom/purl.h"

#include <algorithm>
#include <array>
#include <vector>

namespace medtra::sbom {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char LowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), LowerChar);
  return out;
}

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// purl-spec: a type is ASCII letters, digits, '.', '+' and '-', and does not start with a digit.
bool ValidType(std::string_view type) {
  if (type.empty() || IsDigit(type[0])) return false;
  return std::all_of(type.begin(), type.end(), [](char c) {
    return IsAlpha(c) || IsDigit(c) || c == '.' || c == '+' || c == '-';
  });
}

// A qualifier key is ASCII letters, digits, '.', '-' and '_', and does not start with a digit.
bool ValidKey(std::string_view key) {
  if (key.empty() || IsDigit(key[0])) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return IsAlpha(c) || IsDigit(c) || c == '.' || c == '-' || c == '_';
  });
}

// The types whose namespace and name are case-insensitive (purl-spec PURL-TYPES).
constexpr std::array<std::string_view, 10> kLowerCaseTypes = {
    "alpm", "apk", "bitbucket", "bitnami", "composer", "deb", "github", "gitlab", "hex", "npm"};

void Normalise(Purl& purl) {
  purl.type = Lower(purl.type);
  const bool lower =
      std::find(kLowerCaseTypes.begin(), kLowerCaseTypes.end(), purl.type) != kLowerCaseTypes.end();
  if (lower || purl.type == "pypi") {
    purl.namespace_ = Lower(purl.namespace_);
    purl.name = Lower(purl.name);
  }
  if (purl.type == "pypi") std::replace(purl.name.begin(), purl.name.end(), '_', '-');
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? text.npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// Decodes the '/'-separated segments of `text`, dropping empty ones (and "." and ".." when
// `subpath`); a decoded segment with a '/' is an error.
std::optional<std::string> Segments(std::string_view text, bool subpath, const char* what,
                                    std::string* error) {
  std::string out;
  for (const std::string_view raw : Split(text, '/')) {
    if (raw.empty()) continue;
    const std::optional<std::string> segment = PercentDecode(raw);
    if (!segment) {
      *error = std::string("malformed percent-encoding in the ") + what;
      return std::nullopt;
    }
    if (subpath && (*segment == "." || *segment == "..")) continue;
    if (segment->find('/') != std::string::npos) {
      *error = std::string("a ") + what + " segment contains '/'";
      return std::nullopt;
    }
    out += out.empty() ? "" : "/";
    out += *segment;
  }
  return out;
}

// Checks decoded segments (of a built purl) the way Segments() reads them back.
bool CleanSegments(std::string_view text, bool subpath) {
  if (text.empty()) return true;
  for (const std::string_view segment : Split(text, '/')) {
    if (segment.empty() || (subpath && (segment == "." || segment == ".."))) return false;
  }
  return true;
}

std::string EncodeSegments(std::string_view text) {
  std::string out;
  for (const std::string_view segment : Split(text, '/')) {
    out += out.empty() ? "" : "/";
    out += PercentEncode(segment);
  }
  return out;
}

std::optional<Purl> Fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = HexValue(text[i + 1]);
    const int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    if (IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

std::string Purl::ToString() const {
  std::string out = "pkg:" + type + "/";
  if (!namespace_.empty()) out += EncodeSegments(namespace_) + "/";
  out += PercentEncode(name);
  if (!version.empty()) out += "@" + PercentEncode(version);
  bool first = true;
  for (const auto& [key, value] : qualifiers) {
    if (value.empty()) continue;
    out += first ? "?" : "&";
    out += key + "=" + PercentEncode(value);
    first = false;
  }
  if (!subpath.empty()) out += "#" + EncodeSegments(subpath);
  return out;
}

std::string Purl::Qualifier(std::string_view key) const {
  const auto found = qualifiers.find(std::string(key));
  return found == qualifiers.end() ? "" : found->second;
}

std::optional<Purl> MakePurl(Purl parts, std::string* error) {
  if (parts.type.empty()) return Fail(error, "the type is missing");
  if (!ValidType(parts.type)) return Fail(error, "invalid type '" + parts.type + "'");
  if (parts.name.empty()) return Fail(error, "the name is missing");
  if (!CleanSegments(parts.namespace_, false)) return Fail(error, "empty namespace segment");
  if (!CleanSegments(parts.subpath, true)) return Fail(error, "empty or relative subpath segment");
  std::map<std::string, std::string> qualifiers;
  for (const auto& [key, value] : parts.qualifiers) {
    const std::string lower = Lower(key);
    if (!ValidKey(lower)) return Fail(error, "invalid qualifier key '" + key + "'");
    if (qualifiers.count(lower) != 0) return Fail(error, "duplicate qualifier '" + lower + "'");
    if (!value.empty()) qualifiers[lower] = value;
  }
  parts.qualifiers = std::move(qualifiers);
  Normalise(parts);
  return parts;
}

std::optional<Purl> ParsePurl(std::string_view text, std::string* error) {
  std::string ignored;
  if (error == nullptr) error = &ignored;
  Purl purl;
  std::string_view rest = text;
  // 1. The subpath, after the last '#'.
  if (const size_t hash = rest.rfind('#'); hash != std::string_view::npos) {
    const auto subpath = Segments(rest.substr(hash + 1), true, "subpath", error);
    if (!subpath) return std::nullopt;
    purl.subpath = *subpath;
    rest = rest.substr(0, hash);
  }
  // 2. The qualifiers, after the last '?'.
  if (const size_t question = rest.rfind('?'); question != std::string_view::npos) {
    for (const std::string_view pair : Split(rest.substr(question + 1), '&')) {
      if (pair.empty()) continue;
      const size_t equals = pair.find('=');
      if (equals == std::string_view::npos) {
        return Fail(error, "qualifier '" + std::string(pair) + "' has no '='");
      }
      const std::string key = Lower(pair.substr(0, equals));
      if (!ValidKey(key)) {
        return Fail(error, "invalid qualifier key '" + std::string(pair.substr(0, equals)) + "'");
      }
      const std::optional<std::string> value = PercentDecode(pair.substr(equals + 1));
      if (!value) return Fail(error, "malformed percent-encoding in qualifier '" + key + "'");
      if (purl.qualifiers.count(key) != 0) return Fail(error, "duplicate qualifier '" + key + "'");
      purl.qualifiers[key] = *value;
    }
    rest = rest.substr(0, question);
  }
  // 3. The scheme "pkg:", then any slashes.
  const size_t colon = rest.find(':');
  if (colon == std::string_view::npos || Lower(rest.substr(0, colon)) != "pkg") {
    return Fail(error, "the scheme 'pkg:' is missing");
  }
  rest = rest.substr(colon + 1);
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  // 4. The type, up to the first '/'.
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return Fail(error, "the type or the name is missing");
  purl.type = Lower(rest.substr(0, slash));
  if (!ValidType(purl.type)) return Fail(error, "invalid type '" + purl.type + "'");
  rest = rest.substr(slash + 1);
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  // 5. The version, after the last '@' of the last segment.
  const size_t last_slash = rest.rfind('/');
  const size_t at = rest.rfind('@');
  if (at != std::string_view::npos && (last_slash == std::string_view::npos || at > last_slash)) {
    const std::optional<std::string> version = PercentDecode(rest.substr(at + 1));
    if (!version) return Fail(error, "malformed percent-encoding in the version");
    if (version->empty()) return Fail(error, "the version after '@' is empty");
    purl.version = *version;
    rest = rest.substr(0, at);
  }
  // 6. The name, after the last '/'; 7. the namespace before it.
  const size_t name_slash = rest.rfind('/');
  const std::string_view raw_name =
      name_slash == std::string_view::npos ? rest : rest.substr(name_slash + 1);
  const std::optional<std::string> name = PercentDecode(raw_name);
  if (!name) return Fail(error, "malformed percent-encoding in the name");
  if (name->empty()) return Fail(error, "the name is missing");
  purl.name = *name;
  if (name_slash != std::string_view::npos) {
    const auto space = Segments(rest.substr(0, name_slash), false, "namespace", error);
    if (!space) return std::nullopt;
    purl.namespace_ = *space;
  }
  std::erase_if(purl.qualifiers, [](const auto& entry) { return entry.second.empty(); });
  Normalise(purl);
  return purl;
}

}  // namespace medtra::sbom
