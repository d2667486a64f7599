// vers: ranges (package-url/vers-spec): parsing, canonical text and containment.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/sbom/version.h"

namespace medtra::sbom {
namespace {

constexpr std::string_view kNonCanonical = "non-canonical VERS: ";

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
bool IsLowerHex(char c) { return c >= 'a' && c <= 'f'; }

bool Fail(std::string* error, std::string_view reason) {
  if (error != nullptr) *error = std::string(kNonCanonical) + std::string(reason);
  return false;
}

// Version comparison in a vers type: a VersionScheme, or plain text for "datetime".
std::optional<int> CompareInType(std::string_view type, std::string_view a, std::string_view b) {
  if (type == "datetime") {
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  const std::optional<VersionScheme> scheme = SchemeOfVersType(type);
  if (!scheme) return std::nullopt;
  return CompareVersions(*scheme, a, b);
}

bool IsLess(std::string_view c) { return c == "<" || c == "<="; }
bool IsGreater(std::string_view c) { return c == ">" || c == ">="; }

// Decodes one constraint's version, checking its percent-encoding.
bool DecodeVersion(std::string_view type, std::string_view raw, std::string* out,
                   std::string* error) {
  out->clear();
  bool encoded_colon = false;
  bool lower_hex = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      *out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size() || HexValue(raw[i + 1]) < 0 || HexValue(raw[i + 2]) < 0) {
      return Fail(error, "invalid percent-encoding in version");
    }
    lower_hex = lower_hex || IsLowerHex(raw[i + 1]) || IsLowerHex(raw[i + 2]);
    const char c = static_cast<char>(HexValue(raw[i + 1]) * 16 + HexValue(raw[i + 2]));
    encoded_colon = encoded_colon || c == ':';
    *out += c;
    i += 2;
  }
  if (lower_hex) return Fail(error, "percent-encoding in version is not canonical");
  if (type == "datetime") {
    if (encoded_colon) return Fail(error, "datetime time colons must be unencoded");
    if (out->find('t') != std::string::npos || out->find('z') != std::string::npos) {
      return Fail(error, "datetime must use uppercase T and Z");
    }
  }
  return true;
}

std::string Encode(std::string_view version) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < version.size(); ++i) {
    const auto c = static_cast<unsigned char>(version[i]);
    // A leading comparator character would read back as a comparator.
    const bool leading =
        i == 0 && std::string_view("=<>!*").find(version[i]) != std::string_view::npos;
    if (c == '%' || c == '|' || c <= ' ' || c >= 0x7f || leading) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += version[i];
    }
  }
  return out;
}

}  // namespace

std::optional<VersionScheme> SchemeOfVersType(std::string_view type) {
  if (type == "npm") return VersionScheme::kNpm;
  if (type == "pypi") return VersionScheme::kPep440;
  if (type == "deb") return VersionScheme::kDebian;
  if (type == "maven") return VersionScheme::kMaven;
  if (type == "semver" || type == "golang" || type == "cargo") return VersionScheme::kSemver;
  if (type == "generic") return VersionScheme::kGeneric;
  return std::nullopt;
}

std::string VersRange::ToString() const {
  std::string out = "vers:" + versioning_scheme + "/";
  for (std::size_t i = 0; i < constraints.size(); ++i) {
    if (i > 0) out += '|';
    const VersConstraint& c = constraints[i];
    if (c.comparator == "*") {
      out += '*';
      continue;
    }
    if (c.comparator != "=") out += c.comparator;
    out += Encode(c.version);
  }
  return out;
}

std::optional<VersRange> ParseVers(std::string_view text, std::string* error) {
  return ParseVers(text, error, VersOrder::kCanonical);
}

std::optional<VersRange> ParseVers(std::string_view text, std::string* error, VersOrder order) {
  if (std::any_of(text.begin(), text.end(), IsSpace)) {
    Fail(error, "whitespace is not permitted");
    return std::nullopt;
  }
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || text.substr(0, colon) != "vers") {
    Fail(error, "the URI scheme must be 'vers:'");
    return std::nullopt;
  }
  const std::string_view specifier = text.substr(colon + 1);
  const std::size_t slash = specifier.find('/');
  if (slash == std::string_view::npos || slash == 0) {
    Fail(error, "a type is required before '/'");
    return std::nullopt;
  }
  VersRange range;
  range.versioning_scheme = std::string(specifier.substr(0, slash));
  for (const char c : range.versioning_scheme) {
    if (c >= 'A' && c <= 'Z') {
      Fail(error, "the type must be lowercase");
      return std::nullopt;
    }
  }
  const std::string_view constraints = specifier.substr(slash + 1);
  if (constraints.empty()) {
    Fail(error, "constraints are required");
    return std::nullopt;
  }
  if (constraints == "*") {
    range.constraints.push_back({"*", ""});
    return range;
  }
  if (constraints.front() == '|') {
    Fail(error, "leading pipe is not permitted");
    return std::nullopt;
  }
  if (constraints.back() == '|') {
    Fail(error, "trailing pipe is not permitted");
    return std::nullopt;
  }
  if (constraints.find("||") != std::string_view::npos) {
    Fail(error, "consecutive pipes are not permitted");
    return std::nullopt;
  }
  std::size_t start = 0;
  while (start <= constraints.size()) {
    const std::size_t bar = constraints.find('|', start);
    std::string_view item =
        constraints.substr(start, bar == constraints.npos ? constraints.npos : bar - start);
    VersConstraint c;
    c.comparator = "=";
    for (const std::string_view op : {">=", "<=", "!=", "<", ">"}) {
      if (item.substr(0, op.size()) == op) {
        c.comparator = std::string(op);
        item.remove_prefix(op.size());
        break;
      }
    }
    if (c.comparator == "=" && !item.empty() && item[0] == '=') {
      Fail(error, "'=' is implicit: write the bare version");
      return std::nullopt;
    }
    if (item.empty()) {
      Fail(error, "a constraint has an empty version");
      return std::nullopt;
    }
    if (item == "*" || item.find('*') == 0) {
      Fail(error, "'*' must be the only constraint");
      return std::nullopt;
    }
    if (!DecodeVersion(range.versioning_scheme, item, &c.version, error)) return std::nullopt;
    range.constraints.push_back(std::move(c));
    if (bar == constraints.npos) break;
    start = bar + 1;
  }
  const std::string& type = range.versioning_scheme;
  if (type != "datetime" && !SchemeOfVersType(type)) {
    return range;  // an unknown type: its versions cannot be checked or ordered
  }
  // Versions are checked only where they must be ordered: one constraint parses whatever its
  // version ("vers:npm/1.0%252F0" is valid in vers-spec's own tests); VersContains checks later.
  if (range.constraints.size() == 1) return range;
  for (const VersConstraint& c : range.constraints) {
    if (!CompareInType(type, c.version, c.version)) {
      Fail(error, "invalid version '" + c.version + "' for type '" + type + "'");
      return std::nullopt;
    }
  }
  auto less = [&type](const VersConstraint& a, const VersConstraint& b) {
    return *CompareInType(type, a.version, b.version) < 0;
  };
  if (order == VersOrder::kSort)
    std::stable_sort(range.constraints.begin(), range.constraints.end(), less);
  for (std::size_t i = 1; i < range.constraints.size(); ++i) {
    const int c =
        *CompareInType(type, range.constraints[i - 1].version, range.constraints[i].version);
    if (c == 0) {
      Fail(error, "duplicate version '" + range.constraints[i].version + "'");
      return std::nullopt;
    }
    if (c > 0) {
      Fail(error, "constraints are not sorted by version");
      return std::nullopt;
    }
  }
  // Ignoring "!=": "=", "<" or "<=" before "<" or "<="; ">" or ">=" before "=", ">" or ">=".
  const VersConstraint* previous = nullptr;
  for (const VersConstraint& c : range.constraints) {
    if (c.comparator == "!=") continue;
    if (previous != nullptr) {
      const std::string& p = previous->comparator;
      if (((p == "=" || IsLess(p)) && IsLess(c.comparator)) ||
          (IsGreater(p) && (c.comparator == "=" || IsGreater(c.comparator)))) {
        Fail(error, "redundant constraints '" + p + previous->version + "|" + c.comparator +
                        c.version + "'");
        return std::nullopt;
      }
    }
    previous = &c;
  }
  return range;
}

std::optional<bool> VersContains(const VersRange& range, std::string_view version) {
  const std::string& type = range.versioning_scheme;
  if (range.constraints.size() == 1 && range.constraints[0].comparator == "*") {
    if (type != "datetime" && !SchemeOfVersType(type)) return std::nullopt;
    if (!CompareInType(type, version, version)) return std::nullopt;
    return true;
  }
  if (!CompareInType(type, version, version)) return std::nullopt;
  for (const VersConstraint& c : range.constraints) {
    if (!CompareInType(type, c.version, c.version)) return std::nullopt;
  }
  auto cmp = [&type, version](const VersConstraint& c) {
    return *CompareInType(type, version, c.version);
  };
  for (const VersConstraint& c : range.constraints) {
    if ((c.comparator == "=" || c.comparator == "<=" || c.comparator == ">=") && cmp(c) == 0) {
      return true;
    }
  }
  for (const VersConstraint& c : range.constraints) {
    if (c.comparator == "!=" && cmp(c) == 0) return false;
  }
  std::vector<const VersConstraint*> bounds;
  bool only_unequal = true;
  for (const VersConstraint& c : range.constraints) {
    if (c.comparator != "!=") only_unequal = false;
    if (c.comparator != "=" && c.comparator != "!=") bounds.push_back(&c);
  }
  // Not in vers-spec's text, which leaves these cases out: "!=" alone contains every other
  // version, and a lone bound is both the first and the last of its pairs.
  if (only_unequal) return true;
  if (bounds.size() == 1) {
    const VersConstraint& c = *bounds[0];
    return IsLess(c.comparator) ? cmp(c) < 0 : cmp(c) > 0;
  }
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
    const VersConstraint& current = *bounds[i];
    const VersConstraint& next = *bounds[i + 1];
    if (i == 0 && IsLess(current.comparator) && cmp(current) < 0) return true;
    if (i + 2 == bounds.size() && IsGreater(next.comparator) && cmp(next) > 0) return true;
    if (IsGreater(current.comparator) && IsLess(next.comparator) && cmp(current) > 0 &&
        cmp(next) < 0) {
      return true;
    }
  }
  return false;
}

}  // namespace medtra::sbom
