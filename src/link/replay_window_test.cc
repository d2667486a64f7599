// The 64-entry replay window and 48-bit sequence reconstruction.
#include "medtra/link/replay_window.h"

#include <gtest/gtest.h>

#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

TEST(LinkReplayWindowTest, AcceptsNewRejectsSeenAndTooOld) {
  ReplayWindow w;
  EXPECT_TRUE(w.Check(0));
  w.Update(0);
  EXPECT_FALSE(w.Check(0));
  for (uint64_t s = 2; s < 100; s += 2) w.Update(s);  // odd numbers missing
  EXPECT_TRUE(w.Check(97));                           // reordered but inside the window
  EXPECT_FALSE(w.Check(96));
  EXPECT_FALSE(w.Check(98 - 64));  // too old even though never seen
  EXPECT_TRUE(w.Check(98 - 63));
  w.Update(97);
  EXPECT_FALSE(w.Check(97));
  w.Update(1000);
  EXPECT_FALSE(w.Check(97));
  EXPECT_TRUE(w.Check(999));
}

TEST(LinkReplayWindowTest, ReconstructsSequenceNearExpected) {
  EXPECT_EQ(ReconstructSeq(0, false, 0), 0u);
  EXPECT_EQ(ReconstructSeq(0xFFFF, true, 0x0001), 0x10001u);
  EXPECT_EQ(ReconstructSeq(0x10002, true, 0xFFF0), 0xFFF0u);
  EXPECT_EQ(ReconstructSeq(0x123456, true, 0x3457), 0x123457u);
}

}  // namespace
}  // namespace medtra::link
