// The sliding anti-replay window.
#include "medtra/link/replay_window.h"

namespace medtra::link {

bool ReplayWindow::Check(uint64_t seq) const {
  if (!any_ || seq > highest_) return true;
  const uint64_t age = highest_ - seq;
  if (age >= kSize) return false;
  return ((bitmap_ >> age) & 1) == 0;
}

void ReplayWindow::Update(uint64_t seq) {
  if (!any_) {
    any_ = true;
    highest_ = seq;
    bitmap_ = 1;
    return;
  }
  if (seq > highest_) {
    const uint64_t shift = seq - highest_;
    bitmap_ = shift >= kSize ? 0 : bitmap_ << shift;
    bitmap_ |= 1;
    highest_ = seq;
    return;
  }
  const uint64_t age = highest_ - seq;
  if (age < kSize) bitmap_ |= uint64_t{1} << age;
}

}  // namespace medtra::link
