// Store: migrations, the records, and the audit entry appended in the same transaction as each
// change.
#include "medtra/store/store.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "medtra/base/sha256.h"
#include "medtra/store/records_json.h"
#include "store/database.h"
#include "store/sql.h"

namespace medtra::store {
namespace {

std::string Text(const Value& value) { return value.value_or(""); }

int64_t Integer(const Value& value) { return value ? std::stoll(*value) : 0; }

User ToUser(const Row& row) {
  User user;
  user.name = Text(row[0]);
  user.role = ParseRole(Text(row[1])).value_or(Role::kViewer);
  user.password_hash = Text(row[2]);
  user.created_at = Text(row[3]);
  return user;
}

Decision ToDecision(const Row& row) {
  Decision d;
  d.threat = Text(row[0]);
  d.status = Text(row[1]);
  d.justification = Text(row[2]);
  const nlohmann::json measures = nlohmann::json::parse(Text(row[3]), nullptr, false);
  if (measures.is_array()) {
    for (const auto& m : measures) {
      if (m.is_string()) d.measures.push_back(m.get<std::string>());
    }
  }
  d.risk = Text(row[4]);
  d.actor = Text(row[5]);
  d.time = Text(row[6]);
  d.report_id = Text(row[7]);
  return d;
}

Approval ToApproval(const Row& row) {
  Approval a;
  a.id = Integer(row[0]);
  a.signer = Text(row[1]);
  a.printed_name = Text(row[2]);
  a.time = Text(row[3]);
  a.meaning = Text(row[4]);
  a.report_id = Text(row[5]);
  return a;
}

// What the audit trail records of an account: never its password hash, only that it changed.
nlohmann::ordered_json UserJson(const User& user) {
  return {{"name", user.name}, {"role", RoleName(user.role)}};
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kEditor:
      return "editor";
    case Role::kApprover:
      return "approver";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "viewer") return Role::kViewer;
  if (name == "editor") return Role::kEditor;
  if (name == "approver") return Role::kApprover;
  return std::nullopt;
}

StoreLocation ParseStoreLocation(const std::string& spec) {
  if (spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0) {
    return {true, spec};
  }
  if (spec.rfind("postgresql:", 0) == 0) return {true, spec.substr(11)};  // key=value form
  if (spec.rfind("sqlite:", 0) == 0) return {false, spec.substr(7)};
  return {false, (std::filesystem::path(spec) / ".medtra" / "store.sqlite").string()};
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& spec, const Clock& clock,
                                           bool create) {
  const StoreLocation location = ParseStoreLocation(spec);
  Result<std::unique_ptr<Database>> db = Status::Error("unopened");
  if (location.postgres) {
    db = OpenPostgres(location.target);
  } else {
    std::error_code error;
    if (!std::filesystem::exists(location.target, error)) {
      if (!create) {
        return Result<std::unique_ptr<Store>>::Error("no store at " + location.target);
      }
      const std::filesystem::path parent = std::filesystem::path(location.target).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent, error);
      if (error) {
        return Result<std::unique_ptr<Store>>::Error("cannot create " + parent.string() + ": " +
                                                     error.message());
      }
    }
    db = OpenSqlite(location.target);
  }
  if (!db.ok()) return db.status();
  std::unique_ptr<Store> store(new Store(std::move(db).value(), clock));
  if (Status status = store->Migrate(); !status.ok()) return status;
  return store;
}

Store::Store(std::unique_ptr<Database> db, const Clock& clock)
    : db_(std::move(db)), clock_(clock) {}
Store::~Store() = default;

Status Store::Migrate() {
  std::lock_guard lock(mutex_);
  if (Status status = db_->Execute(sql::kCreateMigrations, {}); !status.ok()) return status;
  for (const sql::Migration& migration : sql::kMigrations) {
    if (Status status = db_->BeginWrite(); !status.ok()) return status;
    Result<std::vector<Row>> applied =
        db_->Query(sql::kFindMigration, {std::to_string(migration.version)});
    if (!applied.ok()) {
      db_->Rollback();
      return applied.status();
    }
    if (!applied->empty()) {
      db_->Rollback();
      continue;
    }
    const std::string_view script =
        db_->dialect() == Dialect::kSqlite ? migration.sqlite : migration.postgres;
    Status status = db_->ExecuteScript(script);
    if (status.ok()) {
      status = db_->Execute(sql::kRecordMigration,
                            {std::to_string(migration.version), std::string(migration.name),
                             FormatUtc(clock_.NowUnixSeconds())});
    }
    if (!status.ok()) {
      db_->Rollback();
      return Status::Error("migration " + std::to_string(migration.version) + ": " +
                           status.message());
    }
    if (Status commit = db_->Commit(); !commit.ok()) return commit;
  }
  return Status::Ok();
}

Result<std::vector<int>> Store::SchemaVersions() {
  std::lock_guard lock(mutex_);
  Result<std::vector<Row>> rows = db_->Query(sql::kMigrationVersions, {});
  if (!rows.ok()) return rows.status();
  std::vector<int> versions;
  for (const Row& row : *rows) versions.push_back(static_cast<int>(Integer(row[0])));
  return versions;
}

template <typename Change>
Status Store::Write(const std::string& actor, const std::string& action, Change change) {
  std::lock_guard lock(mutex_);
  if (Status status = db_->BeginWrite(); !status.ok()) return status;
  std::string before = "null";
  std::string after = "null";
  Status status = change(&before, &after);
  if (status.ok()) status = AppendAuditLocked(actor, action, before, after);
  if (status.ok()) status = db_->Commit();
  if (!status.ok()) db_->Rollback();
  return status;
}

Status Store::AppendAuditLocked(const std::string& actor, const std::string& action,
                                const std::string& before, const std::string& after) {
  if (db_->dialect() == Dialect::kPostgres) {
    if (Status status = db_->Execute(sql::kLockAuditPostgres, {}); !status.ok()) return status;
  }
  Result<std::vector<Row>> head = db_->Query(sql::kAuditHead, {});
  if (!head.ok()) return head.status();
  AuditEntry entry;
  entry.seq = head->empty() ? 1 : Integer((*head)[0][0]) + 1;
  entry.prev_hash = head->empty() ? std::string(64, '0') : Text((*head)[0][1]);
  entry.actor = actor;
  entry.time = FormatUtc(clock_.NowUnixSeconds());
  entry.action = action;
  entry.before = before;
  entry.after = after;
  entry.hash = Sha256Hex(AuditCanonical(entry));
  return db_->Execute(sql::kInsertAudit,
                      {std::to_string(entry.seq), entry.actor, entry.time, entry.action,
                       entry.before, entry.after, entry.prev_hash, entry.hash});
}

Status Store::AppendAudit(const std::string& actor, const std::string& action,
                          const std::string& before, const std::string& after) {
  return Write(actor, action, [&](std::string* b, std::string* a) {
    *b = before;
    *a = after;
    return Status::Ok();
  });
}

Status Store::AddUser(const std::string& actor, const User& user) {
  return Write(actor, "user.add", [&](std::string*, std::string* after) {
    Result<std::vector<Row>> existing = db_->Query(sql::kFindUser, {user.name});
    if (!existing.ok()) return existing.status();
    if (!existing->empty()) return Status::Error("an account '" + user.name + "' exists");
    *after = UserJson(user).dump();
    return db_->Execute(sql::kInsertUser, {user.name, RoleName(user.role), user.password_hash,
                                           FormatUtc(clock_.NowUnixSeconds())});
  });
}

Status Store::UpdateUser(const std::string& actor, const std::string& name,
                         std::optional<Role> role, const std::string& password_hash) {
  return Write(actor, "user.update", [&](std::string* before, std::string* after) {
    Result<std::vector<Row>> existing = db_->Query(sql::kFindUser, {name});
    if (!existing.ok()) return existing.status();
    if (existing->empty()) return Status::Error("no account '" + name + "'");
    User user = ToUser(existing->front());
    *before = UserJson(user).dump();
    if (role) user.role = *role;
    nlohmann::ordered_json changed = UserJson(user);
    if (!password_hash.empty()) {
      user.password_hash = password_hash;
      changed["password"] = "changed";
    }
    *after = changed.dump();
    return db_->Execute(sql::kUpdateUser, {RoleName(user.role), user.password_hash, name});
  });
}

Result<std::optional<User>> Store::FindUser(const std::string& name) {
  std::lock_guard lock(mutex_);
  Result<std::vector<Row>> rows = db_->Query(sql::kFindUser, {name});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<User>();
  return std::optional<User>(ToUser(rows->front()));
}

Result<std::vector<User>> Store::Users() {
  std::lock_guard lock(mutex_);
  Result<std::vector<Row>> rows = db_->Query(sql::kUsers, {});
  if (!rows.ok()) return rows.status();
  std::vector<User> users;
  for (const Row& row : *rows) users.push_back(ToUser(row));
  return users;
}

Status Store::CreateSession(const std::string& token_hash, const Session& session) {
  std::lock_guard lock(mutex_);
  return db_->Execute(sql::kInsertSession,
                      {token_hash, session.user, session.csrf_token,
                       FormatUtc(clock_.NowUnixSeconds()), std::to_string(session.expires_at)});
}

Result<std::optional<Session>> Store::FindSession(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  Result<std::vector<Row>> rows = db_->Query(sql::kFindSession, {token_hash});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Session>();
  const Row& row = rows->front();
  return std::optional<Session>(Session{Text(row[0]), Text(row[1]), Integer(row[2])});
}

Status Store::DeleteSession(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  return db_->Execute(sql::kDeleteSession, {token_hash});
}

Status Store::DeleteExpiredSessions(int64_t now) {
  std::lock_guard lock(mutex_);
  return db_->Execute(sql::kDeleteExpiredSessions, {std::to_string(now)});
}

Status Store::PutDecision(const Decision& decision) {
  Decision d = decision;
  d.time = FormatUtc(clock_.NowUnixSeconds());
  return Write(d.actor, "decision", [&](std::string* before, std::string* after) {
    Result<std::vector<Row>> existing = db_->Query(sql::kFindDecision, {d.threat});
    if (!existing.ok()) return existing.status();
    if (!existing->empty()) {
      *before = ToJson(ToDecision(existing->front())).dump();
      if (Status status = db_->Execute(sql::kDeleteDecision, {d.threat}); !status.ok()) {
        return status;
      }
    }
    *after = ToJson(d).dump();
    return db_->Execute(sql::kInsertDecision,
                        {d.threat, d.status, d.justification, nlohmann::json(d.measures).dump(),
                         d.risk, d.actor, d.time, d.report_id});
  });
}

Result<std::vector<Decision>> Store::Decisions() {
  std::lock_guard lock(mutex_);
  Result<std::vector<Row>> rows = db_->Query(sql::kDecisions, {});
  if (!rows.ok()) return rows.status();
  std::vector<Decision> decisions;
  for (const Row& row : *rows) decisions.push_back(ToDecision(row));
  return decisions;
}

Result<Approval> Store::AddApproval(const Approval& approval) {
  Approval a = approval;
  a.time = FormatUtc(clock_.NowUnixSeconds());
  Status status = Write(a.signer, "approval", [&](std::string*, std::string* after) {
    Result<std::vector<Row>> next = db_->Query(sql::kNextApprovalId, {});
    if (!next.ok()) return next.status();
    a.id = Integer((*next)[0][0]);
    *after = ToJson(a).dump();
    return db_->Execute(sql::kInsertApproval, {std::to_string(a.id), a.signer, a.printed_name,
                                               a.time, a.meaning, a.report_id});
  });
  if (!status.ok()) return status;
  return a;
}

Result<std::vector<Approval>> Store::Approvals() {
  std::lock_guard lock(mutex_);
  Result<std::vector<Row>> rows = db_->Query(sql::kApprovals, {});
  if (!rows.ok()) return rows.status();
  std::vector<Approval> approvals;
  for (const Row& row : *rows) approvals.push_back(ToApproval(row));
  return approvals;
}

Result<std::vector<AuditEntry>> Store::AuditEntries() {
  std::lock_guard lock(mutex_);
  Result<std::vector<Row>> rows = db_->Query(sql::kAuditEntries, {});
  if (!rows.ok()) return rows.status();
  std::vector<AuditEntry> entries;
  for (const Row& row : *rows) {
    entries.push_back(AuditEntry{Integer(row[0]), Text(row[1]), Text(row[2]), Text(row[3]),
                                 Text(row[4]), Text(row[5]), Text(row[6]), Text(row[7])});
  }
  return entries;
}

}  // namespace medtra::store
