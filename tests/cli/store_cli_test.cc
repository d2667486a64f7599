// End-to-end tests of `medtra users`, `medtra decisions export|import` and `medtra audit verify`
// on a copy of the case study: a decision in the store reaches the model's YAML and the report,
// and a row of the audit trail edited by hand is named by verify.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "medtra/store/store.h"
#include "tests/testing/icd_copy.h"

namespace medtra {
namespace {

using nlohmann::json;

constexpr char kThreat[] = "comm-jamming@F-telemetry";  // open in the case study

std::string StatusOf(const testing::IcdCopy& icd, const std::string& threat) {
  const testing::Outcome out = icd.Run("analyze icd --format json -o -");
  EXPECT_EQ(out.code, 0) << out.err;
  const json report = json::parse(out.out);
  for (const json& t : report["threats"]) {
    if (t["id"] == threat) return t["status"];
  }
  return "";
}

void Sql(const testing::IcdCopy& icd, const std::string& script) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((icd.dir() / "icd/.medtra/store.sqlite").c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// Adds viewer accounts through `medtra users add` (the password on stdin).
bool AddViewers(const testing::IcdCopy& icd, std::initializer_list<const char*> names) {
  icd.Write("pw.txt", "viewer-password\n");
  for (const char* name : names) {
    if (icd.Run(std::string("users add ") + name + " --role viewer --store icd < pw.txt").code !=
        0) {
      return false;
    }
  }
  return true;
}

TEST(StoreCliTest, ADecisionGoesFromTheStoreIntoTheModelAndTheReport) {
  testing::IcdCopy icd;
  icd.Write("pw.txt", "editor-password\n");
  testing::Outcome out = icd.Run("users add ed --role editor --store icd < pw.txt");
  ASSERT_EQ(out.code, 0) << out.err;
  EXPECT_EQ(icd.Run("users list --store icd").out.rfind("ed editor ", 0), 0u);
  EXPECT_EQ(StatusOf(icd, kThreat), "open");
  {
    SystemClock clock;
    auto store = store::Store::Open((icd.dir() / "icd").string(), clock, false);
    ASSERT_TRUE(store.ok()) << store.message();
    ASSERT_TRUE(
        (*store)
            ->PutDecision(
                {kThreat, "accepted", "jamming needs presence in the room", {}, "", "ed", "", "r"})
            .ok());
  }
  out = icd.Run("decisions export icd");
  ASSERT_EQ(out.code, 0) << out.err;
  EXPECT_NE(icd.Read("icd/decisions.yaml").find("threat: \"comm-jamming@F-telemetry\""),
            std::string::npos);
  EXPECT_EQ(StatusOf(icd, kThreat), "accepted");
  // The model's own decisions (threats.yaml) come into the store; exporting again leaves them
  // where they are.
  out = icd.Run("decisions import icd");
  ASSERT_EQ(out.code, 0) << out.err;
  EXPECT_NE(out.err.find("imported"), std::string::npos);
  EXPECT_EQ(icd.Run("decisions export icd").code, 0);
  EXPECT_EQ(icd.Run("check icd").code, 0);
  out = icd.Run("audit verify icd");
  EXPECT_EQ(out.code, 0) << out.out << out.err;
  EXPECT_NE(out.out.find("audit trail intact"), std::string::npos);
}

TEST(StoreCliTest, AuditVerifyNamesTheEntryEditedByHand) {
  testing::IcdCopy icd;
  ASSERT_TRUE(AddViewers(icd, {"a", "b", "c"}));
  ASSERT_EQ(icd.Run("audit verify sqlite:icd/.medtra/store.sqlite").code, 0);
  Sql(icd,
      "DROP TRIGGER audit_no_update; "
      "UPDATE audit SET after_json = '{\"name\":\"b\",\"role\":\"approver\"}' WHERE seq = 2");
  testing::Outcome out = icd.Run("audit verify icd");
  EXPECT_EQ(out.code, 1);
  EXPECT_EQ(out.out, "audit entry 2: hash mismatch (altered)\n");
}

TEST(StoreCliTest, AuditVerifyNamesARemovedEntry) {
  testing::IcdCopy icd;
  ASSERT_TRUE(AddViewers(icd, {"a", "b", "c"}));
  Sql(icd, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2");
  testing::Outcome out = icd.Run("audit verify icd");
  EXPECT_EQ(out.code, 1);
  EXPECT_EQ(out.out, "audit entry 2: missing (removed)\n");
}

TEST(StoreCliTest, AnAnchorInTheModelShowsThatTheNewestEntriesWereRemoved) {
  testing::IcdCopy icd;
  ASSERT_TRUE(AddViewers(icd, {"a", "b"}));
  ASSERT_EQ(icd.Run("decisions export icd").code, 0);
  const std::string yaml = icd.Read("icd/decisions.yaml");
  const size_t at = yaml.find("# audit head: entry 2, hash ");
  ASSERT_NE(at, std::string::npos) << yaml;
  const std::string anchor = yaml.substr(at + 28, 64);
  EXPECT_EQ(icd.Run("audit verify icd --anchor " + anchor).code, 0);
  // Removing the newest entries leaves a valid, shorter chain; only the anchor tells.
  Sql(icd, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq >= 2");
  EXPECT_EQ(icd.Run("audit verify icd").code, 0);
  const testing::Outcome out = icd.Run("audit verify icd --anchor " + anchor);
  EXPECT_EQ(out.code, 1);
  EXPECT_NE(out.out.find("no entry has the anchor hash"), std::string::npos) << out.out;
}

TEST(StoreCliTest, BadInputExitsTwo) {
  testing::IcdCopy icd;
  EXPECT_EQ(icd.Run("audit verify no-such-folder").code, 2);
  icd.Write("pw.txt", "short\n");
  EXPECT_EQ(icd.Run("users add x --role editor --store icd < pw.txt").code, 2);
  EXPECT_EQ(icd.Run("users add x --role admin --store icd < pw.txt").code, 2);
  EXPECT_EQ(icd.Run("serve icd --bind 0.0.0.0 --port 0").code, 2);
}

TEST(StoreCliTest, ServeAnswersTheReportOfAnalyzeByteForByte) {
  testing::IcdCopy icd;
  const std::string expected = icd.Run("analyze icd --format json -o -").out;
  const std::string command = "cd '" + icd.dir().string() + "' && { '" + MEDTRA_BIN +
                              "' serve icd --port 0 2>serve.txt & echo $! > serve.pid; }";
  ASSERT_EQ(std::system(command.c_str()), 0);
  int port = 0;
  for (int i = 0; i < 300 && port == 0; ++i) {
    const std::string log = icd.Read("serve.txt");
    const size_t at = log.find("http://127.0.0.1:");
    if (at != std::string::npos && log.find('/', at + 17) != std::string::npos) {
      port = std::stoi(log.substr(at + 17));
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  const int pid = std::stoi("0" + icd.Read("serve.pid"));
  ASSERT_GT(port, 0) << icd.Read("serve.txt");
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/api/report");  // no accounts: read-only on loopback
  kill(pid, SIGTERM);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(res->body == expected) << "the API's report differs from analyze's";
  for (int i = 0; i < 50 && kill(pid, 0) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_NE(kill(pid, 0), 0) << "serve did not stop on SIGTERM";
}

}  // namespace
}  // namespace medtra
