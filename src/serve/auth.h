// Auth: logins (with per-client rate limiting), sessions behind an HttpOnly cookie, CSRF tokens
// and roles. Knows nothing of HTTP beyond the cookie header's text.
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "medtra/base/clock.h"
#include "medtra/store/store.h"

namespace medtra::serve {

inline constexpr char kSessionCookie[] = "medtra_session";

struct AuthOptions {
  int64_t session_seconds = 8 * 3600;
  size_t login_attempts = 5;  ///< failed logins per client within the window
  int64_t login_window_seconds = 300;
};

/// Who makes a request, or why nobody is known (status 401).
struct Caller {
  int status = 401;
  std::string error = "log in first";
  std::string user;
  store::Role role = store::Role::kViewer;
  std::string csrf_token;
  bool anonymous = false;  ///< a loopback server without accounts: read-only, no POSTs
  bool ok() const { return status == 200; }
};

struct LoginResult {
  int status = 401;  ///< 200, 401 (wrong name or password), 429 (too many attempts), 500
  std::string error;
  std::string token;  ///< the cookie value
  Caller caller;
};

class Auth {
 public:
  Auth(store::Store& store, const Clock& clock, AuthOptions options);

  LoginResult LogIn(const std::string& client, const std::string& user,
                    const std::string& password);
  /// The caller of a request with this Cookie header. `anonymous_viewer`: without a session, a
  /// read-only anonymous caller instead of 401.
  Caller Authenticate(const std::string& cookie_header, bool anonymous_viewer);
  void LogOut(const std::string& cookie_header);
  /// Whether `header` (X-CSRF-Token) is the caller's token, compared in constant time.
  static bool CsrfMatches(const Caller& caller, const std::string& header);
  /// The password asked again for a signature; failures count against the client as logins do.
  int Reauthenticate(const std::string& client, const std::string& user,
                     const std::string& password, std::string* error);

 private:
  bool Limited(const std::string& client);
  void Failed(const std::string& client);
  bool CheckPassword(const std::optional<store::User>& user, const std::string& password) const;

  store::Store& store_;
  const Clock& clock_;
  AuthOptions options_;
  std::string dummy_hash_;  ///< checked for unknown names, so they take as long as known ones
  std::mutex mutex_;
  std::map<std::string, std::deque<int64_t>> failures_;
};

/// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(const std::string& header, const std::string& name);

}  // namespace medtra::serve
