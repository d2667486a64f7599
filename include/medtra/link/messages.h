// The inner plaintext of data frames: commands (programmer→implant) and responses
// (implant→programmer).
#pragma once

#include <cstdint>

#include "medtra/base/status.h"
#include "medtra/link/bytes.h"

namespace medtra::link {

/// opcode(1) ‖ tid(2) ‖ t_issue(2, 100-ms ticks since the handshake; see freshness.h) ‖ args.
struct Command {
  uint8_t opcode = 0;
  uint16_t tid = 0;
  uint16_t t_issue = 0;
  Bytes args;
};
Bytes EncodeCommand(const Command& command);
Result<Command> DecodeCommand(ByteView plaintext);

enum class ResponseStatus : uint8_t {
  kOk = 0,
  kDenied = 1,       ///< role not allowed
  kOutOfBounds = 2,  ///< hard safety bounds or rate-of-change limit
  kOrder = 3,        ///< tid neither next nor cached; data = last processed tid
  kBadArgs = 4,
};

/// (opcode | 0x80)(1) ‖ tid(2) ‖ status(1) ‖ data.
struct Response {
  uint8_t opcode = 0;  ///< the request opcode (without the reply flag)
  uint16_t tid = 0;
  ResponseStatus status = ResponseStatus::kOk;
  Bytes data;
};
Bytes EncodeResponse(const Response& response);
Result<Response> DecodeResponse(ByteView plaintext);

}  // namespace medtra::link
