// medtra-gensbom: a synthetic CycloneDX SBOM and OSV advisory folder for the scan benchmark
// (bench/sbom_scan.sh). Deterministic for a seed: N components over five ecosystems, M advisories
// over a package pool twice the components' size, so that about a quarter of the advisories name
// a package of the SBOM and some of those match its version.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

namespace {

struct Ecosystem {
  const char* purl_type;
  const char* osv;
  const char* prefix;
};
constexpr Ecosystem kEcosystems[] = {{"deb", "Debian:12", "lib"},
                                     {"npm", "npm", "js-"},
                                     {"pypi", "PyPI", "py-"},
                                     {"maven", "Maven", "org.example:jar-"},
                                     {"golang", "Go", "example.org/go-"}};

std::string Version(const Ecosystem& e, int major, int minor, int patch) {
  const std::string v =
      std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  return std::string(e.purl_type) == "deb" ? v + "-1" : v;
}

std::string Purl(const Ecosystem& e, const std::string& name, const std::string& version) {
  const std::string type = e.purl_type;
  if (type == "deb") return "pkg:deb/debian/" + name + "@" + version + "?distro=debian-12";
  if (type == "maven") {
    const size_t colon = name.find(':');
    return "pkg:maven/" + name.substr(0, colon) + "/" + name.substr(colon + 1) + "@" + version;
  }
  if (type == "golang") {
    const size_t slash = name.rfind('/');
    return "pkg:golang/" + name.substr(0, slash) + "/" + name.substr(slash + 1) + "@" + version;
  }
  return "pkg:" + type + "/" + name + "@" + version;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"medtra-gensbom: a synthetic SBOM and OSV advisory folder"};
  int components = 10000;
  int advisories = 100000;
  unsigned seed = 1;
  std::string out;
  app.add_option("--components", components)->capture_default_str();
  app.add_option("--advisories", advisories)->capture_default_str();
  app.add_option("--seed", seed)->capture_default_str();
  app.add_option("-o,--output", out, "output folder")->required();
  CLI11_PARSE(app, argc, argv);

  std::mt19937 random(seed);
  const int pool = 2 * components;
  auto package = [&](int i) {
    const Ecosystem& e = kEcosystems[i % 5];
    return std::pair<const Ecosystem*, std::string>(&e, e.prefix + std::to_string(i));
  };
  std::filesystem::create_directories(out + "/advisories");
  nlohmann::json bom = {
      {"bomFormat", "CycloneDX"},
      {"specVersion", "1.6"},
      {"version", 1},
      {"metadata",
       {{"timestamp", "2026-11-01T00:00:00Z"}, {"authors", {{{"name", "medtra-gensbom"}}}}}}};
  nlohmann::json list = nlohmann::json::array();
  for (int i = 0; i < components; ++i) {
    const auto [e, name] = package(i * 2);  // every other package of the pool is in the SBOM
    const std::string version = Version(*e, 1 + i % 4, i % 10, i % 7);
    list.push_back({{"bom-ref", "c" + std::to_string(i)},
                    {"type", "library"},
                    {"name", name},
                    {"version", version},
                    {"supplier", {{"name", "Example"}}},
                    {"purl", Purl(*e, name, version)}});
  }
  bom["components"] = std::move(list);
  std::ofstream(out + "/sbom.cdx.json") << bom.dump() << "\n";
  std::uniform_int_distribution<int> pick(0, pool - 1);
  for (int a = 0; a < advisories; ++a) {
    const auto [e, name] = package(pick(random));
    const int fixed_major = 1 + static_cast<int>(random() % 5);
    nlohmann::json record = {
        {"id", "GEN-" + std::to_string(a)},
        {"modified", "2026-11-01T00:00:00Z"},
        {"published", "2026-10-01T00:00:00Z"},
        {"summary", "generated advisory"},
        {"severity",
         {{{"type", "CVSS_V3"}, {"score", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}}},
        {"affected",
         {{{"package", {{"ecosystem", e->osv}, {"name", name}}},
           {"ranges",
            {{{"type", std::string(e->purl_type) == "golang" ? "SEMVER" : "ECOSYSTEM"},
              {"events",
               {{{"introduced", "0"}}, {{"fixed", Version(*e, fixed_major, 0, 0)}}}}}}}}}}};
    const std::string dir = out + "/advisories/" + std::to_string(a / 1000);
    if (a % 1000 == 0) std::filesystem::create_directories(dir);
    std::ofstream(dir + "/GEN-" + std::to_string(a) + ".json") << record.dump() << "\n";
  }
  std::cout << "wrote " << components << " components and " << advisories << " advisories to "
            << out << "\n";
  return 0;
}
