// Maven's ComparableVersion (as in maven-artifact 3.8.7 / 3.9): items are numbers, qualifiers and
// sub-lists, built by splitting on '.', '-' and digit/letter transitions, then trimmed of trailing
// nulls.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sbom/version_internal.h"

namespace medtra::sbom::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

struct Item {
  enum class Kind { kNumber, kString, kList };
  Kind kind = Kind::kNumber;
  std::string value;                         // digits without leading zeros, or the qualifier
  std::vector<std::unique_ptr<Item>> items;  // kList
};

std::unique_ptr<Item> NumberItem(std::string_view digits) {
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  auto item = std::make_unique<Item>();
  item->value = std::string(digits);
  return item;
}

std::unique_ptr<Item> StringItem(std::string value, bool followed_by_digit) {
  if (followed_by_digit && value.size() == 1) {
    if (value == "a") value = "alpha";
    if (value == "b") value = "beta";
    if (value == "m") value = "milestone";
  }
  if (value == "ga" || value == "final" || value == "release") value = "";
  if (value == "cr") value = "rc";
  auto item = std::make_unique<Item>();
  item->kind = Item::Kind::kString;
  item->value = std::move(value);
  return item;
}

// "0".."6" for alpha, beta, milestone, rc, snapshot, "", sp; "7-<qualifier>" otherwise.
std::string ComparableQualifier(const std::string& q) {
  static constexpr std::string_view kQualifiers[] = {"alpha",    "beta", "milestone", "rc",
                                                     "snapshot", "",     "sp"};
  for (std::size_t i = 0; i < 7; ++i) {
    if (kQualifiers[i] == q) return std::to_string(i);
  }
  return "7-" + q;
}

bool IsNull(const Item& item) {
  switch (item.kind) {
    case Item::Kind::kNumber:
      return item.value == "0";
    case Item::Kind::kString:
      return ComparableQualifier(item.value) == "5";
    case Item::Kind::kList:
      return item.items.empty();
  }
  return false;
}

void Normalize(Item& list) {
  for (std::size_t n = list.items.size(); n > 0; --n) {
    const Item& last = *list.items[n - 1];
    if (IsNull(last)) {
      list.items.erase(list.items.begin() + static_cast<std::ptrdiff_t>(n - 1));
    } else if (last.kind != Item::Kind::kList) {
      break;
    }
  }
}

// item.compareTo(other); other == nullptr is Java's null.
int CompareItem(const Item& a, const Item* b) {
  switch (a.kind) {
    case Item::Kind::kNumber:
      if (b == nullptr) return a.value == "0" ? 0 : 1;
      if (b->kind == Item::Kind::kNumber) return CompareDigits(a.value, b->value);
      return 1;
    case Item::Kind::kString:
      if (b == nullptr) return Sign(ComparableQualifier(a.value).compare("5"));
      if (b->kind == Item::Kind::kString) {
        return Sign(ComparableQualifier(a.value).compare(ComparableQualifier(b->value)));
      }
      return -1;
    case Item::Kind::kList:
      if (b == nullptr) {
        for (const auto& item : a.items) {
          if (int r = CompareItem(*item, nullptr); r != 0) return r;
        }
        return 0;
      }
      if (b->kind == Item::Kind::kNumber) return -1;
      if (b->kind == Item::Kind::kString) return 1;
      for (std::size_t i = 0; i < a.items.size() || i < b->items.size(); ++i) {
        const Item* l = i < a.items.size() ? a.items[i].get() : nullptr;
        const Item* r = i < b->items.size() ? b->items[i].get() : nullptr;
        int result = 0;
        if (l == nullptr) {
          result = r == nullptr ? 0 : -CompareItem(*r, nullptr);
        } else {
          result = CompareItem(*l, r);
        }
        if (result != 0) return result;
      }
      return 0;
  }
  return 0;
}

std::unique_ptr<Item> ParseItem(bool is_digit, std::string_view text) {
  if (is_digit) return NumberItem(text);
  return StringItem(std::string(text), false);
}

std::unique_ptr<Item> ParseMaven(std::string_view raw) {
  std::string version;
  for (char c : raw) version += Lower(c);
  auto root = std::make_unique<Item>();
  root->kind = Item::Kind::kList;
  std::vector<Item*> stack = {root.get()};
  Item* list = root.get();
  auto push_list = [&]() {
    auto sub = std::make_unique<Item>();
    sub->kind = Item::Kind::kList;
    Item* raw_sub = sub.get();
    list->items.push_back(std::move(sub));
    list = raw_sub;
    stack.push_back(list);
  };
  bool is_digit = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < version.size(); ++i) {
    const char c = version[i];
    const std::string_view piece = std::string_view(version).substr(start, i - start);
    if (c == '.' || c == '-') {
      list->items.push_back(i == start ? NumberItem("0") : ParseItem(is_digit, piece));
      start = i + 1;
      if (c == '-') push_list();
    } else if (IsDigit(c)) {
      if (!is_digit && i > start) {
        // "1.0.0.X1" < "1.0.0-X2": a qualifier followed by a number opens a list.
        if (!list->items.empty()) push_list();
        list->items.push_back(StringItem(std::string(piece), true));
        start = i;
        push_list();
      }
      is_digit = true;
    } else {
      if (is_digit && i > start) {
        list->items.push_back(ParseItem(true, piece));
        start = i;
        push_list();
      }
      is_digit = false;
    }
  }
  if (version.size() > start) {
    if (!is_digit && !list->items.empty()) push_list();  // "1.0.0.X" is "1-X"
    list->items.push_back(ParseItem(is_digit, std::string_view(version).substr(start)));
  }
  while (!stack.empty()) {
    Normalize(*stack.back());
    stack.pop_back();
  }
  return root;
}

}  // namespace

int CompareMaven(std::string_view a, std::string_view b) {
  const std::unique_ptr<Item> x = ParseMaven(a);
  const std::unique_ptr<Item> y = ParseMaven(b);
  return Sign(CompareItem(*x, y.get()));
}

}  // namespace medtra::sbom::internal
