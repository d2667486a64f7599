// CPE names (NIST IR 7695): the 2.3 formatted string and the 2.2 URI binding, parsed into their
// attributes so that a component that opts in can be matched with an advisory's CPE criteria by
// exact vendor and product.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace medtra::sbom {

/// One attribute of a CPE name: its value with escapes resolved and letters lowercased, and
/// whether it is a pattern rather than a single value (ANY, or unquoted '*' or '?' inside).
struct CpeValue {
  std::string text;  ///< "*" for ANY, "-" for NA
  bool wildcard = false;
  bool Any() const { return wildcard && text == "*"; }
  bool Na() const { return !wildcard && text == "-"; }
  /// A single concrete value: neither a pattern nor NA.
  bool Concrete() const { return !wildcard && text != "-" && !text.empty(); }
};

struct Cpe {
  enum Attribute {
    kPart,
    kVendor,
    kProduct,
    kVersion,
    kUpdate,
    kEdition,
    kLanguage,
    kSwEdition,
    kTargetSw,
    kTargetHw,
    kOther,
    kCount
  };
  std::array<CpeValue, kCount> values;
  const CpeValue& part() const { return values[kPart]; }
  const CpeValue& vendor() const { return values[kVendor]; }
  const CpeValue& product() const { return values[kProduct]; }
  const CpeValue& version() const { return values[kVersion]; }
  const CpeValue& update() const { return values[kUpdate]; }
};

/// Parses "cpe:2.3:a:vendor:product:version:..." (11 attributes, '\' escapes) or
/// "cpe:/a:vendor:product:version" (percent-encoded, missing attributes ANY). nullopt with
/// `error` set when it is malformed: wrong prefix or attribute count, a part other than a, o, h
/// or ANY, a dangling escape, bad percent-encoding, or over 1,024 characters.
std::optional<Cpe> ParseCpe(std::string_view text, std::string* error);

}  // namespace medtra::sbom
