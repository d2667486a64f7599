// medtra vex export MODEL --format cyclonedx|openvex: the VEX statements of the model's scan.
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
};

// The newest decision date: the document changes when a decision does, not with the clock.
std::string NewestDecision(const sbom::ScanResult& scan) {
  std::string newest;
  for (const sbom::ScanEntry& e : scan.entries) newest = std::max(newest, e.vex.date);
  return newest;
}

void Export(const VexOptions& options, const CommandContext& context) {
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
  const std::string text = options.format == "cyclonedx" ? report::CycloneDxVexJson(scan, header)
                                                         : report::OpenVexJson(scan, header);
  *context.exit_code = WriteOutput(context, options.output, text, "vex export");
}

}  // namespace

void SetupVexCommand(CLI::App& app, const CommandContext& context) {
  CLI::App* vex = app.add_subcommand("vex", "VEX statements of the device's known vulnerabilities");
  vex->require_subcommand(1);
  auto options = std::make_shared<VexOptions>();
  CLI::App* exp = vex->add_subcommand(
      "export", "Write the scan's VEX decisions as OpenVEX 0.2.0 or CycloneDX 1.6 VEX");
  exp->add_option("model", options->model, "model file or folder")->required();
  exp->add_option("--format", options->format, "document format")
      ->check(CLI::IsMember({"openvex", "cyclonedx"}))
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
  exp->callback([options, context] { Export(*options, context); });
}

}  // namespace medtra::cli
