// libFuzzer target: the legacy frame parser and the legacy implant never crash or over-read, and a
// frame that parses re-encodes to the same bytes.
#include <cstdlib>

#include "medtra/link/legacy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const medtra::link::ByteView input(data, size);
  medtra::Result<medtra::link::LegacyFrame> frame = medtra::link::DecodeLegacyFrame(input);
  if (frame.ok()) {
    const medtra::link::Bytes again = medtra::link::EncodeLegacyFrame(*frame);
    if (again != medtra::link::Bytes(input.begin(), input.end())) std::abort();
    medtra::link::LegacyImplant implant(frame->device_id);
    const medtra::link::Reception r = implant.Receive(input);
    if (r.reply && !medtra::link::DecodeLegacyFrame(*r.reply).ok()) std::abort();
  }
  medtra::link::Bytes copy(input.begin(), input.end());
  medtra::link::FixLegacyCrc(copy);
  return 0;
}
