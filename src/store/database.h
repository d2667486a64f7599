// Database: the few operations the store needs from SQLite and PostgreSQL, with `?` placeholders
// and every value passed as text (or NULL), so that the store's SQL is written once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/status.h"

namespace medtra::store {

enum class Dialect { kSqlite, kPostgres };

/// A parameter or a column value: text, or NULL.
using Value = std::optional<std::string>;
using Row = std::vector<Value>;

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  /// Runs several statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;
  /// Runs one statement with `?` placeholders bound to `params` in order.
  virtual Status Execute(std::string_view sql, const std::vector<Value>& params) = 0;
  /// Runs one query; every column comes back as text.
  virtual Result<std::vector<Row>> Query(std::string_view sql,
                                         const std::vector<Value>& params) = 0;
  /// Starts a transaction that holds the write lock until Commit() or Rollback().
  virtual Status BeginWrite() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
};

/// Opens (creating when missing) the SQLite file at `path`.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path);
/// Connects to PostgreSQL with a libpq connection string (URI or key=value pairs).
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& conninfo);

/// `sql` with the n-th `?` replaced by `$n` (PostgreSQL's placeholders). The store's SQL has no
/// `?` inside string literals.
std::string NumberPlaceholders(std::string_view sql);

}  // namespace medtra::store
