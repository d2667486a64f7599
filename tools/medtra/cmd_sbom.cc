// medtra sbom: the SBOM command group. `sbom check FILE` reads a CycloneDX or SPDX SBOM and checks
// the NTIA minimum elements and the FDA support fields; exit 0 clean, 1 warnings, 2 malformed.
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "medtra/diag/diagnostic_json.h"
#include "medtra/sbom/sbom.h"
#include "tools/medtra/model_options.h"

namespace medtra::cli {
namespace {

constexpr size_t kMaxSbomBytes = 256u << 20;

struct SbomCheckOptions {
  std::string file;
  std::string format = "text";
  std::string today;  ///< YYYY-MM-DD; "" for the current UTC date
};

// The current UTC date; the CLI's default for --today (the library never reads the clock).
std::string UtcToday() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{days};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

int RunCheck(const SbomCheckOptions& options, const CommandContext& context) {
  const bool json = options.format == "json";
  const Result<std::string> text = context.fs->ReadFile(options.file, kMaxSbomBytes);
  if (!text.ok()) {
    *context.err << options.file << ": error: " << text.message() << " [unreadable]\n";
    return kExitInput;
  }
  SourceCache sources;
  sources.Add(options.file, text.value());
  DiagnosticSink sink;
  const std::optional<sbom::Sbom> sbom = sbom::ReadSbom(options.file, text.value(), sink);
  if (!sbom) {
    PrintDiagnostics(context, sink, sources, json);
    return kExitInput;
  }
  sbom::CheckSbomElements(*sbom, options.today.empty() ? UtcToday() : options.today, sink);
  sink.SortByLocation();
  if (json) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Diagnostic& diagnostic : sink.diagnostics()) {
      findings.push_back(DiagnosticToJson(diagnostic));
    }
    const nlohmann::ordered_json out = {{"format", "medtra-sbom-check"},
                                        {"format_version", 1},
                                        {"sbom",
                                         {{"file", options.file},
                                          {"format", sbom->format},
                                          {"spec_version", sbom->spec_version},
                                          {"components", sbom->components.size()}}},
                                        {"findings", findings}};
    *context.out << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                 << "\n";
  } else {
    *context.err << RenderTextAll(sink, &sources);
    const size_t n = sink.diagnostics().size();
    *context.out << options.file << ": " << sbom->format << " " << sbom->spec_version << ", "
                 << sbom->components.size() << " component"
                 << (sbom->components.size() == 1 ? "" : "s") << ", " << n << " warning"
                 << (n == 1 ? "" : "s") << "\n";
  }
  return sink.diagnostics().empty() ? kExitOk : kExitFindings;
}

void SetupSbomCheck(CLI::App& group, const CommandContext& context) {
  auto options = std::make_shared<SbomCheckOptions>();
  CLI::App* command =
      group.add_subcommand("check", "check an SBOM's minimum elements and support fields");
  command->add_option("FILE", options->file, "CycloneDX or SPDX JSON file")->required();
  AddTextJsonFormat(command, &options->format);
  command
      ->add_option("--today", options->today,
                   "the date that end-of-support dates are compared with (default: today, UTC)")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return value.size() == 10 && sbom::IsIsoDate(value) ? std::string()
                                                                : "not a date YYYY-MM-DD";
          },
          "YYYY-MM-DD"));
  command->callback([options, context] { *context.exit_code = RunCheck(*options, context); });
}

}  // namespace

void SetupSbomCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* group = app.add_subcommand(
      "sbom",
      "read and check software bills of materials, and scan them for known vulnerabilities");
  group->require_subcommand(1);
  // One line per subcommand of the group.
  SetupSbomCheck(*group, context);
  SetupSbomScanCommand(*group, context);
}

}  // namespace medtra::cli
