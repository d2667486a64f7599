// Debian version ordering, as dpkg's parseversion() and verrevcmp() define it.
#include <cstdint>
#include <optional>
#include <string_view>

#include "sbom/version_internal.h"

namespace medtra::sbom::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// dpkg trims with c_isblank (space and tab); strtol, for the epoch, skips any isspace.
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

struct DebianVersion {
  std::int64_t epoch = 0;
  std::string_view upstream;
  std::string_view revision;
};

// parseversion(): nullopt for what dpkg reports as an error or a warning.
std::optional<DebianVersion> ParseDebian(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size() && IsBlank(text[begin])) ++begin;
  std::size_t end = begin;
  while (end < text.size() && !IsBlank(text[end])) ++end;
  for (std::size_t i = end; i < text.size(); ++i) {
    if (!IsBlank(text[i])) return std::nullopt;  // embedded spaces
  }
  std::string_view s = text.substr(begin, end - begin);
  if (s.empty()) return std::nullopt;
  DebianVersion v;
  const std::size_t colon = s.find(':');
  if (colon != std::string_view::npos) {
    // strtol: optional sign, then digits; the digits must reach the colon.
    std::size_t i = 0;
    while (i < colon && IsSpace(s[i])) ++i;
    bool negative = false;
    if (i < colon && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    if (i == colon) return std::nullopt;
    std::int64_t epoch = 0;
    for (; i < colon; ++i) {
      if (!IsDigit(s[i])) return std::nullopt;
      epoch = epoch * 10 + (s[i] - '0');
      if (epoch > 2147483647) return std::nullopt;
    }
    if (negative && epoch != 0) return std::nullopt;
    v.epoch = epoch;
    s.remove_prefix(colon + 1);
    if (s.empty()) return std::nullopt;  // nothing after colon
  }
  const std::size_t hyphen = s.rfind('-');
  v.upstream = s;
  if (hyphen != std::string_view::npos) {
    v.upstream = s.substr(0, hyphen);
    v.revision = s.substr(hyphen + 1);
    if (v.revision.empty()) return std::nullopt;
  }
  if (v.upstream.empty()) return std::nullopt;
  if (!IsDigit(v.upstream[0])) return std::nullopt;  // a warning in dpkg
  for (const char c : v.upstream) {
    if (!IsDigit(c) && !IsAlpha(c) && std::string_view(".-+~:").find(c) == std::string_view::npos) {
      return std::nullopt;
    }
  }
  for (const char c : v.revision) {
    if (!IsDigit(c) && !IsAlpha(c) && std::string_view(".+~").find(c) == std::string_view::npos) {
      return std::nullopt;
    }
  }
  return v;
}

int Order(int c) {
  if (c >= '0' && c <= '9') return 0;
  if (IsAlpha(static_cast<char>(c))) return c;
  if (c == '~') return -1;
  if (c != 0) return c + 256;
  return 0;
}

int VerRevCmp(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  auto at = [](std::string_view s, std::size_t k) -> int {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0;
  };
  while (i < a.size() || j < b.size()) {
    int first_diff = 0;
    while ((i < a.size() && !IsDigit(a[i])) || (j < b.size() && !IsDigit(b[j]))) {
      const int ac = Order(at(a, i));
      const int bc = Order(at(b, j));
      if (ac != bc) return ac - bc;
      ++i;
      ++j;
    }
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    while (i < a.size() && j < b.size() && IsDigit(a[i]) && IsDigit(b[j])) {
      if (first_diff == 0) first_diff = a[i] - b[j];
      ++i;
      ++j;
    }
    if (i < a.size() && IsDigit(a[i])) return 1;
    if (j < b.size() && IsDigit(b[j])) return -1;
    if (first_diff != 0) return first_diff;
  }
  return 0;
}

}  // namespace

bool IsValidDebian(std::string_view version) { return ParseDebian(version).has_value(); }

std::optional<int> CompareDebian(std::string_view a, std::string_view b) {
  const std::optional<DebianVersion> va = ParseDebian(a);
  const std::optional<DebianVersion> vb = ParseDebian(b);
  if (!va || !vb) return std::nullopt;
  if (va->epoch != vb->epoch) return va->epoch < vb->epoch ? -1 : 1;
  const int upstream = VerRevCmp(va->upstream, vb->upstream);
  if (upstream != 0) return upstream < 0 ? -1 : 1;
  const int revision = VerRevCmp(va->revision, vb->revision);
  return revision < 0 ? -1 : (revision > 0 ? 1 : 0);
}

}  // namespace medtra::sbom::internal
