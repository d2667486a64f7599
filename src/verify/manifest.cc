// Evidence manifests: what each evidence file beside the manifest was made on, as a CI job states
// it; and Evidence::ProvenanceOf, which lets a file's own statement win over its manifest entry.
#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "verify/evidence_json.h"

namespace medtra::verify {
namespace {

std::string Folder(const std::string& file) {
  const size_t slash = file.rfind('/');
  return slash == std::string::npos ? "" : file.substr(0, slash);
}

void Fill(std::string* field, const std::string& fallback) {
  if (field->empty()) *field = fallback;
}

/// Reads one entry; returns false when it is malformed (reported).
bool ReadEntry(model::Node node, const std::string& folder, const Evidence& evidence,
               std::vector<ManifestEntry>* entries, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  model::MapReader reader(node, "evidence manifest entry", sink);
  if (!reader.ok()) return false;
  const std::optional<std::string> path = reader.String("path", true);
  ManifestEntry entry;
  entry.provenance.subject = reader.String("subject").value_or("");
  entry.provenance.version = reader.String("version").value_or("");
  entry.provenance.date = reader.String("date").value_or("");
  entry.provenance.tester = reader.String("tester").value_or("");
  entry.provenance.independence = reader.Enum("independence", IndependenceLevels()).value_or("");
  entry.location = node.location();
  reader.Finish();
  if (!path) return false;
  if (path->empty() || StartsWith(*path, "/")) {
    sink.Error(reader.LocationOf("path"), "evidence-manifest",
               "evidence manifest path '" + *path +
                   "' must name a file relative to the manifest's folder");
    return false;
  }
  entry.path = folder.empty() ? *path : JoinPath(folder, *path);
  for (const auto* list :
       {&evidence.manifest, static_cast<const std::vector<ManifestEntry>*>(entries)}) {
    for (const ManifestEntry& e : *list) {
      if (e.path != entry.path) continue;
      sink.Error(
          reader.LocationOf("path"), "evidence-manifest",
          "evidence file '" + entry.path + "' is already described at " + ToString(e.location));
      return false;
    }
  }
  if (sink.error_count() != errors_before) return false;
  entries->push_back(std::move(entry));
  return true;
}

}  // namespace

bool internal::ReadManifest(const std::string& file, model::Node root, Evidence* evidence,
                            DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  model::MapReader reader(root, "evidence manifest", sink);
  if (!reader.ok()) return false;
  const std::optional<std::string> format = reader.String("format", true);
  const std::optional<std::string> version = reader.String("format_version", true);
  const model::Node files = reader.Raw("files", true);
  reader.Finish();
  if (format && *format != kManifestFormat) {
    sink.Error(reader.LocationOf("format"), "evidence-manifest",
               "unknown evidence manifest format '" + *format + "', expected '" +
                   std::string(kManifestFormat) + "'");
  }
  if (version && *version != "1") {
    sink.Error(reader.LocationOf("format_version"), "evidence-manifest",
               "unsupported evidence manifest format_version '" + *version + "', expected 1");
  }
  std::vector<ManifestEntry> entries;
  if (files.valid() && !files.is_sequence()) {
    model::ReportWrongType(sink, files, "a list", "files");
  } else if (files.valid()) {
    const std::string folder = Folder(file);
    for (size_t i = 0; i < files.size() && !sink.full(); ++i) {
      ReadEntry(files.item(i), folder, *evidence, &entries, sink);
    }
  }
  if (sink.error_count() != errors_before) return false;
  for (ManifestEntry& entry : entries) evidence->manifest.push_back(std::move(entry));
  evidence->files.push_back({file, "manifest"});
  return true;
}

bool ParseManifest(const std::string& file, std::string_view content, Evidence* evidence,
                   DiagnosticSink& sink) {
  return internal::ParseJson(file, content, &internal::ReadManifest, evidence, sink);
}

Provenance Evidence::ProvenanceOf(const Provenance& own, const SourceLocation& location) const {
  Provenance p = own;
  for (const ManifestEntry& entry : manifest) {
    if (entry.path != location.file) continue;
    Fill(&p.subject, entry.provenance.subject);
    Fill(&p.version, entry.provenance.version);
    Fill(&p.date, entry.provenance.date);
    Fill(&p.tester, entry.provenance.tester);
    Fill(&p.independence, entry.provenance.independence);
    break;
  }
  return p;
}

}  // namespace medtra::verify
