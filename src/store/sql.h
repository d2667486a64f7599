// All of the store's SQL: the versioned migrations and the statements, one text for SQLite and
// PostgreSQL except where a dialect differs (the append-only triggers, the audit lock).
#pragma once

#include <string_view>

namespace medtra::store::sql {

inline constexpr std::string_view kCreateMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
inline constexpr std::string_view kMigrationVersions =
    "SELECT version FROM schema_migrations ORDER BY version";
inline constexpr std::string_view kFindMigration =
    "SELECT version FROM schema_migrations WHERE version = ?";
inline constexpr std::string_view kRecordMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";

struct Migration {
  int version;
  std::string_view name;
  std::string_view sqlite;    ///< the script for SQLite
  std::string_view postgres;  ///< the script for PostgreSQL
};

inline constexpr std::string_view kTables = R"sql(
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'approver')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at BIGINT NOT NULL);
CREATE TABLE decisions (
  threat_id TEXT PRIMARY KEY,
  status TEXT NOT NULL
    CHECK (status IN ('mitigated', 'accepted', 'transferred', 'not-applicable')),
  justification TEXT NOT NULL,
  measures TEXT NOT NULL,
  risk TEXT NOT NULL,
  actor TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  report_id TEXT NOT NULL);
CREATE TABLE approvals (
  id BIGINT PRIMARY KEY,
  signer TEXT NOT NULL REFERENCES users (name),
  printed_name TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  meaning TEXT NOT NULL CHECK (meaning IN ('review', 'approval', 'responsibility')),
  report_id TEXT NOT NULL);
CREATE TABLE audit (
  seq BIGINT PRIMARY KEY,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
)sql";

inline constexpr std::string_view kAppendOnlySqlite = R"sql(
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit entries are never changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit entries are never deleted'); END;
)sql";

inline constexpr std::string_view kAppendOnlyPostgres = R"sql(
CREATE FUNCTION medtra_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit entries are never changed or deleted'; END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION medtra_audit_append_only();
)sql";

/// Applied in order; a version is never edited once released, only followed by a new one.
inline constexpr Migration kMigrations[] = {
    {1, "tables", kTables, kTables},
    {2, "audit append-only", kAppendOnlySqlite, kAppendOnlyPostgres},
};

inline constexpr std::string_view kInsertUser =
    "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)";
inline constexpr std::string_view kUpdateUser =
    "UPDATE users SET role = ?, password_hash = ? WHERE name = ?";
inline constexpr std::string_view kFindUser =
    "SELECT name, role, password_hash, created_at FROM users WHERE name = ?";
inline constexpr std::string_view kUsers =
    "SELECT name, role, password_hash, created_at FROM users ORDER BY name";

inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, expires_at)"
    " VALUES (?, ?, ?, ?, ?)";
inline constexpr std::string_view kFindSession =
    "SELECT user_name, csrf_token, expires_at FROM sessions WHERE token_hash = ?";
inline constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
inline constexpr std::string_view kDeleteExpiredSessions =
    "DELETE FROM sessions WHERE expires_at <= ?";

inline constexpr std::string_view kFindDecision =
    "SELECT threat_id, status, justification, measures, risk, actor, decided_at, report_id"
    " FROM decisions WHERE threat_id = ?";
inline constexpr std::string_view kDecisions =
    "SELECT threat_id, status, justification, measures, risk, actor, decided_at, report_id"
    " FROM decisions ORDER BY threat_id";
inline constexpr std::string_view kDeleteDecision = "DELETE FROM decisions WHERE threat_id = ?";
inline constexpr std::string_view kInsertDecision =
    "INSERT INTO decisions"
    " (threat_id, status, justification, measures, risk, actor, decided_at, report_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

inline constexpr std::string_view kNextApprovalId =
    "SELECT COALESCE(MAX(id), 0) + 1 FROM approvals";
inline constexpr std::string_view kInsertApproval =
    "INSERT INTO approvals (id, signer, printed_name, signed_at, meaning, report_id)"
    " VALUES (?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kApprovals =
    "SELECT id, signer, printed_name, signed_at, meaning, report_id FROM approvals ORDER BY id";

/// PostgreSQL only: one writer at a time appends to the chain.
inline constexpr std::string_view kLockAuditPostgres = "LOCK TABLE audit IN EXCLUSIVE MODE";
inline constexpr std::string_view kAuditHead =
    "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
inline constexpr std::string_view kInsertAudit =
    "INSERT INTO audit (seq, actor, at, action, before_json, after_json, prev_hash, hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kAuditEntries =
    "SELECT seq, actor, at, action, before_json, after_json, prev_hash, hash FROM audit"
    " ORDER BY seq";

}  // namespace medtra::store::sql
