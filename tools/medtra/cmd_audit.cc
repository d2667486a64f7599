// medtra audit verify STORE: checks the hash chain of the store's audit trail; medtra audit list
// STORE prints it.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "medtra/store/records_json.h"
#include "tools/medtra/store_options.h"

namespace medtra::cli {
namespace {

struct AuditOptions {
  std::string store;
  std::string anchor;  ///< a hash kept outside the store that must still be in the chain
  std::string format = "text";
};

void Verify(const AuditOptions& options, const CommandContext& context) {
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "audit verify", options.store, options.store, false);
  if (!store) {
    *context.exit_code = kExitInput;
    return;
  }
  Result<std::vector<store::AuditEntry>> entries = store->AuditEntries();
  if (!entries.ok()) {
    *context.err << "medtra: audit verify: " << entries.message() << "\n";
    *context.exit_code = kExitInput;
    return;
  }
  if (std::optional<std::string> problem = store::VerifyAuditChain(*entries)) {
    *context.out << *problem << "\n";
    *context.exit_code = kExitFindings;
    return;
  }
  if (!options.anchor.empty() &&
      std::none_of(entries->begin(), entries->end(),
                   [&](const store::AuditEntry& e) { return e.hash == options.anchor; })) {
    *context.out << "audit trail: no entry has the anchor hash " << options.anchor
                 << " (entries were removed or rewritten since it was taken)\n";
    *context.exit_code = kExitFindings;
    return;
  }
  *context.out << "audit trail intact: " << entries->size() << " entries";
  if (!entries->empty()) *context.out << ", head " << entries->back().hash;
  *context.out << "\n";
  *context.exit_code = kExitOk;
}

void List(const AuditOptions& options, const CommandContext& context) {
  std::unique_ptr<store::Store> store =
      OpenStoreOrReport(context, "audit list", options.store, options.store, false);
  Result<std::vector<store::AuditEntry>> entries =
      store ? store->AuditEntries() : Result<std::vector<store::AuditEntry>>::Error("");
  if (!entries.ok()) {
    if (store) *context.err << "medtra: audit list: " << entries.message() << "\n";
    *context.exit_code = kExitInput;
    return;
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const store::AuditEntry& e : *entries) {
    if (options.format == "json") {
      out.push_back(store::ToJson(e));
    } else {
      *context.out << e.seq << " " << e.time << " " << e.actor << " " << e.action << " " << e.after
                   << "\n";
    }
  }
  if (options.format == "json") *context.out << out.dump(2) << "\n";
  *context.exit_code = kExitOk;
}

}  // namespace

void SetupAuditCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* group = app.add_subcommand("audit", "the audit trail of a review store");
  group->require_subcommand(1);
  auto options = std::make_shared<AuditOptions>();
  CLI::App* verify = group->add_subcommand(
      "verify", "check the hash chain: exit 0 when intact, 1 naming the first bad entry");
  verify
      ->add_option("STORE", options->store,
                   "sqlite:PATH, postgresql://..., or a model folder (.medtra/store.sqlite)")
      ->required();
  verify->add_option("--anchor", options->anchor,
                     "a head hash kept elsewhere (printed by verify, written into decisions.yaml "
                     "by export) that must still be in the chain");
  verify->callback([options, context] { Verify(*options, context); });
  CLI::App* list = group->add_subcommand("list", "print the audit trail");
  list->add_option("STORE", options->store, "as for verify")->required();
  list->add_option("--format", options->format, "text|json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  list->callback([options, context] { List(*options, context); });
}

}  // namespace medtra::cli
