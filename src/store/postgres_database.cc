// The PostgreSQL backend of Database (libpq; text parameters and results).
#include <libpq-fe.h>

#include "store/database.h"

namespace medtra::store {
namespace {

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(PGconn* conn) : conn_(conn) {}
  ~PostgresDatabase() override { PQfinish(conn_); }
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status ExecuteScript(std::string_view sql) override {
    PGresult* result = PQexec(conn_, std::string(sql).c_str());
    Status status = Check(result);
    PQclear(result);
    return status;
  }

  Status Execute(std::string_view sql, const std::vector<Value>& params) override {
    Result<std::vector<Row>> rows = Query(sql, params);
    return rows.ok() ? Status::Ok() : rows.status();
  }

  Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<const char*> values;
    for (const Value& v : params) values.push_back(v ? v->c_str() : nullptr);
    PGresult* result =
        PQexecParams(conn_, NumberPlaceholders(sql).c_str(), static_cast<int>(values.size()),
                     nullptr, values.data(), nullptr, nullptr, 0);
    if (Status status = Check(result); !status.ok()) {
      PQclear(result);
      return status;
    }
    std::vector<Row> rows;
    for (int r = 0; r < PQntuples(result); ++r) {
      Row row;
      for (int c = 0; c < PQnfields(result); ++c) {
        if (PQgetisnull(result, r, c)) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(std::string(PQgetvalue(result, r, c),
                                       static_cast<size_t>(PQgetlength(result, r, c))));
        }
      }
      rows.push_back(std::move(row));
    }
    PQclear(result);
    return rows;
  }

  // SERIALIZABLE plus the table lock on audit (in the store's SQL) keeps the chain linear when
  // several servers share one database.
  Status BeginWrite() override { return ExecuteScript("BEGIN ISOLATION LEVEL SERIALIZABLE"); }
  Status Commit() override { return ExecuteScript("COMMIT"); }
  void Rollback() override { (void)ExecuteScript("ROLLBACK"); }

 private:
  Status Check(PGresult* result) const {
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Status::Ok();
    return Status::Error(std::string("postgresql: ") + PQerrorMessage(conn_));
  }

  PGconn* conn_;
};

}  // namespace

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn);
    return Result<std::unique_ptr<Database>>::Error("cannot connect to PostgreSQL: " + message);
  }
  auto database = std::make_unique<PostgresDatabase>(conn);
  if (Status status = database->ExecuteScript("SET client_min_messages TO WARNING"); !status.ok()) {
    return status;
  }
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace medtra::store
