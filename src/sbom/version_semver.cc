// SemVer 2.0.0 parsing and precedence (build metadata ignored), and node-semver's version parser.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sbom/version_internal.h"

namespace medtra::sbom::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}
// 0|[1-9][0-9]*
bool IsNumericIdentifier(std::string_view s) {
  return AllDigits(s) && (s.size() == 1 || s[0] != '0');
}

// Splits on '.', requiring every part to be a non-empty [0-9A-Za-z-]+.
std::optional<std::vector<std::string>> SplitIdentifiers(std::string_view s) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view part =
        s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (part.empty() || !std::all_of(part.begin(), part.end(), IsIdentChar)) return std::nullopt;
    parts.emplace_back(part);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

int CompareDigits(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a[0] == '0') a.remove_prefix(1);
  while (b.size() > 1 && b[0] == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::optional<Semver> ParseSemver(std::string_view text, bool allow_v) {
  if (allow_v && !text.empty() && text[0] == 'v') text.remove_prefix(1);
  const std::size_t plus = text.find('+');
  if (plus != std::string_view::npos) {
    if (!SplitIdentifiers(text.substr(plus + 1))) return std::nullopt;
    text = text.substr(0, plus);
  }
  std::string_view pre;
  const std::size_t hyphen = text.find('-');
  bool has_pre = false;
  if (hyphen != std::string_view::npos) {
    pre = text.substr(hyphen + 1);
    text = text.substr(0, hyphen);
    has_pre = true;
  }
  Semver v;
  std::string* parts[3] = {&v.major, &v.minor, &v.patch};
  std::size_t start = 0;
  for (int k = 0; k < 3; ++k) {
    const std::size_t dot = k < 2 ? text.find('.', start) : text.size();
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string_view part = text.substr(start, dot - start);
    if (!IsNumericIdentifier(part)) return std::nullopt;
    *parts[k] = std::string(part);
    start = dot + 1;
  }
  if (has_pre) {
    std::optional<std::vector<std::string>> ids = SplitIdentifiers(pre);
    if (!ids) return std::nullopt;
    for (const std::string& id : *ids) {
      if (AllDigits(id) && !IsNumericIdentifier(id)) return std::nullopt;
    }
    v.prerelease = std::move(*ids);
  }
  return v;
}

int CompareSemver(const Semver& a, const Semver& b) {
  if (int c = CompareDigits(a.major, b.major); c != 0) return c;
  if (int c = CompareDigits(a.minor, b.minor); c != 0) return c;
  if (int c = CompareDigits(a.patch, b.patch); c != 0) return c;
  if (a.prerelease.empty() || b.prerelease.empty()) {
    if (a.prerelease.empty() && b.prerelease.empty()) return 0;
    return a.prerelease.empty() ? 1 : -1;
  }
  for (std::size_t i = 0;; ++i) {
    if (i == a.prerelease.size() && i == b.prerelease.size()) return 0;
    if (i == a.prerelease.size()) return -1;
    if (i == b.prerelease.size()) return 1;
    const std::string& x = a.prerelease[i];
    const std::string& y = b.prerelease[i];
    const bool xn = AllDigits(x);
    const bool yn = AllDigits(y);
    int c = 0;
    if (xn && yn) {
      c = CompareDigits(x, y);
    } else if (xn != yn) {
      c = xn ? -1 : 1;
    } else {
      c = x.compare(y);
      c = c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (c != 0) return c;
  }
}

std::optional<Semver> ParseNpmVersion(std::string_view text) {
  if (text.size() > 256) return std::nullopt;
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  std::optional<Semver> v = ParseSemver(text, /*allow_v=*/true);
  if (!v) return std::nullopt;
  // Number.MAX_SAFE_INTEGER = 9007199254740991.
  constexpr std::string_view kMaxSafe = "9007199254740991";
  for (const std::string* n : {&v->major, &v->minor, &v->patch}) {
    if (CompareDigits(*n, kMaxSafe) > 0) return std::nullopt;
  }
  return v;
}

}  // namespace medtra::sbom::internal
