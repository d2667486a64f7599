// Issue 16, restarts: the boot counter enters every N_I, the audit chain and therapy continue from
// the NVM, power can be cut at every write point, and hostile persisted state is a clear error.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <unistd.h>

#include "link/link_test_util.h"

namespace medtra::link {
namespace {

using Rig = testing::BootRig;

/// One clinician visit: handshake, a read, `commands` SetParam commands. Returns every frame the
/// programmer sent (what an attacker records) and the implant's replies.
struct Visit {
  std::vector<Bytes> sent;
  std::vector<Bytes> replies;
  int applied = 0;
};

Visit RunVisit(Rig& rig, SecureImplant& implant, uint64_t now, int commands, uint64_t seed) {
  Visit v;
  sim::Rng programmer_rng(seed);
  SecureProgrammer programmer(*rig.crypto, programmer_rng);
  implant.NearFieldActivate(now);
  v.sent.push_back(
      programmer.StartHandshake(testing::MakeTicket(*rig.crypto, rig.device, 1), Role::kClinician));
  Reception r = implant.Receive(v.sent.back(), now);
  if (!r.reply || !programmer.HandleM2(*r.reply, now).ok()) return v;
  v.replies.push_back(*r.reply);
  for (int i = 0; i <= commands; ++i) {
    const bool read = i == 0;
    Bytes args{static_cast<uint8_t>(Param::kPacingRateBpm)};
    PutBe(args, static_cast<uint16_t>(60 + (i % 2) * 10), 2);
    Result<Bytes> frame = programmer.SealCommand(
        static_cast<uint8_t>(read ? Opcode::kReadStatus : Opcode::kSetParam),
        read ? uint16_t{0x8000} : static_cast<uint16_t>(i), read ? Bytes{} : args, now);
    if (!frame.ok()) return v;
    v.sent.push_back(*frame);
    r = implant.Receive(*frame, now);
    v.applied += r.applied;
    if (!r.reply) return v;  // power lost
    v.replies.push_back(*r.reply);
  }
  return v;
}

/// Replays recorded frames; returns how many the implant accepted or applied.
int Replay(SecureImplant& implant, const std::vector<Bytes>& frames, uint64_t now) {
  int accepted = 0;
  implant.NearFieldActivate(now);
  for (const Bytes& f : frames) {
    const Reception r = implant.Receive(f, now);
    accepted += r.accepted || r.applied;
  }
  return accepted;
}

Status Verify(Rig& rig, const SecureImplant& implant) {
  return VerifyAuditLog(*rig.crypto, DeriveLogKey(*rig.crypto, rig.device),
                        implant.audit_log().entries(), implant.audit_log().Anchor());
}

TEST(Issue16RestartTest, NoRecordedFrameAcceptedAfterRestartsWithARepeatingRandomSource) {
  Rig rig;
  MemoryStore store;
  rig.Provision(store);
  Result<std::unique_ptr<SecureImplant>> first = rig.Boot(store);
  ASSERT_TRUE(first.ok());
  const Visit visit = RunVisit(rig, **first, 1'000, 6, 77);
  ASSERT_EQ(visit.applied, 6);
  const TherapyParams after_visit = (*first)->therapy();
  first = Result<std::unique_ptr<SecureImplant>>::Error("restarted");  // power off
  std::set<Bytes> m2s{visit.replies[0]};
  int accepted = 0;
  for (int restart = 1; restart <= 20; ++restart) {
    const uint64_t now = 1'000 + 600'000 * static_cast<uint64_t>(restart);  // the clock runs on
    Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
    ASSERT_TRUE(implant.ok()) << implant.message();
    EXPECT_EQ((*implant)->boot_count(), static_cast<uint32_t>(restart + 1));
    EXPECT_EQ((*implant)->therapy(), after_visit);  // therapy survives the restart
    // The replayed M1 gets an M2 with a fresh N_I (the boot counter), so the session keys differ.
    (*implant)->NearFieldActivate(now);  // the attacker replays while the clinic's wand is near
    const Reception m2 = (*implant)->Receive(visit.sent[0], now);
    ASSERT_TRUE(m2.reply.has_value());
    EXPECT_TRUE(m2s.insert(*m2.reply).second);
    accepted += Replay(**implant, {visit.sent.begin() + 1, visit.sent.end()}, now);
    EXPECT_EQ((*implant)->rejects(Reject::kAuth), 7u);  // the read and the 6 commands
    EXPECT_EQ((*implant)->therapy(), after_visit);
    EXPECT_TRUE(Verify(rig, **implant).ok());
  }
  EXPECT_EQ(accepted, 0);
}

TEST(Issue16RestartTest, AuditChainAndIndexContinueAcrossRestarts) {
  Rig rig;
  MemoryStore store;
  rig.Provision(store);
  size_t entries_before = 0;
  std::vector<AuditEntry> seen;
  for (int boot = 1; boot <= 3; ++boot) {
    Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
    ASSERT_TRUE(implant.ok());
    const auto& entries = (*implant)->audit_log().entries();
    ASSERT_EQ(entries.size(), entries_before);
    EXPECT_TRUE(std::equal(seen.begin(), seen.end(), entries.begin()));
    RunVisit(rig, **implant, 600'000 * static_cast<uint64_t>(boot), 2,
             10 + static_cast<uint64_t>(boot));
    ASSERT_TRUE(Verify(rig, **implant).ok()) << Verify(rig, **implant).message();
    seen = entries;
    entries_before = entries.size();
  }
  EXPECT_EQ(entries_before, 9u);  // per visit: session open + 2 commands applied
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i].idx, i);
}

TEST(Issue16RestartTest, AWrappedAuditRingContinuesAcrossRestartsInBoundedStorage) {
  Rig rig;
  MemoryStore store;
  rig.Provision(store);
  std::vector<AuditEntry> seen;
  uint32_t next_idx = 0;
  for (int boot = 1; boot <= 4; ++boot) {
    Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
    ASSERT_TRUE(implant.ok()) << implant.message();
    const AuditLog& log = (*implant)->audit_log();
    EXPECT_EQ(log.next_idx(), next_idx);
    EXPECT_EQ(log.entries(), seen);  // the ring as it was, read back from its slots
    RunVisit(rig, **implant, 600'000 * static_cast<uint64_t>(boot), 200,
             20 + static_cast<uint64_t>(boot));
    ASSERT_TRUE(Verify(rig, **implant).ok()) << Verify(rig, **implant).message();
    seen = log.entries();
    next_idx = log.next_idx();
  }
  EXPECT_GT(next_idx, kAuditRingCapacity);  // the ring wrapped
  EXPECT_LE(seen.size(), kAuditRingCapacity);
  EXPECT_EQ(seen.front().idx, AuditWindowStart(next_idx));
  size_t log_records = 0;
  for (const auto& [name, bytes] : store.records()) log_records += name.rfind("log.", 0) == 0;
  EXPECT_LE(log_records, kAuditRingCapacity);  // slots are reused: storage stays bounded
}

TEST(Issue16RestartTest, PowerCutAtEveryWritePointLeavesAConsistentImplant) {
  Rig rig;
  uint64_t clean_writes = 0;
  {
    MemoryStore store;
    rig.Provision(store);
    Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
    ASSERT_TRUE(implant.ok());
    RunVisit(rig, **implant, 1'000, 4, 5);
    clean_writes = store.writes() - 1;
  }
  // boot + energy reservation + M2 counter + (state, log record) × (session open + 4 commands)
  ASSERT_EQ(clean_writes, 13u);
  int checked = 0, accepted = 0;
  for (uint64_t cut = 1; cut <= clean_writes; ++cut) {
    for (bool tear : {false, true}) {
      MemoryStore store;
      rig.Provision(store);
      store.CutPowerAt(cut, tear);
      Visit visit;
      if (Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store); implant.ok()) {
        visit = RunVisit(rig, **implant, 1'000, 4, 5);
        EXPECT_FALSE((*implant)->powered());
      }
      store.Restart();
      Result<std::unique_ptr<SecureImplant>> rebooted = rig.Boot(store);
      ASSERT_TRUE(rebooted.ok()) << "cut " << cut << " tear " << tear << ": " << rebooted.message();
      SecureImplant& implant = **rebooted;
      ASSERT_TRUE(Verify(rig, implant).ok())
          << "cut " << cut << ": " << Verify(rig, implant).message();
      // Therapy is exactly what the logged commands made it.
      int logged = 0;
      for (const AuditEntry& e : implant.audit_log().entries()) {
        logged += e.event == AuditEvent::kCommandApplied;
      }
      const uint16_t expected = logged == 0 ? TherapyParams{}.Get(Param::kPacingRateBpm)
                                            : static_cast<uint16_t>(60 + (logged % 2) * 10);
      EXPECT_EQ(implant.therapy().Get(Param::kPacingRateBpm), expected) << "cut " << cut;
      accepted += Replay(implant, visit.sent, 2'000);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 26);
  EXPECT_EQ(accepted, 0);
}

std::string BootError(Rig& rig, MemoryStore& store) {
  Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
  return implant.ok() ? "booted" : implant.message();
}

TEST(Issue16RestartTest, HostilePersistedStateIsAClearErrorNeverACrash) {
  Rig rig;
  MemoryStore store;
  EXPECT_EQ(BootError(rig, store), "implant state: blank NVM (not provisioned)");
  rig.Provision(store);
  {
    Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
    ASSERT_TRUE(implant.ok());
    RunVisit(rig, **implant, 1'000, 1, 5);
  }
  // Generations: provisioning 1, boot 2, energy reservation 3, M2 4, open 5, command 6: the newest
  // record is in state.0.
  EXPECT_EQ(SecureImplant::Provision(*rig.crypto, rig.config, store).message(),
            "implant state: provisioning needs a blank NVM");
  const std::map<std::string, Bytes, std::less<>> good = store.records();
  store.records()["state.0"][20] ^= 1;
  EXPECT_EQ(BootError(rig, store), "booted");  // the older valid A/B record is used instead
  store.records() = good;
  store.records()["state.0"][20] ^= 1;
  store.records()["state.1"].resize(30);
  EXPECT_EQ(BootError(rig, store),
            "implant state: no valid record (state.0: MAC mismatch (corrupt or forged); "
            "state.1: record of 30 bytes (torn or corrupt))");
  store.records() = good;
  store.records()["state.0"] = ToBytes("not a state record at all, but long enough for one.....");
  store.records()["state.1"] = store.records()["state.0"];
  EXPECT_EQ(BootError(rig, store),
            "implant state: no valid record (state.0: record of 55 bytes (torn or corrupt); "
            "state.1: record of 55 bytes (torn or corrupt))");
  store.records() = good;
  store.records().erase("log.0");
  EXPECT_EQ(BootError(rig, store), "implant state: audit entry 0 missing");
  store.records() = good;
  store.records()["log.0"].pop_back();
  EXPECT_EQ(BootError(rig, store), "implant state: audit entry 0 malformed");
  // A record with a valid MAC (someone holding K_nvm) still cannot set therapy out of bounds.
  store.records() = good;
  ImplantState forged;
  forged.audit_key = Bytes(32, 0);
  forged.therapy.Set(Param::kShockEnergyJ, 90);
  forged.generation = 10;
  store.records()["state.0"] =
      EncodeImplantState(*rig.crypto, DeriveStateKey(*rig.crypto, rig.device), forged);
  store.records().erase("state.1");
  EXPECT_EQ(BootError(rig, store),
            "implant state: no valid record (state.0: shock_energy_j outside hard safety bounds)");
}

TEST(Issue16RestartTest, FileStoreSurvivesAProcessRestartAndReportsCorruption) {
  Rig rig;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("medtra-nvm-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  {
    FileStore store(dir.string());
    ASSERT_TRUE(SecureImplant::Provision(*rig.crypto, rig.config, store).ok());
    Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
    ASSERT_TRUE(implant.ok()) << implant.message();
    RunVisit(rig, **implant, 1'000, 2, 5);
  }
  {
    FileStore store(dir.string());
    Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
    ASSERT_TRUE(implant.ok()) << implant.message();
    EXPECT_EQ((*implant)->boot_count(), 2u);
    EXPECT_EQ((*implant)->audit_log().entries().size(), 3u);
    EXPECT_TRUE(Verify(rig, **implant).ok());
  }
  std::filesystem::resize_file(dir / "state.0", 10);
  std::filesystem::resize_file(dir / "state.1", 0);
  FileStore store(dir.string());
  Result<std::unique_ptr<SecureImplant>> implant = rig.Boot(store);
  EXPECT_EQ(implant.message(),
            "implant state: no valid record (state.0: record of 10 bytes (torn or corrupt); "
            "state.1: record of 0 bytes (torn or corrupt))");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace medtra::link
