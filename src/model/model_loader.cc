// LoadModel: finds the model files, parses each, and hands the trees to ModelBuilder.
#include "medtra/model/model_loader.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "medtra/base/parallel.h"
#include "medtra/base/sha256.h"
#include "medtra/base/strings.h"
#include "model/model_builder.h"

namespace medtra::model {
namespace {

bool IsModelFile(std::string_view name) {
  return (EndsWith(name, ".yaml") || EndsWith(name, ".yml")) && !StartsWith(name, ".");
}

// The files that make up the model at `path`; reports why there are none.
std::vector<std::string> ModelFiles(const FileSystem& fs, const std::string& path,
                                    DiagnosticSink& sink) {
  switch (fs.Kind(path)) {
    case PathKind::kMissing:
      sink.Error({path, 0, 0}, "file-not-found", "no such file or directory");
      return {};
    case PathKind::kOther:
      sink.Error({path, 0, 0}, "not-a-file", "not a regular file or directory");
      return {};
    case PathKind::kFile:
      return {path};
    case PathKind::kDirectory:
      break;
  }
  const Result<std::vector<std::string>> names = fs.ListDirectory(path);
  if (!names.ok()) {
    sink.Error({path, 0, 0}, "unreadable", "cannot read directory: " + names.message());
    return {};
  }
  std::vector<std::string> files;
  for (const std::string& name : *names) {
    if (!IsModelFile(name)) continue;
    const std::string file = JoinPath(path, name);
    if (fs.Kind(file) == PathKind::kFile) files.push_back(file);
  }
  if (files.empty()) {
    sink.Error({path, 0, 0}, "no-model-files", "no model files (*.yaml, *.yml) in this directory");
  }
  return files;
}

}  // namespace

std::unique_ptr<const SystemModel> LoadModel(const FileSystem& fs, const std::string& path,
                                             DiagnosticSink& sink, SourceCache* sources,
                                             const LoadOptions& options) {
  auto model = std::make_unique<SystemModel>();
  const std::vector<std::string> files = ModelFiles(fs, path, sink);
  if (files.empty()) return nullptr;

  // The files are read and parsed a batch at a time (one file per thread; one large file in
  // parts, ParseYamlInParts), then built in order, so that only one batch's trees are alive
  // beside the model. A file whose parse reports anything is parsed again, alone, into `sink`, so
  // the diagnostics are those of one parse in file order. The model's content hash (SHA-256 over
  // the files in order) ties evidence and reports to a revision; OpenSSL's implementation uses
  // the CPU's SHA instructions where there are any.
  const unsigned threads = ThreadCount(options.threads);
  const size_t batch = files.size() > 1 ? threads : 1;
  const unsigned per_file = files.size() > 1 ? 1 : threads;
  const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> sha(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(sha.get(), EVP_sha256(), nullptr);
  ModelBuilder builder(model.get(), sink, threads);
  std::vector<std::unique_ptr<YamlTree>> held;  // trees whose nodes Finish() still reads
  bool all_parsed = true;
  for (size_t first = 0; first < files.size(); first += batch) {
    const size_t count = std::min(batch, files.size() - first);
    std::vector<std::optional<std::string>> contents(count);
    for (size_t k = 0; k < count; ++k) {
      Result<std::string> content = fs.ReadFile(files[first + k], options.yaml.max_bytes);
      if (!content.ok()) {
        sink.Error({files[first + k], 0, 0}, "unreadable", content.message());
      } else {
        contents[k] = std::move(content).value();
      }
    }
    std::vector<std::optional<YamlTree>> parsed(count);
    std::vector<std::string> file_hashes(count);
    ParallelFor(count, count > 1 ? threads : 1, [&](size_t k) {
      if (!contents[k]) return;
      const std::string& file = files[first + k];
      file_hashes[k] = Sha256Hex(*contents[k]);
      parsed[k] = ParseYamlInParts(file, *contents[k], per_file, options.yaml);
      if (parsed[k] || per_file > 1) return;
      DiagnosticSink quiet;
      parsed[k] = ParseYaml(file, *contents[k], quiet, options.yaml);
      if (!quiet.diagnostics().empty()) parsed[k].reset();
    });
    for (size_t k = 0; k < count; ++k) {
      const std::string& file = files[first + k];
      if (!contents[k]) {
        all_parsed = false;
        continue;
      }
      EVP_DigestUpdate(sha.get(), contents[k]->data(), contents[k]->size());
      if (!parsed[k]) parsed[k] = ParseYaml(file, *contents[k], sink, options.yaml);
      if (sources != nullptr) sources->Add(file, std::move(*contents[k]));
      contents[k].reset();
      if (!parsed[k]) {
        all_parsed = false;
        continue;
      }
      model->files.push_back(file);
      model->file_hashes.push_back(std::move(file_hashes[k]));
      auto tree = std::make_unique<YamlTree>(std::move(*parsed[k]));
      parsed[k].reset();
      const size_t pending = builder.PendingNodes();
      builder.AddFile(tree->root());
      if (builder.PendingNodes() != pending) held.push_back(std::move(tree));
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  EVP_DigestFinal_ex(sha.get(), digest, &digest_size);
  model->content_hash = HexBytes(digest, digest_size);
  if (all_parsed) builder.Finish();  // else cross-file checks would only add noise
  sink.SortByLocation();
  if (!all_parsed || sink.has_errors()) return nullptr;
  return model;
}

}  // namespace medtra::model
