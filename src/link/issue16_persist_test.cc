// Issue 16, persistence: the day's radio budget, the per-ticket handshake counters and an emergency
// window in force survive a restart, so a brown-out buys no fresh budget, no fresh handshake
// allowance and no early end of the window; power can be cut at every write point.
#include <gtest/gtest.h>

#include "link/link_test_util.h"
#include "medtra/link/secure_frame.h"

namespace medtra::link {
namespace {

using testing::BootRig;

constexpr uint64_t kMonitorStart = 3'600'000;  // EnergyConfig{}.monitor_offset_ms
constexpr uint64_t kForgedCostUs = 1'300;      // AirtimeUs(20)
constexpr uint64_t kEmergencyMs = 15 * 60'000;
constexpr uint16_t kDefaultRate = 60;  // TherapyParams{} pacing rate

std::unique_ptr<SecureImplant> MustBoot(BootRig& rig, NonVolatileStore& store) {
  Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
  EXPECT_TRUE(implant.ok()) << implant.message();
  return implant.ok() ? std::move(implant).value() : nullptr;
}

/// A 20-byte data frame for no session: heard, dropped, and charged to the budget.
Bytes ForgedFrame() {
  Bytes frame(20, 0x5A);
  frame[0] = MakeHeader(FrameType::kData);
  frame[1] = 0xEE;
  return frame;
}

int Count(const SecureImplant& implant, AuditEvent event) {
  int n = 0;
  for (const AuditEntry& e : implant.audit_log().entries()) n += e.event == event;
  return n;
}

/// An emergency session keyed with `credential` at `now` that sets the pacing rate to `rate`.
/// Counts the M2s that went on air in `m2_on_air`; true when the command applied.
bool EmergencySetRate(BootRig& rig, SecureImplant& implant, const EmergencyCredential& credential,
                      uint64_t now, uint16_t rate, int* m2_on_air) {
  sim::Rng rng(rate);
  SecureProgrammer medic(*rig.crypto, rng);
  const Reception m2 = implant.Receive(medic.StartEmergencyHandshake(credential), now);
  if (!m2.reply) return false;
  ++*m2_on_air;
  if (!medic.HandleM2(*m2.reply, now).ok()) return false;
  Bytes args{static_cast<uint8_t>(Param::kPacingRateBpm)};
  PutBe(args, rate, 2);
  Result<Bytes> frame = medic.SealCommand(static_cast<uint8_t>(Opcode::kSetParam), 1, args, now);
  return frame.ok() && implant.Receive(*frame, now).applied;
}

TEST(Issue16PersistTest, TheDailyRadioBudgetUsedBeforeARestartIsStillUsedAfter) {
  BootRig rig;
  MemoryStore store;
  rig.Provision(store);
  std::unique_ptr<SecureImplant> implant = MustBoot(rig, store);
  const Bytes forged = ForgedFrame();
  uint64_t now = kMonitorStart;
  for (int i = 0; i < 1'000; ++i) ASSERT_TRUE(implant->Receive(forged, now++).heard);
  EXPECT_EQ(implant->radio_budget_used_us(), 1'000 * kForgedCostUs);
  const uint64_t writes = store.writes();
  implant = MustBoot(rig, store);         // a brown-out
  EXPECT_EQ(store.writes(), writes + 1);  // the boot commit only
  // What was reserved before it was spent counts as spent: 1 s reserved at 0 µs, and 1 s more at
  // 978,900 µs (when the next frame could have crossed the reservation). Never less than used.
  EXPECT_EQ(implant->radio_budget_used_us(), 978'900u + 1'000'000u);
  implant = MustBoot(rig, store);  // a second restart at once changes nothing
  EXPECT_EQ(implant->radio_budget_used_us(), 1'978'900u);
}

/// Floods the monitor window with forged frames at one per ms and restarts the implant after every
/// `restart_every` heard frames (0: never). Returns the frames heard.
int FloodTheMonitorWindow(int restart_every, int* restarts) {
  BootRig rig;
  MemoryStore store;
  rig.Provision(store);
  std::unique_ptr<SecureImplant> implant = MustBoot(rig, store);
  const Bytes forged = ForgedFrame();
  int heard = 0;
  for (uint64_t now = kMonitorStart; now < kMonitorStart + 120'000; ++now) {
    if (!implant->Receive(forged, now).heard) continue;
    ++heard;
    if (restart_every > 0 && heard % restart_every == 0) {
      implant = MustBoot(rig, store);
      ++*restarts;
    }
  }
  return heard;
}

TEST(Issue16PersistTest, RestartsDuringAFloodBuyNoFreshBudget) {
  int restarts = 0;
  // 45 s / 1.3 ms: the receiver closes after the frame that crosses the budget.
  EXPECT_EQ(FloodTheMonitorWindow(0, &restarts), 34'616);
  // A brown-out every 1,000 heard frames (1.3 s) hands no budget back: each leaves 678,900 µs of
  // its 1,978,900 µs reservation unspent, so the receiver closes sooner, after 23 restarts.
  EXPECT_EQ(FloodTheMonitorWindow(1'000, &restarts), 23'000);
  EXPECT_EQ(restarts, 23);
}

/// An implant on its NVM and an attacker holding a captured ticket (ID 7), who sends M1s with fresh
/// nonces.
struct CapturedTicket {
  explicit CapturedTicket(uint64_t seed)
      : attacker_rng(seed),
        attacker(*rig.crypto, attacker_rng),
        ticket(testing::MakeTicket(*rig.crypto, rig.device, 7)) {
    rig.Provision(store);
    Reboot();
  }
  void Reboot() { implant = MustBoot(rig, store); }
  /// True when the implant answered with an M2.
  bool Attempt(uint64_t now) {
    return implant->Receive(attacker.StartHandshake(ticket, Role::kClinician), now)
        .reply.has_value();
  }
  const HandshakeCounters& counters() const { return implant->handshake_counters().at(7); }

  BootRig rig;
  MemoryStore store;
  std::unique_ptr<SecureImplant> implant;
  sim::Rng attacker_rng;
  SecureProgrammer attacker;
  IssuedTicket ticket;
};

TEST(Issue16PersistTest, ThePerTicketHandshakeCountContinuesAcrossRestarts) {
  CapturedTicket t(99);
  int m2s = 0;
  std::vector<uint32_t> count_after_restart;
  uint64_t now = kMonitorStart;  // outside any activation: one M2 per 2 s, 30 a day per ticket
  for (int attempt = 0; attempt < 50; ++attempt, now += 2'000) {
    if (attempt % 10 == 9) {
      t.Reboot();
      count_after_restart.push_back(t.counters().today);
    }
    m2s += t.Attempt(now);
  }
  EXPECT_EQ(m2s, 30);  // the day's cap, not 30 per boot
  EXPECT_EQ(count_after_restart, (std::vector<uint32_t>{9, 19, 29, 30, 30}));
}

TEST(Issue16PersistTest, TheActivationWindowAndItsHandshakeCountContinueAcrossARestart) {
  CapturedTicket t(98);
  uint64_t now = 1'000;
  t.implant->NearFieldActivate(now);  // the window opened at 1,001 ms: one M2 per 50 ms, 20 in it
  int m2s = 0;
  for (int attempt = 0; attempt < 8; ++attempt, now += 50) m2s += t.Attempt(now);
  t.Reboot();
  EXPECT_EQ(t.counters().in_window, 8u);
  EXPECT_EQ(t.counters().window, 1'001u);
  t.implant->NearFieldActivate(now);  // the wand is still there: the same window
  for (int attempt = 0; attempt < 20; ++attempt, now += 50) m2s += t.Attempt(now);
  EXPECT_EQ(m2s, 20);  // 8 + 12, not 8 + 20
  EXPECT_EQ(t.counters().in_window, 20u);
}

TEST(Issue16PersistTest, AnEmergencyWindowInForceContinuesAfterARestartAndEndsOnTime) {
  BootRig rig;
  MemoryStore store;
  rig.Provision(store);
  std::unique_ptr<SecureImplant> implant = MustBoot(rig, store);
  const uint64_t opened = 1'000;
  const EmergencyCredential credential = implant->NearFieldEmergency(opened);
  int m2s = 0;
  ASSERT_TRUE(EmergencySetRate(rig, *implant, credential, opened, 90, &m2s));
  implant = MustBoot(rig, store);  // a brown-out four minutes into the emergency
  EXPECT_EQ(implant->emergency_until_ms(), opened + kEmergencyMs);
  EXPECT_EQ(implant->therapy().Get(Param::kPacingRateBpm), 90);
  // The medic's credential still keys a session, inside the persisted activation window.
  ASSERT_TRUE(EmergencySetRate(rig, *implant, credential, opened + 4 * 60'000, 100, &m2s));
  EXPECT_EQ(m2s, 2);
  implant->Tick(opened + kEmergencyMs - 1);
  EXPECT_EQ(Count(*implant, AuditEvent::kEmergencyExpired), 0);
  implant->Tick(opened + kEmergencyMs);  // the window ends at its own time, reverting both changes
  EXPECT_EQ(Count(*implant, AuditEvent::kEmergencyOpen), 1);
  EXPECT_EQ(Count(*implant, AuditEvent::kEmergencyExpired), 1);
  EXPECT_EQ(Count(*implant, AuditEvent::kEmergencyReverted), 1);
  EXPECT_EQ(implant->therapy().Get(Param::kPacingRateBpm), kDefaultRate);
  EXPECT_EQ(implant->emergency_until_ms(), std::nullopt);
  implant = MustBoot(rig, store);  // and a later restart does not bring it back
  implant->Tick(opened + kEmergencyMs + 1'000);
  EXPECT_EQ(implant->emergency_until_ms(), std::nullopt);
  EXPECT_EQ(Count(*implant, AuditEvent::kEmergencyExpired), 1);
  EXPECT_EQ(implant->therapy().Get(Param::kPacingRateBpm), kDefaultRate);
}

TEST(Issue16PersistTest, TheNewFieldsRoundTripAndAForgedRevertTargetIsRefused) {
  BootRig rig;
  const Bytes k_nvm = DeriveStateKey(*rig.crypto, rig.device);
  ImplantState state;
  state.audit_key = Bytes(32, 7);
  state.energy = {3, 12'345'678};
  state.activation_start_ms = 1'001;
  state.activation_until_ms = 301'000;
  state.handshakes[7] = {5'000, true, 3, 30, 1'001, 20};
  state.handshakes[~uint32_t{0x1234}] = {6'000, true, 0, 0, 1'001, 1};
  EmergencyWindow window;
  window.em_id = 0x1234;
  window.k_em.fill(0xE5);
  window.until_ms = 901'000;
  window.pre_emergency.Set(Param::kPacingRateBpm, 70);
  window.changed_mask = 0b101;
  window.expiry_logged = true;
  state.emergency = window;
  const Bytes record = EncodeImplantState(*rig.crypto, k_nvm, state);
  EXPECT_EQ(record.size(), 4 + 102 + 2 + 2 * 37 + 1 + 43 + 1 + 16u);  // 243
  Result<ImplantState> decoded = DecodeImplantState(*rig.crypto, k_nvm, record);
  ASSERT_TRUE(decoded.ok()) << decoded.message();
  EXPECT_EQ(*decoded, state);
  // Even with K_nvm, a record cannot make the revert set therapy outside the hard bounds.
  state.emergency->pre_emergency.Set(Param::kShockEnergyJ, 90);
  EXPECT_EQ(DecodeImplantState(*rig.crypto, k_nvm, EncodeImplantState(*rig.crypto, k_nvm, state))
                .message(),
            "emergency revert target shock_energy_j outside hard safety bounds");
}

/// What went on air before a power cut (the reboot must account for all of it).
struct OnAir {
  int m2s = 0;
  uint64_t budget_used_us = 0;
};

/// An emergency (open, one medic session that sets the rate, 800 forged frames) that ends.
OnAir EmergencyScenario(BootRig& rig, SecureImplant& implant) {
  OnAir on_air;
  const EmergencyCredential credential = implant.NearFieldEmergency(1'000);
  (void)EmergencySetRate(rig, implant, credential, 1'000, 90, &on_air.m2s);
  const Bytes forged = ForgedFrame();
  for (uint64_t now = 1'001; now <= 1'800; ++now) (void)implant.Receive(forged, now);
  on_air.budget_used_us = implant.radio_budget_used_us();
  implant.Tick(1'000 + kEmergencyMs);
  return on_air;
}

TEST(Issue16PersistTest, PowerCutAtEveryWritePointKeepsBudgetCountersAndEmergencyConsistent) {
  BootRig rig;
  uint64_t clean_writes = 0;
  {
    MemoryStore store;
    rig.Provision(store);
    std::unique_ptr<SecureImplant> implant = MustBoot(rig, store);
    const OnAir on_air = EmergencyScenario(rig, *implant);
    EXPECT_EQ(on_air.m2s, 1);
    clean_writes = store.writes() - 1;
  }
  // boot 1 + emergency open 2 + reservation 1 + M2 1 + session open 2 + command 2 + reservation 1
  // + expiry 2 + revert 2 + window cleared 1
  ASSERT_EQ(clean_writes, 15u);
  int checked = 0, expired_once = 0;
  for (uint64_t cut = 1; cut <= clean_writes; ++cut) {
    for (bool tear : {false, true}) {
      MemoryStore store;
      rig.Provision(store);
      store.CutPowerAt(cut, tear);
      OnAir on_air;
      if (Result<std::unique_ptr<SecureImplant>> first = rig.Boot(store); first.ok()) {
        on_air = EmergencyScenario(rig, **first);
        EXPECT_FALSE((*first)->powered());
      }
      store.Restart();
      std::unique_ptr<SecureImplant> implant = MustBoot(rig, store);
      ASSERT_NE(implant, nullptr) << "cut " << cut << " tear " << tear;
      const std::string at = "cut " + std::to_string(cut) + " tear " + std::to_string(tear);
      EXPECT_TRUE(VerifyAuditLog(*rig.crypto, DeriveLogKey(*rig.crypto, rig.device),
                                 implant->audit_log().entries(), implant->audit_log().Anchor())
                      .ok())
          << at;
      // Nothing that went on air is forgotten.
      const auto& counters = implant->handshake_counters();
      const uint32_t m2s_counted = counters.empty() ? 0 : counters.begin()->second.in_window;
      EXPECT_GE(m2s_counted, static_cast<uint32_t>(on_air.m2s)) << at;
      EXPECT_GE(implant->radio_budget_used_us(), on_air.budget_used_us) << at;
      // A window that was opened is in force until its end, or has ended; either way it ends
      // exactly once, logged, with the rate back where it was.
      const bool opened = Count(*implant, AuditEvent::kEmergencyOpen) == 1;
      // In force until the window is cleared, the scenario's last write (an end already logged is
      // not logged again).
      EXPECT_EQ(implant->emergency_until_ms().has_value(), opened) << at;
      const int expired_before = Count(*implant, AuditEvent::kEmergencyExpired);
      implant->Tick(1'000 + kEmergencyMs + 1'000);
      EXPECT_EQ(implant->emergency_until_ms(), std::nullopt) << at;
      EXPECT_EQ(Count(*implant, AuditEvent::kEmergencyExpired), opened ? 1 : 0) << at;
      EXPECT_LE(expired_before, 1) << at;
      EXPECT_EQ(implant->therapy().Get(Param::kPacingRateBpm), kDefaultRate) << at;
      expired_once += opened;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 30);
  EXPECT_EQ(expired_once, 26);  // all but a cut at the boot's or the open's state commit
}

}  // namespace
}  // namespace medtra::link
