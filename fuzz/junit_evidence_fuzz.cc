// libFuzzer target: arbitrary bytes as a JUnit XML evidence file (expat, DOCTYPE refused), then
// every reference kind resolved against what was read and the diagnostics rendered. Any crash,
// leak, hang or sanitizer report is a bug.
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
  const bool ok = medtra::verify::ParseJUnitXml("e/junit.xml", content, &evidence, sink);
  if (ok && sink.has_errors()) __builtin_trap();  // accepted despite errors
  const medtra::verify::Context context{&evidence, nullptr, "e", "s", "1.0"};
  for (const std::string& id : evidence.Ids("test")) {
    (void)medtra::verify::Resolve("test:" + id, {}, context);
  }
  (void)medtra::verify::Resolve("test:Suite.Name", {}, context);
  (void)medtra::RenderTextAll(sink, nullptr);
  (void)medtra::RenderJsonAll(sink);
  return 0;
}
