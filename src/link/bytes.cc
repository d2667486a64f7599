// Out-of-line byte helpers (kept out of line: GCC 12 at -O3 reports false -Wstringop-overflow and
// -Warray-bounds on small vector inserts it has inlined).
#include "medtra/link/bytes.h"

namespace medtra::link {

void PutBe(Bytes& out, uint64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) out.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

void Append(Bytes& out, ByteView data) { out.insert(out.end(), data.begin(), data.end()); }

}  // namespace medtra::link
