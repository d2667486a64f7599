// libFuzzer target: ParsePurl on arbitrary bytes; every purl it accepts prints canonically and
// reads back as the same purl (parse(ToString(p)) == p), and the canonical form is a fixed point.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "medtra/sbom/purl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto purl = medtra::sbom::ParsePurl(input, &error);
  if (!purl) {
    if (error.empty()) __builtin_trap();  // a failure always says why
    return 0;
  }
  const std::string canonical = purl->ToString();
  const auto again = medtra::sbom::ParsePurl(canonical, &error);
  if (!again || *again != *purl) __builtin_trap();
  if (again->ToString() != canonical) __builtin_trap();
  const auto built = medtra::sbom::MakePurl(*purl, &error);
  if (!built || *built != *purl) __builtin_trap();  // a parsed purl is a valid build
  return 0;
}
