// ReportId and the inputs list: what a report rests on, named by content.
#include "medtra/analysis/inputs.h"

#include <algorithm>
#include <tuple>

#include "medtra/base/sha256.h"
#include "medtra/base/strings.h"
#include "medtra/version.h"

namespace medtra::analysis {

std::vector<Input> HashFiles(const FileSystem& fs, const std::vector<std::string>& paths,
                             const std::string& role) {
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    const Result<std::string> content = fs.ReadFile(path, size_t{256} << 20);
    if (content.ok()) inputs.push_back({path, Sha256Hex(*content), role});
  }
  return inputs;
}

std::string RelativeToModel(const std::string& model_dir, const std::string& path) {
  if (model_dir.empty() || model_dir == ".") return path;
  const std::string prefix = model_dir.back() == '/' ? model_dir : model_dir + "/";
  return StartsWith(path, prefix) ? path.substr(prefix.size()) : path;
}

void SortInputs(std::vector<Input>& inputs) {
  std::sort(inputs.begin(), inputs.end(), [](const Input& a, const Input& b) {
    return std::tie(a.role, a.path) < std::tie(b.role, b.path);
  });
}

std::string ReportId(const std::vector<Input>& inputs, const rules::RuleCatalog& catalog) {
  std::string text = "medtra ";
  text += kVersion;
  text += "\nreport format ";
  text += std::to_string(kReportFormatVersion);
  text += '\n';
  for (const rules::ThreatRule* rule : catalog.Sorted()) {
    const rules::RuleInfo& info = rule->Info();
    text += "rule " + info.id + '\t' + info.title + '\t' + Join(info.stride, ",") + '\t';
    for (const rules::CatalogRef& ref : info.capec) text += ref.id + ',';
    for (const rules::CatalogRef& ref : info.cwe) text += ref.id + ',';
    for (const std::string& id : info.emb3d) text += id + ',';
    text += '\t' + std::to_string(static_cast<int>(info.exposure)) + '\t' +
            std::to_string(info.base_likelihood) + '\n';
  }
  for (const Input& input : inputs) {
    text += "input " + input.role + '\t' + input.path + '\t' + input.sha256 + '\n';
  }
  return Sha256Hex(text);
}

}  // namespace medtra::analysis
