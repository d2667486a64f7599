// An immutable list of strings that many owners share: a rule's STRIDE categories and catalog ids
// are one copy for all of its threats instead of one copy per threat.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace medtra {

class SharedStrings {
 public:
  using value_type = std::string;
  using const_iterator = const std::string*;
  using iterator = const_iterator;
  using size_type = size_t;

  SharedStrings() = default;
  SharedStrings(std::vector<std::string> items)  // NOLINT: implicit, as a vector would assign
      : items_(items.empty() ? nullptr
                             : std::make_shared<const std::vector<std::string>>(std::move(items))) {
  }
  SharedStrings(std::initializer_list<std::string> items)
      : SharedStrings(std::vector<std::string>(items)) {}

  const std::string* data() const { return items_ ? items_->data() : nullptr; }
  size_t size() const { return items_ ? items_->size() : 0; }
  bool empty() const { return size() == 0; }
  const std::string* begin() const { return data(); }
  const std::string* end() const { return data() + size(); }
  const std::string& operator[](size_t i) const { return (*items_)[i]; }
  const std::string& front() const { return items_->front(); }
  operator std::span<const std::string>() const { return {data(), size()}; }  // NOLINT

  friend bool operator==(const SharedStrings& a, const SharedStrings& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const SharedStrings& a, const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  std::shared_ptr<const std::vector<std::string>> items_;
};

}  // namespace medtra
