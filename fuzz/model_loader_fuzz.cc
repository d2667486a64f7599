// libFuzzer target: arbitrary bytes through ParseYaml and the whole loader (LoadModel on an
// in-memory folder), plus both diagnostic renderers. Any crash, leak, hang or sanitizer report is
// a bug.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/model_loader.h"
#include "medtra/model/yaml_tree.h"

namespace {

/// Whether two nodes and everything under them are the same: kind, style, text, line, column.
bool Same(const medtra::model::Node& a, const medtra::model::Node& b) {
  if (a.kind() != b.kind() || a.line() != b.line() || a.col() != b.col() ||
      a.is_plain() != b.is_plain() || a.scalar() != b.scalar() || a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (a.is_sequence() && !Same(a.item(i), b.item(i))) return false;
    if (a.is_mapping() && (!Same(a.key(i), b.key(i)) || !Same(a.value(i), b.value(i))))
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  {
    medtra::DiagnosticSink sink;
    const std::optional<medtra::model::YamlTree> whole =
        medtra::model::ParseYaml("f.yaml", content, sink);
    // Cut into parts however small the input: a tree from the parts must be the tree of the
    // whole parse, and only a clean whole parse may have one.
    const std::optional<medtra::model::YamlTree> parts =
        medtra::model::ParseYamlInParts("f.yaml", content, 3, {}, 0);
    if (parts && (!whole || !sink.diagnostics().empty() || !Same(whole->root(), parts->root())))
      __builtin_trap();
  }
  // The same bytes as one file of a folder beside a valid system file, so that the builder's
  // cross-file checks (references, duplicate ids, the risk method) run on fuzzed sections too.
  medtra::MemoryFileSystem fs;
  fs.AddFile("m/a.yaml",
             "medtra: 1\n"
             "system:\n"
             "  id: s\n"
             "  name: S\n"
             "  intended_use: U\n"
             "  essential_functions: [{id: EF, name: F, component: c}]\n"
             "  intended_environment: [{id: ENV, name: E}]\n"
             "components: [{id: c, name: C, kind: implant}, {id: d, name: D, kind: programmer}]\n");
  fs.AddFile("m/b.yaml", content);
  medtra::DiagnosticSink sink;
  medtra::SourceCache sources;
  const auto model = medtra::model::LoadModel(fs, "m", sink, &sources);
  if (model != nullptr && sink.has_errors()) __builtin_trap();  // a model despite errors
  (void)medtra::RenderTextAll(sink, &sources);
  (void)medtra::RenderJsonAll(sink);
  return 0;
}
