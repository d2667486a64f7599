// medtra sbom scan [MODEL] [--sbom FILE...] --advisories DIR|ZIP [--kev FILE]: known
// vulnerabilities of the device's software, with VEX decisions and postmarket verdicts.
#include <ctime>
#include <ostream>

#include "medtra/report/scan.h"
#include "tools/medtra/analyzed_model.h"
#include "tools/medtra/model_options.h"
#include "tools/medtra/software_options.h"

namespace medtra::cli {
namespace {

struct ScanOptions {
  std::string model;
  std::vector<std::string> sboms;
  std::vector<std::string> vex;
  std::string advisories;
  std::string kev;
  std::string today;
  std::string format = "json";
  std::string output = "-";
  std::string fail_on;
  std::string since;
  bool match_cpe = false;
};

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

bool FailOnMet(const std::string& fail_on, const sbom::ScanResult& scan,
               const sbom::ScanChanges* changes) {
  if (fail_on == "new") return changes != nullptr && !changes->added.empty();
  if (fail_on == "any") return !scan.entries.empty();
  if (fail_on == "open") return scan.metrics.open > 0;
  if (fail_on == "uncontrolled") return scan.metrics.uncontrolled > 0;
  return false;
}

// The scan of an SBOM without a model: no bindings, no decisions, postmarket not assessed.
bool ScanWithoutModel(const CommandContext& context, const ScanOptions& options,
                      sbom::ScanResult* scan) {
  DiagnosticSink sink;
  sbom::ScanInput input;
  input.match_cpe = options.match_cpe;
  for (const std::string& path : options.sboms)
    sbom::ReadSbomFile(*context.fs, path, {}, sink, &input);
  for (const std::string& path : options.vex) {
    sbom::ReadSupplierVex(*context.fs, path, {}, sink, &input);
  }
  sbom::ReadAdvisorySources(*context.fs, {options.advisories, options.kev}, {}, sink, &input);
  if (!sink.has_errors()) {
    *scan = sbom::Scan(input, nullptr, options.today, sink);
    sbom::AssessPostmarket({}, scan);
  }
  *context.err << RenderTextAll(sink, nullptr);
  return !sink.has_errors();
}

void Run(ScanOptions options, const CommandContext& context) {
  if (options.today.empty()) options.today = Today();
  if (!options.today.empty() && !model::IsIsoDate(options.today)) {
    *context.err << "medtra: sbom scan: --today takes a date YYYY-MM-DD, not '" << options.today
                 << "'\n";
    *context.exit_code = kExitInput;
    return;
  }
  sbom::ScanResult scan;
  if (options.model.empty()) {
    if (options.sboms.empty() || options.advisories.empty()) {
      *context.err << "medtra: sbom scan: without a MODEL, name the SBOM (--sbom FILE) and the "
                      "advisory folder (--advisories DIR)\n";
      *context.exit_code = kExitInput;
      return;
    }
    if (!ScanWithoutModel(context, options, &scan)) {
      *context.exit_code = kExitInput;
      return;
    }
  } else {
    if (!options.sboms.empty() || !options.vex.empty() || options.match_cpe) {
      *context.err << "medtra: sbom scan: with a MODEL, its `software.sboms` name the SBOMs "
                      "(and bind them to components, `match_cpe` opts in to CPE matching) and "
                      "`software.vex_documents` the suppliers' VEX; --sbom, --vex and --match-cpe "
                      "are for a scan without a model\n";
      *context.exit_code = kExitInput;
      return;
    }
    AnalyzedSoftware analyzed;
    if (!AnalyzeSoftwareOrReport(context, options.model,
                                 {options.advisories, options.kev, options.today}, "sbom scan",
                                 &analyzed)) {
      *context.exit_code = kExitInput;
      return;
    }
    scan = std::move(*analyzed.result.software);
  }
  std::optional<sbom::ScanChanges> changes;
  if (!options.since.empty()) {
    DiagnosticSink sink;
    Result<std::string> earlier = context.fs->ReadFile(options.since, size_t{256} << 20);
    if (!earlier.ok()) {
      sink.Error({options.since, 0, 0}, "unreadable-file", earlier.message());
    } else {
      changes = sbom::CompareWithEarlierScan(options.since, *earlier, scan, sink);
    }
    if (sink.has_errors()) {
      *context.err << RenderTextAll(sink, nullptr);
      *context.exit_code = kExitInput;
      return;
    }
  }
  const sbom::ScanChanges* since = changes ? &*changes : nullptr;
  std::string text;
  if (options.format == "json") text = report::ScanJson(scan, options.today, since);
  if (options.format == "md") text = report::ScanMarkdown(scan, options.today, since);
  if (options.format == "csv") text = report::ScanCsv(scan);
  if (options.format == "html") text = report::ScanHtml(scan, options.today, since);
  const int code = WriteOutput(context, options.output, text, "sbom scan");
  *context.exit_code = code != kExitOk                           ? code
                       : FailOnMet(options.fail_on, scan, since) ? kExitFindings
                                                                 : kExitOk;
}

}  // namespace

void SetupSbomScanCommand(CLI::App& sbom, const CommandContext& context) {
  auto options = std::make_shared<ScanOptions>();
  CLI::App* scan = sbom.add_subcommand(
      "scan",
      "Match the device's SBOM components with offline advisories (OSV), with VEX and "
      "postmarket verdicts");
  scan->add_option("model", options->model, "model file or folder (its software section)");
  scan->add_option("--sbom", options->sboms, "an SBOM to scan without a model (CycloneDX, SPDX)");
  scan->add_option("--vex", options->vex,
                   "a supplier's VEX document (OpenVEX, CycloneDX) to scan without a model");
  scan->add_option("--advisories", options->advisories,
                   "folder or zip archive of OSV records and NVD CVE API 2.0 pages");
  scan->add_flag("--match-cpe", options->match_cpe,
                 "without a model: match components by their CPE too (exact vendor and product)");
  scan->add_option("--kev", options->kev, "CISA Known Exploited Vulnerabilities catalog (JSON)");
  scan->add_option("--today", options->today, "date of the scan, YYYY-MM-DD (default: today, UTC)");
  scan->add_option("--format", options->format, "output format")
      ->check(CLI::IsMember({"json", "md", "csv", "html"}))
      ->capture_default_str();
  scan->add_option("-o,--output", options->output, "output file, or - for stdout")
      ->capture_default_str();
  scan->add_option("--since", options->since,
                   "an earlier scan's JSON: show what changed (new, gone, changed matches)");
  scan->add_option("--fail-on", options->fail_on,
                   "exit 1 when a match is: any, open, uncontrolled, new (with --since)")
      ->check(CLI::IsMember({"any", "open", "uncontrolled", "new"}));
  scan->callback([options, context] { Run(*options, context); });
}

}  // namespace medtra::cli
