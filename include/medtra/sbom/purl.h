// Package URLs (purl-spec): parse, normalise per type, print canonically.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace medtra::sbom {

struct Purl {
  std::string type;        ///< lower case ("deb", "npm", "pypi", "maven", "golang", "generic")
  std::string namespace_;  ///< decoded, '/'-separated segments; normalised per type
  std::string name;        ///< decoded; normalised per type (pypi: lower case, '_' -> '-')
  std::string version;     ///< decoded; empty when absent
  std::map<std::string, std::string> qualifiers;  ///< keys lower case, sorted; empty values dropped
  std::string subpath;

  /// The canonical form (purl-spec: percent-encoding, sorted qualifiers, no empty parts).
  std::string ToString() const;
  /// The value of a qualifier, or "" ("distro", "arch", "upstream" for deb).
  std::string Qualifier(std::string_view key) const;

  friend bool operator==(const Purl&, const Purl&) = default;
};

/// Parses a purl; nullopt with a one-line `error` when it is malformed.
std::optional<Purl> ParsePurl(std::string_view text, std::string* error);

/// Checks and normalises a purl built from its decoded parts (type and name required, type and
/// qualifier keys of the allowed characters, segments without '/'); nullopt with `error` if not.
std::optional<Purl> MakePurl(Purl parts, std::string* error);

/// Percent-decodes `text`; nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> PercentDecode(std::string_view text);
/// Percent-encodes every byte but ASCII letters, digits, "-._~" and ':'.
std::string PercentEncode(std::string_view text);

}  // namespace medtra::sbom
