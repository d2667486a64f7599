// Store: the review records of a model (accounts, sessions, threat decisions, approvals) and the
// hash-chained audit trail of every change to them, in SQLite or PostgreSQL behind one interface.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "medtra/base/clock.h"
#include "medtra/base/status.h"

namespace medtra::store {

class Database;

/// What an account may do: a viewer reads, an editor also decides, an approver also signs.
enum class Role { kViewer, kEditor, kApprover };
const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct User {
  std::string name;
  Role role = Role::kViewer;
  std::string password_hash;  ///< HashPassword()'s text: KDF, parameters, salt, digest
  std::string created_at;
};

struct Session {
  std::string user;
  std::string csrf_token;
  int64_t expires_at = 0;  ///< Unix seconds
};

/// A decided status of a threat, keyed by threat id so it carries across model revisions; maps
/// one-to-one to an entry of the model's `threat_decisions` section.
struct Decision {
  std::string threat;
  std::string status;  ///< mitigated | accepted | transferred | not-applicable
  std::string justification;
  std::vector<std::string> measures;
  std::string risk;
  std::string actor;
  std::string time;       ///< ISO 8601 UTC, set by the store
  std::string report_id;  ///< the report the decision was made on
};

/// An electronic signature over one report.
struct Approval {
  int64_t id = 0;
  std::string signer;        ///< the account
  std::string printed_name;  ///< the signer's name as printed on the record
  std::string time;          ///< ISO 8601 UTC, set by the store
  std::string meaning;       ///< review | approval | responsibility
  std::string report_id;
};

/// One entry of the audit trail. `hash` is the SHA-256 of AuditCanonical(entry), which includes
/// `prev_hash`, the hash of the entry before (64 zeros for the first).
struct AuditEntry {
  int64_t seq = 0;
  std::string actor;
  std::string time;
  std::string action;
  std::string before;  ///< JSON text ("null" when there was nothing)
  std::string after;   ///< JSON text
  std::string prev_hash;
  std::string hash;
};

/// The text the hash of an entry is taken over: a JSON array of seq, actor, time, action, before,
/// after and prev_hash.
std::string AuditCanonical(const AuditEntry& entry);
/// The first problem of the chain `entries` (sorted by seq), e.g. "audit entry 7: hash mismatch",
/// or nullopt when it is intact.
std::optional<std::string> VerifyAuditChain(const std::vector<AuditEntry>& entries);

/// Where a store is: `sqlite:PATH`, `postgresql://...` / `postgres://...`, or a model folder (its
/// `.medtra/store.sqlite`).
struct StoreLocation {
  bool postgres = false;
  std::string target;  ///< the SQLite path or the libpq connection string
};
StoreLocation ParseStoreLocation(const std::string& spec);

/// Thread-safe: every operation takes the store's lock. Every change appends to the audit trail
/// in the same transaction; nothing is ever deleted from it.
class Store {
 public:
  /// Opens the store at `spec` (see ParseStoreLocation), creating a SQLite file and its folder
  /// when `create` is set, and applies the pending schema migrations. `clock` must outlive it.
  static Result<std::unique_ptr<Store>> Open(const std::string& spec, const Clock& clock,
                                             bool create);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// The migration versions applied, ascending.
  Result<std::vector<int>> SchemaVersions();

  Status AddUser(const std::string& actor, const User& user);
  /// Changes an existing account's role and/or password hash (empty: unchanged).
  Status UpdateUser(const std::string& actor, const std::string& name, std::optional<Role> role,
                    const std::string& password_hash);
  Result<std::optional<User>> FindUser(const std::string& name);
  Result<std::vector<User>> Users();

  Status CreateSession(const std::string& token_hash, const Session& session);
  Result<std::optional<Session>> FindSession(const std::string& token_hash);
  Status DeleteSession(const std::string& token_hash);
  /// Removes the sessions that ended at or before `now` (Unix seconds).
  Status DeleteExpiredSessions(int64_t now);

  /// Records `decision` (time set from the clock), replacing the threat's earlier one.
  Status PutDecision(const Decision& decision);
  /// The decisions, sorted by threat id.
  Result<std::vector<Decision>> Decisions();

  /// Records a signature (id and time set by the store); returns it.
  Result<Approval> AddApproval(const Approval& approval);
  Result<std::vector<Approval>> Approvals();

  /// Appends an entry for a change made outside the store (an export of the decisions).
  Status AppendAudit(const std::string& actor, const std::string& action, const std::string& before,
                     const std::string& after);
  Result<std::vector<AuditEntry>> AuditEntries();

 private:
  Store(std::unique_ptr<Database> db, const Clock& clock);
  Status Migrate();
  // Runs `change` in a write transaction, then appends its audit entry and commits.
  template <typename Change>
  Status Write(const std::string& actor, const std::string& action, Change change);
  Status AppendAuditLocked(const std::string& actor, const std::string& action,
                           const std::string& before, const std::string& after);

  std::unique_ptr<Database> db_;
  const Clock& clock_;
  std::mutex mutex_;
};

}  // namespace medtra::store
