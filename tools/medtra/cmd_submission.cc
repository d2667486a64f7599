// medtra submission MODEL -o DIR: the premarket cybersecurity documents and the EU technical
// file items as HTML, Markdown, JSON index, XLSX workbooks, and (opt-in) PDF and DOCX.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "medtra/base/strings.h"
#include "medtra/interchange/threats_xlsx.h"
#include "medtra/report/submission.h"
#include "medtra/sbom/scan.h"
#include "tools/medtra/external_tool.h"
#include "tools/medtra/fail_on.h"
#include "tools/medtra/model_options.h"
#include "tools/medtra/report_options.h"

namespace medtra::cli {
namespace {

const std::vector<std::string> kFormats = {"html", "md", "json", "xlsx", "pdf", "docx"};

struct SubmissionOptions {
  std::string model;
  std::string output;
  std::vector<std::string> formats = {"html", "md", "json", "xlsx"};
  std::string fail_on;
  EvidenceOptions evidence;
  std::string rules_dir;
};

bool Wants(const SubmissionOptions& options, std::string_view format) {
  return std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
}

/// A scratch folder under TMPDIR, removed when the run ends.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "medtra-submission-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// The files of the package, rendered in memory before anything is written.
struct PackageFile {
  std::string name;
  std::string bytes;
};

/// Runs a converter that writes `out` in the scratch folder, then moves its bytes atomically to
/// DIR/name.
Status Convert(const CommandContext& context, const std::vector<std::string>& argv,
               const std::vector<std::string>& env, const std::string& out,
               const std::string& target) {
  if (Status run = RunProgram(argv, env); !run.ok()) return run;
  Result<std::string> bytes = context.fs->ReadFile(out, size_t{1} << 30);
  if (!bytes.ok()) return Status::Error(bytes.status().message());
  return context.fs->WriteFileAtomic(target, *bytes);
}

void Run(const SubmissionOptions& options, const CommandContext& context) {
  if (!FormatsKnownOrReport(context, "submission", options.formats, kFormats)) {
    *context.exit_code = kExitInput;
    return;
  }
  // Tools for the opt-in formats are checked before anything is read or written.
  const std::string chromium = Wants(options, "pdf") ? FindProgram("chromium") : "";
  if (Wants(options, "pdf") && chromium.empty()) {
    *context.err << "medtra: submission: --format pdf needs headless Chromium, which is not in "
                    "PATH; install the Debian package 'chromium' or leave out pdf\n";
    *context.exit_code = kExitInput;
    return;
  }
  const std::string pandoc = Wants(options, "docx") ? FindProgram("pandoc") : "";
  if (Wants(options, "docx") && pandoc.empty()) {
    *context.err << "medtra: submission: --format docx needs pandoc, which is not in PATH; "
                    "install the Debian package 'pandoc' or leave out docx\n";
    *context.exit_code = kExitInput;
    return;
  }
  ModelInput input;
  analysis::Analysis result;
  rules::RuleCatalog catalog;
  if (!AnalyzeOrReport(context, options.model, {&options.evidence, options.rules_dir}, false,
                       &input, &catalog, &result)) {
    *context.exit_code = kExitInput;
    return;
  }
  if (!FailOnValidOrReport(context, "submission", options.fail_on, input.model->risk_method)) {
    *context.exit_code = kExitInput;
    return;
  }
  report::SubmissionInput package_input;
  package_input.analysis = &result;
  package_input.formats.clear();
  for (const char* format : {"html", "md", "pdf", "docx", "xlsx"}) {
    if (Wants(options, format) || (std::string_view(format) == "md" && Wants(options, "docx"))) {
      package_input.formats.push_back(format);
    }
  }
  if (input.model->software) {
    DiagnosticSink quiet;
    sbom::ScanInput software = sbom::ReadSoftwareInputs(*context.fs, *input.model, {}, quiet);
    package_input.sboms = std::move(software.sboms);
  }
  const report::Submission package = report::BuildSubmission(package_input);

  ScratchDir scratch;
  if (scratch.path().empty()) {
    *context.err << "medtra: submission: cannot create a scratch folder in "
                 << std::filesystem::temp_directory_path().string() << "\n";
    *context.exit_code = kExitInternal;
    return;
  }
  std::vector<PackageFile> files;
  const report::Document index = report::SubmissionIndexDocument(package, result);
  const bool html = Wants(options, "html") || Wants(options, "pdf");
  const bool md = Wants(options, "md") || Wants(options, "docx");
  if (Wants(options, "json")) {
    files.push_back({"index.json", report::RenderSubmissionIndexJson(package, result)});
  }
  if (html) files.push_back({"index.html", report::RenderHtml(index)});
  if (md) files.push_back({"index.md", report::RenderMarkdown(index)});
  for (const report::SubmissionDocument& doc : package.documents) {
    if (html) files.push_back({doc.name + ".html", report::RenderHtml(doc.document)});
    if (md) files.push_back({doc.name + ".md", report::RenderMarkdown(doc.document)});
  }
  if (Wants(options, "pdf")) {
    files.push_back(
        {"package.html", report::RenderHtml(report::CombinedSubmissionDocument(package, result))});
  }
  if (Wants(options, "xlsx")) {
    for (const report::SubmissionWorkbook& book : report::SubmissionWorkbooks(package)) {
      std::vector<interchange::XlsxSheet> sheets;
      for (const report::SubmissionSheet& s : book.sheets) sheets.push_back({s.name, s.rows});
      Result<std::string> bytes = interchange::RenderXlsxSheets(sheets, scratch.path());
      if (!bytes.ok()) {
        *context.err << "medtra: submission: " << book.name << ".xlsx: " << bytes.status().message()
                     << "\n";
        *context.exit_code = kExitInternal;
        return;
      }
      files.push_back({book.name + ".xlsx", std::move(*bytes)});
    }
  }
  if (Status status = context.fs->CreateDirectories(options.output); !status.ok()) {
    *context.err << "medtra: submission: " << status.message() << "\n";
    *context.exit_code = kExitInput;
    return;
  }
  for (const PackageFile& file : files) {
    const std::string path = JoinPath(options.output, file.name);
    if (Status status = context.fs->WriteFileAtomic(path, file.bytes); !status.ok()) {
      *context.err << "medtra: submission: cannot write " << status.message() << "\n";
      *context.exit_code = kExitInput;
      return;
    }
  }
  *context.err << "wrote " << files.size() << " files to " << options.output << "\n";
  const std::string dir = std::filesystem::absolute(options.output).string();
  std::vector<std::string> pdfs;
  if (Wants(options, "pdf")) {
    pdfs.push_back("package");
    for (const report::SubmissionDocument& doc : package.documents) pdfs.push_back(doc.name);
  }
  for (const std::string& name : pdfs) {
    const std::string out = JoinPath(scratch.path(), name + ".pdf");
    const Status status = Convert(
        context,
        {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-pdf-header-footer", "--user-data-dir=" + JoinPath(scratch.path(), "chromium"),
         "--print-to-pdf=" + out, "file://" + JoinPath(dir, name + ".html")},
        {}, out, JoinPath(options.output, name + ".pdf"));
    if (!status.ok()) {
      *context.err << "medtra: submission: " << name << ".pdf: " << status.message() << "\n";
      *context.exit_code = kExitInternal;
      return;
    }
  }
  if (!pdfs.empty()) *context.err << "wrote " << pdfs.size() << " PDF files\n";
  if (Wants(options, "docx")) {
    for (const report::SubmissionDocument& doc : package.documents) {
      const std::string out = JoinPath(scratch.path(), doc.name + ".docx");
      const Status status = Convert(
          context,
          {pandoc, "--from=gfm", "--to=docx", "--output=" + out, JoinPath(dir, doc.name + ".md")},
          {"SOURCE_DATE_EPOCH=946684800"}, out, JoinPath(options.output, doc.name + ".docx"));
      if (!status.ok()) {
        *context.err << "medtra: submission: " << doc.name << ".docx: " << status.message() << "\n";
        *context.exit_code = kExitInternal;
        return;
      }
    }
    *context.err << "wrote " << package.documents.size() << " DOCX files\n";
  }
  *context.exit_code =
      !options.fail_on.empty() && FailOnMet(options.fail_on, result) ? kExitFindings : kExitOk;
}

}  // namespace

void SetupSubmissionCommand(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<SubmissionOptions>();
  CLI::App* command = app.add_subcommand(
      "submission", "write the premarket cybersecurity submission package and its index");
  command->add_option("MODEL", options->model, "model file or folder")->required();
  command->add_option("-o,--output", options->output, "output folder of the package")->required();
  AddReportOptions(command,
                   "formats, comma-separated: html,md,json,xlsx,pdf (chromium),docx (pandoc)",
                   &options->formats, &options->fail_on, &options->evidence, &options->rules_dir);
  command->callback([options, context] { Run(*options, context); });
}

}  // namespace medtra::cli
