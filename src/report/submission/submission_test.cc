// The submission package built in memory from the case study: the registered documents, the
// capabilities the model answers, the workbooks' sheets and the index JSON.
#include "medtra/report/submission.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/sbom/scan.h"
#include "report/submission/documents.h"
#include "tests/testing/model_fixture.h"

namespace medtra::report {
namespace {

class SubmissionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RealFileSystem fs;
    DiagnosticSink sink;
    model_ = model::LoadModel(fs, std::string(MEDTRA_SOURCE_DIR) + "/examples/icd", sink, nullptr);
    ASSERT_NE(model_, nullptr);
    analysis_ = analysis::Analyze(*model_, {});
    input_.analysis = &analysis_;
  }
  std::unique_ptr<const model::SystemModel> model_;
  analysis::Analysis analysis_;
  SubmissionInput input_;
};

TEST_F(SubmissionTest, EveryRegisteredDocumentIsBuiltInOrder) {
  const Submission s = BuildSubmission(input_);
  std::vector<std::string> names;
  for (const SubmissionDocument& d : s.documents) names.push_back(d.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "risk-management-report", "threat-model", "risk-assessment", "sbom",
                       "unresolved-anomalies", "traceability", "security-testing", "labeling",
                       "management-plan", "metrics", "eu-gspr", "mds2", "iec-81001-5-1"}));
  EXPECT_EQ(s.elements.size(), 17u);
}

TEST_F(SubmissionTest, CapabilitiesAreAnsweredFromTheResidualDesign) {
  std::map<std::string, std::string> answers;
  for (const submission::Capability& c : submission::Capabilities(input_)) {
    answers[c.code] = c.answer;
  }
  EXPECT_EQ(answers.at("TXCF"), "yes");  // M-encrypt provides confidentiality: encrypted
  EXPECT_EQ(answers.at("TXIG"), "yes");  // M-mac provides integrity: mac
  EXPECT_EQ(answers.at("AUDT"), "no");   // no component has audit_log: true
  EXPECT_EQ(answers.at("CSUP"), "yes");  // the programmer's update: signed
  EXPECT_EQ(answers.at("EMRG"), "yes");  // UC-emergency
  EXPECT_EQ(answers.at("ALOF"), "");     // the model cannot say
  EXPECT_EQ(answers.size(), 22u);
}

/// PAUT of a variant of the minimal model (pump: wearable, app: mobile-app).
submission::Capability PersonAuthenticationOf(const std::string& pump, const std::string& app,
                                              const std::string& app_kind = "mobile-app") {
  std::string yaml = medtra::testing::MinimalModel();
  yaml.replace(yaml.find("kind: mobile-app"), 16, "kind: " + app_kind);
  const auto put = [&](const std::string& at, const std::string& credentials) {
    if (!credentials.empty())
      yaml.replace(yaml.find(at), at.size(), at + ", credentials: " + credentials);
  };
  put("kind: wearable", pump);
  put("kind: " + app_kind, app);
  const medtra::testing::LoadedModel loaded = medtra::testing::LoadFromText(yaml);
  EXPECT_NE(loaded.model, nullptr) << loaded.diagnostics;
  if (loaded.model == nullptr) return {};
  const analysis::Analysis analysis = analysis::Analyze(*loaded.model, {});
  SubmissionInput input;
  input.analysis = &analysis;
  for (submission::Capability& c : submission::Capabilities(input)) {
    if (c.code == "PAUT") return c;
  }
  ADD_FAILURE() << "no PAUT";
  return {};
}

TEST(SubmissionCapabilities, PersonAuthenticationFollowsTheCredentialThreats) {
  // The case study's programmer has credentials: none, so anyone who holds it operates it; the
  // user measure of custody lowers that risk but gives the programmer no login.
  RealFileSystem fs;
  DiagnosticSink sink;
  const auto icd =
      model::LoadModel(fs, std::string(MEDTRA_SOURCE_DIR) + "/examples/icd", sink, nullptr);
  ASSERT_NE(icd, nullptr);
  const analysis::Analysis analysis = analysis::Analyze(*icd, {});
  SubmissionInput input;
  input.analysis = &analysis;
  std::map<std::string, submission::Capability> caps;
  for (submission::Capability& c : submission::Capabilities(input)) caps[c.code] = c;
  EXPECT_EQ(caps.at("PAUT").answer, "no");
  EXPECT_EQ(caps.at("PAUT").basis,
            "threats device-no-user-authentication@programmer (mitigated by M-programmer-custody)");

  const submission::Capability unstated = PersonAuthenticationOf("", "");
  EXPECT_EQ(unstated.answer, "");
  EXPECT_EQ(unstated.basis, "not in the model: the credentials of pump, app");
  const submission::Capability yes = PersonAuthenticationOf("none", "unique");
  EXPECT_EQ(yes.answer, "yes");
  EXPECT_EQ(yes.basis, "pump: none; app: unique");
  const submission::Capability shared = PersonAuthenticationOf("none", "shared");
  EXPECT_EQ(shared.answer, "no");
  EXPECT_EQ(shared.basis, "threats device-shared-credentials@app (open)");
  const submission::Capability nobody = PersonAuthenticationOf("none", "");
  EXPECT_EQ(nobody.answer, "");  // the app's credentials are not stated
  const submission::Capability none = PersonAuthenticationOf("none", "none");
  EXPECT_EQ(none.answer, "no");
  EXPECT_EQ(none.basis, "threats device-no-user-authentication@app (open)");
  // Nobody logs in to a sensor: no component is operated with credentials.
  const submission::Capability sensor = PersonAuthenticationOf("none", "none", "sensor");
  EXPECT_EQ(sensor.answer, "n/a");
  EXPECT_EQ(sensor.basis, "no component is operated with credentials (pump: none; app: none)");
}

TEST_F(SubmissionTest, WorkbooksHaveUniqueShortSheetNames) {
  const std::vector<SubmissionWorkbook> books = SubmissionWorkbooks(BuildSubmission(input_));
  ASSERT_EQ(books.size(), 5u);
  EXPECT_EQ(books[0].name, "risk-register");
  EXPECT_EQ(books[0].sheets[0].name, "Risk register");
  EXPECT_EQ(books[0].sheets[0].rows.size(), analysis_.risks.size() + 1);
  for (const SubmissionWorkbook& book : books) {
    std::set<std::string> names;
    EXPECT_FALSE(book.sheets.empty()) << book.name;
    for (const SubmissionSheet& sheet : book.sheets) {
      EXPECT_LE(sheet.name.size(), 31u);
      EXPECT_TRUE(names.insert(sheet.name).second) << book.name << ": " << sheet.name;
    }
  }
}

/// The section `id` of the metrics document, each block's text or table rows as lines.
std::vector<std::string> MetricsSection(const Submission& s, const std::string& id) {
  for (const SubmissionDocument& d : s.documents) {
    if (d.name != "metrics") continue;
    for (const Section& section : d.document.sections) {
      if (section.id != id) continue;
      std::vector<std::string> lines;
      for (const Block& b : section.blocks) {
        if (b.kind == Block::Kind::kParagraph) lines.push_back(b.text);
        if (b.kind != Block::Kind::kTable) continue;
        for (const std::vector<std::string>& row : b.table.rows) {
          std::string line;
          for (const std::string& cell : row) line += (line.empty() ? "" : " | ") + cell;
          lines.push_back(line);
        }
      }
      return lines;
    }
  }
  ADD_FAILURE() << "no section " << id << " in the metrics document";
  return {};
}

// Issue 12: the V.A.6 metrics over time. The case study's two advisories were published in
// 2026-Q3 (zlib, 2026-09-28) and 2026-Q4 (expat, 2026-10-14) and decided in 2026-Q4 (2026-10-02,
// 4 days; 2026-10-21, 7 days).
TEST_F(SubmissionTest, TheCaseStudyTrendPerQuarter) {
  RealFileSystem fs;
  DiagnosticSink sink;
  const sbom::ScanInput software = sbom::ReadSoftwareInputs(fs, *model_, {}, sink);
  ASSERT_FALSE(sink.has_errors()) << RenderTextAll(sink, nullptr);
  analysis::AnalyzeOptions options;
  options.software = &software;
  analysis_ = analysis::Analyze(*model_, options);
  const std::vector<std::string> trend =
      MetricsSection(BuildSubmission(input_), "vulnerability-trend");
  ASSERT_EQ(trend.size(), 3u);
  EXPECT_EQ(trend[0],
            "Per calendar quarter, from the advisories' publication dates and the VEX decision "
            "dates (a final decision is not_affected, affected or fixed), from 2026-Q3 to the "
            "quarter of the latest of these dates. Open items were published by the quarter's "
            "end and not decided by then. Whether an item was uncontrolled at a quarter's end is "
            "not recorded, so the trend does not count it.");
  EXPECT_EQ(trend[1], "2026-Q3 | 1 | 0 | 1 | -");
  EXPECT_EQ(trend[2], "2026-Q4 | 1 | 2 | 0 | 4");
}

TEST_F(SubmissionTest, WithoutSoftwareOrDatesTheMetricsHaveNoTrend) {
  EXPECT_EQ(MetricsSection(BuildSubmission(input_), "vulnerability-trend"),
            (std::vector<std::string>{
                "No trend: the model names no SBOM with advisories ('software')."}));
  analysis_.software.emplace();
  EXPECT_EQ(MetricsSection(BuildSubmission(input_), "vulnerability-trend"),
            (std::vector<std::string>{"No trend: no SBOM component matches an advisory."}));
  analysis_.software->entries.resize(2);  // matches without dates
  sbom::AssessPostmarket({}, &*analysis_.software);
  EXPECT_EQ(MetricsSection(BuildSubmission(input_), "vulnerability-trend"),
            (std::vector<std::string>{
                "No trend: no match has the dates it needs.",
                "Without dates (not in the trend): 2 matches without a valid advisory publication "
                "date or with a final decision without a valid date."}));
}

TEST_F(SubmissionTest, IndexJsonNamesTheFilesOfTheChosenFormats) {
  input_.formats = {"html", "pdf", "xlsx"};
  const Submission s = BuildSubmission(input_);
  const nlohmann::json index = nlohmann::json::parse(RenderSubmissionIndexJson(s, analysis_));
  EXPECT_EQ(index["format"], "medtra-submission");
  EXPECT_EQ(index["system"]["id"], "icd-system");
  for (const nlohmann::json& e : index["elements"]) {
    if (e["id"] != "fda-risk-assessment") continue;
    EXPECT_EQ(e["files"], nlohmann::json::array({"risk-assessment.html", "risk-assessment.pdf",
                                                 "risk-register.xlsx"}));
  }
}

}  // namespace
}  // namespace medtra::report
