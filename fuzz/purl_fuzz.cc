// libFuzzer target: ParsePurl on arbitrary bytes; every purl it accepts prints canonically and
// reads back as the same purl (parse(ToString(p)) == p), and the canonical form is a fixed point.
// The same bytes as a CPE name: a refusal always says why, an accepted name has a valid part.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "medtra/sbom/cpe.h"
#include "medtra/sbom/purl.h"

namespace {

void CheckCpe(std::string_view input) {
  std::string error;
  const auto cpe = medtra::sbom::ParseCpe(input, &error);
  if (!cpe) {
    if (error.empty()) __builtin_trap();
    return;
  }
  const std::string& part = cpe->part().text;
  if (part != "a" && part != "o" && part != "h" && !cpe->part().Any()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckCpe(input);
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
