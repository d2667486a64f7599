// Design 6.8: the audit log is a ring. A wrapped ring drops its oldest half and chains an
// "overwritten up to" record; storage stays bounded under a flood, the verifier still detects every
// change to what is kept, and the implant's ring survives restarts.
#include <gtest/gtest.h>

#include "link/link_test_util.h"
#include "medtra/link/audit_log.h"

namespace medtra::link {
namespace {

struct Ring {
  explicit Ring(size_t capacity, uint32_t appends)
      : crypto(MakeMbedTlsCrypto()), key(32, 0x42), log(*crypto, key, capacity) {
    for (uint32_t i = 0; i < appends; ++i) {
      const uint8_t detail[] = {static_cast<uint8_t>(i)};
      log.Append(100 + i, AuditEvent::kCommandApplied, 1, 0x1000 + i, static_cast<uint16_t>(i),
                 detail);
    }
  }
  Status Verify(const std::vector<AuditEntry>& entries) const {
    return VerifyAuditLog(*crypto, key, entries, log.Anchor());
  }
  std::unique_ptr<Crypto> crypto;
  Bytes key;
  AuditLog log;
};

TEST(AuditRingTest, AWrappedRingKeepsTheNewestHalfAfterItsOverwrittenRecord) {
  // Capacity 8: appends 0..7 fill it; the 9th drops 0..3, chains the record (idx 8) and itself (9).
  Ring r(8, 9);
  const std::vector<AuditEntry>& e = r.log.entries();
  ASSERT_EQ(e.size(), 6u);
  EXPECT_EQ(e.front().idx, 4u);
  EXPECT_EQ(e[4].idx, 8u);
  EXPECT_EQ(e[4].event, AuditEvent::kOverwritten);
  EXPECT_EQ(e[4].actor_id, 3u);  // entries up to and including 3 were dropped
  EXPECT_EQ(e[5].idx, 9u);
  EXPECT_EQ(e[5].actor_id, 0x1000u + 8);
  EXPECT_EQ(r.log.next_idx(), 10u);
  EXPECT_EQ(r.log.Anchor().next_idx, 10u);
  EXPECT_EQ(AuditWindowStart(10, 8), 4u);
  EXPECT_TRUE(r.Verify(e).ok()) << r.Verify(e).message();
}

TEST(AuditRingTest, AFloodKeepsStorageBoundedAndTheRingVerifies) {
  Ring r(kAuditRingCapacity, 100000);
  EXPECT_LE(r.log.entries().size(), kAuditRingCapacity);
  EXPECT_GE(r.log.entries().size(), kAuditRingCapacity / 2);
  EXPECT_EQ(r.log.entries().front().idx, AuditWindowStart(r.log.next_idx()));
  EXPECT_EQ(r.log.entries().back().idx + 1, r.log.next_idx());
  EXPECT_TRUE(r.Verify(r.log.entries()).ok());
}

TEST(AuditRingTest, ChangesToAWrappedRingAreDetected) {
  Ring r(8, 30);
  const std::vector<AuditEntry> kept = r.log.entries();
  ASSERT_TRUE(r.Verify(kept).ok());
  std::vector<AuditEntry> e = kept;
  e.erase(e.begin());  // the oldest kept entry deleted: no record names what is now missing
  EXPECT_EQ(r.Verify(e).message(), "audit: entries before " + std::to_string(kept[1].idx) +
                                       " are missing and no overwritten record names them");
  for (size_t i = 0; i < kept.size(); ++i) {
    e = kept;
    if (e[i].event == AuditEvent::kOverwritten) {
      e[i].detail_hash[0] ^= 1;  // the record's claimed chain MAC
    } else {
      e[i].tid ^= 1;
    }
    EXPECT_FALSE(r.Verify(e).ok()) << "entry " << i;
  }
  e = kept;
  e.pop_back();  // truncated at the end
  EXPECT_EQ(r.Verify(e).message(), "audit: log truncated or extended");
}

}  // namespace
}  // namespace medtra::link
