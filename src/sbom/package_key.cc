// PackageKeyOf / NormalisedKey: purl types and distro qualifiers -> OSV ecosystems and names.
#include <algorithm>
#include <cctype>

#include "medtra/sbom/match.h"

namespace medtra::sbom {
namespace {

// purl type -> OSV ecosystem, for the types whose ecosystem has no release.
struct TypeRow {
  std::string_view type;
  std::string_view ecosystem;
  char join;  ///< how namespace and name form the OSV name ('\0': the name alone)
};
constexpr TypeRow kTypes[] = {
    {"npm", "npm", '/'},      {"pypi", "PyPI", '\0'},         {"maven", "Maven", ':'},
    {"golang", "Go", '/'},    {"cargo", "crates.io", '\0'},   {"gem", "RubyGems", '\0'},
    {"nuget", "NuGet", '\0'}, {"composer", "Packagist", '/'}, {"hex", "Hex", '\0'},
    {"pub", "Pub", '\0'},     {"swift", "SwiftURL", '/'},
};

// Release codenames that a deb purl's distro qualifier may give instead of a number.
struct Codename {
  std::string_view name;
  std::string_view release;
};
constexpr Codename kDebian[] = {{"wheezy", "7"},  {"jessie", "8"},    {"stretch", "9"},
                                {"buster", "10"}, {"bullseye", "11"}, {"bookworm", "12"},
                                {"trixie", "13"}, {"forky", "14"}};
constexpr Codename kUbuntu[] = {{"xenial", "16.04"},
                                {"bionic", "18.04"},
                                {"focal", "20.04"},
                                {"jammy", "22.04"},
                                {"noble", "24.04"}};

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// PEP 503: lower case, every run of '-', '_' and '.' becomes one '-'.
std::string Pep503(std::string_view name) {
  std::string out;
  for (const char c : Lower(name)) {
    const bool separator = c == '-' || c == '_' || c == '.';
    if (separator) {
      if (out.empty() || out.back() != '-') out += '-';
    } else {
      out += c;
    }
  }
  return out;
}

// "debian-12", "12", "bookworm", "debian-bookworm" -> "12"; "" when unknown.
std::string Release(std::string_view distro, std::string_view os, const Codename* codenames,
                    size_t count) {
  std::string d = Lower(distro);
  if (d.starts_with(std::string(os) + "-")) d = d.substr(os.size() + 1);
  for (size_t i = 0; i < count; ++i) {
    if (codenames[i].name == d) return std::string(codenames[i].release);
  }
  const bool numeric = !d.empty() && d.find_first_not_of("0123456789.") == std::string::npos;
  return numeric ? d : "";
}

}  // namespace

PackageKey NormalisedKey(std::string_view ecosystem, std::string_view name) {
  std::string eco(ecosystem);
  // Ubuntu's OSV ecosystems carry a support suffix ("Ubuntu:22.04:LTS", "Ubuntu:Pro:18.04:LTS").
  if (eco.starts_with("Ubuntu:")) {
    std::string release;
    size_t start = 7;
    while (start <= eco.size()) {
      const size_t end = std::min(eco.find(':', start), eco.size());
      const std::string part = eco.substr(start, end - start);
      if (!part.empty() && std::isdigit(static_cast<unsigned char>(part[0]))) release = part;
      start = end + 1;
    }
    if (!release.empty()) eco = "Ubuntu:" + release;
  }
  if (eco == "PyPI") return {eco, Pep503(name)};
  return {eco, std::string(name)};
}

std::optional<PackageKey> PackageKeyOf(const SbomComponent& component, std::string* why_not) {
  if (!component.purl) {
    *why_not = "it has no purl";
    return std::nullopt;
  }
  const Purl& purl = *component.purl;
  if (purl.type == "deb") {
    const std::string os = Lower(purl.namespace_);
    const std::string distro = purl.Qualifier("distro");
    std::string release;
    if (os == "debian") release = Release(distro, "debian", kDebian, std::size(kDebian));
    if (os == "ubuntu") release = Release(distro, "ubuntu", kUbuntu, std::size(kUbuntu));
    if (os != "debian" && os != "ubuntu") {
      *why_not = "its deb purl names the distribution '" + purl.namespace_ +
                 "' (debian or ubuntu are known)";
      return std::nullopt;
    }
    if (release.empty()) {
      *why_not = distro.empty() ? "its deb purl has no 'distro' qualifier (e.g. distro=debian-12)"
                                : "its deb purl's distro '" + distro + "' names no known release";
      return std::nullopt;
    }
    const std::string source = !component.source_name.empty() ? component.source_name : purl.name;
    return PackageKey{(os == "debian" ? "Debian:" : "Ubuntu:") + release, source};
  }
  for (const TypeRow& row : kTypes) {
    if (row.type != purl.type) continue;
    std::string name = purl.name;
    if (row.join != '\0' && !purl.namespace_.empty()) name = purl.namespace_ + row.join + name;
    return NormalisedKey(row.ecosystem, name);
  }
  *why_not = "purl type '" + purl.type + "' has no OSV ecosystem";
  return std::nullopt;
}

}  // namespace medtra::sbom
