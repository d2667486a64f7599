// node-semver's Range (without options): the same rewriting steps (hyphen ranges, operator
// whitespace, tilde, caret, x-ranges, stars, ">=0.0.0") and the same pre-release rule.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/sbom/version.h"
#include "sbom/version_internal.h"

namespace medtra::sbom {
namespace {

using internal::CompareDigits;
using internal::Semver;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsIdentChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

std::string Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    out.emplace_back(s.substr(i, j - i));
    if (j >= s.size()) break;
    i = j;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i == s.size()) {
      out.emplace_back();
      break;
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ' ';
    out += parts[i];
  }
  return out;
}

// "1" + 1 as decimal digit strings.
std::string Inc(std::string_view digits) {
  std::string s(digits);
  while (s.size() > 1 && s[0] == '0') s.erase(0, 1);
  int i = static_cast<int>(s.size()) - 1;
  while (i >= 0 && s[static_cast<std::size_t>(i)] == '9') s[static_cast<std::size_t>(i--)] = '0';
  if (i < 0) {
    s.insert(s.begin(), '1');
  } else {
    ++s[static_cast<std::size_t>(i)];
  }
  return s;
}

bool IsX(std::string_view id) { return id.empty() || id == "x" || id == "X" || id == "*"; }

// The match of XRANGEPLAIN: [v=\s]*(XID)(?:\.(XID)(?:\.(XID)PRERELEASE?BUILD?)?)?
struct XRange {
  std::string major, minor, patch, pre;
  std::size_t end = 0;  // where the match ends
};

// XID at s[i]: 0|[1-9]\d*|x|X|\*; returns its length (0 when none).
std::size_t MatchXid(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == 'x' || s[i] == 'X' || s[i] == '*') return 1;
  if (s[i] == '0') return 1;
  if (!IsDigit(s[i])) return 0;
  std::size_t j = i;
  while (j < s.size() && IsDigit(s[j])) ++j;
  return j - i;
}

// PRERELEASE at s[i] ('-' and identifiers); returns its end or i when absent.
std::size_t MatchIdentifiers(std::string_view s, std::size_t i, bool numeric_rule) {
  std::size_t end = i;
  std::size_t k = i;
  while (true) {
    std::size_t j = k;
    while (j < s.size() && IsIdentChar(s[j])) ++j;
    if (j == k) break;
    const std::string_view id = s.substr(k, j - k);
    bool digits = true;
    for (char c : id) digits = digits && IsDigit(c);
    if (numeric_rule && digits && id.size() > 1 && id[0] == '0') {
      // NUMERICIDENTIFIER only matches the "0"; the regex continues after it.
      j = k + 1;
    }
    end = j;
    if (j < s.size() && s[j] == '.' && j + 1 < s.size() && IsIdentChar(s[j + 1])) {
      k = j + 1;
      continue;
    }
    break;
  }
  return end;
}

// Matches XRANGEPLAIN at `start`; the match may end before the end of `s`.
std::optional<XRange> MatchXRangePlain(std::string_view s, std::size_t start) {
  std::size_t i = start;
  while (i < s.size() && (s[i] == 'v' || s[i] == '=' || IsSpace(s[i]))) ++i;
  XRange x;
  std::size_t n = MatchXid(s, i);
  if (n == 0) return std::nullopt;
  x.major = std::string(s.substr(i, n));
  i += n;
  x.end = i;
  if (i + 1 < s.size() && s[i] == '.' && (n = MatchXid(s, i + 1)) > 0) {
    x.minor = std::string(s.substr(i + 1, n));
    i += 1 + n;
    x.end = i;
    if (i + 1 < s.size() && s[i] == '.' && (n = MatchXid(s, i + 1)) > 0) {
      x.patch = std::string(s.substr(i + 1, n));
      i += 1 + n;
      x.end = i;
      if (i < s.size() && s[i] == '-') {
        const std::size_t e = MatchIdentifiers(s, i + 1, true);
        if (e > i + 1) {
          x.pre = std::string(s.substr(i + 1, e - i - 1));
          i = e;
          x.end = i;
        }
      }
      if (i < s.size() && s[i] == '+') {
        const std::size_t e = MatchIdentifiers(s, i + 1, false);
        if (e > i + 1) {
          i = e;
          x.end = i;
        }
      }
    }
  }
  return x;
}

// XRANGEPLAIN anchored at both ends of s[start..].
std::optional<XRange> MatchXRangeFull(std::string_view s, std::size_t start) {
  std::optional<XRange> x = MatchXRangePlain(s, start);
  if (!x || x->end != s.size()) return std::nullopt;
  return x;
}

// GTLT: ((?:<|>)?=?)
std::size_t MatchGtlt(std::string_view s, std::size_t i) {
  std::size_t j = i;
  if (j < s.size() && (s[j] == '<' || s[j] == '>')) ++j;
  if (j < s.size() && s[j] == '=') ++j;
  return j - i;
}

// Removes build metadata everywhere (BUILDSTRIPRE).
std::string StripBuild(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '+') {
      const std::size_t e = MatchIdentifiers(s, i + 1, false);
      if (e > i + 1) {
        i = e;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

std::string HyphenReplace(std::string_view s) {
  // ^\s*(XRANGEPLAIN)\s+-\s+(XRANGEPLAIN)\s*$
  std::size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  const std::optional<XRange> from = MatchXRangePlain(s, i);
  if (!from) return std::string(s);
  std::size_t j = from->end;
  const std::size_t ws1 = j;
  while (j < s.size() && IsSpace(s[j])) ++j;
  if (j == ws1 || j >= s.size() || s[j] != '-') return std::string(s);
  ++j;
  const std::size_t ws2 = j;
  while (j < s.size() && IsSpace(s[j])) ++j;
  if (j == ws2) return std::string(s);
  const std::optional<XRange> to = MatchXRangePlain(s, j);
  if (!to) return std::string(s);
  std::size_t k = to->end;
  while (k < s.size() && IsSpace(s[k])) ++k;
  if (k != s.size()) return std::string(s);
  const std::string from_text(s.substr(i, from->end - i));
  std::string a;
  if (IsX(from->major)) {
    a = "";
  } else if (IsX(from->minor)) {
    a = ">=" + from->major + ".0.0";
  } else if (IsX(from->patch)) {
    a = ">=" + from->major + "." + from->minor + ".0";
  } else {
    a = ">=" + from_text;
  }
  std::string b;
  const std::string to_text(s.substr(j, to->end - j));
  if (IsX(to->major)) {
    b = "";
  } else if (IsX(to->minor)) {
    b = "<" + Inc(to->major) + ".0.0-0";
  } else if (IsX(to->patch)) {
    b = "<" + to->major + "." + Inc(to->minor) + ".0-0";
  } else if (!to->pre.empty()) {
    b = "<=" + to->major + "." + to->minor + "." + to->patch + "-" + to->pre;
  } else {
    b = "<=" + to_text;
  }
  return Trim(a + " " + b);
}

bool IsVersionStart(char c) { return IsDigit(c) || c == 'x' || c == 'X' || c == '*'; }
bool IsVersionPrefix(char c) { return c == 'v' || c == '=' || IsSpace(c); }

// Joins an operator to its version ("> 1.2.3" -> ">1.2.3"), as trimComparatorWhitespace does.
std::string TrimComparatorWhitespace(const std::string& s) {
  std::string out;
  std::size_t copy_from = 0;
  std::size_t cursor = 0;
  while (cursor < s.size()) {
    const std::size_t match_start = cursor;
    if (s[cursor] == '<' || s[cursor] == '>') {
      ++cursor;
    } else if (!IsVersionPrefix(s[cursor]) && !IsVersionStart(s[cursor])) {
      ++cursor;
      continue;
    }
    while (cursor < s.size() && IsVersionPrefix(s[cursor])) ++cursor;
    if (cursor >= s.size() || !IsVersionStart(s[cursor])) continue;
    std::size_t p = match_start;
    if (p < s.size() && IsSpace(s[p])) ++p;
    if (p < s.size() && (s[p] == '<' || s[p] == '>')) ++p;
    if (p < s.size() && s[p] == '=') ++p;
    if (p < s.size() && IsSpace(s[p])) {
      out += s.substr(copy_from, p - copy_from);
      copy_from = p + 1;
    }
    // Skip the version: a loose full version, else a partial one.
    std::size_t end = cursor;
    {
      std::size_t k = cursor;
      bool full = true;
      for (int c = 0; c < 3 && full; ++c) {
        const std::size_t d = k;
        while (k < s.size() && IsDigit(s[k])) ++k;
        if (k == d) full = false;
        if (full && c < 2) {
          if (k < s.size() && s[k] == '.') {
            ++k;
          } else {
            full = false;
          }
        }
      }
      if (full) {
        // PRERELEASELOOSE (-? identifiers) and BUILD.
        std::size_t q = k;
        if (q < s.size() && s[q] == '-') ++q;
        std::size_t e = MatchIdentifiers(s, q, false);
        if (e > q) k = e;
        if (k < s.size() && s[k] == '+') {
          e = MatchIdentifiers(s, k + 1, false);
          if (e > k + 1) k = e;
        }
        end = k;
      } else {
        const std::optional<XRange> x = MatchXRangePlain(s, cursor);
        end = x ? x->end : cursor + 1;
      }
    }
    cursor = end > cursor ? end : cursor + 1;
  }
  return out + s.substr(copy_from);
}

// (\s*)X\s+ -> $1X for X = "~", "~>" (TILDETRIM) or "^" (CARETTRIM).
std::string TrimAfter(const std::string& s, bool tilde) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    if (tilde && s[i] == '~') {
      j = i + 1;
      if (j < s.size() && s[j] == '>') ++j;
    } else if (!tilde && s[i] == '^') {
      j = i + 1;
    } else {
      out += s[i++];
      continue;
    }
    std::size_t k = j;
    while (k < s.size() && IsSpace(s[k])) ++k;
    if (k == j) {
      out += s.substr(i, j - i);
      i = j;
      continue;
    }
    out += tilde ? '~' : '^';  // "~> 1" becomes "~1", as the regex replacement does
    i = k;
  }
  return out;
}

// ^~>?XRANGEPLAIN$ or ^\^XRANGEPLAIN$
std::string ReplaceTildeOrCaret(const std::string& comp, bool caret) {
  std::size_t i = 0;
  if (caret) {
    if (comp.empty() || comp[0] != '^') return comp;
    i = 1;
  } else {
    if (comp.empty() || comp[0] != '~') return comp;
    i = 1;
    if (i < comp.size() && comp[i] == '>') ++i;
  }
  std::optional<XRange> x = MatchXRangeFull(comp, i);
  if (!x && !caret && i == 2) x = MatchXRangeFull(comp, 1);  // "~>" never backtracks usefully
  if (!x) return comp;
  const std::string& M = x->major;
  const std::string& m = x->minor;
  const std::string& p = x->patch;
  const std::string& pr = x->pre;
  if (IsX(M)) return "";
  if (IsX(m)) return ">=" + M + ".0.0 <" + Inc(M) + ".0.0-0";
  if (!caret) {
    if (IsX(p)) return ">=" + M + "." + m + ".0 <" + M + "." + Inc(m) + ".0-0";
    const std::string low = ">=" + M + "." + m + "." + p + (pr.empty() ? "" : "-" + pr);
    return low + " <" + M + "." + Inc(m) + ".0-0";
  }
  if (IsX(p)) {
    if (M == "0") return ">=" + M + "." + m + ".0 <" + M + "." + Inc(m) + ".0-0";
    return ">=" + M + "." + m + ".0 <" + Inc(M) + ".0.0-0";
  }
  const std::string low = ">=" + M + "." + m + "." + p + (pr.empty() ? "" : "-" + pr);
  if (M == "0") {
    if (m == "0") return low + " <" + M + "." + m + "." + Inc(p) + "-0";
    return low + " <" + M + "." + Inc(m) + ".0-0";
  }
  return low + " <" + Inc(M) + ".0.0-0";
}

std::string ReplaceXRange(const std::string& raw) {
  const std::string comp = Trim(raw);
  // ^GTLT\s*XRANGEPLAIN$
  const std::size_t g = MatchGtlt(comp, 0);
  std::string gtlt = comp.substr(0, g);
  std::size_t i = g;
  while (i < comp.size() && IsSpace(comp[i])) ++i;
  std::optional<XRange> x = MatchXRangeFull(comp, i);
  if (!x && g == 2) {
    // GTLT may give back its '=' to XRANGEPLAIN's [v=\s]*.
    x = MatchXRangeFull(comp, 1);
    if (x) gtlt = comp.substr(0, 1);
  }
  if (!x) return comp;
  std::string M = x->major;
  std::string m = x->minor;
  std::string p = x->patch;
  // invalidXRangeOrder
  if ((IsX(M) && !IsX(m)) || (IsX(m) && !p.empty() && !IsX(p))) return comp;
  const bool xM = IsX(M);
  const bool xm = xM || IsX(m);
  const bool xp = xm || IsX(p);
  const bool any_x = xp;
  if (gtlt == "=" && any_x) gtlt = "";
  std::string pr;
  if (xM) {
    if (gtlt == ">" || gtlt == "<") return "<0.0.0-0";
    return "*";
  }
  if (!gtlt.empty() && any_x) {
    if (xm) m = "0";
    p = "0";
    if (gtlt == ">") {
      gtlt = ">=";
      if (xm) {
        M = Inc(M);
        m = "0";
      } else {
        m = Inc(m);
      }
    } else if (gtlt == "<=") {
      gtlt = "<";
      if (xm) {
        M = Inc(M);
      } else {
        m = Inc(m);
      }
    }
    if (gtlt == "<") pr = "-0";
    return gtlt + M + "." + m + "." + p + pr;
  }
  if (xm) return ">=" + M + ".0.0 <" + Inc(M) + ".0.0-0";
  if (xp) return ">=" + M + "." + m + ".0 <" + M + "." + Inc(m) + ".0-0";
  return comp;
}

// replaceStars: removes every (<|>)?=?\s*\* .
std::string ReplaceStars(const std::string& raw) {
  const std::string s = Trim(raw);
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    if (j < s.size() && (s[j] == '<' || s[j] == '>')) ++j;
    if (j < s.size() && s[j] == '=') ++j;
    while (j < s.size() && IsSpace(s[j])) ++j;
    if (j < s.size() && s[j] == '*') {
      i = j + 1;
      continue;
    }
    out += s[i++];
  }
  return out;
}

struct Comparator {
  std::string op;                 // "", "<", "<=", ">", ">="
  std::optional<Semver> version;  // nullopt: ANY
};

std::optional<Comparator> ParseComparator(const std::string& raw) {
  const std::string comp = Join(SplitSpaces(Trim(raw)));
  Comparator c;
  if (comp.empty()) return c;
  const std::size_t g = MatchGtlt(comp, 0);
  c.op = comp.substr(0, g);
  if (c.op == "=") c.op = "";
  std::size_t i = g;
  while (i < comp.size() && IsSpace(comp[i])) ++i;
  // FULLPLAIN: v? MAINVERSION PRERELEASE? BUILD?; node-semver then parses it with SemVer().
  const std::string_view rest = std::string_view(comp).substr(i);
  if (rest.empty()) return std::nullopt;
  c.version = internal::ParseNpmVersion(rest);
  if (!c.version) return std::nullopt;
  return c;
}

// Comparator.value: the operator and the formatted version ("" for any).
std::string Value(const Comparator& c) {
  if (!c.version) return "";
  auto number = [](const std::string& digits) {
    std::string_view d = digits;
    while (d.size() > 1 && d[0] == '0') d.remove_prefix(1);
    return std::string(d);
  };
  std::string v = c.op + number(c.version->major) + "." + number(c.version->minor) + "." +
                  number(c.version->patch);
  for (std::size_t i = 0; i < c.version->prerelease.size(); ++i) {
    v += (i == 0 ? "-" : ".") + c.version->prerelease[i];
  }
  return v;
}

bool Test(const Comparator& c, const Semver& v) {
  if (!c.version) return true;
  const int r = internal::CompareSemver(v, *c.version);
  if (c.op.empty()) return r == 0;
  if (c.op == "<") return r < 0;
  if (c.op == "<=") return r <= 0;
  if (c.op == ">") return r > 0;
  return r >= 0;
}

std::optional<std::vector<Comparator>> ParseSet(const std::string& set_text) {
  std::string range = StripBuild(set_text);
  range = HyphenReplace(range);
  range = TrimComparatorWhitespace(range);
  range = TrimAfter(range, /*tilde=*/true);
  range = TrimAfter(range, /*tilde=*/false);
  std::vector<std::string> rewritten;
  for (const std::string& token : SplitSpaces(range)) {
    // parseComparator: BUILD strip, carets, tildes, x-ranges, stars.
    std::string comp = StripBuild(token);
    std::vector<std::string> parts;
    for (const std::string& t : SplitSpaces(Trim(comp)))
      parts.push_back(ReplaceTildeOrCaret(t, true));
    comp = Join(parts);
    parts.clear();
    for (const std::string& t : SplitSpaces(Trim(comp)))
      parts.push_back(ReplaceTildeOrCaret(t, false));
    comp = Join(parts);
    parts.clear();
    for (const std::string& t : SplitSpaces(comp)) parts.push_back(ReplaceXRange(t));
    comp = Join(parts);
    rewritten.push_back(ReplaceStars(comp));
  }
  std::vector<Comparator> comparators;
  for (const std::string& token : SplitSpaces(Join(rewritten))) {
    std::string comp = Trim(token);
    // replaceGTE0: ^\s*>=\s*0\.0\.0\s*$
    if (comp == ">=0.0.0") comp.clear();
    std::optional<Comparator> c = ParseComparator(comp);
    if (!c) return std::nullopt;
    comparators.push_back(std::move(*c));
  }
  // A "<0.0.0-0" comparator makes the set that one comparator; duplicates (by value) go, and so
  // does "any" beside other comparators.
  std::vector<Comparator> set;
  std::set<std::string> values;
  for (Comparator& c : comparators) {
    const std::string value = Value(c);
    if (value == "<0.0.0-0") return std::vector<Comparator>{std::move(c)};
    if (!values.insert(value).second) continue;
    set.push_back(std::move(c));
  }
  if (set.size() > 1) {
    std::vector<Comparator> without_any;
    for (Comparator& c : set) {
      if (c.version) without_any.push_back(std::move(c));
    }
    set = std::move(without_any);
  }
  return set;
}

bool IsNullSet(const std::vector<Comparator>& set) { return Value(set.front()) == "<0.0.0-0"; }
bool IsAnySet(const std::vector<Comparator>& set) { return set.size() == 1 && !set[0].version; }

}  // namespace

std::optional<bool> NpmSatisfies(std::string_view range, std::string_view version) {
  const std::optional<Semver> v = internal::ParseNpmVersion(version);
  if (!v) return std::nullopt;
  // range.trim().replace(/\s+/g, ' '), then split on "||".
  const std::string raw = Join(SplitSpaces(Trim(range)));
  std::vector<std::vector<Comparator>> sets;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = raw.find("||", start);
    const std::string part =
        Trim(std::string_view(raw).substr(start, bar == raw.npos ? raw.npos : bar - start));
    std::optional<std::vector<Comparator>> set = ParseSet(part);
    if (!set) return std::nullopt;
    sets.push_back(std::move(*set));
    if (bar == raw.npos) break;
    start = bar + 2;
  }
  // As the Range constructor: without the sets that match nothing (unless all do), and a set
  // that is just "any" replaces all the others.
  if (sets.size() > 1) {
    std::vector<std::vector<Comparator>> kept;
    for (std::vector<Comparator>& set : sets) {
      if (!IsNullSet(set)) kept.push_back(std::move(set));
    }
    if (kept.empty()) {
      sets.resize(1);
    } else {
      sets = std::move(kept);
      for (std::vector<Comparator>& set : sets) {
        if (IsAnySet(set)) {
          std::vector<Comparator> any = std::move(set);
          sets.clear();
          sets.push_back(std::move(any));
          break;
        }
      }
    }
  }
  for (const std::vector<Comparator>& set : sets) {
    bool all = true;
    for (const Comparator& c : set) all = all && Test(c, *v);
    if (!all) continue;
    if (v->prerelease.empty()) return true;
    for (const Comparator& c : set) {
      if (!c.version || c.version->prerelease.empty()) continue;
      if (CompareDigits(c.version->major, v->major) == 0 &&
          CompareDigits(c.version->minor, v->minor) == 0 &&
          CompareDigits(c.version->patch, v->patch) == 0) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace medtra::sbom
