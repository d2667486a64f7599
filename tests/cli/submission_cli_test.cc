// End-to-end tests of `medtra submission` (issue 12): the index statuses of the case study and of a
// bare model, exit codes, escaping, determinism, the XLSX cells against the JSON report, and the
// PDF and DOCX outputs (skipped when chromium, pandoc or poppler-utils are not installed).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/model_fixture.h"
#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using nlohmann::json;
using testing::Outcome;

std::map<std::string, std::string> Statuses(const json& index) {
  std::map<std::string, std::string> out;
  for (const json& e : index["elements"]) out[e["id"]] = e["status"];
  return out;
}

const json& ElementOf(const json& index, const std::string& id) {
  for (const json& e : index["elements"]) {
    if (e["id"] == id) return e;
  }
  static const json kNone;
  return kNone;
}

bool Installed(const char* path) { return access(path, X_OK) == 0; }

TEST(SubmissionCliTest, CaseStudyIndexMarksEveryElementPresentOrPartial) {
  testing::IcdCopy icd;
  const Outcome o = icd.Run("submission icd -o out");
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "wrote 34 files to out\n");
  const json index = json::parse(icd.Read("out/index.json"));
  EXPECT_EQ(index["format"], "medtra-submission");
  EXPECT_EQ(index["format_version"], 1);
  const std::map<std::string, std::string> expected = {
      {"eu-gspr-17.2", "partial"},
      {"eu-gspr-17.4", "present"},
      {"eu-gspr-23.4ab", "present"},
      {"eu-mdcg-2019-16", "partial"},
      {"fda-architecture-views", "present"},
      {"fda-labeling", "present"},
      {"fda-management-plan", "present"},
      {"fda-metrics", "present"},
      {"fda-requirements", "present"},
      {"fda-risk-assessment", "present"},
      {"fda-risk-management-report", "present"},
      {"fda-sbom", "present"},
      {"fda-testing", "partial"},
      {"fda-threat-model", "present"},
      {"fda-traceability", "present"},
      {"fda-unresolved-anomalies", "present"},
      {"fda-vulnerability-assessment", "present"},
  };
  EXPECT_EQ(Statuses(index), expected);
  EXPECT_EQ(ElementOf(index, "fda-testing")["missing"],
            json::array({"sdl: SVV-5 (independence of testers) is not done"}));
  EXPECT_EQ(ElementOf(index, "eu-gspr-17.2")["missing"],
            json::array({"sdl: 50% of the activities are not done"}));
  EXPECT_EQ(ElementOf(index, "eu-mdcg-2019-16")["missing"],
            json::array({"8 capabilities the model cannot answer (answer them in the MDS2)"}));
  EXPECT_EQ(ElementOf(index, "fda-threat-model")["files"],
            json::array({"threat-model.html", "threat-model.md", "threats.xlsx"}));
  // Sorted by id, each with all five keys.
  std::string previous;
  for (const json& e : index["elements"]) {
    EXPECT_LT(previous, e["id"].get<std::string>());
    previous = e["id"];
    EXPECT_EQ(e.size(), 5u) << e.dump();
  }
  // The first page says the same as the index.
  const std::string md = icd.Read("out/index.md");
  EXPECT_NE(md.find("| fda-testing | Security testing | partial | sdl: SVV-5 (independence of "
                    "testers) is not done | security-testing.html, security-testing.md |"),
            std::string::npos)
      << md;
  // The documents carry the model's new sections.
  EXPECT_NE(icd.Read("out/management-plan.md").find("| Disclosure contact | psirt@example.org |"),
            std::string::npos);
  EXPECT_NE(icd.Read("out/unresolved-anomalies.md").find("| AN-23 |"), std::string::npos);
  const std::string threat_model = icd.Read("out/threat-model.md");
  EXPECT_NE(threat_model.find("| UC-emergency | emergency | Emergency access | F-telemetry |"),
            std::string::npos);
  EXPECT_NE(threat_model.find("| programmer | signed | icd/software/programmer.cdx.json |"),
            std::string::npos)
      << threat_model;
  EXPECT_NE(threat_model.find("No component has instances: many."), std::string::npos);
}

TEST(SubmissionCliTest, TheTestingSummarySaysWhoTestedFromTheEvidence) {
  testing::IcdCopy icd;
  ASSERT_EQ(icd.Run("submission icd -o out").code, 0);
  const std::string md = icd.Read("out/security-testing.md");
  EXPECT_NE(md.find("| Measure | Evidence | Kind | Result | Version under test | Date | Tester | "
                    "Independence | Source |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| V&V team (CI) | internal |"), std::string::npos) << md;
  EXPECT_EQ(md.find("Results that do not state who tested"), std::string::npos) << md;
  // Flipped: the manifest no longer says who ran the attacks that verify the measures.
  ASSERT_TRUE(icd.Replace("icd/evidence/manifest.json",
                          "{\"path\": \"sim-evidence.json\", \"tester\": \"V&V team (CI)\", "
                          "\"independence\": \"internal\"}",
                          "{\"path\": \"sim-evidence.json\"}"));
  ASSERT_EQ(icd.Run("submission icd -o again").code, 0);
  const json index = json::parse(icd.Read("again/index.json"));
  EXPECT_EQ(ElementOf(index, "fda-testing")["missing"],
            json::array({"sdl: SVV-5 (independence of testers) is not done",
                         "evidence: a result does not state its tester and independence (see "
                         "the results per measure)"}));
  const std::string again = icd.Read("again/security-testing.md");
  EXPECT_NE(
      again.find(
          "Results that do not state who tested and with what independence from the "
          "developers (JUnit properties 'tester' and 'independence', or the evidence "
          "manifest's entry): M-encrypt sim:eavesdrop, M-mac sim:modify, M-mac sim:replay, M-mac "
          "sim:inject."),
      std::string::npos)
      << again;
}

TEST(SubmissionCliTest, ABareModelMarksRisksAndSbomAbsentWithWhatToAdd) {
  testing::IcdCopy icd;
  std::filesystem::create_directories(icd.dir() / "bare");
  icd.Write("bare/system.yaml", testing::MinimalModel());
  const Outcome o = icd.Run("submission bare -o out");
  ASSERT_EQ(o.code, 0) << o.err;
  const json index = json::parse(icd.Read("out/index.json"));
  const std::map<std::string, std::string> statuses = Statuses(index);
  EXPECT_EQ(statuses, (std::map<std::string, std::string>{
                          {"eu-gspr-17.2", "absent"},
                          {"eu-gspr-17.4", "present"},
                          {"eu-gspr-23.4ab", "absent"},
                          {"eu-mdcg-2019-16", "partial"},
                          {"fda-architecture-views", "partial"},
                          {"fda-labeling", "absent"},
                          {"fda-management-plan", "absent"},
                          {"fda-metrics", "partial"},
                          {"fda-requirements", "absent"},
                          {"fda-risk-assessment", "absent"},
                          {"fda-risk-management-report", "absent"},
                          {"fda-sbom", "absent"},
                          {"fda-testing", "partial"},
                          {"fda-threat-model", "partial"},
                          {"fda-traceability", "absent"},
                          {"fda-unresolved-anomalies", "absent"},
                          {"fda-vulnerability-assessment", "absent"},
                      }));
  EXPECT_EQ(ElementOf(index, "fda-risk-management-report")["missing"],
            json::array({"risks: add the security risks, their measures and residual risks",
                         "document: add document control (id, revision, approvals)"}));
  EXPECT_EQ(statuses.at("fda-risk-assessment"), "absent");
  EXPECT_EQ(statuses.at("fda-risk-management-report"), "absent");
  EXPECT_EQ(statuses.at("fda-sbom"), "absent");
  EXPECT_EQ(statuses.at("fda-vulnerability-assessment"), "absent");
  EXPECT_EQ(statuses.at("fda-traceability"), "absent");
  EXPECT_EQ(statuses.at("fda-management-plan"), "absent");
  EXPECT_EQ(statuses.at("fda-unresolved-anomalies"), "absent");
  EXPECT_EQ(statuses.at("fda-threat-model"), "partial");
  EXPECT_EQ(statuses.at("eu-gspr-17.4"), "present");
  EXPECT_EQ(ElementOf(index, "fda-risk-assessment")["missing"],
            json::array({"risks: add the security risks with likelihood and impact"}));
  EXPECT_EQ(ElementOf(index, "fda-sbom")["missing"],
            json::array({"software.sboms: name the device's SBOM (CycloneDX or SPDX)"}));
  EXPECT_NE(icd.Read("out/sbom.md").find("SBOM: not provided."), std::string::npos);
}

TEST(SubmissionCliTest, MultiPatientViewShowsWhatAManyInstanceComponentReaches) {
  testing::IcdCopy icd;
  const Outcome o = icd.Run("submission '" + std::string(MEDTRA_SOURCE_DIR) +
                            "/examples/insulin-pump' -o out --format md");
  ASSERT_EQ(o.code, 0) << o.err;
  const std::string md = icd.Read("out/threat-model.md");
  EXPECT_NE(md.find("## Multi-patient harm view: Multi-patient harm: what one compromised "
                    "instance reaches\n\n| Component | Reached from | Essential functions | "
                    "Patient-serving components | After measures |\n| --- | --- | --- | --- | --- "
                    "|\n| cloud | internet | EF-insulin | pump | pump |\n"),
            std::string::npos)
      << md;
  // The reach drawn on the data-flow diagram: a picture in HTML, its caption in Markdown.
  EXPECT_NE(md.find("*What one compromised instance reaches, on the data-flow diagram: "),
            std::string::npos)
      << md;
  ASSERT_EQ(icd.Run("submission '" + std::string(MEDTRA_SOURCE_DIR) +
                    "/examples/insulin-pump' -o html --format html")
                .code,
            0);
  const std::string html = icd.Read("html/threat-model.html");
  const size_t section = html.find("<section id=\"paths-reach\">");
  ASSERT_NE(section, std::string::npos);
  const size_t svg = html.find("<svg", section);
  ASSERT_NE(svg, std::string::npos);
  EXPECT_LT(svg, html.find("</section>", section));
  EXPECT_NE(html.find("id=\"component&#45;pump\"", svg), std::string::npos);
}

TEST(SubmissionCliTest, ExitCodesFollowFailOnAsAnalyzeDoes) {
  testing::IcdCopy icd;
  std::filesystem::create_directories(icd.dir() / "bare");
  icd.Write("bare/system.yaml", testing::MinimalModel());
  for (const std::string model : {"icd", "bare"}) {
    for (const std::string level : {"unacceptable", "note", "Medium", "High"}) {
      const int analyze =
          icd.Run("analyze " + model + " -o - --format json --fail-on " + level).code;
      const int submission = icd.Run("submission " + model + " -o out --fail-on " + level).code;
      EXPECT_EQ(submission, analyze) << model << " " << level;
    }
  }
  EXPECT_EQ(icd.Run("submission icd -o out --fail-on Medium").code, 1);
  EXPECT_EQ(icd.Run("submission icd -o out --fail-on High").code, 0);
  EXPECT_EQ(icd.Run("submission bare -o out --fail-on note").code, 1);
  // With a High residual likelihood risk 2's residual risk is not acceptable.
  ASSERT_TRUE(icd.Replace("icd/risks.yaml", "    residual:\n      likelihood: Low",
                          "    residual:\n      likelihood: High"));
  const Outcome unacceptable = icd.Run("submission icd -o out2 --fail-on unacceptable");
  EXPECT_EQ(unacceptable.code, 1) << unacceptable.err;
}

TEST(SubmissionCliTest, InputErrorsExitTwoAndWriteNothing) {
  testing::IcdCopy icd;
  Outcome o = icd.Run("submission icd -o out --format html,pfd");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err,
            "medtra: submission: unknown format 'pfd'; expected a "
            "comma-separated list of: html,md,json,xlsx,pdf,docx\n");
  o = icd.Run("submission icd -o out --fail-on Hihg");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(testing::LineWith(o.err, "--fail-on"),
            "medtra: submission: unknown --fail-on value 'Hihg'; expected "
            "one of: error, warning, note, unacceptable, Low, Medium, High");
  ASSERT_TRUE(icd.Replace("icd/postmarket.yaml", "component: programmer", "component: programer"));
  o = icd.Run("submission icd -o out");
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("icd/postmarket.yaml:43:16: error: unknown component 'programer' (did you "
                       "mean 'programmer'?) [unknown-reference]"),
            std::string::npos)
      << o.err;
  EXPECT_FALSE(std::filesystem::exists(icd.dir() / "out"));
  // A missing tool is named with its Debian package, before anything is written.
  o = icd.Run("submission icd -o out --format pdf", "PATH=/nonexistent");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err,
            "medtra: submission: --format pdf needs headless Chromium, which is not in PATH; "
            "install the Debian package 'chromium' or leave out pdf\n");
  o = icd.Run("submission icd -o out --format docx", "PATH=/nonexistent");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err,
            "medtra: submission: --format docx needs pandoc, which is not in PATH; install the "
            "Debian package 'pandoc' or leave out docx\n");
  EXPECT_FALSE(std::filesystem::exists(icd.dir() / "out"));
}

TEST(SubmissionCliTest, AFailingConverterIsAnInternalErrorNamingIt) {
  testing::IcdCopy icd;
  std::filesystem::create_directories(icd.dir() / "bin");
  icd.Write("bin/chromium", "#!/bin/sh\nexit 7\n");
  std::filesystem::permissions(icd.dir() / "bin/chromium", std::filesystem::perms::owner_all);
  const Outcome o = icd.Run("submission icd -o out --format html,pdf",
                            "PATH='" + (icd.dir() / "bin").string() + "'");
  EXPECT_EQ(o.code, 3);
  EXPECT_EQ(o.err, "wrote 15 files to out\nmedtra: submission: package.pdf: " +
                       (icd.dir() / "bin/chromium").string() + " failed (exit 7)\n");
  EXPECT_FALSE(std::filesystem::exists(icd.dir() / "out/package.pdf"));
}

TEST(SubmissionCliTest, ModelTextIsEscapedInEveryFormat) {
  testing::IcdCopy icd;
  ASSERT_TRUE(icd.Replace("icd/postmarket.yaml", "title: The programmer's session log",
                          "title: <script>alert(1)</script> The programmer's session log"));
  ASSERT_EQ(icd.Run("submission icd -o out").code, 0);
  const std::string html = icd.Read("out/unresolved-anomalies.html");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  const std::string md = icd.Read("out/unresolved-anomalies.md");
  EXPECT_NE(md.find("\\<script>alert(1)\\</script>"), std::string::npos) << md;
}

TEST(SubmissionCliTest, TheSameModelGivesTheSameBytes) {
  testing::IcdCopy icd;
  ASSERT_EQ(icd.Run("submission icd -o a").code, 0);
  ASSERT_EQ(icd.Run("submission icd -o b").code, 0);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(icd.dir() / "a")) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(icd.Read("a/" + name), icd.Read("b/" + name)) << name;
    ++files;
  }
  EXPECT_EQ(files, 34u);
}

// Reads every sheet of an XLSX with Debian's python3-openpyxl and prints it as JSON:
// {sheet: [[cell, ...], ...]}, each cell with its type ("s" string, "f" formula, ...).
constexpr const char* kReadXlsx =
    "import json, sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "out = {ws.title: [[[c.value, c.data_type] for c in row] for row in ws.iter_rows()]\n"
    "       for ws in wb.worksheets}\n"
    "out['_created'] = str(wb.properties.created)\n"
    "print(json.dumps(out))\n";

TEST(SubmissionCliTest, RiskRegisterCellsEqualTheJsonReportAndAreNeverFormulas) {
  if (!Installed("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3 (python3-openpyxl)";
  testing::IcdCopy icd;
  ASSERT_TRUE(icd.Replace("icd/risks.yaml", "threat: Attacker gets access to patient data",
                          "threat: \"=HYPERLINK(\\\"http://x\\\")\""));
  ASSERT_EQ(icd.Run("submission icd -o out").code, 0);
  const testing::CommandResult read = testing::RunCommand(
      {"/usr/bin/python3", "-c", kReadXlsx, (icd.dir() / "out/risk-register.xlsx").string()});
  if (read.exit_code != 0 && read.err.find("No module named 'openpyxl'") != std::string::npos) {
    GTEST_SKIP() << "python3-openpyxl is not installed";
  }
  ASSERT_EQ(read.exit_code, 0) << read.err;
  const json book = json::parse(read.out);
  EXPECT_EQ(book["_created"], "2000-01-01 00:00:00");
  const json& sheet = book["Risk register"];
  const json report = json::parse(icd.Run("analyze icd -o - --format json").out);
  ASSERT_EQ(sheet.size(), report["risks"].size() + 1);
  EXPECT_EQ(sheet[0][0][0], "Risk ID");
  for (size_t i = 0; i < report["risks"].size(); ++i) {
    const json& risk = report["risks"][i];
    const json& row = sheet[i + 1];
    EXPECT_EQ(row[0][0], risk["id"]);
    EXPECT_EQ(row[1][0], risk["asset_name"]);
    EXPECT_EQ(row[2][0], risk["breach"]);
    EXPECT_EQ(row[3][0], risk["likelihood"]);
    EXPECT_EQ(row[5][0], risk["level"]);
    EXPECT_EQ(row[9][0], risk["residual"]["level"]);
    EXPECT_EQ(row[10][0], risk["residual"]["acceptable"] ? "acceptable" : "not acceptable");
    for (const json& cell : row) EXPECT_EQ(cell[1], "s") << cell.dump();
  }
  // The threat text that starts with '=' is in the residual sheet as text, not a formula.
  bool found = false;
  for (const auto& [name, rows] : book.items()) {
    if (!rows.is_array()) continue;
    for (const json& row : rows) {
      for (const json& cell : row) {
        if (cell[0].is_string() && cell[0].get<std::string>().rfind("=HYPERLINK", 0) == 0) {
          found = true;
          EXPECT_EQ(cell[1], "s") << name;
        }
      }
    }
  }
  EXPECT_TRUE(found);
}

std::string PdfText(const std::filesystem::path& pdf) {
  return testing::RunCommand({"/usr/bin/pdftotext", pdf.string(), "-"}).out;
}

int PdfPages(const std::filesystem::path& pdf) {
  const std::string info = testing::RunCommand({"/usr/bin/pdfinfo", pdf.string()}).out;
  const std::string line = testing::LineWith(info, "Pages:");
  return line.empty() ? -1 : std::stoi(line.substr(line.find(':') + 1));
}

TEST(SubmissionCliTest, PdfsPrintEveryDocumentAndThePackage) {
  if (!Installed("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed";
  if (!Installed("/usr/bin/pdftotext") || !Installed("/usr/bin/pdfinfo") ||
      !Installed("/usr/bin/pdftoppm")) {
    GTEST_SKIP() << "poppler-utils is not installed";
  }
  testing::IcdCopy icd;
  const Outcome o = icd.Run("submission icd -o out --format html,json,pdf");
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "wrote 16 files to out\nwrote 14 PDF files\n");
  const std::filesystem::path out = icd.dir() / "out";
  // The metrics with their trend per quarter take two pages; the anomalies' long texts take a
  // second one for AN-23.
  EXPECT_EQ(PdfPages(out / "metrics.pdf"), 2);
  EXPECT_EQ(PdfPages(out / "unresolved-anomalies.pdf"), 2);
  const std::string plan = PdfText(out / "management-plan.pdf");
  EXPECT_NE(
      plan.find("Cybersecurity management plan: Implantable\ndefibrillator with clinic programmer"),
      std::string::npos)
      << plan;
  EXPECT_NE(plan.find("psirt@example.org"), std::string::npos);
  // The package holds the index and every document: more pages than any one document.
  const int package = PdfPages(out / "package.pdf");
  EXPECT_GT(package, PdfPages(out / "risk-management-report.pdf"));
  const std::string text = PdfText(out / "package.pdf");
  for (const char* heading : {"Index of the required elements", "Threat model: Global system view",
                              "IEC 81001-5-1 conformance: Activities of the plan"}) {
    EXPECT_NE(text.find(heading), std::string::npos) << heading;
  }
  // Page 1 renders to a PNG.
  const testing::CommandResult png =
      testing::RunCommand({"/usr/bin/pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1",
                           (out / "package.pdf").string(), (out / "page").string()});
  ASSERT_EQ(png.exit_code, 0) << png.err;
  EXPECT_EQ(icd.Read("out/page-" + std::string(package >= 10 ? "01" : "1") + ".png").substr(1, 3),
            "PNG");
}

// Prints the Heading 2 paragraphs of a DOCX with Debian's python3-docx.
constexpr const char* kDocxHeadings =
    "import sys, docx\n"
    "d = docx.Document(sys.argv[1])\n"
    "for p in d.paragraphs:\n"
    "    if p.style.name in ('Heading 1', 'Heading 2'): print(p.style.name + ': ' + p.text)\n";

TEST(SubmissionCliTest, DocxFilesCarryTheHeadingsAndRepeatByteForByte) {
  if (!Installed("/usr/bin/pandoc")) GTEST_SKIP() << "pandoc is not installed";
  testing::IcdCopy icd;
  Outcome o = icd.Run("submission icd -o a --format md,docx");
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "wrote 14 files to a\nwrote 13 DOCX files\n");
  ASSERT_EQ(icd.Run("submission icd -o b --format md,docx").code, 0);
  EXPECT_EQ(icd.Read("a/threat-model.docx"), icd.Read("b/threat-model.docx"));
  const testing::CommandResult headings = testing::RunCommand(
      {"/usr/bin/python3", "-c", kDocxHeadings, (icd.dir() / "a/threat-model.docx").string()});
  if (headings.exit_code != 0 && headings.err.find("No module named 'docx'") != std::string::npos) {
    GTEST_SKIP() << "python3-docx is not installed";
  }
  ASSERT_EQ(headings.exit_code, 0) << headings.err;
  EXPECT_EQ(headings.out,
            "Heading 1: Threat model: Implantable defibrillator with clinic programmer\n"
            "Heading 2: Global system view\n"
            "Heading 2: Derived threats\n"
            "Heading 2: Multi-patient harm view: Multi-patient harm: what one compromised "
            "instance reaches\n"
            "Heading 2: Updatability and patchability view\n"
            "Heading 2: Security use case view: states and the flows they use\n");
}

}  // namespace
}  // namespace medtra
