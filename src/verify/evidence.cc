// Evidence: sim evidence JSON (read as a located tree), lookups, and loading evidence files.
#include "medtra/verify/evidence.h"

#include <algorithm>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "verify/evidence_json.h"

namespace medtra::verify {
namespace {

int Rank(std::string_view status) {
  if (status == "failed") return 2;
  if (status == "skipped") return 1;
  return 0;
}

/// The scenario's `detail` (or `description`), else the checks that failed.
std::string ScenarioDetail(model::MapReader& reader) {
  if (std::optional<std::string> detail = reader.String("detail")) return *detail;
  if (std::optional<std::string> detail = reader.String("description")) return *detail;
  const std::vector<std::string> checks =
      reader.StringList("failed_checks").value_or(std::vector<std::string>{});
  return checks.empty() ? "" : "failed checks: " + Join(checks, ", ");
}

bool ParseScenario(model::Node node, const Provenance& file_provenance,
                   std::vector<ScenarioResult>* out, DiagnosticSink& sink) {
  model::MapReader reader(node, "sim evidence scenario", sink);
  if (!reader.ok()) return false;
  const std::optional<std::string> id = reader.String("id", true);
  const std::optional<bool> passed = reader.Bool("passed", true);
  if (!id || !passed) return false;
  ScenarioResult result;
  result.id = StartsWith(*id, "sim:") ? *id : "sim:" + *id;
  result.passed = *passed;
  result.detail = ScenarioDetail(reader);
  result.provenance = file_provenance;
  result.provenance.date = reader.String("date").value_or(file_provenance.date);
  result.location = node.location();
  out->push_back(std::move(result));
  return true;
}

/// The file's `subject: {id, version}` and `date` (or `generated`).
Provenance FileProvenance(model::MapReader& reader, DiagnosticSink& sink) {
  Provenance p;
  p.date = reader.String("date").value_or(reader.String("generated").value_or(""));
  p.tester = reader.String("tester").value_or("");
  p.independence = reader.Enum("independence", IndependenceLevels()).value_or("");
  const model::Node subject = reader.Raw("subject");
  if (!subject.valid() || subject.is_null()) return p;
  model::MapReader fields(subject, "sim evidence subject", sink);
  if (!fields.ok()) return p;
  p.subject = fields.String("id").value_or("");
  p.version = fields.String("version").value_or("");
  return p;
}

}  // namespace

const std::vector<std::string>& IndependenceLevels() {
  static const std::vector<std::string> kLevels = {"developer", "internal", "external"};
  return kLevels;
}

const TestResult* Evidence::FindTest(std::string_view id) const {
  const TestResult* found = nullptr;
  for (const TestResult& test : tests) {
    if (test.id == id && (found == nullptr || Rank(test.status) > Rank(found->status))) {
      found = &test;
    }
  }
  return found;
}

const ScenarioResult* Evidence::FindScenario(std::string_view id) const {
  const ScenarioResult* found = nullptr;
  for (const ScenarioResult& scenario : scenarios) {
    if (scenario.id == id && (found == nullptr || (found->passed && !scenario.passed))) {
      found = &scenario;
    }
  }
  return found;
}

std::vector<std::string> Evidence::Ids(std::string_view kind) const {
  std::vector<std::string> ids;
  if (kind == "test") {
    for (const TestResult& test : tests) ids.push_back("test:" + test.id);
  } else {
    for (const ScenarioResult& scenario : scenarios) ids.push_back(scenario.id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<std::string> Evidence::Paths() const {
  std::vector<std::string> paths;
  for (const EvidenceFile& f : files) paths.push_back(f.path);
  return paths;
}

std::optional<model::YamlTree> internal::ParseJsonTree(const std::string& file,
                                                       std::string_view content,
                                                       DiagnosticSink& sink) {
  if (content.size() > kMaxEvidenceBytes) {
    sink.Error({file, 0, 0}, "evidence-too-large", "evidence file larger than 64 MiB");
    return std::nullopt;
  }
  // The reader may return a tree after reporting errors (a duplicate key): such a file is
  // malformed.
  const int errors_before = sink.error_count();
  std::optional<model::YamlTree> tree = model::ParseYaml(file, content, sink);
  if (sink.error_count() > errors_before) return std::nullopt;
  return tree;
}

bool internal::ReadSimEvidence(const std::string& file, model::Node root, Evidence* evidence,
                               DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  model::MapReader reader(root, "sim evidence", sink);
  if (!reader.ok()) return false;
  const std::optional<std::string> format = reader.String("format", true);
  if (format && *format != kSimEvidenceFormat) {
    sink.Error(reader.LocationOf("format"), "sim-evidence",
               "unknown evidence format '" + *format + "', expected '" +
                   std::string(kSimEvidenceFormat) + "' or '" + std::string(kManifestFormat) + "'");
    return false;
  }
  const model::Node scenarios = reader.Raw("scenarios", true);
  if (!format || !scenarios.valid()) return false;
  if (!scenarios.is_sequence()) {
    model::ReportWrongType(sink, scenarios, "a list", "scenarios");
    return false;
  }
  const Provenance provenance = FileProvenance(reader, sink);
  std::vector<ScenarioResult> results;
  for (size_t i = 0; i < scenarios.size() && !sink.full(); ++i) {
    ParseScenario(scenarios.item(i), provenance, &results, sink);
  }
  if (sink.error_count() != errors_before) return false;
  for (ScenarioResult& result : results) evidence->scenarios.push_back(std::move(result));
  evidence->files.push_back({file, "evidence"});
  return true;
}

bool internal::ParseJson(const std::string& file, std::string_view content, JsonReader read,
                         Evidence* evidence, DiagnosticSink& sink) {
  const std::optional<model::YamlTree> tree = ParseJsonTree(file, content, sink);
  return tree && read(file, tree->root(), evidence, sink);
}

bool ParseSimEvidence(const std::string& file, std::string_view content, Evidence* evidence,
                      DiagnosticSink& sink) {
  return internal::ParseJson(file, content, &internal::ReadSimEvidence, evidence, sink);
}

bool ParseEvidenceJson(const std::string& file, std::string_view content, Evidence* evidence,
                       DiagnosticSink& sink) {
  const std::optional<model::YamlTree> tree = internal::ParseJsonTree(file, content, sink);
  if (!tree) return false;
  const model::Node root = tree->root();
  const model::Node format = root.is_mapping() ? root.Find("format") : model::Node();
  if (format.valid() && format.is_scalar() && format.scalar() == kManifestFormat) {
    return internal::ReadManifest(file, root, evidence, sink);
  }
  return internal::ReadSimEvidence(file, root, evidence, sink);
}

bool LoadEvidenceFile(const FileSystem& fs, const std::string& path, Evidence* evidence,
                      DiagnosticSink& sink) {
  const Result<std::string> content = fs.ReadFile(path, kMaxEvidenceBytes);
  if (!content.ok()) {
    sink.Error({path, 0, 0}, "evidence-unreadable", content.message());
    return false;
  }
  if (EndsWith(path, ".xml")) return ParseJUnitXml(path, *content, evidence, sink);
  return ParseEvidenceJson(path, *content, evidence, sink);
}

bool LoadEvidenceFolder(const FileSystem& fs, const std::string& folder, Evidence* evidence,
                        DiagnosticSink& sink) {
  if (fs.Kind(folder) != PathKind::kDirectory) return true;
  const Result<std::vector<std::string>> names = fs.ListDirectory(folder);
  if (!names.ok()) {
    sink.Error({folder, 0, 0}, "evidence-unreadable", names.message());
    return false;
  }
  bool good = true;
  for (const std::string& name : *names) {
    if (!EndsWith(name, ".xml") && !EndsWith(name, ".json")) continue;
    const std::string path = JoinPath(folder, name);
    if (fs.Kind(path) != PathKind::kFile) continue;
    good = LoadEvidenceFile(fs, path, evidence, sink) && good;
  }
  return good;
}

}  // namespace medtra::verify
