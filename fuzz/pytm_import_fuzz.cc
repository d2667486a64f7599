// libFuzzer target: arbitrary bytes through `medtra import pytm` (see import_fuzz.h).
#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzImport("pytm", "f.json", data, size);
}
