// The generic ordering for versions no ecosystem orders (CPE matches, `vers:generic`): runs of
// digits and of letters compared in turn, in the manner of rpmvercmp without its '~' and '^'.
#include <cctype>

#include "sbom/version_internal.h"

namespace medtra::sbom::internal {
namespace {

constexpr std::size_t kMaxGenericLength = 256;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// The next run of digits or letters at or after `*at` (separators skipped); "" at the end.
std::string_view NextRun(std::string_view text, std::size_t* at) {
  while (*at < text.size() && !IsDigit(text[*at]) && !IsLetter(text[*at])) ++*at;
  const std::size_t start = *at;
  if (start == text.size()) return {};
  const bool digits = IsDigit(text[start]);
  while (*at < text.size() && (digits ? IsDigit(text[*at]) : IsLetter(text[*at]))) ++*at;
  return text.substr(start, *at - start);
}

int CompareLetters(std::string_view a, std::string_view b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return Lower(a[i]) < Lower(b[i]) ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

}  // namespace

bool IsValidGeneric(std::string_view version) {
  if (version.empty() || version.size() > kMaxGenericLength) return false;
  bool any = false;
  for (const char c : version) {
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f) {
      return false;
    }
    any = any || IsDigit(c) || IsLetter(c);
  }
  return any;
}

std::optional<int> CompareGeneric(std::string_view a, std::string_view b) {
  if (!IsValidGeneric(a) || !IsValidGeneric(b)) return std::nullopt;
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    const std::string_view x = NextRun(a, &i);
    const std::string_view y = NextRun(b, &j);
    if (x.empty() || y.empty()) {
      if (x.empty() && y.empty()) return 0;
      return x.empty() ? -1 : 1;  // the longer version orders after
    }
    const bool xd = IsDigit(x.front());
    const bool yd = IsDigit(y.front());
    if (xd != yd) return xd ? 1 : -1;  // a number orders after letters
    const int order = xd ? CompareDigits(x, y) : CompareLetters(x, y);
    if (order != 0) return order < 0 ? -1 : 1;
  }
}

}  // namespace medtra::sbom::internal
