// AddStoreOption, OpenStoreOrReport, CliActor.
#include "tools/medtra/store_options.h"

#include <cstdlib>
#include <ostream>

namespace medtra::cli {

void AddStoreOption(CLI::App* command, std::string* store) {
  command->add_option("--store", *store,
                      "the review store: sqlite:PATH, postgresql://..., or a model folder "
                      "(its .medtra/store.sqlite, the default)");
}

std::unique_ptr<store::Store> OpenStoreOrReport(const CommandContext& context,
                                                const std::string& command, const std::string& spec,
                                                const std::string& fallback, bool create) {
  Result<std::unique_ptr<store::Store>> opened =
      store::Store::Open(spec.empty() ? fallback : spec, *context.clock, create);
  if (!opened.ok()) {
    *context.err << "medtra: " << command << ": " << opened.message() << "\n";
    return nullptr;
  }
  return std::move(opened).value();
}

std::string CliActor() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown");
}

}  // namespace medtra::cli
