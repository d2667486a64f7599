// medtra users add NAME --role R | passwd NAME | list: the accounts of a review store. Passwords
// are read from stdin (never from the command line), without echo on a terminal.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "medtra/store/password.h"
#include "tools/medtra/store_options.h"

namespace medtra::cli {
namespace {

constexpr size_t kMinPasswordLength = 8;

struct UsersOptions {
  std::string name;
  std::string role;
  std::string store;
  bool password_stdin = false;
};

// One line of stdin; on a terminal, prompted on stderr with echo off.
std::string ReadPassword(const CommandContext& context) {
  const bool tty = context.in == &std::cin && isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (tty) {
    *context.err << "password: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(*context.in, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    *context.err << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The new password's hash, or "" after printing why there is none.
std::string NewPasswordHash(const CommandContext& context, const std::string& command) {
  const std::string password = ReadPassword(context);
  if (password.size() < kMinPasswordLength) {
    *context.err << "medtra: " << command << ": the password (read from stdin) needs at least "
                 << kMinPasswordLength << " characters\n";
    return "";
  }
  Result<std::string> hash = store::HashPassword(password);
  if (!hash.ok()) {
    *context.err << "medtra: " << command << ": " << hash.message() << "\n";
    return "";
  }
  return *hash;
}

void Add(const UsersOptions& options, const CommandContext& context) {
  *context.exit_code = kExitInput;
  const std::optional<store::Role> role = store::ParseRole(options.role);
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "users add", options.store, ".", true);
  if (!role || !store) return;
  const std::string hash = NewPasswordHash(context, "users add");
  if (hash.empty()) return;
  if (Status status = store->AddUser(CliActor(), {options.name, *role, hash, ""}); !status.ok()) {
    *context.err << "medtra: users add: " << status.message() << "\n";
    return;
  }
  *context.err << "added " << options.role << " '" << options.name << "'\n";
  *context.exit_code = kExitOk;
}

void Passwd(const UsersOptions& options, const CommandContext& context) {
  *context.exit_code = kExitInput;
  std::optional<store::Role> role;
  if (!options.role.empty()) role = store::ParseRole(options.role);
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "users set", options.store, ".", false);
  if (!store) return;
  const std::string hash = options.password_stdin ? NewPasswordHash(context, "users set") : "";
  if (options.password_stdin && hash.empty()) return;
  if (Status status = store->UpdateUser(CliActor(), options.name, role, hash); !status.ok()) {
    *context.err << "medtra: users set: " << status.message() << "\n";
    return;
  }
  *context.exit_code = kExitOk;
}

void List(const UsersOptions& options, const CommandContext& context) {
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "users list", options.store, ".", false);
  Result<std::vector<store::User>> users =
      store ? store->Users() : Result<std::vector<store::User>>::Error("");
  if (!users.ok()) {
    if (store) *context.err << "medtra: users list: " << users.message() << "\n";
    *context.exit_code = kExitInput;
    return;
  }
  for (const store::User& u : *users) {
    *context.out << u.name << " " << store::RoleName(u.role) << " " << u.created_at << "\n";
  }
  *context.exit_code = kExitOk;
}

}  // namespace

void SetupUsersCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* group = app.add_subcommand("users", "the accounts of a review store");
  group->require_subcommand(1);
  const std::vector<std::string> roles = {"viewer", "editor", "approver"};

  auto add_options = std::make_shared<UsersOptions>();
  CLI::App* add = group->add_subcommand("add", "add an account (password read from stdin)");
  add->add_option("NAME", add_options->name, "account name")->required();
  add->add_option("--role", add_options->role, "viewer|editor|approver")
      ->required()
      ->check(CLI::IsMember(roles));
  add->add_flag("--password-stdin", add_options->password_stdin,
                "read the password from stdin (always the case; never give it as an argument)");
  AddStoreOption(add, &add_options->store);
  add->callback([add_options, context] { Add(*add_options, context); });

  auto set_options = std::make_shared<UsersOptions>();
  CLI::App* set = group->add_subcommand("set", "change an account's role or password");
  set->add_option("NAME", set_options->name, "account name")->required();
  set->add_option("--role", set_options->role, "viewer|editor|approver")
      ->check(CLI::IsMember(roles));
  set->add_flag("--password-stdin", set_options->password_stdin, "read a new password from stdin");
  AddStoreOption(set, &set_options->store);
  set->callback([set_options, context] { Passwd(*set_options, context); });

  auto list_options = std::make_shared<UsersOptions>();
  CLI::App* list = group->add_subcommand("list", "list the accounts and roles");
  AddStoreOption(list, &list_options->store);
  list->callback([list_options, context] { List(*list_options, context); });
}

}  // namespace medtra::cli
