// libFuzzer target: arbitrary bytes through ParseYaml and the whole loader (LoadModel on an
// in-memory folder), plus both diagnostic renderers. Any crash, leak, hang or sanitizer report is
// a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/model_loader.h"
#include "medtra/model/yaml_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  {
    medtra::DiagnosticSink sink;
    (void)medtra::model::ParseYaml("f.yaml", content, sink);
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
