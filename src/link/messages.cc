// Command and response codecs.
#include "medtra/link/messages.h"

namespace medtra::link {

Bytes EncodeCommand(const Command& c) {
  Bytes out;
  out.push_back(c.opcode);
  PutBe(out, c.tid, 2);
  PutBe(out, c.t_issue, 2);
  Append(out, c.args);
  return out;
}

Result<Command> DecodeCommand(ByteView p) {
  if (p.size() < 5 || (p[0] & 0x80)) return Result<Command>::Error("command: malformed");
  Command c;
  c.opcode = p[0];
  c.tid = static_cast<uint16_t>(GetBe(p, 1, 2));
  c.t_issue = static_cast<uint16_t>(GetBe(p, 3, 2));
  c.args.assign(p.begin() + 5, p.end());
  return c;
}

Bytes EncodeResponse(const Response& r) {
  Bytes out;
  out.push_back(static_cast<uint8_t>(r.opcode | 0x80));
  PutBe(out, r.tid, 2);
  out.push_back(static_cast<uint8_t>(r.status));
  Append(out, r.data);
  return out;
}

Result<Response> DecodeResponse(ByteView p) {
  if (p.size() < 4 || !(p[0] & 0x80) || p[3] > 4)
    return Result<Response>::Error("response: malformed");
  Response r;
  r.opcode = static_cast<uint8_t>(p[0] & 0x7F);
  r.tid = static_cast<uint16_t>(GetBe(p, 1, 2));
  r.status = static_cast<ResponseStatus>(p[3]);
  r.data.assign(p.begin() + 4, p.end());
  return r;
}

}  // namespace medtra::link
