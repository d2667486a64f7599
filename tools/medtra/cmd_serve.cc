// medtra serve MODEL: the review web application on 127.0.0.1 (or, with TLS and accounts, on any
// address), re-analysing the model when its files change, until SIGINT or SIGTERM.
#include <signal.h>

#include <ostream>

#include "medtra/report/document.h"
#include "medtra/report/sdl_render.h"
#include "medtra/serve/server.h"
#include "tools/medtra/analyzed_model.h"
#include "tools/medtra/explain_json.h"
#include "tools/medtra/store_options.h"

namespace medtra::cli {
namespace {

struct ServeOptions {
  std::string model;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string store;
  std::string tls_cert;
  std::string tls_key;
};

// One analysis as the server serves it; the diagnostics as text when the model does not load.
serve::Snapshot Analyze(const CommandContext& context, const std::string& model) {
  std::ostringstream diagnostics;
  CommandContext quiet = context;
  quiet.err = &diagnostics;
  auto analyzed = std::make_shared<AnalyzedModel>();
  serve::Snapshot snapshot;
  if (!AnalyzeQuietly(quiet, model, analyzed.get())) {
    snapshot.error = diagnostics.str();
    if (snapshot.error.empty()) snapshot.error = "the model does not load";
    return snapshot;
  }
  snapshot.report_json = report::RenderJson(analyzed->result);
  snapshot.report_id = analyzed->result.report_id;
  snapshot.sdl_json = report::RenderSdlJson(analyzed->result.sdl);
  snapshot.explanations = ExplainAll(*analyzed->input.model, analyzed->catalog);
  serve::AddDrawings(analyzed->result, report::DfdOptions{}, &snapshot);
  serve::AddSources(analyzed->result.findings, *context.fs, &snapshot);
  // The model lives as long as any snapshot that points into the analysis.
  snapshot.model = std::shared_ptr<const model::SystemModel>(analyzed, analyzed->input.model.get());
  return snapshot;
}

void Run(const ServeOptions& options, const CommandContext& context) {
  *context.exit_code = kExitInput;
  if (context.fs->Kind(options.model) != PathKind::kDirectory) {
    *context.err << "medtra: serve: " << options.model << " is not a model folder\n";
    return;
  }
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "serve", options.store, options.model, true);
  if (!store) return;
  // The signals are taken by sigwait() below, in this thread only (the server's threads inherit
  // the mask).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  serve::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = options.port;
  server_options.tls_cert = options.tls_cert;
  server_options.tls_key = options.tls_key;
  server_options.model_dir = options.model;
  serve::Server server(
      *store, *context.fs, *context.clock,
      [context, model = options.model] { return Analyze(context, model); }, server_options);
  if (Status status = server.Start(); !status.ok()) {
    *context.err << "medtra: serve: " << status.message() << "\n";
    return;
  }
  const bool tls = !options.tls_cert.empty();
  *context.err << "serving " << options.model << " on " << (tls ? "https" : "http") << "://"
               << options.bind << ":" << server.port() << "/ (Ctrl-C stops)\n";
  Result<std::vector<store::User>> users = store->Users();
  if (users.ok() && users->empty()) {
    *context.err << "no accounts yet: read-only; add one with `medtra users add NAME --role "
                    "editor --store "
                 << (options.store.empty() ? options.model : options.store) << "`\n";
  }
  context.err->flush();
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  server.Stop();
  *context.exit_code = kExitOk;
}

}  // namespace

void SetupServeCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command =
      app.add_subcommand("serve", "review the analysis in a browser: decisions, signatures");
  command->add_option("MODEL", options->model, "model folder")->required();
  command->add_option("--bind", options->bind, "address to listen on")->capture_default_str();
  command->add_option("--port", options->port, "port (0: any free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  AddStoreOption(command, &options->store);
  command->add_option("--tls-cert", options->tls_cert, "PEM certificate (serves HTTPS)");
  command->add_option("--tls-key", options->tls_key, "PEM private key of --tls-cert");
  command->callback([options, context] { Run(*options, context); });
}

}  // namespace medtra::cli
