// Auth: sessions are stored by the SHA-256 of their token, so the store never holds a usable one.
#include "serve/auth.h"

#include <openssl/crypto.h>

#include "medtra/base/sha256.h"
#include "medtra/store/password.h"

namespace medtra::serve {

std::string CookieValue(const std::string& header, const std::string& name) {
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    const size_t end = std::min(header.find(';', pos), header.size());
    const std::string part = header.substr(pos, end - pos);
    const size_t eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    pos = end;
  }
  return "";
}

Auth::Auth(store::Store& store, const Clock& clock, AuthOptions options)
    : store_(store), clock_(clock), options_(options) {
  dummy_hash_ = store::HashPassword("not a password of anyone").value();
}

bool Auth::Limited(const std::string& client) {
  std::lock_guard lock(mutex_);
  std::deque<int64_t>& times = failures_[client];
  const int64_t now = clock_.NowUnixSeconds();
  while (!times.empty() && times.front() <= now - options_.login_window_seconds) {
    times.pop_front();
  }
  return times.size() >= options_.login_attempts;
}

void Auth::Failed(const std::string& client) {
  std::lock_guard lock(mutex_);
  failures_[client].push_back(clock_.NowUnixSeconds());
}

bool Auth::CheckPassword(const std::optional<store::User>& user,
                         const std::string& password) const {
  const bool match = store::VerifyPassword(password, user ? user->password_hash : dummy_hash_);
  return user.has_value() && match;
}

LoginResult Auth::LogIn(const std::string& client, const std::string& name,
                        const std::string& password) {
  LoginResult result;
  if (Limited(client)) {
    result.status = 429;
    result.error = "too many failed logins; wait and try again";
    return result;
  }
  Result<std::optional<store::User>> user = store_.FindUser(name);
  if (!user.ok()) {
    result.status = 500;
    result.error = user.message();
    return result;
  }
  if (!CheckPassword(*user, password)) {
    Failed(client);
    result.error = "wrong name or password";
    return result;
  }
  Result<std::string> token = store::RandomHex(32);
  Result<std::string> csrf = store::RandomHex(32);
  if (!token.ok() || !csrf.ok()) {
    result.status = 500;
    result.error = "the random generator failed";
    return result;
  }
  (void)store_.DeleteExpiredSessions(clock_.NowUnixSeconds());
  const store::Session session{name, *csrf, clock_.NowUnixSeconds() + options_.session_seconds};
  if (Status status = store_.CreateSession(Sha256Hex(*token), session); !status.ok()) {
    result.status = 500;
    result.error = status.message();
    return result;
  }
  result.status = 200;
  result.error.clear();
  result.token = *token;
  result.caller = {200, "", name, (*user)->role, *csrf, false};
  return result;
}

Caller Auth::Authenticate(const std::string& cookie_header, bool anonymous_viewer) {
  Caller caller;
  const std::string token = CookieValue(cookie_header, kSessionCookie);
  if (token.empty()) {
    if (anonymous_viewer) caller = {200, "", "anonymous", store::Role::kViewer, "", true};
    return caller;
  }
  Result<std::optional<store::Session>> session = store_.FindSession(Sha256Hex(token));
  if (!session.ok() || !session->has_value() || (*session)->expires_at <= clock_.NowUnixSeconds()) {
    caller.error = "the session has ended; log in again";
    return caller;
  }
  Result<std::optional<store::User>> user = store_.FindUser((*session)->user);
  if (!user.ok() || !user->has_value()) return caller;
  return {200, "", (*session)->user, (*user)->role, (*session)->csrf_token, false};
}

void Auth::LogOut(const std::string& cookie_header) {
  const std::string token = CookieValue(cookie_header, kSessionCookie);
  if (!token.empty()) (void)store_.DeleteSession(Sha256Hex(token));
}

bool Auth::CsrfMatches(const Caller& caller, const std::string& header) {
  return !caller.csrf_token.empty() && header.size() == caller.csrf_token.size() &&
         CRYPTO_memcmp(header.data(), caller.csrf_token.data(), header.size()) == 0;
}

int Auth::Reauthenticate(const std::string& client, const std::string& name,
                         const std::string& password, std::string* error) {
  if (Limited(client)) {
    *error = "too many failed attempts; wait and try again";
    return 429;
  }
  Result<std::optional<store::User>> user = store_.FindUser(name);
  if (!user.ok()) {
    *error = user.message();
    return 500;
  }
  if (!CheckPassword(*user, password)) {
    Failed(client);
    *error = "the password is wrong; the signature was not recorded";
    return 401;
  }
  return 200;
}

}  // namespace medtra::serve
