// What an endpoint (legacy or secure) did with one received frame.
#pragma once

#include <optional>

#include "medtra/link/bytes.h"

namespace medtra::link {

struct Reception {
  bool accepted = false;         ///< acted on as authentic and fresh (applied, answered, keyed)
  bool applied = false;          ///< executed a state-changing command
  bool therapy_changed = false;  ///< the therapy parameters differ afterwards
  bool authenticated = false;    ///< passed a cryptographic check (never, on the legacy link)
  std::optional<Bytes> reply;    ///< what the endpoint transmits in answer
  bool heard = true;             ///< false when the receiver was off (wake-up gating)
};

}  // namespace medtra::link
