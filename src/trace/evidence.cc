// Evidence: sim evidence JSON (read as a located tree), lookups, and loading evidence files.
#include "medtra/trace/evidence.h"

#include <algorithm>

#include "medtra/base/strings.h"
#include "medtra/model/field_reader.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::trace {
namespace {

int Rank(std::string_view status) {
  if (status == "failed") return 2;
  if (status == "skipped") return 1;
  return 0;
}

bool ParseScenario(model::Node node, const std::string& date, const std::string& hash,
                   std::vector<ScenarioResult>* out, DiagnosticSink& sink) {
  model::MapReader reader(node, "sim evidence scenario", sink);
  if (!reader.ok()) return false;
  const std::optional<std::string> id = reader.String("id", true);
  const std::optional<bool> passed = reader.Bool("passed", true);
  if (!id || !passed) return false;
  ScenarioResult result;
  result.id = StartsWith(*id, "sim:") ? *id : "sim:" + *id;
  result.passed = *passed;
  result.detail = reader.String("detail").value_or(reader.String("description").value_or(""));
  result.date = reader.String("date").value_or(date);
  result.model_hash = reader.String("model_hash").value_or(hash);
  result.location = node.location();
  out->push_back(std::move(result));
  return true;
}

}  // namespace

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

bool ParseSimEvidence(const std::string& file, std::string_view content, Evidence* evidence,
                      DiagnosticSink& sink) {
  if (content.size() > kMaxEvidenceBytes) {
    sink.Error({file, 0, 0}, "sim-evidence", "evidence file larger than 64 MiB");
    return false;
  }
  // JSON is a subset of YAML's flow syntax: the YAML reader gives located nodes, duplicate-key
  // and depth checks for free.
  const int errors_before = sink.error_count();
  std::optional<model::YamlTree> tree = model::ParseYaml(file, content, sink);
  if (!tree) return false;
  const model::Node root = tree->root();
  model::MapReader reader(root, "sim evidence", sink);
  if (!reader.ok()) return false;
  const std::optional<std::string> format = reader.String("format", true);
  if (format && *format != "medtra-sim-evidence") {
    sink.Error(reader.LocationOf("format"), "sim-evidence",
               "unknown evidence format '" + *format + "', expected 'medtra-sim-evidence'");
    return false;
  }
  const model::Node scenarios = reader.Raw("scenarios", true);
  if (!format || !scenarios.valid()) return false;
  if (!scenarios.is_sequence()) {
    model::ReportWrongType(sink, scenarios, "a list", "scenarios");
    return false;
  }
  const std::string date = reader.String("date").value_or(reader.String("generated").value_or(""));
  const std::string hash = reader.String("model_hash").value_or("");
  std::vector<ScenarioResult> results;
  for (size_t i = 0; i < scenarios.size() && !sink.full(); ++i) {
    ParseScenario(scenarios.item(i), date, hash, &results, sink);
  }
  if (sink.error_count() != errors_before) return false;
  for (ScenarioResult& result : results) evidence->scenarios.push_back(std::move(result));
  evidence->files.push_back(file);
  return true;
}

bool LoadEvidenceFile(const FileSystem& fs, const std::string& path, Evidence* evidence,
                      DiagnosticSink& sink) {
  const Result<std::string> content = fs.ReadFile(path, kMaxEvidenceBytes);
  if (!content.ok()) {
    sink.Error({path, 0, 0}, "evidence-unreadable", content.message());
    return false;
  }
  if (EndsWith(path, ".xml")) return ParseJUnitXml(path, *content, evidence, sink);
  return ParseSimEvidence(path, *content, evidence, sink);
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

}  // namespace medtra::trace
