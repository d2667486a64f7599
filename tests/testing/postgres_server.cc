// PostgresServer: initdb, pg_ctl start, CREATE DATABASE per test, pg_ctl stop.
#include "tests/testing/postgres_server.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "store/database.h"
#include "tests/testing/run_command.h"

namespace medtra::testing {
namespace {

// Debian's server binaries: /usr/lib/postgresql/MAJOR/bin, the newest major installed.
std::string ServerBinaries() {
  std::string newest;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
    const std::string bin = (entry.path() / "bin").string();
    if (access((bin + "/initdb").c_str(), X_OK) != 0) continue;
    const std::string major = entry.path().filename().string();
    if (newest.empty() || std::stoi("0" + major) > std::stoi("0" + newest)) newest = major;
  }
  return newest.empty() ? "" : "/usr/lib/postgresql/" + newest + "/bin";
}

std::vector<std::string> Command(bool as_nobody, std::vector<std::string> args) {
  if (!as_nobody) return args;
  std::vector<std::string> wrapped = {"runuser", "-u", "nobody", "--"};
  wrapped.insert(wrapped.end(), args.begin(), args.end());
  return wrapped;
}

}  // namespace

PostgresServer& PostgresServer::Shared() {
  static PostgresServer server;
  return server;
}

PostgresServer::PostgresServer() : bin_(ServerBinaries()) {
  const std::string initdb = bin_ + "/initdb";
  const std::string pg_ctl = bin_ + "/pg_ctl";
  if (bin_.empty() || access(pg_ctl.c_str(), X_OK) != 0) {
    skip_reason_ =
        "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (Debian package postgresql)";
    return;
  }
  char templ[] = "/tmp/medtra-pg-XXXXXX";
  if (mkdtemp(templ) == nullptr) {
    skip_reason_ = "cannot create a temporary folder";
    return;
  }
  dir_ = templ;
  if (geteuid() == 0) {
    const passwd* nobody = getpwnam("nobody");
    if (nobody == nullptr || chown(dir_.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) {
      skip_reason_ = "running as root and cannot hand " + dir_ + " to user nobody";
      return;
    }
    as_nobody_ = true;
  }
  port_ = std::to_string(20000 + getpid() % 20000);
  CommandResult init = RunCommand(Command(as_nobody_, {initdb, "-D", dir_ + "/data", "--auth=trust",
                                                       "-U", "medtra", "-E", "UTF8", "--no-sync"}));
  if (init.exit_code != 0) {
    skip_reason_ = "initdb failed: " + init.err;
    return;
  }
  CommandResult start = RunCommand(
      Command(as_nobody_,
              {pg_ctl, "-D", dir_ + "/data", "-w", "-l", dir_ + "/log", "-o",
               "-k " + dir_ + " -p " + port_ + " -c listen_addresses='' -c fsync=off", "start"}));
  if (start.exit_code != 0) {
    skip_reason_ = "pg_ctl start failed: " + start.err + start.out;
  }
}

PostgresServer::~PostgresServer() {
  if (dir_.empty()) return;
  if (running()) {
    (void)RunCommand(
        Command(as_nobody_, {bin_ + "/pg_ctl", "-D", dir_ + "/data", "-m", "immediate", "stop"}));
  }
  std::error_code error;
  std::filesystem::remove_all(dir_, error);
}

std::string PostgresServer::Conninfo(const std::string& database) const {
  return "host=" + dir_ + " port=" + port_ + " user=medtra dbname=" + database;
}

std::string PostgresServer::NewDatabase() {
  const std::string name = "t" + std::to_string(++databases_);
  auto admin = store::OpenPostgres(Conninfo("postgres"));
  if (!admin.ok()) return "";
  if (!(*admin)->ExecuteScript("CREATE DATABASE " + name).ok()) return "";
  return Conninfo(name);
}

}  // namespace medtra::testing
