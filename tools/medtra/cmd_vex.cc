// medtra vex export MODEL --format cyclonedx|openvex|csaf: the VEX statements of the model's scan.
#include <ostream>

#include "medtra/model/software.h"
#include "medtra/report/vex.h"
#include "tools/medtra/analyzed_model.h"
#include "tools/medtra/software_options.h"

namespace medtra::cli {
namespace {

struct VexOptions {
  std::string model;
  std::string format = "openvex";
  std::string output = "-";
  std::string author;
  std::string timestamp;
  std::string advisories;
  std::string kev;
  std::string publisher_namespace;
};

// The newest decision date: the document changes when a decision does, not with the clock.
std::string NewestDecision(const sbom::ScanResult& scan) {
  std::string newest;
  for (const sbom::ScanEntry& e : scan.entries) newest = std::max(newest, e.vex.date);
  return newest;
}

void Export(const VexOptions& options, const CommandContext& context) {
  if (options.format == "csaf" && !options.publisher_namespace.starts_with("https://") &&
      !options.publisher_namespace.starts_with("http://")) {
    *context.err << "medtra: vex export: CSAF names its publisher by a namespace URL: "
                    "--publisher-namespace https://... (the manufacturer's PSIRT or web site)\n";
    *context.exit_code = kExitInput;
    return;
  }
  AnalyzedSoftware analyzed;
  if (!AnalyzeSoftwareOrReport(context, options.model, {options.advisories, options.kev, ""},
                               "vex export", &analyzed)) {
    *context.exit_code = kExitInput;
    return;
  }
  const sbom::ScanResult& scan = *analyzed.result.software;
  report::VexHeader header;
  header.system = analyzed.input.model->system.id;
  header.author = options.author;
  for (const sbom::ScanEntry& e : scan.entries) {
    if (header.author.empty() && !e.vex.author.empty()) header.author = e.vex.author;
  }
  if (header.author.empty()) header.author = analyzed.input.model->system.name;
  header.timestamp = options.timestamp;
  if (header.timestamp.empty()) {
    const std::string date = NewestDecision(scan);
    header.timestamp = (date.empty() ? std::string("1970-01-01") : date) + "T00:00:00Z";
  }
  header.namespace_ = options.publisher_namespace;
  if (options.format == "csaf" && scan.entries.empty()) {
    *context.err << "medtra: vex export: a CSAF VEX document states at least one vulnerability; "
                    "the scan matched none\n";
    *context.exit_code = kExitInput;
    return;
  }
  const std::string text = options.format == "cyclonedx" ? report::CycloneDxVexJson(scan, header)
                           : options.format == "csaf"    ? report::CsafVexJson(scan, header)
                                                         : report::OpenVexJson(scan, header);
  *context.exit_code = WriteOutput(context, options.output, text, "vex export");
}

}  // namespace

void SetupVexCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* vex = app.add_subcommand("vex", "VEX statements of the device's known vulnerabilities");
  vex->require_subcommand(1);
  auto options = std::make_shared<VexOptions>();
  CLI::App* exp = vex->add_subcommand(
      "export",
      "Write the scan's VEX decisions as OpenVEX 0.2.0, CycloneDX 1.6 VEX or CSAF 2.0 VEX");
  exp->add_option("model", options->model, "model file or folder")->required();
  exp->add_option("--format", options->format, "document format")
      ->check(CLI::IsMember({"openvex", "cyclonedx", "csaf"}))
      ->capture_default_str();
  exp->add_option("-o,--output", options->output, "output file, or - for stdout")
      ->capture_default_str();
  exp->add_option("--author", options->author,
                  "who states the VEX (default: the decisions' author)");
  exp->add_option("--timestamp", options->timestamp,
                  "document time, RFC 3339 (default: the newest decision's date)");
  exp->add_option("--advisories", options->advisories,
                  "folder of OSV records (replaces the model's)");
  exp->add_option("--kev", options->kev, "CISA KEV catalog (replaces the model's)");
  exp->add_option("--publisher-namespace", options->publisher_namespace,
                  "CSAF: the publisher's namespace URL (required with --format csaf)");
  exp->callback([options, context] { Export(*options, context); });
}

}  // namespace medtra::cli
