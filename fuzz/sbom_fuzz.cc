// libFuzzer target: arbitrary bytes through ReadSbom and CheckSbomElements. An SBOM is returned
// exactly when no error was reported, and its refs, purls and dates are consistent; any crash,
// leak, hang or trap is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/sbom.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  medtra::DiagnosticSink sink;
  const auto sbom = medtra::sbom::ReadSbom("f.json", text, sink);
  if (sbom.has_value() == sink.has_errors()) __builtin_trap();
  (void)medtra::RenderTextAll(sink, nullptr);
  if (!sbom) return 0;
  for (const medtra::sbom::SbomComponent& component : sbom->components) {
    if (component.purl.has_value() == component.purl_text.empty()) __builtin_trap();
    if (!component.end_of_support.empty() && !medtra::sbom::IsIsoDate(component.end_of_support)) {
      __builtin_trap();
    }
  }
  medtra::DiagnosticSink check;
  medtra::sbom::CheckSbomElements(*sbom, "2026-01-01", check);
  if (check.has_errors()) __builtin_trap();  // the element checks only warn
  return 0;
}
