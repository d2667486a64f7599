// A 64-entry sliding anti-replay window (RFC 4303 / RFC 6479 style) over 48-bit sequence numbers.
#pragma once

#include <cstdint>

namespace medtra::link {

class ReplayWindow {
 public:
  static constexpr uint64_t kSize = 64;
  /// True when `seq` is new and not too old. Does not change the window (check before the AEAD).
  bool Check(uint64_t seq) const;
  /// Marks `seq` as received (only after the AEAD verified the frame).
  void Update(uint64_t seq);
  uint64_t highest() const { return highest_; }
  bool any() const { return any_; }

 private:
  uint64_t highest_ = 0;
  uint64_t bitmap_ = 0;  ///< bit i set: highest_ - i received
  bool any_ = false;
};

}  // namespace medtra::link
