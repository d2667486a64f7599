// The review server in-process on 127.0.0.1 and an ephemeral port, driven with httplib::Client:
// sessions, CSRF, roles, signatures, path traversal, body limits, slow clients, live re-analysis.
#include "medtra/serve/server.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/report/document.h"
#include "medtra/report/sdl_render.h"
#include "medtra/store/decisions_file.h"
#include "medtra/store/password.h"
#include "serve/assets.h"
#include "tests/testing/model_fixture.h"
#include "tests/testing/run_command.h"

namespace medtra::serve {
namespace {

using nlohmann::json;

constexpr store::KdfParams kFastKdf{1 << 10, 8, 1};

// A model whose names hold markup, analysed for real (built-in rules, no evidence), with its
// drawings laid out as `medtra serve` lays them out.
Snapshot AnalyzeFolder(const std::string& dir, const report::DfdOptions& drawing, int* calls) {
  ++*calls;
  RealFileSystem fs;
  DiagnosticSink sink;
  std::shared_ptr<const model::SystemModel> model = model::LoadModel(fs, dir, sink, nullptr);
  Snapshot snapshot;
  if (!model) {
    snapshot.error = RenderTextAll(sink, nullptr);
    return snapshot;
  }
  const analysis::Analysis result = analysis::Analyze(*model, {});
  snapshot.report_json = report::RenderJson(result);
  snapshot.report_id = result.report_id;
  snapshot.sdl_json = report::RenderSdlJson(result.sdl);
  for (const rules::Threat& t : result.threats) {
    snapshot.explanations[t.id] = json({{"id", t.id}, {"title", t.title}}).dump();
  }
  snapshot.model = model;
  AddDrawings(result, drawing, &snapshot);
  AddSources(result.findings, fs, &snapshot);
  return snapshot;
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/medtra-serve-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    dir_ = templ;
    std::string model = testing::MinimalModel();
    model.replace(model.find("name: Pump"), 10, "name: \"<script>alert(1)</script>\"");
    std::ofstream(dir_ + "/model.yaml") << model;
    Result<std::unique_ptr<store::Store>> store = store::Store::Open(dir_, clock_, true);
    ASSERT_TRUE(store.ok()) << store.message();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    server_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void AddUser(const std::string& name, store::Role role) {
    ASSERT_TRUE(
        store_
            ->AddUser("test", {name, role, *store::HashPassword(name + "-password", kFastKdf), ""})
            .ok());
  }

  void StartServer(ServerOptions options = {}) {
    options.port = 0;
    if (options.model_dir.empty()) options.model_dir = dir_;
    options.read_timeout_seconds = 1;
    server_ = std::make_unique<Server>(
        *store_, fs_, clock_,
        [this] { return AnalyzeFolder(folder_.empty() ? dir_ : folder_, drawing_, &analyses_); },
        options);
    const Status status = server_->Start();
    ASSERT_TRUE(status.ok()) << status.message();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(5, 0);
  }

  // Logs in; returns the session cookie header and the CSRF token.
  std::pair<std::string, std::string> LogIn(const std::string& name) {
    auto res =
        client_->Post("/api/login", json({{"user", name}, {"password", name + "-password"}}).dump(),
                      "application/json");
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no response");
    if (!res || res->status != 200) return {};
    const std::string cookie = res->get_header_value("Set-Cookie");
    return {cookie.substr(0, cookie.find(';')), json::parse(res->body)["csrf"]};
  }

  httplib::Result Post(const std::string& path, const json& body,
                       const std::pair<std::string, std::string>& session,
                       const std::string& csrf_override = "\x01") {
    httplib::Headers headers = {
        {"Cookie", session.first},
        {"X-CSRF-Token", csrf_override == "\x01" ? session.second : csrf_override}};
    return client_->Post(path.c_str(), headers, body.dump(), "application/json");
  }

  httplib::Result Get(const std::string& path, const std::string& cookie = "") {
    return client_->Get(path.c_str(), {{"Cookie", cookie}});
  }

  // The first threat that is open (so that a decision changes its status).
  std::string FirstThreat() {
    const json report = json::parse(Get("/api/report", cookie_)->body);
    for (const json& t : report["threats"]) {
      if (t["status"] == "open") return t["id"];
    }
    return report["threats"][0]["id"];
  }

  ManualClock clock_{1796280000};
  RealFileSystem fs_;
  std::string dir_;
  std::string folder_;  ///< the model analysed when not dir_ (an example, never written to)
  report::DfdOptions drawing_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::string cookie_;
  int analyses_ = 0;
};

TEST_F(ServeTest, WithoutASessionTheApiRefuses) {
  AddUser("ed", store::Role::kEditor);
  StartServer();
  for (const char* path : {"/api/report", "/api/session", "/api/audit", "/api/decisions",
                           "/api/threats/x", "/api/approvals", "/api/revision"}) {
    auto res = Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << path;
  }
  auto res = client_->Post("/api/decisions", R"({"threat":"x"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  res = Get("/api/report", "medtra_session=0123456789abcdef");
  EXPECT_EQ(res->status, 401);
}

TEST_F(ServeTest, TheReportIsTheAnalyzeJsonWithItsRevision) {
  AddUser("vi", store::Role::kViewer);
  StartServer();
  cookie_ = LogIn("vi").first;
  auto res = Get("/api/report", cookie_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-Medtra-Revision"), "1");
  const json report = json::parse(res->body);
  EXPECT_EQ(report["format"], "medtra-report");
  // Markup in model text stays data: JSON, not sniffed as HTML, under a strict CSP.
  EXPECT_EQ(report["system"]["name"], "<script>alert(1)</script>");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(json::parse(Get("/api/sdl", cookie_)->body)["format"], "medtra-sdl");
}

TEST_F(ServeTest, TheSessionCookieIsHttpOnlyAndStrict) {
  AddUser("vi", store::Role::kViewer);
  StartServer();
  auto res =
      client_->Post("/api/login", R"({"user":"vi","password":"vi-password"})", "application/json");
  ASSERT_TRUE(res);
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // no TLS here
  EXPECT_EQ(cookie.rfind("medtra_session=", 0), 0u);
}

TEST_F(ServeTest, ASessionEndsAfterEightHours) {
  AddUser("vi", store::Role::kViewer);
  StartServer();
  cookie_ = LogIn("vi").first;
  EXPECT_EQ(Get("/api/session", cookie_)->status, 200);
  clock_.Advance(8 * 3600);
  EXPECT_EQ(Get("/api/session", cookie_)->status, 401);
}

TEST_F(ServeTest, FailedLoginsAreRateLimitedPerClient) {
  AddUser("vi", store::Role::kViewer);
  StartServer();
  for (int i = 0; i < 5; ++i) {
    auto res =
        client_->Post("/api/login", R"({"user":"vi","password":"wrong"})", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
  }
  auto res =
      client_->Post("/api/login", R"({"user":"vi","password":"vi-password"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  clock_.Advance(301);  // the window passes
  res =
      client_->Post("/api/login", R"({"user":"vi","password":"vi-password"})", "application/json");
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServeTest, PostsNeedTheSessionsCsrfToken) {
  AddUser("ed", store::Role::kEditor);
  StartServer();
  const auto session = LogIn("ed");
  cookie_ = session.first;
  const json decision = {
      {"threat", FirstThreat()}, {"status", "accepted"}, {"justification", "low exposure"}};
  auto res = Post("/api/decisions", decision, session, "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  res = Post("/api/decisions", decision, session, std::string(64, 'a'));
  EXPECT_EQ(res->status, 403);
  res = Post("/api/decisions", decision, session);
  EXPECT_EQ(res->status, 200) << res->body;
  // A form post (not JSON) is refused even with the token.
  res = client_->Post("/api/decisions", {{"Cookie", cookie_}, {"X-CSRF-Token", session.second}},
                      "threat=x", "application/x-www-form-urlencoded");
  EXPECT_EQ(res->status, 415);
}

TEST_F(ServeTest, ADecisionIsStoredAuditedExportedAndReanalysed) {
  AddUser("ed", store::Role::kEditor);
  StartServer();
  const auto session = LogIn("ed");
  cookie_ = session.first;
  const std::string threat = FirstThreat();
  const json decision = {{"threat", threat},
                         {"status", "accepted"},
                         {"justification", "<img src=x onerror=alert(1)> is only text"}};
  auto res = Post("/api/decisions", decision, session);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::vector<store::Decision> stored = *store_->Decisions();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].actor, "ed");
  EXPECT_EQ(stored[0].justification, "<img src=x onerror=alert(1)> is only text");
  // decisions.yaml is in the model now, and the analysis sees the decision.
  std::ifstream file(dir_ + "/decisions.yaml");
  const std::string yaml((std::istreambuf_iterator<char>(file)), {});
  EXPECT_NE(yaml.find("\"" + threat + "\""), std::string::npos) << yaml;
  const json report = json::parse(Get("/api/report", cookie_)->body);
  for (const json& t : report["threats"]) {
    if (t["id"] == threat) {
      EXPECT_EQ(t["status"], "accepted");
    }
  }
  const std::vector<store::AuditEntry> audit = *store_->AuditEntries();
  ASSERT_GE(audit.size(), 3u);  // user.add, decision, decisions.export
  EXPECT_EQ(audit[1].action, "decision");
  EXPECT_EQ(audit[2].action, "decisions.export");
  const json trail = json::parse(Get("/api/audit", cookie_)->body);
  EXPECT_EQ(trail["verified"], "intact");
  // The threat page has the stored decision.
  const json page = json::parse(Get("/api/threats/" + threat, cookie_)->body);
  EXPECT_EQ(page["decision"]["status"], "accepted");
}

TEST_F(ServeTest, InvalidDecisionsAreRefused) {
  AddUser("ed", store::Role::kEditor);
  StartServer();
  const auto session = LogIn("ed");
  cookie_ = session.first;
  auto res = Post("/api/decisions",
                  {{"threat", "nope@x"}, {"status", "accepted"}, {"justification", "j"}}, session);
  EXPECT_EQ(res->status, 404);
  res = Post("/api/decisions", {{"threat", FirstThreat()}, {"status", "accepted"}}, session);
  EXPECT_EQ(res->status, 422);
  res =
      Post("/api/decisions",
           {{"threat", FirstThreat()}, {"status", "mitigated"}, {"measures", {"M-none"}}}, session);
  EXPECT_EQ(res->status, 422);
  EXPECT_TRUE(store_->Decisions()->empty());
}

TEST_F(ServeTest, AViewerCannotDecideAndAnEditorCannotSign) {
  AddUser("vi", store::Role::kViewer);
  AddUser("ed", store::Role::kEditor);
  StartServer();
  const auto viewer = LogIn("vi");
  cookie_ = viewer.first;
  auto res =
      Post("/api/decisions",
           {{"threat", FirstThreat()}, {"status", "accepted"}, {"justification", "j"}}, viewer);
  EXPECT_EQ(res->status, 403);
  const auto editor = LogIn("ed");
  res =
      Post("/api/approvals",
           {{"printed_name", "Ed"}, {"meaning", "approval"}, {"password", "ed-password"}}, editor);
  EXPECT_EQ(res->status, 403);
  EXPECT_TRUE(store_->Decisions()->empty());
  EXPECT_TRUE(store_->Approvals()->empty());
}

TEST_F(ServeTest, ASignatureAsksForThePasswordAndRecordsItsMeaning) {
  AddUser("qm", store::Role::kApprover);
  StartServer();
  const auto session = LogIn("qm");
  cookie_ = session.first;
  auto res = Post(
      "/api/approvals",
      {{"printed_name", "Quinn Manager"}, {"meaning", "approval"}, {"password", "wrong"}}, session);
  EXPECT_EQ(res->status, 401);
  res =
      Post("/api/approvals",
           {{"printed_name", "Quinn Manager"}, {"meaning", "liking"}, {"password", "qm-password"}},
           session);
  EXPECT_EQ(res->status, 422);
  res = Post("/api/approvals",
             {{"printed_name", "Quinn Manager"},
              {"meaning", "approval"},
              {"password", "qm-password"},
              {"report_id", "stale"}},
             session);
  EXPECT_EQ(res->status, 409);
  res = Post("/api/approvals",
             {{"printed_name", "Quinn Manager"},
              {"meaning", "responsibility"},
              {"password", "qm-password"}},
             session);
  ASSERT_EQ(res->status, 200) << res->body;
  const json signature = json::parse(res->body);
  EXPECT_EQ(signature["printed_name"], "Quinn Manager");
  EXPECT_EQ(signature["meaning"], "responsibility");
  EXPECT_EQ(signature["time"], "2026-12-03T06:40:00Z");
  const json report = json::parse(Get("/api/report", cookie_)->body);
  EXPECT_EQ(signature["report_id"], report["report_id"]);
}

TEST_F(ServeTest, RequestPathsNeverLeaveTheCompiledInAssets) {
  StartServer();
  for (const char* path :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/..%2f..%2f..%2fetc%2fpasswd", "/app.js/../../../etc/passwd", "//etc/passwd",
        "/%252e%252e%252fetc%252fpasswd", "/..\\..\\etc\\passwd", "/model.yaml",
        "/.medtra/store.sqlite", "/%2e%2e%2f.medtra%2fstore.sqlite"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " " << res->status;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("SQLite"), std::string::npos) << path;
  }
  auto res = client_->Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<title>medtra review</title>"), std::string::npos);
  EXPECT_EQ(client_->Get("/app.js")->status, 200);
}

TEST_F(ServeTest, TheScriptNeverParsesTextAsHtml) {
  const Asset* script = FindAsset("/app.js");
  ASSERT_NE(script, nullptr);
  for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                           "eval(", "new Function"}) {
    EXPECT_EQ(script->body.find(sink), std::string::npos) << sink;
  }
}

TEST_F(ServeTest, OversizedBodiesAreCutOff) {
  AddUser("ed", store::Role::kEditor);
  ServerOptions options;
  options.max_body_bytes = 1024;
  StartServer(options);
  const auto session = LogIn("ed");
  auto res = Post("/api/decisions", {{"threat", std::string(4096, 'x')}}, session);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

TEST_F(ServeTest, ASlowClientIsCutOff) {
  StartServer();
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server_->port()));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const char partial[] = "GET / HTTP/1.1\r\nHost: x\r\n";  // never finished
  ASSERT_GT(write(fd, partial, sizeof partial - 1), 0);
  timeval wait{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  const auto start = std::chrono::steady_clock::now();
  char buffer[256];
  const ssize_t n = read(fd, buffer, sizeof buffer);
  const auto waited = std::chrono::steady_clock::now() - start;
  close(fd);
  EXPECT_LE(n, 0 + static_cast<ssize_t>(sizeof buffer));  // closed (0) or an error reply
  EXPECT_LT(waited, std::chrono::seconds(5));
}

TEST(ServeAddressTest, OnlyLoopbackAddressesAreLoopback) {
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("127.1.2.3"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_TRUE(IsLoopback("localhost"));
  EXPECT_FALSE(IsLoopback("127.example.org"));
  EXPECT_FALSE(IsLoopback("128.0.0.1"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("::"));
  EXPECT_FALSE(IsLoopback(""));
  EXPECT_TRUE(LoopbackHost("127.0.0.1:8080"));
  EXPECT_TRUE(LoopbackHost("localhost"));
  EXPECT_TRUE(LoopbackHost("[::1]:80"));
  EXPECT_FALSE(LoopbackHost("attacker.example:8080"));
  EXPECT_FALSE(LoopbackHost("127.0.0.1.attacker.example"));
  EXPECT_FALSE(LoopbackHost("127.0.0.1:80x"));
  EXPECT_FALSE(LoopbackHost("[::1"));
  EXPECT_FALSE(LoopbackHost(""));
}

TEST_F(ServeTest, OnLoopbackARequestForAnotherHostIsRefused) {
  StartServer();
  auto res = client_->Get("/api/report", {{"Host", "attacker.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421);
  EXPECT_EQ(json::parse(res->body)["error"],
            "this server answers only requests for localhost, 127.0.0.1 or [::1]");
  res = client_->Get("/", {{"Host", "attacker.example:8080"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421);
  res = Get("/api/report");  // the client's own Host: 127.0.0.1:PORT
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServeTest, OnlyTheFilesFindingsPointAtAreShown) {
  StartServer();
  const json report = json::parse(Get("/api/report")->body);
  ASSERT_FALSE(report["findings"].empty());
  const std::string file = report["findings"][0]["file"];
  auto res = client_->Get("/api/source", httplib::Params{{"path", file}}, httplib::Headers{});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  std::ifstream in(file, std::ios::binary);
  EXPECT_EQ(res->body, std::string(std::istreambuf_iterator<char>(in), {}));
  for (const std::string& other : {std::string("/etc/passwd"), dir_ + "/../../etc/passwd",
                                   dir_ + "/.medtra/store.sqlite", std::string("")}) {
    res = client_->Get("/api/source", httplib::Params{{"path", other}}, httplib::Headers{});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << other;
  }
}

TEST_F(ServeTest, AnotherAddressNeedsTlsAndAnAccount) {
  ServerOptions options;
  options.bind = "0.0.0.0";
  server_ = std::make_unique<Server>(
      *store_, fs_, clock_, [this] { return AnalyzeFolder(dir_, drawing_, &analyses_); }, options);
  const Status status = server_->Start();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("needs TLS"), std::string::npos) << status.message();
}

TEST_F(ServeTest, TlsServesHttpsWithASecureCookieOnAnyAddress) {
  const std::string cert = dir_ + "/cert.pem";
  const std::string key = dir_ + "/key.pem";
  const testing::CommandResult made =
      testing::RunCommand({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                           key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"});
  if (made.exit_code != 0) GTEST_SKIP() << "the openssl command is missing: " << made.err;
  AddUser("vi", store::Role::kViewer);
  ServerOptions options;
  options.bind = "0.0.0.0";  // allowed: TLS and an account
  options.tls_cert = cert;
  options.tls_key = key;
  StartServer(options);
  httplib::SSLClient tls("127.0.0.1", server_->port());
  tls.enable_server_certificate_verification(false);
  auto res =
      tls.Post("/api/login", R"({"user":"vi","password":"vi-password"})", "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
  // Plain HTTP to the TLS port gets no answer.
  EXPECT_FALSE(client_->Get("/api/session"));
}

TEST_F(ServeTest, WithoutAccountsLoopbackIsReadOnly) {
  StartServer();
  auto res = Get("/api/report");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json session = json::parse(Get("/api/session")->body);
  EXPECT_EQ(session["anonymous"], true);
  res = client_->Post("/api/decisions", R"({"threat":"x"})", "application/json");
  EXPECT_EQ(res->status, 401);
}

TEST_F(ServeTest, AModelEditIsReanalysedWithinASecond) {
  StartServer();
  const uint64_t before = server_->revision();
  std::string model = testing::MinimalModel();
  model.replace(model.find("name: Pump"), 10, "name: Pump two");
  std::ofstream(dir_ + "/model.yaml") << model;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (server_->revision() == before && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_GT(server_->revision(), before);
  const json report = json::parse(Get("/api/report")->body);
  EXPECT_EQ(report["system"]["name"], "Pump two");
  const json revision = json::parse(Get("/api/revision")->body);
  EXPECT_EQ(revision["revision"], server_->revision());
}

// The SVG group `<g id="ID" ...>...</g>` of a drawing ("" when there is none); Graphviz writes
// '-' in an id as "&#45;".
std::string Group(const std::string& svg, const std::string& id) {
  const size_t start = svg.find("<g id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  return svg.substr(start, svg.find("</g>", start) - start);
}

// Issue 15: the attack paths of the report, on the data-flow diagram, for the page's panel.
TEST_F(ServeTest, Issue15TheAttackPathsOfTheIcdAreDrawnOnTheDfd) {
  folder_ = std::string(MEDTRA_SOURCE_DIR) + "/examples/icd";
  StartServer();
  auto res = Get("/api/paths.svg");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->body.rfind("<svg", 0), 0u);
  // Radio range, the entry point, is a pink ellipse with a red border.
  EXPECT_THAT(Group(res->body, "entry&#45;radio"),
              ::testing::HasSubstr("<ellipse fill=\"#fde0dd\" stroke=\"#c62828\""));
  // The telemetry carries the three paths in red, dashed (M-mac takes its step away), and is the
  // minimal cut.
  const std::string telemetry = Group(res->body, "flow&#45;F&#45;telemetry");
  EXPECT_THAT(telemetry, ::testing::HasSubstr(
                             "stroke=\"#c62828\" stroke-width=\"4\" stroke-dasharray=\"5,2\""));
  EXPECT_THAT(telemetry, ::testing::HasSubstr(">F&#45;telemetry (rf)</text>"));
  EXPECT_THAT(telemetry, ::testing::HasSubstr("fill=\"#c62828\">3 paths</text>"));
  EXPECT_THAT(telemetry, ::testing::HasSubstr("fill=\"#c62828\">cut: protect&#45;flow</text>"));
  // The implant, whose therapy the paths reach, is filled yellow.
  EXPECT_THAT(Group(res->body, "component&#45;icd"),
              ::testing::HasSubstr("<path fill=\"#fee391\" stroke=\"#c62828\""));
  EXPECT_NE(res->body.find(">target: EF&#45;therapy</text>"), std::string::npos);
  // The same drawing as `medtra paths --format dfd-dot`: the paths' DOT laid out by Graphviz.
  EXPECT_EQ(Get("/api/dfd.svg")->status, 200);
  // The ICD has no many-instance component: no multi-patient harm view, and the reason.
  res = Get("/api/reach.svg");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(res->body)["error"],
            "no component has instances: many, so there is no multi-patient harm view");
}

TEST_F(ServeTest, Issue15TheMultiPatientHarmViewOfTheInsulinPump) {
  folder_ = std::string(MEDTRA_SOURCE_DIR) + "/examples/insulin-pump";
  StartServer();
  auto res = Get("/api/reach.svg");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "image/svg+xml");
  // The cloud service (many instances) is purple and bold; the pump it reaches is filled yellow;
  // the internet reaches its control.
  const std::string cloud = Group(res->body, "component&#45;cloud");
  EXPECT_THAT(cloud, ::testing::HasSubstr("stroke=\"#6a1b9a\" stroke-width=\"4\""));
  EXPECT_THAT(cloud, ::testing::HasSubstr(">many instances: reaches 1 patient component</text>"));
  EXPECT_THAT(Group(res->body, "component&#45;pump"),
              ::testing::HasSubstr(">reached from: cloud</text>"));
  EXPECT_THAT(Group(res->body, "entry&#45;internet&#45;control&#45;cloud"),
              ::testing::HasSubstr(">control</text>"));
  EXPECT_EQ(Get("/api/paths.svg")->status, 200);
}

TEST_F(ServeTest, Issue15WithoutPathsThereIsNoOverlayButTheReportsReason) {
  // With therapy commands on the fixture's unauthenticated BLE link, radio range reaches the
  // dosing; a component name holding markup stays text in the SVG.
  std::string model = testing::MinimalModel();
  model.replace(model.find("medium: ble,"), 12, "medium: ble, therapy_commands: true,");
  model.replace(model.find("name: App"), 9, "name: \"<img src=x onerror=alert(1)>\"");
  std::ofstream(dir_ + "/model.yaml") << model;
  StartServer();
  auto res = Get("/api/paths.svg");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->body.find("<img"), std::string::npos);
  EXPECT_NE(res->body.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(res->body.find("entry&#45;radio"), std::string::npos);
  // Flipped: the link authenticated, protected and fresh leaves no path, so nothing is drawn
  // over the diagram and the answer says why (the report's sentence); the DFD itself stays.
  model.replace(model.find("authentication: none"), 20, "authentication: mac");
  model.replace(model.find("integrity: none"), 15, "integrity: mac");
  model.replace(model.find("freshness: none"), 15, "freshness: counter");
  std::ofstream(dir_ + "/model.yaml") << model;
  server_->Reanalyze();
  ASSERT_EQ(json::parse(Get("/api/report")->body)["paths"]["path_count"], 0);
  res = Get("/api/paths.svg");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"],
            "no attack path reaches an essential function, so none is drawn on the data-flow "
            "diagram");
  EXPECT_EQ(Get("/api/dfd.svg")->status, 200);
}

TEST_F(ServeTest, Issue15AModelTooLargeToDrawGetsTheReasonNotALayout) {
  folder_ = std::string(MEDTRA_SOURCE_DIR) + "/examples/insulin-pump";
  drawing_.max_elements = 2;
  StartServer();
  for (const char* path : {"/api/dfd.svg", "/api/paths.svg", "/api/reach.svg"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_THAT(json::parse(res->body)["error"].get<std::string>(),
                ::testing::HasSubstr("the data-flow diagram has more than 2 elements"))
        << path;
  }
}

}  // namespace
}  // namespace medtra::serve
