// libFuzzer target: arbitrary bytes as a zip archive of advisories (read through libzip from
// memory, entries bounded); whatever it holds, reading ends with advisories or located errors.
// Any crash, leak, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/advisory.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  medtra::MemoryFileSystem fs;
  fs.AddFile("osv.zip", std::string(reinterpret_cast<const char*>(data), size));
  medtra::DiagnosticSink sink;
  std::string digest;
  const auto advisories = medtra::sbom::ReadAdvisoryFolder(fs, "osv.zip", sink, &digest);
  if (digest.size() != 64 && !sink.has_errors()) __builtin_trap();  // a read archive has a digest
  (void)advisories;
  (void)medtra::RenderTextAll(sink, nullptr);
  return 0;
}
