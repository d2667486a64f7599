// Issue 16, energy: wake-up gating, the daily radio budget, and handshake limits per ticket so one
// captured ticket cannot lock out another.
#include <gtest/gtest.h>

#include "link/link_test_util.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

using testing::LinkFixture;

/// An attacker's M1: a captured ticket with a fresh N_P (it cannot key the session).
Bytes CapturedTicketM1(LinkFixture& f, const IssuedTicket& ticket) {
  SecureProgrammer attacker(*f.crypto, f.rng);
  return attacker.StartHandshake(ticket, Role::kClinician);
}

TEST(Issue16EnergyTest, OneCapturedTicketCannotLockOutTheHomeMonitor) {
  LinkFixture f;
  f.now = f.config.energy.monitor_offset_ms;  // the scheduled home-monitor window opens
  const IssuedTicket captured = testing::MakeTicket(*f.crypto, f.device, 1);
  int replies = 0;
  for (int i = 0; i < 50; ++i, f.now += 2'000) {
    replies += f.implant.Receive(CapturedTicketM1(f, captured), f.now).reply.has_value();
  }
  EXPECT_EQ(replies, 30);  // the per-ticket daily cap
  // The home monitor's own ticket still gets its handshake in the same window.
  SecureProgrammer monitor(*f.crypto, f.rng);
  const Reception r = f.implant.Receive(
      monitor.StartHandshake(testing::MakeTicket(*f.crypto, f.device, 2, Role::kRemoteMonitor),
                             Role::kRemoteMonitor),
      f.now);
  ASSERT_TRUE(r.reply.has_value());
  EXPECT_TRUE(monitor.HandleM2(*r.reply, f.now).ok());
}

TEST(Issue16EnergyTest, ACapturedTicketBuysTwentyRepliesPerActivationWindowNotSixThousand) {
  LinkFixture f;
  const IssuedTicket captured = testing::MakeTicket(*f.crypto, f.device, 1);
  f.implant.NearFieldActivate(f.now);  // the clinic's wand: a 5-minute window
  int replies = 0;
  for (uint64_t t = 0; t < 5 * 60'000; t += 50) {
    replies += f.implant.Receive(CapturedTicketM1(f, captured), f.now + t).reply.has_value();
  }
  EXPECT_EQ(replies, 20);
}

TEST(Issue16EnergyTest, OutsideListenWindowsNothingIsHeard) {
  LinkFixture f;
  f.now = 60'000;  // no activation, before the monitor window, no session
  const size_t entries = f.implant.audit_log().entries().size();
  int replies = 0;
  for (int i = 0; i < 1000; ++i) {
    Bytes junk(30);
    f.rng.Fill(junk);
    junk[0] = MakeHeader(i % 2 ? FrameType::kData : FrameType::kM1);
    replies += f.implant.Receive(junk, f.now + static_cast<uint64_t>(i)).reply.has_value();
  }
  EXPECT_EQ(replies, 0);
  EXPECT_EQ(f.implant.frames_unheard(), 1000u);
  EXPECT_EQ(f.implant.unproductive_radio_us(), 0u);
  EXPECT_EQ(f.implant.audit_log().entries().size(), entries);
}

TEST(Issue16EnergyTest, TheDailyBudgetClosesTheMonitorWindowUnderFlood) {
  LinkFixture f;
  const uint64_t open = f.config.energy.monitor_offset_ms;
  uint64_t heard = 0;
  for (uint64_t t = open; t < open + f.config.energy.monitor_window_ms; t += 2) {
    Bytes forged(30);  // a forged data frame every 2 ms (back to back at 200 kbit/s)
    f.rng.Fill(forged);
    forged[0] = MakeHeader(FrameType::kData);
    heard += f.implant.Receive(forged, t).heard;
  }
  // 45 s of budget at 1.7 ms per frame: the receiver closes after 26,471 frames, not 60,000.
  EXPECT_EQ(heard, 26'471u);
  EXPECT_EQ(f.implant.unproductive_radio_us(), 26'471u * AirtimeUs(30));
  EXPECT_LE(f.implant.unproductive_radio_us(), 60'000'000u);  // T7: ≤ 60 s per day
  // A near-field activation (physical presence) still opens the receiver.
  f.implant.NearFieldActivate(open + 200'000);
  EXPECT_TRUE(f.implant.Receive(Bytes(30, 0), open + 200'001).heard);
  // The next day's window listens again.
  EXPECT_TRUE(f.implant.Receive(Bytes(30, 0), open + kDayMs + 1).heard);
}

}  // namespace
}  // namespace medtra::link
