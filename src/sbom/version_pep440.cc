// PEP 440 versions as packaging.version.Version parses, normalises and orders them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sbom/version_internal.h"

namespace medtra::sbom::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z'); }
// Python's \s on str, restricted to ASCII: [ \t\n\r\f\v\x1c-\x1f].
bool IsSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}
bool IsSep(char c) { return c == '-' || c == '_' || c == '.'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct Pep440 {
  std::string epoch = "0";
  std::vector<std::string> release;  // trailing zeros removed for ordering
  // pre: 0 = none, 1 = a, 2 = b, 3 = rc
  int pre_kind = 0;
  std::string pre_number;
  std::optional<std::string> post;
  std::optional<std::string> dev;
  std::optional<std::vector<std::string>> local;
};

// A small cursor over the lowercased text.
class Cursor {
 public:
  explicit Cursor(std::string text) : s_(std::move(text)) {}
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  std::size_t pos() const { return i_; }
  void set_pos(std::size_t p) { i_ = p; }
  bool Eat(std::string_view word) {
    if (s_.compare(i_, word.size(), word) == 0) {
      i_ += word.size();
      return true;
    }
    return false;
  }
  std::string Digits() {
    const std::size_t b = i_;
    while (i_ < s_.size() && IsDigit(s_[i_])) ++i_;
    return s_.substr(b, i_ - b);
  }
  void OptionalSep() {
    if (i_ < s_.size() && IsSep(s_[i_])) ++i_;
  }
  const std::string& text() const { return s_; }

 private:
  std::string s_;
  std::size_t i_ = 0;
};

// Tries "[-_.]?(label)[-_.]?([0-9]+)?" for each label; returns the chosen label index or -1.
// The regex backtracks over the alternatives; longer labels go first so that "alpha" is not
// read as "a" followed by garbage (a shorter label never succeeds where a longer one fails).
int MatchLabel(Cursor& c, const std::vector<std::string_view>& labels, std::string* number) {
  const std::size_t start = c.pos();
  c.OptionalSep();
  const std::size_t after_sep = c.pos();
  for (std::size_t k = 0; k < labels.size(); ++k) {
    c.set_pos(after_sep);
    if (!c.Eat(labels[k])) continue;
    c.OptionalSep();  // kept even without a number after it, as the greedy regex does
    std::string digits = c.Digits();
    *number = digits.empty() ? "0" : digits;
    return static_cast<int>(k);
  }
  c.set_pos(start);
  return -1;
}

std::optional<Pep440> Parse(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  std::string lower;
  for (char c : text) lower += Lower(c);
  Cursor c(lower);
  Pep440 v;
  if (c.Peek() == 'v') c.Eat("v");
  // epoch
  {
    const std::size_t b = c.pos();
    std::string digits = c.Digits();
    if (!digits.empty() && c.Peek() == '!') {
      c.Eat("!");
      v.epoch = digits;
    } else {
      c.set_pos(b);
    }
  }
  // release
  std::string first = c.Digits();
  if (first.empty()) return std::nullopt;
  v.release.push_back(first);
  while (c.Peek() == '.' && IsDigit(c.Peek(1))) {
    c.Eat(".");
    v.release.push_back(c.Digits());
  }
  // pre
  {
    std::string number;
    const int k = MatchLabel(c, {"preview", "alpha", "beta", "pre", "rc", "a", "b", "c"}, &number);
    if (k >= 0) {
      static constexpr int kKinds[] = {3, 1, 2, 3, 3, 1, 2, 3};
      v.pre_kind = kKinds[k];
      v.pre_number = number;
    }
  }
  // post: -N | [-_.]?(post|rev|r)[-_.]?N?
  {
    const std::size_t b = c.pos();
    if (c.Peek() == '-' && IsDigit(c.Peek(1))) {
      c.Eat("-");
      v.post = c.Digits();
    } else {
      c.set_pos(b);
      std::string number;
      if (MatchLabel(c, {"post", "rev", "r"}, &number) >= 0) v.post = number;
    }
  }
  // dev
  {
    std::string number;
    if (MatchLabel(c, {"dev"}, &number) >= 0) v.dev = number;
  }
  // local: \+[a-z0-9]+([-_.][a-z0-9]+)*
  if (c.Peek() == '+') {
    c.Eat("+");
    std::vector<std::string> segments;
    while (true) {
      const std::size_t b = c.pos();
      while (IsAlnum(c.Peek())) c.set_pos(c.pos() + 1);
      if (c.pos() == b) return std::nullopt;
      segments.push_back(c.text().substr(b, c.pos() - b));
      if (IsSep(c.Peek()) && IsAlnum(c.Peek(1))) {
        c.set_pos(c.pos() + 1);
        continue;
      }
      break;
    }
    v.local = std::move(segments);
  }
  if (!c.AtEnd()) return std::nullopt;
  while (v.release.size() > 1 && CompareDigits(v.release.back(), "0") == 0) v.release.pop_back();
  if (v.release.size() == 1 && CompareDigits(v.release[0], "0") == 0) v.release.clear();
  return v;
}

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

bool AllDigits(const std::string& s) {
  for (char ch : s) {
    if (!IsDigit(ch)) return false;
  }
  return !s.empty();
}

int Compare(const Pep440& a, const Pep440& b) {
  if (int c = CompareDigits(a.epoch, b.epoch); c != 0) return c;
  for (std::size_t i = 0; i < a.release.size() || i < b.release.size(); ++i) {
    // The key is the release without trailing zeros, compared as a tuple (shorter first).
    if (i == a.release.size()) return -1;
    if (i == b.release.size()) return 1;
    if (int c = CompareDigits(a.release[i], b.release[i]); c != 0) return c;
  }
  // pre: -inf for a dev-only release, +inf when absent, else (letter, number).
  auto pre_rank = [](const Pep440& v) {
    if (v.pre_kind == 0 && !v.post && v.dev) return 0;
    if (v.pre_kind == 0) return 4;
    return v.pre_kind;
  };
  if (int c = pre_rank(a) - pre_rank(b); c != 0) return Sign(c);
  if (a.pre_kind != 0) {
    if (int c = CompareDigits(a.pre_number, b.pre_number); c != 0) return c;
  }
  if (a.post.has_value() != b.post.has_value()) return a.post ? 1 : -1;
  if (a.post) {
    if (int c = CompareDigits(*a.post, *b.post); c != 0) return c;
  }
  if (a.dev.has_value() != b.dev.has_value()) return a.dev ? -1 : 1;
  if (a.dev) {
    if (int c = CompareDigits(*a.dev, *b.dev); c != 0) return c;
  }
  if (a.local.has_value() != b.local.has_value()) return a.local ? 1 : -1;
  if (a.local) {
    const std::vector<std::string>& x = *a.local;
    const std::vector<std::string>& y = *b.local;
    for (std::size_t i = 0; i < x.size() || i < y.size(); ++i) {
      if (i == x.size()) return -1;
      if (i == y.size()) return 1;
      const bool xn = AllDigits(x[i]);
      const bool yn = AllDigits(y[i]);
      if (xn != yn) return xn ? 1 : -1;
      const int c = xn ? CompareDigits(x[i], y[i]) : Sign(x[i].compare(y[i]));
      if (c != 0) return c;
    }
  }
  return 0;
}

}  // namespace

bool IsValidPep440(std::string_view version) { return Parse(version).has_value(); }

std::optional<int> ComparePep440(std::string_view a, std::string_view b) {
  const std::optional<Pep440> va = Parse(a);
  const std::optional<Pep440> vb = Parse(b);
  if (!va || !vb) return std::nullopt;
  return Compare(*va, *vb);
}

}  // namespace medtra::sbom::internal
