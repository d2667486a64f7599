// Joining what the advisory workers read, and one record NVD and OSV both describe.
#include "sbom/advisory_chunks.h"

#include <tuple>

#include "medtra/base/sha256.h"

namespace medtra::sbom::internal {
namespace {

// An NVD record and an OSV record of the same id are one advisory: the OSV record keeps its
// packages and gains the CPE criteria (and the CVSS vectors when it has none). Other duplicates
// are errors.
void MergeDuplicates(std::vector<Advisory>* advisories, DiagnosticSink& sink) {
  std::stable_sort(advisories->begin(), advisories->end(),
                   [](const Advisory& a, const Advisory& b) {
                     return std::tie(a.id, a.source) < std::tie(b.id, b.source);
                   });
  std::vector<Advisory> out;
  out.reserve(advisories->size());
  for (Advisory& a : *advisories) {
    if (out.empty() || out.back().id != a.id) {
      out.push_back(std::move(a));
      continue;
    }
    Advisory& kept = out.back();
    if (kept.source == Advisory::Source::kOsv && a.source == Advisory::Source::kNvd &&
        kept.cpes.empty()) {
      kept.cpes = std::move(a.cpes);
      if (kept.cvss.empty()) kept.cvss = std::move(a.cvss);
      continue;
    }
    sink.Error(a.location, "duplicate-advisory", "advisory '" + a.id + "' is also in " + kept.file);
  }
  *advisories = std::move(out);
}

}  // namespace

void Parse(const std::string& file, const std::string& name, const std::string& text, bool digest,
           Chunk* chunk) {
  if (digest) chunk->listing += name + "\t" + Sha256Hex(text) + "\n";
  for (Advisory& a : ReadAdvisoryFile(file, text, chunk->sink)) {
    chunk->advisories.push_back(std::move(a));
  }
}

std::vector<Advisory> Join(std::vector<Chunk>& chunks, DiagnosticSink& sink, std::string* digest) {
  std::vector<Advisory> advisories;
  std::string listing;
  for (Chunk& chunk : chunks) {
    for (Advisory& a : chunk.advisories) advisories.push_back(std::move(a));
    listing += chunk.listing;
    for (const Diagnostic& d : chunk.sink.diagnostics()) sink.Report(d);
  }
  if (digest != nullptr) *digest = Sha256Hex(listing);
  MergeDuplicates(&advisories, sink);
  return advisories;
}

}  // namespace medtra::sbom::internal
