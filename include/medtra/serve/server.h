// Server: the review web application. Serves the pages compiled into the binary and a JSON API
// over one analysis of the model, which is rebuilt when the model's files change; decisions and
// signatures go to the store (and the decisions into the model's decisions.yaml).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "medtra/base/clock.h"
#include "medtra/base/file_system.h"
#include "medtra/base/status.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/report/dfd.h"
#include "medtra/store/store.h"

namespace medtra::serve {

/// A drawing the API serves as SVG: the <svg> element, or "" and why there is none.
struct Drawing {
  std::string svg;
  std::string problem;  ///< a sentence fragment, e.g. "the data-flow diagram has more than ..."
};

/// One analysis of the model, as the API serves it.
struct Snapshot {
  std::string error;        ///< when the model does not load: its diagnostics; the rest is empty
  std::string report_json;  ///< the report JSON of `medtra analyze --format json`
  std::string report_id;
  /// Threat id -> the JSON of `medtra explain --format json`.
  std::map<std::string, std::string> explanations;
  std::string sdl_json;  ///< the JSON of `medtra sdl --format json`
  Drawing dfd;           ///< the data-flow diagram (GET /api/dfd.svg)
  Drawing paths;         ///< the attack paths on it (`medtra paths --format dfd-dot`)
  Drawing reach;         ///< the multi-patient harm view (`--format reach-dot`)
  std::shared_ptr<const model::SystemModel> model;
  /// The text of each file a finding points at, by the finding's file name: the only files the
  /// server shows (GET /api/source).
  std::map<std::string, std::string> sources;
};

/// Reads into `snapshot->sources` the files that `findings` point at (each at most 8 MiB; one
/// that cannot be read is left out).
void AddSources(const std::vector<Diagnostic>& findings, const FileSystem& fs, Snapshot* snapshot);

/// Lays out into `snapshot` the data-flow diagram, the attack paths on it and the multi-patient
/// harm view of `analysis` (once per revision), each only for a model within the report's size
/// limit (options.max_elements components plus flows) and each with the reason when there is none.
void AddDrawings(const analysis::Analysis& analysis, const report::DfdOptions& options,
                 Snapshot* snapshot);

/// Analyses the model (on the watcher's thread, or the caller's).
using Analyzer = std::function<Snapshot()>;

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  ///< 0: any free port (see Server::port())
  std::string tls_cert;
  std::string tls_key;
  /// The model folder: watched for changes and where decisions.yaml is written on each decision;
  /// "" for neither.
  std::string model_dir;
  size_t max_body_bytes = 64 * 1024;
  int read_timeout_seconds = 5;
  int64_t session_seconds = 8 * 3600;
  size_t login_attempts = 5;
  int64_t login_window_seconds = 300;
};

/// Whether `address` is a loopback address (127.0.0.0/8, ::1, localhost); a name such as
/// "127.example.org" is not.
bool IsLoopback(const std::string& address);
/// Whether an HTTP Host header ("127.0.0.1:8080", "[::1]:80", "localhost") names a loopback
/// address; a server on loopback answers only those.
bool LoopbackHost(const std::string& host);

class Server {
 public:
  Server(store::Store& store, FileSystem& fs, const Clock& clock, Analyzer analyzer,
         ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Checks the options (a non-loopback bind needs TLS and an account), analyses the model,
  /// binds and starts serving and watching on background threads.
  Status Start();
  /// Blocks until Stop() is called (from another thread or a signal handler's thread).
  void Wait();
  void Stop();
  int port() const;
  /// Rebuilds the analysis now; returns the new revision.
  uint64_t Reanalyze();
  uint64_t revision() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medtra::serve
