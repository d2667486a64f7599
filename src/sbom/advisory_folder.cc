// ReadAdvisoryFolder: every advisory file under a folder (or in a zip archive); ReadKevCatalog:
// the CISA KEV catalog.
#include <algorithm>
#include <span>

#include "medtra/document/json_cursor.h"
#include "medtra/sbom/advisory.h"
#include "sbom/advisory_chunks.h"

namespace medtra::sbom {
namespace {

using internal::Chunk;

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

void ReadChunk(const FileSystem& fs, const std::string& dir, std::span<const std::string> files,
               bool digest, Chunk* chunk) {
  for (const std::string& file : files) {
    Result<std::string> text = fs.ReadFile(file, internal::kMaxAdvisoryBytes);
    if (!text.ok()) {
      chunk->sink.Error({file, 0, 0}, "unreadable-file", text.status().message());
      continue;
    }
    internal::Parse(file, file.substr(dir.size()), *text, digest, chunk);
  }
}

}  // namespace

std::vector<Advisory> ReadAdvisoryFolder(const FileSystem& fs, const std::string& dir,
                                         DiagnosticSink& sink, std::string* digest) {
  const PathKind kind = fs.Kind(dir);
  if (kind == PathKind::kFile && dir.ends_with(".zip")) {
    return internal::ReadAdvisoryZip(fs, dir, sink, digest);
  }
  if (kind != PathKind::kDirectory) {
    sink.Error({dir, 0, 0}, "unreadable-file", "not a folder or zip archive of advisories");
    return {};
  }
  std::vector<std::string> files;
  CollectJsonFiles(fs, dir, 0, sink, &files);
  // The records are independent: workers read contiguous runs of the sorted file list.
  const std::span<const std::string> all(files);
  std::vector<Chunk> chunks =
      internal::InParallel(files.size(), [&](size_t from, size_t to, Chunk* chunk) {
        ReadChunk(fs, dir, all.subspan(from, to - from), digest != nullptr, chunk);
      });
  return internal::Join(chunks, sink, digest);
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
