// Reading what a scan takes: SBOMs with their bindings and dpkg listings, suppliers' VEX
// documents, the advisory folder and the KEV catalog.
#include <algorithm>
#include <map>

#include "medtra/sbom/scan.h"
#include "medtra/sbom/vex_document.h"

namespace medtra::sbom {
namespace {

constexpr size_t kMaxInputBytes = size_t{256} << 20;

// A file the scan reads, recorded in `input->files`. An unreadable one is an error located at
// `at` (the model entry that names it), or at the path itself when given on the command line.
std::optional<std::string> ReadInput(const FileSystem& fs, const std::string& path, size_t max,
                                     const SourceLocation& at, DiagnosticSink& sink,
                                     ScanInput* input) {
  Result<std::string> text = fs.ReadFile(path, max);
  if (!text.ok()) {
    sink.Error(at.file.empty() ? SourceLocation{path, 0, 0} : at, "unreadable-file",
               at.file.empty() ? text.message() : path + ": " + text.message());
    return std::nullopt;
  }
  input->files.push_back(path);
  return std::move(text).value();
}

}  // namespace

bool ReadSbomFile(const FileSystem& fs, const std::string& path, const SourceLocation& at,
                  DiagnosticSink& sink, ScanInput* input) {
  const std::optional<std::string> text = ReadInput(fs, path, kMaxInputBytes, at, sink, input);
  if (!text) return false;
  std::optional<Sbom> sbom = ReadSbom(path, *text, sink);
  if (!sbom) return false;
  input->sboms.push_back(std::move(*sbom));
  input->bindings.emplace_back();
  return true;
}

namespace {

// Fills the source package of deb components that the SBOM leaves without one, from a
// dpkg-query listing ("binary[:arch] TAB source TAB version" per line; a source that dpkg prints
// as "name (version)" keeps its name). A malformed line is a located error.
void ApplySourcePackages(const std::string& file, std::string_view text, DiagnosticSink& sink,
                         Sbom* sbom) {
  std::map<std::string, std::string> source_of;
  int line = 0;
  size_t start = 0;
  while (start < text.size()) {
    ++line;
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view row = text.substr(start, end - start);
    start = end + 1;
    if (row.empty()) continue;
    const size_t tab = row.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      sink.Error({file, line, 1}, "invalid-value",
                 "expected 'binary<TAB>source<TAB>version' (dpkg-query -W -f "
                 "'${binary:Package}\\t${source:Package}\\t${Version}\\n')");
      continue;
    }
    std::string binary(row.substr(0, tab));
    binary = binary.substr(0, binary.find(':'));
    const size_t tab2 = row.find('\t', tab + 1);
    std::string source(
        row.substr(tab + 1, (tab2 == std::string_view::npos ? row.size() : tab2) - tab - 1));
    source = source.substr(0, source.find(' '));
    if (!source.empty()) source_of[binary] = source;
  }
  for (SbomComponent& c : sbom->components) {
    if (!c.source_name.empty() || !c.purl || c.purl->type != "deb") continue;
    if (const auto found = source_of.find(c.purl->name); found != source_of.end()) {
      c.source_name = found->second;
    }
  }
}

}  // namespace

bool ReadSupplierVex(const FileSystem& fs, const std::string& path, const SourceLocation& at,
                     DiagnosticSink& sink, ScanInput* input) {
  const std::optional<std::string> text = ReadInput(fs, path, kMaxInputBytes, at, sink, input);
  if (!text) return false;
  std::optional<std::vector<model::VexDecision>> decisions = ReadVexDocument(path, *text, sink);
  if (!decisions) return false;
  for (model::VexDecision& d : *decisions) input->supplier_vex.push_back(std::move(d));
  return true;
}

void ReadAdvisorySources(const FileSystem& fs, const SourceOverrides& sources,
                         const SourceLocation& at, DiagnosticSink& sink, ScanInput* input) {
  if (!sources.advisories.empty()) {
    input->advisories_dir = sources.advisories;
    input->advisories = ReadAdvisoryFolder(fs, sources.advisories, sink, &input->advisories_digest);
  }
  if (sources.kev.empty()) return;
  const std::optional<std::string> text =
      ReadInput(fs, sources.kev, kMaxInputBytes, at, sink, input);
  if (text) input->kev = ReadKevCatalog(sources.kev, *text, sink);
}

ScanInput ReadSoftwareInputs(const FileSystem& fs, const model::SystemModel& model,
                             const SourceOverrides& overrides, DiagnosticSink& sink) {
  ScanInput input;
  input.vex = model.vex;
  SourceOverrides sources = overrides;
  SourceLocation at = model.FallbackLocation();
  if (model.software) {
    at = model.software->location;
    for (const model::SbomBinding& binding : model.software->sboms) {
      if (!ReadSbomFile(fs, binding.file, binding.location, sink, &input)) continue;
      input.bindings.back() = binding;
      if (binding.source_packages.empty()) continue;
      const std::optional<std::string> listing =
          ReadInput(fs, binding.source_packages, kMaxInputBytes, binding.location, sink, &input);
      if (listing)
        ApplySourcePackages(binding.source_packages, *listing, sink, &input.sboms.back());
    }
    for (const std::string& path : model.software->vex_documents) {
      ReadSupplierVex(fs, path, model.software->location, sink, &input);
    }
    if (sources.advisories.empty()) sources.advisories = model.software->advisories;
    if (sources.kev.empty()) sources.kev = model.software->kev;
  }
  // Paths from the command line are located by their own name, not at the model.
  if (!overrides.advisories.empty() || !overrides.kev.empty()) at = {};
  ReadAdvisorySources(fs, sources, at, sink, &input);
  return input;
}

}  // namespace medtra::sbom
