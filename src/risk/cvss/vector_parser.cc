// Strict CVSS vector body parser: one pass, no allocation unless the vector is malformed.
#include "risk/cvss/vector_parser.h"

#include <string>

namespace medtra::risk::cvss::internal {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Finds `key`, first from `hint` on (the usual case for vectors in specification order).
int FindMetric(std::span<const MetricDef> defs, std::string_view key, int hint) {
  const int count = static_cast<int>(defs.size());
  for (int i = hint; i < count; ++i) {
    if (defs[i].key == key) return i;
  }
  for (int i = 0; i < hint && i < count; ++i) {
    if (defs[i].key == key) return i;
  }
  return -1;
}

int FindValue(const MetricDef& def, std::string_view value) {
  for (int i = 0; i < kMaxMetricValues; ++i) {
    if (def.values[i].empty()) break;
    if (def.values[i] == value) return i;
  }
  return -1;
}

std::string Quoted(std::string_view text) {
  constexpr size_t kMaxShown = 40;
  std::string out = "'";
  if (text.size() > kMaxShown) {
    out.append(text.substr(0, kMaxShown));
    out += "...";
  } else {
    out.append(text);
  }
  out += "'";
  return out;
}

Status UnknownMetric(std::span<const MetricDef> defs, std::string_view key) {
  std::string message = Cat("unknown metric ", Quoted(key));
  for (const MetricDef& def : defs) {
    if (EqualsIgnoringCase(def.key, key)) {
      message += Cat(" (did you mean '", def.key, "'?)");
      break;
    }
  }
  return Status::Error(std::move(message));
}

Status UnknownValue(const MetricDef& def, std::string_view value) {
  std::string message = Cat("unknown value ", Quoted(value), " for metric '", def.key, "'");
  for (const std::string_view candidate : def.values) {
    if (!candidate.empty() && EqualsIgnoringCase(candidate, value)) {
      message += Cat(" (did you mean '", candidate, "'?)");
      break;
    }
  }
  return Status::Error(std::move(message));
}

Status MissingMandatory(std::span<const MetricDef> defs, const MetricSlots& slots) {
  std::string names;
  int missing = 0;
  for (size_t i = 0; i < defs.size(); ++i) {
    if (!defs[i].mandatory || slots[i] >= 0) continue;
    if (missing++ > 0) names += ", ";
    names += Cat("'", defs[i].key, "'");
  }
  if (missing == 0) return Status::Ok();
  return Status::Error(
      Cat(missing == 1 ? "missing mandatory metric " : "missing mandatory metrics ", names));
}

}  // namespace

Status CheckPrefix(std::string_view vector, std::string_view prefix) {
  if (vector.substr(0, prefix.size()) == prefix) return Status::Ok();
  if (vector.empty()) return Status::Error("empty vector");
  const std::string_view head = vector.substr(0, vector.find('/'));
  constexpr std::string_view kCvss = "CVSS:";
  if (head.substr(0, kCvss.size()) != kCvss) {
    return Status::Error(
        Cat("invalid prefix ", Quoted(head), " (expected 'CVSS:3.1' or 'CVSS:4.0')"));
  }
  const std::string_view version = head.substr(kCvss.size());
  for (const std::string_view known : {std::string_view("3.1"), std::string_view("4.0")}) {
    if (version.size() > known.size() && version.substr(0, known.size()) == known &&
        (version[known.size()] < '0' || version[known.size()] > '9')) {
      return Status::Error(Cat("expected '/' after 'CVSS:", known, "'"));
    }
  }
  if (version == "3.1" || version == "4.0") {
    if (head.size() == vector.size()) return Status::Error(Cat("no metrics after ", Quoted(head)));
    return Status::Error(
        Cat("expected ", Quoted(prefix.substr(0, prefix.size() - 1)), ", found ", Quoted(head)));
  }
  return Status::Error(Cat("unsupported CVSS version ", Quoted(version), " (expected 3.1 or 4.0)"));
}

Status ParseMetrics(std::string_view vector, size_t body_offset, std::span<const MetricDef> defs,
                    MetricOrder order, MetricSlots& slots) {
  slots.fill(-1);
  if (body_offset >= vector.size()) {
    return Status::Error(Cat("no metrics after ", Quoted(vector.substr(0, body_offset))));
  }
  int previous = -1;
  size_t pos = body_offset;
  while (true) {
    size_t end = vector.find('/', pos);
    if (end == std::string_view::npos) end = vector.size();
    const std::string_view token = vector.substr(pos, end - pos);
    if (token.empty()) {
      if (end == vector.size()) return Status::Error("trailing '/' after the last metric");
      return Status::Error(
          Cat("empty metric at column ", std::to_string(pos + 1), " (doubled '/')"));
    }
    const size_t colon = token.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        token.find(':', colon + 1) != std::string_view::npos) {
      return Status::Error(Cat("malformed metric ", Quoted(token), " (expected KEY:VALUE)"));
    }
    const std::string_view key = token.substr(0, colon);
    const std::string_view value = token.substr(colon + 1);
    const int index = FindMetric(defs, key, previous + 1);
    if (index < 0) return UnknownMetric(defs, key);
    if (value.empty()) return Status::Error(Cat("missing value for metric '", key, "'"));
    if (slots[index] >= 0) return Status::Error(Cat("duplicate metric '", key, "'"));
    if (order == MetricOrder::kSpecification && index < previous) {
      return Status::Error(
          Cat("metric '", key, "' out of order: it must come before '", defs[previous].key, "'"));
    }
    const int value_index = FindValue(defs[index], value);
    if (value_index < 0) return UnknownValue(defs[index], value);
    slots[index] = static_cast<int8_t>(value_index);
    previous = index;
    if (end == vector.size()) break;
    pos = end + 1;
  }
  return MissingMandatory(defs, slots);
}

}  // namespace medtra::risk::cvss::internal
