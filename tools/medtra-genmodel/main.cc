// medtra-genmodel: writes a valid, realistic synthetic system model of a chosen size, for the
// scale benchmarks: implants, wearables, home monitors, apps, programmers, gateways and cloud
// services in their zones, with media, assets, essential functions, measures and risks.
#include <CLI/CLI.hpp>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

struct Options {
  size_t components = 1000;
  size_t flows = 2000;
  uint64_t seed = 1;
  std::string output = "-";
  size_t split = 0;  ///< with -o DIR: at most this many list items per file of a model folder
};

struct Kind {
  const char* kind;
  const char* zone;
  int weight;
};

// Kinds with their zone kind and share (per 100 components).
constexpr std::array<Kind, 10> kKinds = {{{"implant", "body", 30},
                                          {"wearable", "body", 10},
                                          {"home-monitor", "home", 15},
                                          {"mobile-app", "home", 10},
                                          {"programmer", "clinic", 10},
                                          {"gateway", "hospital-network", 5},
                                          {"workstation", "hospital-network", 5},
                                          {"server", "hospital-network", 5},
                                          {"cloud", "cloud", 5},
                                          {"sensor", "body", 5}}};

class Generator {
 public:
  Generator(const Options& options, std::ostream& out)
      : options_(options), out_(out), random_(options.seed) {}

  void Run() {
    const size_t n = std::max<size_t>(options_.components, 2);
    const size_t zones_per_kind = std::max<size_t>(1, n / 500);
    functions_ = std::max<size_t>(1, n / 20);
    assets_ = std::max<size_t>(4, n / 5);
    out_ << "# Synthetic model: " << n << " components, " << options_.flows << " flows, seed "
         << options_.seed << " (medtra-genmodel)\nmedtra: 1\n\nsystem:\n  id: synthetic\n"
         << "  name: Synthetic remote-monitoring system\n"
         << "  intended_use: Monitor and treat patients with implants at home and in clinics.\n"
         << "  essential_functions:\n";
    kinds_.resize(n);
    for (size_t i = 0; i < n; ++i) kinds_[i] = PickKind();
    kinds_[0] = 0;  // at least one implant performs the essential functions
    for (size_t f = 0; f < functions_; ++f) {
      out_ << "    - {id: EF-" << f << ", name: Essential function " << f << ", component: C-"
           << ImplantFor(f) << "}\n";
    }
    out_ << "  intended_environment:\n"
         << "    - {id: ENV-home, name: Home use, setting: home, physical_access: patient, "
            "network: internet, operated_by: patient}\n"
         << "    - {id: ENV-clinic, name: Clinic use, setting: clinic, physical_access: "
            "controlled, network: hospital, operated_by: clinician}\n\nzones:\n";
    for (const Kind& k : kKinds) {
      for (size_t z = 0; z < zones_per_kind; ++z) {
        out_ << "  - {id: Z-" << k.kind << "-" << z << ", name: " << k.zone << " " << z
             << ", kind: " << k.zone << "}\n";
      }
    }
    out_ << "\ncomponents:\n";
    for (size_t i = 0; i < n; ++i) Component(i, zones_per_kind);
    out_ << "\nassets:\n";
    for (size_t a = 0; a < assets_; ++a) Asset(a);
    out_ << "\nflows:\n";
    for (size_t f = 0; f < options_.flows; ++f) Flow(f, n);
    out_ << "\nmeasures:\n";
    const size_t measures = std::max<size_t>(1, options_.flows / 10);
    for (size_t m = 0; m < measures; ++m) {
      out_ << "  - {id: M-" << m << ", name: Link protection " << m << ", kind: technical, "
           << "provides: {flow: F-" << Below(options_.flows) << ", confidentiality: encrypted, "
           << "integrity: mac, authentication: mac, freshness: counter}, "
           << "essential_function_impact: none, verified_by: [test:Link.Protect" << m << "]}\n";
    }
    out_ << "\nrisks:\n";
    for (size_t r = 0; r < std::max<size_t>(1, options_.flows / 100); ++r) {
      const char* level[] = {"Low", "Medium", "High"};
      out_ << "  - {id: R-" << r << ", asset: A-" << Below(assets_) << ", threat: Attacker "
           << "modifies data in transit, vulnerability: Unprotected link, breach: integrity, "
           << "likelihood: " << level[Below(3)] << ", impact: " << level[Below(3)]
           << ", measures: [M-" << Below(measures)
           << "], residual: {likelihood: Low, impact: " << level[Below(3)] << "}}\n";
    }
  }

 private:
  uint64_t Below(uint64_t n) { return n == 0 ? 0 : random_() % n; }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  template <size_t N>
  const char* Pick(const std::array<const char*, N>& values, const std::array<int, N>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    int at = static_cast<int>(Below(static_cast<uint64_t>(total)));
    for (size_t i = 0; i < N; ++i) {
      if ((at -= weights[i]) < 0) return values[i];
    }
    return values[0];
  }

  size_t PickKind() {
    int at = static_cast<int>(Below(100));
    for (size_t k = 0; k < kKinds.size(); ++k) {
      if ((at -= kKinds[k].weight) < 0) return k;
    }
    return 0;
  }

  size_t ImplantFor(size_t f) {
    for (size_t i = f; i < kinds_.size(); ++i) {
      if (kinds_[i] == 0) return i;
    }
    return 0;
  }

  void Component(size_t i, size_t zones_per_kind) {
    const Kind& k = kKinds[kinds_[i]];
    const bool host = kinds_[i] >= 5 && kinds_[i] <= 8;
    out_ << "  - {id: C-" << i << ", name: " << k.kind << " " << i << ", kind: " << k.kind
         << ", zone: Z-" << k.kind << "-" << Below(zones_per_kind)
         << ", debug_port: " << Pick<3>({"none", "disabled", "enabled"}, {80, 17, 3})
         << ", update: " << Pick<3>({"signed", "unsigned", "none"}, {85, 5, 10})
         << ", credentials: " << Pick<4>({"unique", "none", "default", "shared"}, {80, 12, 4, 4})
         << ", keys: " << Pick<3>({"per-device", "fleet", "none"}, {85, 5, 10})
         << ", audit_log: " << (Chance(70) ? "true" : "false")
         << ", wakeup_limit: " << (Chance(80) ? "true" : "false")
         << ", instances: " << (host && Chance(50) ? "many" : "one") << "}\n";
  }

  void Asset(size_t a) {
    switch (a % 4) {
      case 0:
        out_ << "  - {id: A-" << a << ", name: Patient record " << a
             << ", kind: data, personal_health_data: true, protect: [confidentiality, "
                "integrity]}\n";
        break;
      case 1:
        out_ << "  - {id: A-" << a << ", name: Therapy " << a
             << ", kind: function, essential_function: EF-" << Below(functions_)
             << ", protect: [integrity, availability]}\n";
        break;
      case 2:
        out_ << "  - {id: A-" << a << ", name: Firmware " << a
             << ", kind: firmware, protect: [integrity]}\n";
        break;
      default:
        out_ << "  - {id: A-" << a << ", name: Device settings " << a
             << ", kind: configuration, protect: [integrity, confidentiality]}\n";
    }
  }

  const char* Medium(size_t from, size_t to) {
    const bool body = kKinds[kinds_[from]].zone == std::string_view("body") ||
                      kKinds[kinds_[to]].zone == std::string_view("body");
    const bool cloud = kinds_[from] == 8 || kinds_[to] == 8;
    if (body) return Pick<4>({"mics", "ble", "rf", "nfc"}, {40, 40, 15, 5});
    if (cloud) return Pick<2>({"internet", "cellular"}, {70, 30});
    return Pick<3>({"ethernet", "wifi", "usb"}, {50, 40, 10});
  }

  void Flow(size_t f, size_t n) {
    const size_t from = Below(n);
    size_t to = Below(n);
    if (to == from) to = (from + 1) % n;
    const bool secure = Chance(60);
    out_ << "  - {id: F-" << f << ", between: [C-" << from << ", C-" << to
         << "], medium: " << Medium(from, to) << ", carries: [A-" << Below(assets_) << ", A-"
         << Below(assets_) << "], authentication: "
         << (secure ? "certificate"
                    : Pick<4>({"none", "static-identifier", "password", "shared-key"},
                              {30, 30, 20, 20}))
         << ", confidentiality: "
         << (secure ? "encrypted" : Pick<3>({"none", "obfuscated", "encrypted"}, {60, 10, 30}))
         << ", integrity: " << (secure ? "mac" : Pick<3>({"none", "crc", "mac"}, {50, 30, 20}))
         << ", freshness: " << (secure ? "counter" : "none")
         << ", authorization: " << (Chance(70) ? "role-based" : "none")
         << ", availability: " << Pick<3>({"none", "retry", "redundant"}, {40, 40, 20})
         << ", therapy_commands: " << (Chance(15) ? "true" : "false")
         << ", memory_access: " << (Chance(3) ? "true" : "false")
         << ", wakeup: " << (Chance(20) ? "true" : "false") << "}\n";
  }

  const Options& options_;
  std::ostream& out_;
  std::mt19937_64 random_;
  std::vector<size_t> kinds_;
  size_t functions_ = 1;
  size_t assets_ = 4;
};

/// Cuts the model text, line by line as it is written, into the files of a model folder: a new
/// file at each top-level list and after every `limit` items of a list, which repeats the list's
/// key (the loader joins the lists of a folder's files in file-name order).
class FolderWriter : public std::streambuf {
 public:
  FolderWriter(std::filesystem::path dir, size_t limit) : dir_(std::move(dir)), limit_(limit) {
    Next();
  }
  bool ok() const { return ok_; }
  bool Finish() {
    Line();
    file_.close();
    return ok_ && !file_.fail();
  }

 protected:
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    line_ += static_cast<char>(c);
    if (c == '\n') Line();
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) overflow(static_cast<unsigned char>(s[i]));
    return n;
  }

 private:
  void Next() {
    if (file_.is_open()) {
      file_.close();
      ok_ = ok_ && !file_.fail();
    }
    char name[32];
    std::snprintf(name, sizeof name, "part-%04zu.yaml", ++files_);
    file_.open(dir_ / name, std::ios::binary);
    ok_ = ok_ && file_.is_open();
  }
  void Line() {
    if (line_.empty()) return;
    const bool list = line_.back() == '\n' && line_.size() > 2 && line_[0] != ' ' &&
                      line_[0] != '#' && line_.compare(line_.size() - 2, 2, ":\n") == 0 &&
                      line_.rfind("system:", 0) != 0;
    if (list) {
      section_ = line_;
      items_ = 0;
      Next();
    } else if (line_.rfind("  - ", 0) == 0 && !section_.empty() && items_++ == limit_) {
      items_ = 1;
      Next();
      file_ << section_;
    }
    file_ << line_;
    line_.clear();
  }

  std::filesystem::path dir_;
  size_t limit_;
  std::ofstream file_;
  std::string line_;
  std::string section_;  ///< "flows:\n" while its items are written
  size_t items_ = 0;
  size_t files_ = 0;
  bool ok_ = true;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"medtra-genmodel: write a synthetic medtra model of a given size",
               "medtra-genmodel"};
  Options options;
  app.add_option("--components", options.components, "number of components")->capture_default_str();
  app.add_option("--flows", options.flows, "number of flows")->capture_default_str();
  app.add_option("--seed", options.seed, "random seed (same seed, same model)")
      ->capture_default_str();
  app.add_option("-o,--output", options.output, "output file, '-' for stdout")
      ->capture_default_str();
  app.add_option("--split", options.split,
                 "write a model folder to -o DIR, at most N list items per file")
      ->check(CLI::PositiveNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (options.split > 0) {
    std::error_code error;
    std::filesystem::create_directories(options.output, error);
    if (options.output == "-" || error || !std::filesystem::is_empty(options.output, error)) {
      std::cerr << "medtra-genmodel: --split needs -o with a new or empty folder\n";
      return 2;
    }
    FolderWriter folder(options.output, options.split);
    std::ostream out(&folder);
    Generator(options, out).Run();
    out.flush();
    if (!folder.Finish()) {
      std::cerr << "medtra-genmodel: cannot write " << options.output << "\n";
      return 2;
    }
    return 0;
  }
  if (options.output == "-") {
    Generator(options, std::cout).Run();
    return 0;
  }
  std::ofstream file(options.output, std::ios::binary);
  if (!file) {
    std::cerr << "medtra-genmodel: cannot write " << options.output << "\n";
    return 2;
  }
  Generator(options, file).Run();
  file.close();
  if (!file) {
    std::cerr << "medtra-genmodel: cannot write " << options.output << "\n";
    return 2;
  }
  return 0;
}
