// libFuzzer target: arbitrary bytes as a JSON evidence file (sim evidence or a manifest, chosen by
// its "format"), then every scenario and test it names resolved and the diagnostics rendered. Any
// crash, leak, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "medtra/diag/diagnostic.h"
#include "medtra/verify/evidence.h"
#include "medtra/verify/verify.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  medtra::verify::Evidence evidence;
  medtra::DiagnosticSink sink;
  const bool ok = medtra::verify::ParseEvidenceJson("e/evidence.json", content, &evidence, sink);
  if (ok && sink.has_errors()) __builtin_trap();  // accepted despite errors
  const medtra::verify::Context context{&evidence, nullptr, "e", "s", "1.0"};
  for (const char* kind : {"sim", "test"}) {
    for (const std::string& id : evidence.Ids(kind)) {
      (void)medtra::verify::Resolve(std::string(kind) + ":" + id, {}, context);
    }
  }
  (void)medtra::RenderTextAll(sink, nullptr);
  (void)medtra::RenderJsonAll(sink);
  return 0;
}
