// T8: the audit chain verifies intact logs and detects every edit, deletion, insertion, reordering
// and truncation; the implant logs the security-relevant events.
#include "medtra/link/audit_log.h"

#include <gtest/gtest.h>

#include "link/link_test_util.h"

namespace medtra::link {
namespace {

struct AuditFixture {
  AuditFixture() : crypto(MakeMbedTlsCrypto()), key(32, 0x42), log(*crypto, key) {
    for (uint32_t i = 0; i < 40; ++i) {
      const uint8_t detail[] = {static_cast<uint8_t>(i)};
      log.Append(100 + i, static_cast<AuditEvent>(1 + i % 8), static_cast<uint8_t>(1 + i % 5),
                 0x1000 + i, static_cast<uint16_t>(i), detail);
    }
  }
  Status Verify(const std::vector<AuditEntry>& entries) const {
    return VerifyAuditLog(*crypto, key, entries, log.Anchor());
  }
  std::unique_ptr<Crypto> crypto;
  Bytes key;
  AuditLog log;
};

TEST(AuditLogTest, IntactLogVerifies) {
  AuditFixture f;
  EXPECT_TRUE(f.Verify(f.log.entries()).ok());
  EXPECT_EQ(EncodeAuditEntry(f.log.entries()[0]).size(), kAuditEntrySize);
}

TEST(AuditLogTest, EveryEditOfEveryFieldIsDetected) {
  AuditFixture f;
  const auto& original = f.log.entries();
  int undetected = 0;
  for (size_t i = 0; i < original.size(); ++i) {
    for (int field = 0; field < 8; ++field) {
      std::vector<AuditEntry> e = original;
      AuditEntry& x = e[i];
      switch (field) {
        case 0:
          x.idx ^= 1;
          break;
        case 1:
          x.t_s += 1;
          break;
        case 2:
          x.event = static_cast<AuditEvent>(static_cast<uint8_t>(x.event) ^ 1);
          break;
        case 3:
          x.role ^= 1;
          break;
        case 4:
          x.actor_id ^= 0x80000000;
          break;
        case 5:
          x.tid ^= 1;
          break;
        case 6:
          x.detail_hash[3] ^= 0x10;
          break;
        default:
          x.chain_mac[7] ^= 1;
          break;
      }
      undetected += f.Verify(e).ok();
    }
  }
  EXPECT_EQ(undetected, 0);
}

TEST(AuditLogTest, DeletionInsertionReorderTruncationAreDetected) {
  AuditFixture f;
  const auto& original = f.log.entries();
  int undetected = 0;
  for (size_t i = 0; i < original.size(); ++i) {
    std::vector<AuditEntry> deleted = original;
    deleted.erase(deleted.begin() + static_cast<std::ptrdiff_t>(i));
    undetected += f.Verify(deleted).ok();

    std::vector<AuditEntry> inserted = original;  // a copy of a genuine entry, re-indexed
    inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(i), original[i]);
    for (size_t k = 0; k < inserted.size(); ++k) inserted[k].idx = static_cast<uint32_t>(k);
    undetected += f.Verify(inserted).ok();

    if (i + 1 < original.size()) {
      std::vector<AuditEntry> swapped = original;
      std::swap(swapped[i], swapped[i + 1]);
      undetected += f.Verify(swapped).ok();
      std::swap(swapped[i].idx, swapped[i + 1].idx);  // with the indices fixed up as well
      undetected += f.Verify(swapped).ok();
    }

    std::vector<AuditEntry> truncated(original.begin(),
                                      original.begin() + static_cast<std::ptrdiff_t>(i));
    undetected += f.Verify(truncated).ok();
  }
  EXPECT_EQ(undetected, 0);
}

TEST(AuditLogTest, ForgedAnchorIsDetected) {
  AuditFixture f;
  AuditAnchor anchor = f.log.Anchor();
  anchor.mac[0] ^= 1;
  EXPECT_FALSE(VerifyAuditLog(*f.crypto, f.key, f.log.entries(), anchor).ok());
  // An old anchor plus a truncated log: the attacker cannot MAC a new anchor without K_next.
  const std::vector<AuditEntry> truncated(f.log.entries().begin(), f.log.entries().end() - 1);
  EXPECT_FALSE(VerifyAuditLog(*f.crypto, f.key, truncated, f.log.Anchor()).ok());
}

TEST(AuditLogTest, ImplantLogsSecurityRelevantEvents) {
  testing::LinkFixture f;
  ASSERT_TRUE(f.Open());
  ASSERT_TRUE(
      f.Exchange(uint8_t(Opcode::kSetParam), 1, f.SetParamArgs(Param::kPacingRateBpm, 70)).ok());
  for (int i = 0; i < 50; ++i) f.implant.Receive(Bytes(20, 0x77), f.now);  // junk: aggregated
  f.now += 1500;
  f.implant.FlushAudit(f.now);
  int opens = 0, applied = 0, rejections = 0;
  for (const AuditEntry& e : f.implant.audit_log().entries()) {
    opens += e.event == AuditEvent::kSessionOpen;
    applied += e.event == AuditEvent::kCommandApplied;
    rejections += e.event == AuditEvent::kRejections;
  }
  EXPECT_EQ(opens, 1);
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(rejections, 1);  // 50 rejections, one aggregated entry
  const Bytes k_log0 = DeriveLogKey(*f.crypto, f.device);
  EXPECT_TRUE(VerifyAuditLog(*f.crypto, k_log0, f.implant.audit_log().entries(),
                             f.implant.audit_log().Anchor())
                  .ok());
}

}  // namespace
}  // namespace medtra::link
