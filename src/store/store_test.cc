// The store on SQLite and on a throwaway PostgreSQL server: migrations, records, the audit chain
// and its verification after tampering by hand.
#include "medtra/store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "medtra/base/sha256.h"
#include "medtra/store/password.h"
#include "store/database.h"
#include "tests/testing/postgres_server.h"

namespace medtra::store {
namespace {

enum class Backend { kSqlite, kPostgres };

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      testing::PostgresServer& server = testing::PostgresServer::Shared();
      if (!server.running()) GTEST_SKIP() << server.skip_reason();
      spec_ = server.NewDatabase();
      ASSERT_FALSE(spec_.empty());
      spec_ = "postgresql:" + spec_;
    } else {
      char templ[] = "/tmp/medtra-store-XXXXXX";
      ASSERT_NE(mkdtemp(templ), nullptr);
      dir_ = templ;
      spec_ = "sqlite:" + dir_ + "/store.sqlite";
    }
    Result<std::unique_ptr<Store>> store = Store::Open(spec_, clock_, true);
    ASSERT_TRUE(store.ok()) << store.message();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Runs SQL on the store's database behind the store's back, the way someone with write access
  // to the file or the server would (the append-only triggers dropped first).
  void Tamper(const std::string& statement) {
    if (GetParam() == Backend::kSqlite) {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open((dir_ + "/store.sqlite").c_str(), &db), SQLITE_OK);
      const std::string script =
          "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; " +
          statement;
      char* error = nullptr;
      EXPECT_EQ(sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error), SQLITE_OK)
          << (error ? error : "");
      sqlite3_free(error);
      sqlite3_close(db);
    } else {
      auto db = OpenPostgres(ParseStoreLocation(spec_).target);
      ASSERT_TRUE(db.ok()) << db.message();
      const Status status =
          (*db)->ExecuteScript("ALTER TABLE audit DISABLE TRIGGER audit_append_only; " + statement);
      EXPECT_TRUE(status.ok()) << status.message();
    }
  }

  std::string Verify() {
    Result<std::vector<AuditEntry>> entries = store_->AuditEntries();
    EXPECT_TRUE(entries.ok()) << entries.message();
    return VerifyAuditChain(*entries).value_or("ok");
  }

  void AddDecisions(int count) {
    for (int i = 0; i < count; ++i) {
      Decision d{"comm-replay@F-" + std::to_string(i),
                 "accepted",
                 "low exposure",
                 {},
                 "",
                 "alice",
                 "",
                 "r1"};
      ASSERT_TRUE(store_->PutDecision(d).ok());
      clock_.Advance(60);
    }
  }

  ManualClock clock_{1796280000};  // 2026-12-03T06:40:00Z
  std::string dir_;
  std::string spec_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, MigrationsAreRecordedAndReapplyingIsANoOp) {
  Result<std::vector<int>> versions = store_->SchemaVersions();
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(*versions, (std::vector<int>{1, 2}));
  store_.reset();
  Result<std::unique_ptr<Store>> again = Store::Open(spec_, clock_, false);
  ASSERT_TRUE(again.ok()) << again.message();
  EXPECT_EQ(*(*again)->SchemaVersions(), (std::vector<int>{1, 2}));
}

TEST_P(StoreTest, UsersAreStoredAndAudited) {
  ASSERT_TRUE(store_->AddUser("admin", {"alice", Role::kEditor, "scrypt$x", ""}).ok());
  EXPECT_FALSE(store_->AddUser("admin", {"alice", Role::kViewer, "scrypt$y", ""}).ok());
  ASSERT_TRUE(store_->UpdateUser("admin", "alice", Role::kApprover, "scrypt$z").ok());
  Result<std::optional<User>> alice = store_->FindUser("alice");
  ASSERT_TRUE(alice.ok() && alice->has_value());
  EXPECT_EQ((*alice)->role, Role::kApprover);
  EXPECT_EQ((*alice)->password_hash, "scrypt$z");
  EXPECT_EQ((*alice)->created_at, "2026-12-03T06:40:00Z");
  const std::vector<AuditEntry> audit = *store_->AuditEntries();
  ASSERT_EQ(audit.size(), 2u);  // the refused second add left no entry
  EXPECT_EQ(audit[0].action, "user.add");
  EXPECT_EQ(audit[0].after, R"({"name":"alice","role":"editor"})");
  EXPECT_EQ(audit[1].before, R"({"name":"alice","role":"editor"})");
  EXPECT_EQ(audit[1].after, R"({"name":"alice","role":"approver","password":"changed"})");
  EXPECT_EQ(audit[1].hash.find("scrypt"), std::string::npos);
}

TEST_P(StoreTest, DecisionsAreKeyedByThreatAndKeepTheirHistoryInTheAudit) {
  Decision d{"comm-replay@F-1", "accepted", "<b>low</b> exposure", {}, "", "alice", "", "r1"};
  ASSERT_TRUE(store_->PutDecision(d).ok());
  clock_.Advance(3600);
  d.status = "mitigated";
  d.measures = {"M-1", "M-2"};
  d.report_id = "r2";
  ASSERT_TRUE(store_->PutDecision(d).ok());
  const std::vector<Decision> decisions = *store_->Decisions();
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].status, "mitigated");
  EXPECT_EQ(decisions[0].measures, (std::vector<std::string>{"M-1", "M-2"}));
  EXPECT_EQ(decisions[0].justification, "<b>low</b> exposure");
  EXPECT_EQ(decisions[0].time, "2026-12-03T07:40:00Z");
  EXPECT_EQ(decisions[0].report_id, "r2");
  const std::vector<AuditEntry> audit = *store_->AuditEntries();
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].before, "null");
  EXPECT_EQ(audit[1].before, audit[0].after);
  EXPECT_EQ(audit[1].prev_hash, audit[0].hash);
  EXPECT_EQ(audit[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ(Verify(), "ok");
}

TEST_P(StoreTest, ApprovalsAreNumberedAndTimed) {
  ASSERT_TRUE(store_->AddUser("admin", {"carol", Role::kApprover, "scrypt$x", ""}).ok());
  Result<Approval> a = store_->AddApproval({0, "carol", "Carol Q. Manager", "", "approval", "r9"});
  ASSERT_TRUE(a.ok()) << a.message();
  EXPECT_EQ(a->id, 1);
  EXPECT_EQ(a->time, "2026-12-03T06:40:00Z");
  EXPECT_FALSE(store_->AddApproval({0, "carol", "Carol", "", "liking", "r9"}).ok());
  const std::vector<Approval> approvals = *store_->Approvals();
  ASSERT_EQ(approvals.size(), 1u);
  EXPECT_EQ(approvals[0].printed_name, "Carol Q. Manager");
  EXPECT_EQ(approvals[0].meaning, "approval");
  EXPECT_EQ(store_->AuditEntries()->back().action, "approval");
}

TEST_P(StoreTest, SessionsAreFoundByTokenHashAndDeleted) {
  ASSERT_TRUE(store_->AddUser("admin", {"alice", Role::kViewer, "scrypt$x", ""}).ok());
  ASSERT_TRUE(store_->CreateSession("h1", {"alice", "csrf1", 1796283600}).ok());
  Result<std::optional<Session>> s = store_->FindSession("h1");
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->user, "alice");
  EXPECT_EQ((*s)->csrf_token, "csrf1");
  EXPECT_EQ((*s)->expires_at, 1796283600);
  ASSERT_TRUE(store_->DeleteSession("h1").ok());
  EXPECT_FALSE(store_->FindSession("h1")->has_value());
  ASSERT_TRUE(store_->CreateSession("h2", {"alice", "c2", 100}).ok());
  ASSERT_TRUE(store_->CreateSession("h3", {"alice", "c3", 200}).ok());
  ASSERT_TRUE(store_->DeleteExpiredSessions(150).ok());
  EXPECT_FALSE(store_->FindSession("h2")->has_value());
  EXPECT_TRUE(store_->FindSession("h3")->has_value());
}

TEST_P(StoreTest, TheAuditTrailRefusesUpdatesAndDeletesThroughTheDatabase) {
  AddDecisions(2);
  auto db = GetParam() == Backend::kSqlite ? OpenSqlite(dir_ + "/store.sqlite")
                                           : OpenPostgres(ParseStoreLocation(spec_).target);
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->Execute("DELETE FROM audit WHERE seq = 1", {}).ok());
  EXPECT_FALSE((*db)->Execute("UPDATE audit SET actor = 'mallory'", {}).ok());
  EXPECT_EQ(Verify(), "ok");
}

TEST_P(StoreTest, VerifyNamesAnAlteredEntry) {
  AddDecisions(8);
  Tamper(
      "UPDATE audit SET after_json = replace(after_json, 'accepted', 'transferred') "
      "WHERE seq = 7");
  EXPECT_EQ(Verify(), "audit entry 7: hash mismatch (altered)");
}

TEST_P(StoreTest, VerifyNamesARemovedEntry) {
  AddDecisions(5);
  Tamper("DELETE FROM audit WHERE seq = 3");
  EXPECT_EQ(Verify(), "audit entry 3: missing (removed)");
}

TEST_P(StoreTest, VerifyNamesAnInsertedEntry) {
  AddDecisions(3);
  // A forged entry with a correct hash of its own, appended after the last: its prev_hash cannot
  // be right without recomputing the chain, and when it is, the hash of what follows breaks.
  Tamper(
      "INSERT INTO audit VALUES (4, 'mallory', '2026-12-03T07:00:00Z', 'decision', 'null', "
      "'{}', '" +
      std::string(64, 'a') + "', 'x')");
  EXPECT_EQ(Verify(), "audit entry 4: hash mismatch (altered)");
}

TEST_P(StoreTest, VerifyNamesAnEntryWhoseChainLinkWasRewritten) {
  AddDecisions(4);
  std::vector<AuditEntry> entries = *store_->AuditEntries();
  // Entry 3 rewritten consistently with itself (its own hash recomputed), so only the link of
  // entry 4 to it shows the change.
  AuditEntry forged = entries[2];
  forged.actor = "mallory";
  forged.hash = Sha256Hex(AuditCanonical(forged));
  Tamper("UPDATE audit SET actor = 'mallory', hash = '" + forged.hash + "' WHERE seq = 3");
  EXPECT_EQ(Verify().rfind("audit entry 4: does not follow entry 3", 0), 0u) << Verify();
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& param_info) {
                           return param_info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

TEST(StorePassword, HashesVerifyAndDiffer) {
  const KdfParams fast{1 << 10, 8, 1};
  Result<std::string> a = HashPassword("correct horse", fast);
  Result<std::string> b = HashPassword("correct horse", fast);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // fresh salts
  EXPECT_EQ(a->rfind("scrypt$1024$8$1$", 0), 0u);
  EXPECT_TRUE(VerifyPassword("correct horse", *a));
  EXPECT_FALSE(VerifyPassword("correct horsf", *a));
  EXPECT_FALSE(VerifyPassword("correct horse", "scrypt$1024$8$1$zz$00"));
  EXPECT_FALSE(VerifyPassword("x", "scrypt$99999999999$8$1$00$00"));
  EXPECT_FALSE(VerifyPassword("x", ""));
}

TEST(StoreLocation, ParsesTheThreeForms) {
  EXPECT_EQ(ParseStoreLocation("sqlite:/tmp/s.db").target, "/tmp/s.db");
  EXPECT_FALSE(ParseStoreLocation("sqlite:/tmp/s.db").postgres);
  EXPECT_TRUE(ParseStoreLocation("postgresql://u@h/db").postgres);
  EXPECT_EQ(ParseStoreLocation("postgresql:host=/tmp port=5").target, "host=/tmp port=5");
  EXPECT_EQ(ParseStoreLocation("examples/icd").target, "examples/icd/.medtra/store.sqlite");
}

}  // namespace
}  // namespace medtra::store
