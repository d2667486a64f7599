// ReadAdvisoryZip: the *.json entries of a zip archive (OSV's per-ecosystem `all.zip` exports)
// read through libzip from memory, by several workers, each with its own handle on the bytes.
#include <zip.h>

#include <memory>

#include "sbom/advisory_chunks.h"

namespace medtra::sbom::internal {
namespace {

constexpr size_t kMaxZipBytes = size_t{4} << 30;            // the archive itself
constexpr uint64_t kMaxExpandedBytes = uint64_t{16} << 30;  // all entries together
constexpr uint64_t kMaxEntries = 4'000'000;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// A read-only handle on the archive's bytes; null with `message` set when it is no zip.
ZipHandle Open(const std::string& bytes, std::string* message) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = nullptr;
  if (source != nullptr) {
    archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (archive == nullptr) zip_source_free(source);
  }
  if (archive == nullptr) *message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return ZipHandle(archive);
}

struct Entry {
  std::string name;
  zip_uint64_t index = 0;
  zip_uint64_t size = 0;
};

// The entry's bytes, reading at most its stated size plus one (a size that lies is an error).
bool ReadEntry(zip_t* archive, const Entry& entry, std::string* text, std::string* message) {
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive, entry.index, 0));
  if (!file) {
    *message = zip_strerror(archive);
    return false;
  }
  text->resize(entry.size + 1);
  zip_uint64_t done = 0;
  while (done < text->size()) {
    const zip_int64_t n = zip_fread(file.get(), text->data() + done, text->size() - done);
    if (n < 0) {
      *message = zip_file_strerror(file.get());
      return false;
    }
    if (n == 0) break;
    done += static_cast<zip_uint64_t>(n);
  }
  if (done != entry.size) {
    *message = "the entry's stated size is not its size";
    return false;
  }
  text->resize(done);
  return true;
}

}  // namespace

std::vector<Advisory> ReadAdvisoryZip(const FileSystem& fs, const std::string& zip,
                                      DiagnosticSink& sink, std::string* digest) {
  Result<std::string> bytes = fs.ReadFile(zip, kMaxZipBytes);
  if (!bytes.ok()) {
    sink.Error({zip, 0, 0}, "unreadable-file", bytes.status().message());
    return {};
  }
  std::string message;
  ZipHandle archive = Open(*bytes, &message);
  if (!archive) {
    sink.Error({zip, 0, 0}, "advisory-zip", "not a readable zip archive: " + message);
    return {};
  }
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count < 0 || static_cast<uint64_t>(count) > kMaxEntries) {
    sink.Error({zip, 0, 0}, "advisory-zip",
               "a zip archive of advisories holds at most 4,000,000 entries");
    return {};
  }
  std::vector<Entry> entries;
  uint64_t expanded = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
        (stat.valid & (ZIP_STAT_NAME | ZIP_STAT_SIZE)) != (ZIP_STAT_NAME | ZIP_STAT_SIZE)) {
      sink.Error({zip, 0, 0}, "advisory-zip", "entry " + std::to_string(i) + " is unreadable");
      continue;
    }
    const std::string name = stat.name;
    const bool hidden = name.starts_with(".") || name.find("/.") != std::string::npos;
    if (!name.ends_with(".json") || hidden) continue;
    if (stat.size > kMaxAdvisoryBytes) {
      sink.Error({zip + "/" + name, 0, 0}, "unreadable-file",
                 "the entry expands to more than 64 MiB");
      continue;
    }
    expanded += stat.size;
    if (expanded > kMaxExpandedBytes) {
      sink.Error({zip, 0, 0}, "advisory-zip", "the archive's entries expand to more than 16 GiB");
      return {};
    }
    entries.push_back({name, static_cast<zip_uint64_t>(i), stat.size});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  for (size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].name == entries[i - 1].name) {
      sink.Error({zip + "/" + entries[i].name, 0, 0}, "advisory-zip",
                 "the archive holds two entries of this name");
    }
  }
  std::vector<Chunk> chunks = InParallel(entries.size(), [&](size_t from, size_t to, Chunk* chunk) {
    std::string error;
    ZipHandle own = from == 0 ? nullptr : Open(*bytes, &error);
    zip_t* handle = from == 0 ? archive.get() : own.get();
    std::string text;
    for (size_t e = from; e < to; ++e) {
      const std::string file = zip + "/" + entries[e].name;
      if (handle == nullptr || !ReadEntry(handle, entries[e], &text, &error)) {
        chunk->sink.Error({file, 0, 0}, "unreadable-file", error);
        continue;
      }
      Parse(file, "/" + entries[e].name, text, digest != nullptr, chunk);
    }
  });
  return Join(chunks, sink, digest);
}

}  // namespace medtra::sbom::internal
