// Test helper: a throwaway PostgreSQL server (Debian's initdb and pg_ctl) in a temporary folder,
// reached only through a Unix socket there. Under root, it runs as `nobody` (postgres refuses
// root).
#pragma once

#include <string>

namespace medtra::testing {

class PostgresServer {
 public:
  /// The server of this test binary, started on first use and stopped at exit.
  static PostgresServer& Shared();
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  bool running() const { return skip_reason_.empty(); }
  /// Why the server is not running (for GTEST_SKIP), "" when it runs.
  const std::string& skip_reason() const { return skip_reason_; }
  /// A libpq connection string for a fresh, empty database.
  std::string NewDatabase();

 private:
  PostgresServer();
  std::string Conninfo(const std::string& database) const;

  std::string bin_;  ///< the folder of initdb and pg_ctl
  std::string dir_;
  std::string port_;
  std::string skip_reason_;
  bool as_nobody_ = false;
  int databases_ = 0;
};

}  // namespace medtra::testing
