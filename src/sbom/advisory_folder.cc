// ReadAdvisoryFolder: every OSV record under a folder; ReadKevCatalog: the CISA KEV catalog.
#include <algorithm>
#include <span>
#include <thread>

#include "medtra/base/sha256.h"
#include "medtra/document/json_cursor.h"
#include "medtra/sbom/advisory.h"

namespace medtra::sbom {
namespace {

constexpr size_t kMaxAdvisoryBytes = size_t{64} << 20;
constexpr int kMaxFolderDepth = 16;

void CollectJsonFiles(const FileSystem& fs, const std::string& dir, int depth, DiagnosticSink& sink,
                      std::vector<std::string>* files) {
  Result<std::vector<std::string>> names = fs.ListDirectory(dir);
  if (!names.ok()) {
    sink.Error({dir, 0, 0}, "unreadable-file", names.status().message());
    return;
  }
  std::vector<std::string> sorted = *names;
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& name : sorted) {
    if (name.starts_with(".")) continue;
    const std::string path = dir + "/" + name;
    const PathKind kind = fs.Kind(path);
    if (kind == PathKind::kDirectory) {
      if (depth >= kMaxFolderDepth) {
        sink.Error({path, 0, 0}, "advisory-folder-depth",
                   "advisory folders nest deeper than " + std::to_string(kMaxFolderDepth));
        continue;
      }
      CollectJsonFiles(fs, path, depth + 1, sink, files);
    } else if (kind == PathKind::kFile && name.ends_with(".json")) {
      files->push_back(path);
    }
  }
}

// What one worker read: its records, its part of the digest listing and its diagnostics, each in
// file order, so that joining the chunks in order gives what one reader would have given.
struct Chunk {
  std::vector<Advisory> advisories;
  std::string listing;
  DiagnosticSink sink{1 << 16};
};

void ReadChunk(const FileSystem& fs, const std::string& dir, std::span<const std::string> files,
               bool digest, Chunk* chunk) {
  for (const std::string& file : files) {
    Result<std::string> text = fs.ReadFile(file, kMaxAdvisoryBytes);
    if (!text.ok()) {
      chunk->sink.Error({file, 0, 0}, "unreadable-file", text.status().message());
      continue;
    }
    if (digest) chunk->listing += file.substr(dir.size()) + "\t" + Sha256Hex(*text) + "\n";
    if (std::optional<Advisory> advisory = ReadOsvRecord(file, *text, chunk->sink)) {
      chunk->advisories.push_back(std::move(*advisory));
    }
  }
}

// Files per worker below which a second worker does not pay for itself.
constexpr size_t kFilesPerWorker = 512;
constexpr size_t kMaxWorkers = 8;

}  // namespace

std::vector<Advisory> ReadAdvisoryFolder(const FileSystem& fs, const std::string& dir,
                                         DiagnosticSink& sink, std::string* digest) {
  std::string listing;  // "path<TAB>sha256<LF>" per file, for `digest`
  std::vector<Advisory> advisories;
  if (fs.Kind(dir) != PathKind::kDirectory) {
    sink.Error({dir, 0, 0}, "unreadable-file", "not a folder of OSV records");
    return advisories;
  }
  std::vector<std::string> files;
  CollectJsonFiles(fs, dir, 0, sink, &files);
  // The records are independent: workers read contiguous runs of the sorted file list.
  const size_t hardware = std::max<size_t>(1, std::thread::hardware_concurrency());
  const size_t workers =
      std::clamp<size_t>(files.size() / kFilesPerWorker, 1, std::min(hardware, kMaxWorkers));
  std::vector<Chunk> chunks(workers);
  std::vector<std::thread> threads;
  const std::span<const std::string> all(files);
  auto part = [&](size_t w) {
    return all.subspan(files.size() * w / workers,
                       files.size() * (w + 1) / workers - files.size() * w / workers);
  };
  for (size_t w = 1; w < workers; ++w) {
    threads.emplace_back(ReadChunk, std::cref(fs), std::cref(dir), part(w), digest != nullptr,
                         &chunks[w]);
  }
  ReadChunk(fs, dir, part(0), digest != nullptr, &chunks[0]);
  for (std::thread& t : threads) t.join();
  for (Chunk& chunk : chunks) {
    for (Advisory& a : chunk.advisories) advisories.push_back(std::move(a));
    listing += chunk.listing;
    for (const Diagnostic& d : chunk.sink.diagnostics()) sink.Report(d);
  }
  if (digest != nullptr) *digest = Sha256Hex(listing);
  std::stable_sort(advisories.begin(), advisories.end(),
                   [](const Advisory& a, const Advisory& b) { return a.id < b.id; });
  for (size_t i = 1; i < advisories.size(); ++i) {
    if (advisories[i].id == advisories[i - 1].id) {
      sink.Error(advisories[i].location, "duplicate-advisory",
                 "advisory '" + advisories[i].id + "' is also in " + advisories[i - 1].file);
    }
  }
  return advisories;
}

const KevEntry* KevCatalog::Find(std::string_view cve) const {
  const auto found = entries.find(std::string(cve));
  return found == entries.end() ? nullptr : &found->second;
}

std::optional<KevCatalog> ReadKevCatalog(const std::string& file, std::string_view text,
                                         DiagnosticSink& sink) {
  const int errors = sink.error_count();
  std::optional<document::LocatedDocument> doc = document::ParseJsonDocument(file, text, sink);
  if (!doc) return std::nullopt;
  const document::JsonCursor root(*doc, sink);
  if (!root.ExpectObject("the KEV catalog", true)) return std::nullopt;
  KevCatalog catalog;
  catalog.version = root.Member("catalogVersion").String("catalogVersion").value_or("");
  const document::JsonCursor list = root.Member("vulnerabilities");
  if (list.ExpectArray("vulnerabilities", true)) {
    for (const document::JsonCursor& item : list.Items()) {
      if (!item.ExpectObject("vulnerabilities[]")) continue;
      KevEntry entry;
      entry.cve = item.Member("cveID").String("cveID", true).value_or("");
      entry.date_added = item.Member("dateAdded").String("dateAdded").value_or("");
      entry.due_date = item.Member("dueDate").String("dueDate").value_or("");
      entry.ransomware = item.Member("knownRansomwareCampaignUse")
                             .String("knownRansomwareCampaignUse")
                             .value_or("");
      if (!entry.cve.empty()) catalog.entries[entry.cve] = std::move(entry);
    }
  }
  if (sink.error_count() != errors) return std::nullopt;
  return catalog;
}

}  // namespace medtra::sbom
