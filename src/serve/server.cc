// Server: cpp-httplib wiring, the JSON API and the compiled-in pages. The only translation unit
// of the library that includes httplib.h.
#include "medtra/serve/server.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "medtra/store/decisions_file.h"
#include "medtra/store/records_json.h"
#include "serve/assets.h"
#include "serve/auth.h"
#include "serve/watcher.h"

namespace medtra::serve {
namespace {

using Json = nlohmann::ordered_json;

void Reply(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void Fail(httplib::Response& res, int status, const std::string& message) {
  Reply(res, status, {{"error", message}});
}

// The request's JSON object, or null after replying 400/415.
std::optional<nlohmann::json> Body(const httplib::Request& req, httplib::Response& res) {
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    Fail(res, 415, "send the request as application/json");
    return std::nullopt;
  }
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (!body.is_object()) {
    Fail(res, 400, "the request body is not a JSON object");
    return std::nullopt;
  }
  return body;
}

std::string Text(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

bool AtLeast(store::Role role, store::Role needed) {
  return static_cast<int>(role) >= static_cast<int>(needed);
}

}  // namespace

void AddSources(const std::vector<Diagnostic>& findings, const FileSystem& fs, Snapshot* snapshot) {
  for (const Diagnostic& d : findings) {
    const std::string& file = d.location.file;
    if (file.empty() || snapshot->sources.contains(file)) continue;
    Result<std::string> text = fs.ReadFile(file, 8u << 20);
    if (text.ok()) snapshot->sources.emplace(file, std::move(*text));
  }
}

bool IsLoopback(const std::string& address) {
  if (address == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, address.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

bool LoopbackHost(const std::string& host) {
  // "name", "name:port", "[v6]" or "[v6]:port"; the name is what the browser was pointed at.
  std::string name = host;
  if (!name.empty() && name.front() == '[') {
    const size_t close = name.find(']');
    if (close == std::string::npos) return false;
    const std::string rest = name.substr(close + 1);
    if (!rest.empty() &&
        (rest[0] != ':' || rest.find_first_not_of("0123456789", 1) != std::string::npos)) {
      return false;
    }
    name = name.substr(1, close - 1);
  } else if (const size_t colon = name.find(':'); colon != std::string::npos) {
    if (name.find_first_not_of("0123456789", colon + 1) != std::string::npos) return false;
    name.resize(colon);
  }
  return IsLoopback(name);
}

struct Server::Impl {
  Impl(store::Store& s, FileSystem& f, const Clock& c, Analyzer a, ServerOptions o)
      : store(s),
        fs(f),
        clock(c),
        analyzer(std::move(a)),
        options(std::move(o)),
        auth(s, c,
             {options.session_seconds, options.login_attempts, options.login_window_seconds}) {}

  std::shared_ptr<const Snapshot> Current() const {
    std::lock_guard lock(snapshot_mutex);
    return snapshot;
  }

  uint64_t Reanalyze() {
    std::lock_guard analyzing(analyze_mutex);
    auto next = std::make_shared<const Snapshot>(analyzer());
    std::lock_guard lock(snapshot_mutex);
    snapshot = std::move(next);
    return ++revision;
  }

  bool Anonymous() {
    if (!IsLoopback(options.bind)) return false;
    Result<std::vector<store::User>> users = store.Users();
    return users.ok() && users->empty();
  }

  // The caller of a GET; replies 401 when there is none.
  std::optional<Caller> Reader(const httplib::Request& req, httplib::Response& res) {
    Caller caller = auth.Authenticate(req.get_header_value("Cookie"), Anonymous());
    if (!caller.ok()) {
      Fail(res, caller.status, caller.error);
      return std::nullopt;
    }
    return caller;
  }

  // The caller of a state-changing request: a session, its CSRF token and the role.
  std::optional<Caller> Writer(const httplib::Request& req, httplib::Response& res,
                               store::Role needed) {
    Caller caller = auth.Authenticate(req.get_header_value("Cookie"), false);
    if (!caller.ok()) {
      Fail(res, caller.status, caller.error);
      return std::nullopt;
    }
    if (!Auth::CsrfMatches(caller, req.get_header_value("X-CSRF-Token"))) {
      Fail(res, 403, "missing or wrong CSRF token");
      return std::nullopt;
    }
    if (!AtLeast(caller.role, needed)) {
      Fail(res, 403, std::string("this needs the role ") + store::RoleName(needed) + " or higher");
      return std::nullopt;
    }
    return caller;
  }

  void Routes();
  void Login(const httplib::Request& req, httplib::Response& res);
  void PostDecision(const httplib::Request& req, httplib::Response& res);
  void PostApproval(const httplib::Request& req, httplib::Response& res);
  void GetThreat(const httplib::Request& req, httplib::Response& res);
  void GetAudit(const httplib::Request& req, httplib::Response& res);
  // One of the snapshot's drawings as SVG, or 404 with the reason there is none.
  void GetDrawing(const httplib::Request& req, httplib::Response& res, Drawing Snapshot::*drawing);
  // Writes decisions.yaml and re-analyses; "" or the reason it failed.
  std::string ExportAndReanalyze(const std::string& actor);

  store::Store& store;
  FileSystem& fs;
  const Clock& clock;
  Analyzer analyzer;
  ServerOptions options;
  Auth auth;
  std::unique_ptr<httplib::Server> http;
  std::thread listener;
  std::unique_ptr<ModelWatcher> watcher;
  int bound_port = 0;
  mutable std::mutex snapshot_mutex;
  std::shared_ptr<const Snapshot> snapshot;
  std::atomic<uint64_t> revision{0};
  std::mutex analyze_mutex;
  std::mutex export_mutex;
};

void Server::Impl::Login(const httplib::Request& req, httplib::Response& res) {
  std::optional<nlohmann::json> body = Body(req, res);
  if (!body) return;
  const LoginResult login =
      auth.LogIn(req.remote_addr, Text(*body, "user"), Text(*body, "password"));
  if (login.status != 200) return Fail(res, login.status, login.error);
  std::string cookie =
      std::string(kSessionCookie) + "=" + login.token +
      "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(options.session_seconds);
  if (!options.tls_cert.empty()) cookie += "; Secure";
  res.set_header("Set-Cookie", cookie);
  Reply(res, 200,
        {{"user", login.caller.user},
         {"role", store::RoleName(login.caller.role)},
         {"csrf", login.caller.csrf_token}});
}

std::string Server::Impl::ExportAndReanalyze(const std::string& actor) {
  if (options.model_dir.empty()) return "";
  std::lock_guard lock(export_mutex);
  const std::shared_ptr<const Snapshot> now = Current();
  if (!now || !now->model) return "the model does not load";
  std::string previous;
  Result<store::DecisionsFile> file =
      store::ExportDecisions(store, fs, *now->model, options.model_dir, actor, &previous);
  if (!file.ok()) return file.message();
  Reanalyze();
  if (Current()->error.empty()) return "";
  const std::string path = JoinPath(options.model_dir, store::kDecisionsFileName);
  if (previous.empty()) {
    std::error_code error;
    std::filesystem::remove(path, error);
  } else {
    (void)fs.WriteFileAtomic(path, previous);
  }
  Reanalyze();
  return "the model would not load with the new decisions.yaml; it was left as it was";
}

void Server::Impl::PostDecision(const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = Writer(req, res, store::Role::kEditor);
  if (!caller) return;
  std::optional<nlohmann::json> body = Body(req, res);
  if (!body) return;
  const std::shared_ptr<const Snapshot> now = Current();
  if (!now->error.empty()) return Fail(res, 503, "the model does not load:\n" + now->error);
  store::Decision d;
  d.threat = Text(*body, "threat");
  d.status = Text(*body, "status");
  d.justification = Text(*body, "justification");
  d.risk = Text(*body, "risk");
  if (const auto m = body->find("measures"); m != body->end() && m->is_array()) {
    for (const auto& id : *m) {
      if (id.is_string() && !id.get<std::string>().empty()) d.measures.push_back(id);
    }
  }
  d.actor = caller->user;
  d.report_id = now->report_id;
  if (now->explanations.count(d.threat) == 0) {
    return Fail(res, 404, "no threat '" + d.threat + "' is derived from the model");
  }
  if (const std::string problem = store::DecisionProblem(*now->model, d); !problem.empty()) {
    return Fail(res, 422, problem);
  }
  if (Status status = store.PutDecision(d); !status.ok()) return Fail(res, 500, status.message());
  if (const std::string problem = ExportAndReanalyze(caller->user); !problem.empty()) {
    return Fail(res, 500, "the decision is stored, but " + problem);
  }
  Reply(res, 200, {{"threat", d.threat}, {"status", d.status}, {"revision", revision.load()}});
}

void Server::Impl::PostApproval(const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = Writer(req, res, store::Role::kApprover);
  if (!caller) return;
  std::optional<nlohmann::json> body = Body(req, res);
  if (!body) return;
  const std::shared_ptr<const Snapshot> now = Current();
  if (!now->error.empty()) return Fail(res, 503, "the model does not load");
  store::Approval a;
  a.signer = caller->user;
  a.printed_name = Text(*body, "printed_name");
  a.meaning = Text(*body, "meaning");
  a.report_id = now->report_id;
  if (a.printed_name.empty()) return Fail(res, 422, "a signature needs the printed name");
  if (a.meaning != "review" && a.meaning != "approval" && a.meaning != "responsibility") {
    return Fail(res, 422, "the meaning of a signature is review, approval or responsibility");
  }
  const std::string seen = Text(*body, "report_id");
  if (!seen.empty() && seen != now->report_id) {
    return Fail(res, 409, "the report changed since it was loaded; review it again");
  }
  std::string error;
  if (const int status =
          auth.Reauthenticate(req.remote_addr, caller->user, Text(*body, "password"), &error);
      status != 200) {
    return Fail(res, status, error);
  }
  Result<store::Approval> signed_approval = store.AddApproval(a);
  if (!signed_approval.ok()) return Fail(res, 500, signed_approval.message());
  Reply(res, 200, store::ToJson(*signed_approval));
}

void Server::Impl::GetThreat(const httplib::Request& req, httplib::Response& res) {
  if (!Reader(req, res)) return;
  const std::string id = req.matches[1];
  const std::shared_ptr<const Snapshot> now = Current();
  const auto it = now->explanations.find(id);
  if (it == now->explanations.end()) return Fail(res, 404, "no threat '" + id + "'");
  Json out = {{"explanation", Json::parse(it->second, nullptr, false)},
              {"decision", nullptr},
              {"decided_elsewhere", store::DecidedElsewhere(*now->model, id)}};
  Result<std::vector<store::Decision>> decisions = store.Decisions();
  if (decisions.ok()) {
    for (const store::Decision& d : *decisions) {
      if (d.threat == id) out["decision"] = store::ToJson(d);
    }
  }
  Reply(res, 200, out);
}

void Server::Impl::GetAudit(const httplib::Request& req, httplib::Response& res) {
  if (!Reader(req, res)) return;
  Result<std::vector<store::AuditEntry>> entries = store.AuditEntries();
  if (!entries.ok()) return Fail(res, 500, entries.message());
  Json list = Json::array();
  for (const store::AuditEntry& e : *entries) list.push_back(store::ToJson(e));
  const std::optional<std::string> problem = store::VerifyAuditChain(*entries);
  Reply(res, 200, {{"verified", problem ? *problem : "intact"}, {"entries", list}});
}

void Server::Impl::GetDrawing(const httplib::Request& req, httplib::Response& res,
                              Drawing Snapshot::*drawing) {
  if (!Reader(req, res)) return;
  const std::shared_ptr<const Snapshot> now = Current();
  const Drawing& d = (*now).*drawing;
  if (d.svg.empty()) return Fail(res, 404, d.problem.empty() ? "no diagram" : d.problem);
  res.set_content(d.svg, "image/svg+xml");
}

void Server::Impl::Routes() {
  httplib::Server& s = *http;
  // Served on loopback, a request must name a loopback host: a web page whose name an attacker
  // rebinds to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
  if (IsLoopback(options.bind)) {
    s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      if (LoopbackHost(req.get_header_value("Host")))
        return httplib::Server::HandlerResponse::Unhandled;
      Fail(res, 421, "this server answers only requests for localhost, 127.0.0.1 or [::1]");
      return httplib::Server::HandlerResponse::Handled;
    });
  }
  s.Post("/api/login", [this](const auto& req, auto& res) { Login(req, res); });
  s.Post("/api/logout", [this](const auto& req, auto& res) {
    if (!Writer(req, res, store::Role::kViewer)) return;
    auth.LogOut(req.get_header_value("Cookie"));
    res.set_header("Set-Cookie",
                   std::string(kSessionCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    Reply(res, 200, {{"ok", true}});
  });
  s.Get("/api/session", [this](const auto& req, auto& res) {
    std::optional<Caller> caller = Reader(req, res);
    if (!caller) return;
    Reply(res, 200,
          {{"user", caller->user},
           {"role", store::RoleName(caller->role)},
           {"csrf", caller->csrf_token},
           {"anonymous", caller->anonymous}});
  });
  s.Get("/api/revision", [this](const auto& req, auto& res) {
    if (!Reader(req, res)) return;
    const std::shared_ptr<const Snapshot> now = Current();
    Reply(res, 200,
          {{"revision", revision.load()}, {"report_id", now->report_id}, {"error", now->error}});
  });
  s.Get("/api/report", [this](const auto& req, auto& res) {
    if (!Reader(req, res)) return;
    const std::shared_ptr<const Snapshot> now = Current();
    if (!now->error.empty()) return Fail(res, 503, "the model does not load:\n" + now->error);
    res.set_header("X-Medtra-Revision", std::to_string(revision.load()));
    res.set_content(now->report_json, "application/json; charset=utf-8");
  });
  s.Get("/api/sdl", [this](const auto& req, auto& res) {
    if (!Reader(req, res)) return;
    const std::shared_ptr<const Snapshot> now = Current();
    if (now->sdl_json.empty()) return Fail(res, 404, "no SDL plan");
    res.set_content(now->sdl_json, "application/json; charset=utf-8");
  });
  s.Get("/api/dfd.svg",
        [this](const auto& req, auto& res) { GetDrawing(req, res, &Snapshot::dfd); });
  s.Get("/api/paths.svg",
        [this](const auto& req, auto& res) { GetDrawing(req, res, &Snapshot::paths); });
  s.Get("/api/reach.svg",
        [this](const auto& req, auto& res) { GetDrawing(req, res, &Snapshot::reach); });
  s.Get(R"(/api/threats/(.+))", [this](const auto& req, auto& res) { GetThreat(req, res); });
  s.Get("/api/decisions", [this](const auto& req, auto& res) {
    if (!Reader(req, res)) return;
    Result<std::vector<store::Decision>> decisions = store.Decisions();
    if (!decisions.ok()) return Fail(res, 500, decisions.message());
    Json list = Json::array();
    for (const store::Decision& d : *decisions) list.push_back(store::ToJson(d));
    Reply(res, 200, list);
  });
  s.Post("/api/decisions", [this](const auto& req, auto& res) { PostDecision(req, res); });
  s.Get("/api/approvals", [this](const auto& req, auto& res) {
    if (!Reader(req, res)) return;
    Result<std::vector<store::Approval>> approvals = store.Approvals();
    if (!approvals.ok()) return Fail(res, 500, approvals.message());
    Json list = Json::array();
    for (const store::Approval& a : *approvals) list.push_back(store::ToJson(a));
    Reply(res, 200, list);
  });
  s.Post("/api/approvals", [this](const auto& req, auto& res) { PostApproval(req, res); });
  s.Get("/api/audit", [this](const auto& req, auto& res) { GetAudit(req, res); });
  // A file a finding points at, by the finding's file name; no other path is ever read.
  s.Get("/api/source", [this](const httplib::Request& req, httplib::Response& res) {
    if (!Reader(req, res)) return;
    const std::shared_ptr<const Snapshot> now = Current();
    const auto it = now->sources.find(req.get_param_value("path"));
    if (it == now->sources.end()) {
      Fail(res, 404, "no finding points at this file");
      return;
    }
    res.set_content(it->second, "text/plain; charset=utf-8");
  });
  s.Get("/api/.*", [](const auto&, auto& res) { Fail(res, 404, "no such API"); });
  // Everything else is one of the compiled-in files, looked up by exact path: no file system.
  s.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
    const Asset* asset = FindAsset(req.path);
    if (asset == nullptr) {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
  });
  s.set_post_routing_handler([](const auto&, auto& res) {
    res.set_header(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
  });
}

Server::Server(store::Store& store, FileSystem& fs, const Clock& clock, Analyzer analyzer,
               ServerOptions options)
    : impl_(std::make_unique<Impl>(store, fs, clock, std::move(analyzer), std::move(options))) {}

Server::~Server() {
  Stop();
  impl_->watcher.reset();
}

Status Server::Start() {
  Impl& s = *impl_;
  const ServerOptions& o = s.options;
  const bool tls = !o.tls_cert.empty() || !o.tls_key.empty();
  if (tls && (o.tls_cert.empty() || o.tls_key.empty())) {
    return Status::Error("TLS needs both --tls-cert and --tls-key");
  }
  if (!IsLoopback(o.bind)) {
    Result<std::vector<store::User>> users = s.store.Users();
    if (!tls || !users.ok() || users->empty()) {
      return Status::Error(
          "binding " + o.bind +
          " (not a loopback address) needs TLS (--tls-cert and --tls-key) and at least one "
          "account (medtra users add); without them only 127.0.0.1 is served");
    }
  }
  s.Reanalyze();
  if (tls) {
    auto ssl = std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
    if (!ssl->is_valid()) {
      return Status::Error("cannot load the TLS certificate " + o.tls_cert + " and key " +
                           o.tls_key);
    }
    s.http = std::move(ssl);
  } else {
    s.http = std::make_unique<httplib::Server>();
  }
  s.http->set_payload_max_length(o.max_body_bytes);
  s.http->set_read_timeout(o.read_timeout_seconds, 0);
  s.http->set_write_timeout(o.read_timeout_seconds, 0);
  s.http->set_keep_alive_timeout(o.read_timeout_seconds);
  s.Routes();
  if (o.port == 0) {
    s.bound_port = s.http->bind_to_any_port(o.bind);
  } else {
    s.bound_port = s.http->bind_to_port(o.bind, o.port) ? o.port : -1;
  }
  if (s.bound_port <= 0) {
    return Status::Error("cannot listen on " + o.bind + ":" + std::to_string(o.port));
  }
  s.listener = std::thread([&s] { s.http->listen_after_bind(); });
  if (!o.model_dir.empty()) {
    std::vector<std::string> folders = {o.model_dir, JoinPath(o.model_dir, "evidence"),
                                        JoinPath(o.model_dir, "rules")};
    s.watcher = std::make_unique<ModelWatcher>(folders, [&s] { s.Reanalyze(); });
    if (Status status = s.watcher->Start(); !status.ok()) return status;
  }
  return Status::Ok();
}

void Server::Wait() {
  if (impl_->listener.joinable()) impl_->listener.join();
}

void Server::Stop() {
  if (impl_->http) impl_->http->stop();
  Wait();
}

int Server::port() const { return impl_->bound_port; }
uint64_t Server::Reanalyze() { return impl_->Reanalyze(); }
uint64_t Server::revision() const { return impl_->revision.load(); }

}  // namespace medtra::serve
