// LoadModel: finds the model files, parses each, and hands the trees to ModelBuilder.
#include "medtra/model/model_loader.h"

#include <openssl/evp.h>

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

  // Every file is read, then parsed: several files one per thread, one large file in parts
  // (ParseYamlInParts). A file whose parse reports anything is parsed again, alone, into `sink`,
  // so the diagnostics are those of one parse in file order.
  const unsigned threads = ThreadCount(options.threads);
  std::vector<std::optional<std::string>> contents(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    Result<std::string> content = fs.ReadFile(files[i], options.yaml.max_bytes);
    if (!content.ok()) {
      sink.Error({files[i], 0, 0}, "unreadable", content.message());
    } else {
      contents[i] = std::move(content).value();
    }
  }
  std::vector<std::optional<YamlTree>> parsed(files.size());
  std::vector<std::string> file_hashes(files.size());
  const unsigned per_file = files.size() > 1 ? 1 : threads;
  ParallelFor(files.size(), files.size() > 1 ? threads : 1, [&](size_t i) {
    if (!contents[i]) return;
    file_hashes[i] = Sha256Hex(*contents[i]);
    parsed[i] = ParseYamlInParts(files[i], *contents[i], per_file, options.yaml);
    if (parsed[i] || per_file > 1) return;
    DiagnosticSink quiet;
    parsed[i] = ParseYaml(files[i], *contents[i], quiet, options.yaml);
    if (!quiet.diagnostics().empty()) parsed[i].reset();
  });

  // The model's content hash (SHA-256 over the files in order) ties evidence and reports to a
  // revision; OpenSSL's implementation uses the CPU's SHA instructions where there are any.
  const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> sha(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(sha.get(), EVP_sha256(), nullptr);
  ModelBuilder builder(model.get(), sink, threads);
  std::vector<std::unique_ptr<YamlTree>> trees;  // live while the builder reads them
  bool all_parsed = true;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    if (!contents[i]) {
      all_parsed = false;
      continue;
    }
    EVP_DigestUpdate(sha.get(), contents[i]->data(), contents[i]->size());
    if (!parsed[i]) parsed[i] = ParseYaml(file, *contents[i], sink, options.yaml);
    if (sources != nullptr) sources->Add(file, std::move(*contents[i]));
    contents[i].reset();
    if (!parsed[i]) {
      all_parsed = false;
      continue;
    }
    model->files.push_back(file);
    model->file_hashes.push_back(std::move(file_hashes[i]));
    trees.push_back(std::make_unique<YamlTree>(std::move(*parsed[i])));
    parsed[i].reset();
    builder.AddFile(trees.back()->root());
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
