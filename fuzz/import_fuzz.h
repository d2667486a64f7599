// The body of the importer fuzz targets: arbitrary bytes through one importer; what it makes must
// render to YAML that the model loader accepts. Any crash, leak, hang or trap is a bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/interchange/import.h"
#include "medtra/interchange/yaml_emitter.h"
#include "medtra/model/model_loader.h"

inline int FuzzImport(const char* format, const char* file, const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  medtra::DiagnosticSink sink;
  const auto model = medtra::interchange::Import(format, file, content, sink);
  if (model && sink.has_errors()) __builtin_trap();  // a model despite errors
  (void)medtra::RenderTextAll(sink, nullptr);
  if (!model) return 0;
  medtra::MemoryFileSystem fs;
  for (const auto& [name, text] : medtra::interchange::RenderImportedModel(*model)) {
    fs.AddFile("m/" + name, text);
  }
  medtra::DiagnosticSink check;
  if (medtra::model::LoadModel(fs, "m", check, nullptr) == nullptr) __builtin_trap();
  return 0;
}
