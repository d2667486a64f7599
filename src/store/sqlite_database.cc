// The SQLite backend of Database (one connection, serialized by the store).
#include <sqlite3.h>

#include "store/database.h"

namespace medtra::store {
namespace {

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  ~SqliteDatabase() override { sqlite3_close(db_); }
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status ExecuteScript(std::string_view sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error != nullptr ? error : "unknown error";
      sqlite3_free(error);
      return Status::Error("sqlite: " + message);
    }
    return Status::Ok();
  }

  Status Execute(std::string_view sql, const std::vector<Value>& params) override {
    Result<std::vector<Row>> rows = Query(sql, params);
    return rows.ok() ? Status::Ok() : rows.status();
  }

  Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return Error();
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (params[i]) {
        sqlite3_bind_text(stmt, index, params[i]->data(), static_cast<int>(params[i]->size()),
                          SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, index);
      }
    }
    std::vector<Row> rows;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      Row row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          row.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
      rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) {
      Result<std::vector<Row>> error = Error();
      sqlite3_finalize(stmt);
      return error;
    }
    sqlite3_finalize(stmt);
    return rows;
  }

  Status BeginWrite() override { return ExecuteScript("BEGIN IMMEDIATE"); }
  Status Commit() override { return ExecuteScript("COMMIT"); }
  void Rollback() override { (void)ExecuteScript("ROLLBACK"); }

 private:
  Result<std::vector<Row>> Error() const {
    return Result<std::vector<Row>>::Error(std::string("sqlite: ") + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Result<std::unique_ptr<Database>>::Error("cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, 5000);
  auto database = std::make_unique<SqliteDatabase>(db);
  if (Status status = database->ExecuteScript("PRAGMA foreign_keys = ON"); !status.ok()) {
    return status;
  }
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace medtra::store
