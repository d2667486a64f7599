// The submission package built in memory from the case study: the registered documents, the
// capabilities and the MDS2 questions the model answers, the workbooks' sheets and the index JSON.
#include "medtra/report/submission.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/sbom/scan.h"
#include "report/submission/documents.h"
#include "report/submission/mds2_questions.h"
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
  /// The SBOMs and advisories that the case study's 'software' names.
  sbom::ScanInput ReadSoftware() const {
    RealFileSystem fs;
    DiagnosticSink sink;
    sbom::ScanInput software = sbom::ReadSoftwareInputs(fs, *model_, {}, sink);
    EXPECT_FALSE(sink.has_errors()) << RenderTextAll(sink, nullptr);
    return software;
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

/// What `f` makes of the submission input of `yaml` analysed (a default value when it fails to
/// load).
template <typename F>
auto FromModelText(const std::string& yaml, F f) {
  using Result = decltype(f(std::declval<const SubmissionInput&>()));
  const medtra::testing::LoadedModel loaded = medtra::testing::LoadFromText(yaml);
  EXPECT_NE(loaded.model, nullptr) << loaded.diagnostics;
  if (loaded.model == nullptr) return Result{};
  const analysis::Analysis analysis = analysis::Analyze(*loaded.model, {});
  SubmissionInput input;
  input.analysis = &analysis;
  return f(input);
}

/// The capability `code` of the model `yaml`.
submission::Capability CapabilityOf(const std::string& yaml, const std::string& code) {
  return FromModelText(yaml, [&](const SubmissionInput& input) {
    for (submission::Capability& c : submission::Capabilities(input)) {
      if (c.code == code) return c;
    }
    ADD_FAILURE() << "no " << code;
    return submission::Capability{};
  });
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
  return CapabilityOf(yaml, "PAUT");
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

/// The capability `code` of the minimal model with F-1's medium `medium`.
submission::Capability CapabilityWithMedium(const std::string& code, const std::string& medium) {
  std::string yaml = medtra::testing::MinimalModel();
  yaml.replace(yaml.find("medium: ble"), 11, "medium: " + medium);
  return CapabilityOf(yaml, code);
}

TEST(SubmissionCapabilities, ConnectivityCountsOnlyFlowsThatLeaveTheDevice) {
  const submission::Capability ble = CapabilityWithMedium("CONN", "ble");
  EXPECT_EQ(ble.answer, "yes");
  EXPECT_EQ(ble.basis, "F-1 (ble)");
  const submission::Capability internal = CapabilityWithMedium("CONN", "internal");
  EXPECT_EQ(internal.answer, "no");
  EXPECT_EQ(internal.basis, "no flow leaves the device; inside the device only: F-1 (internal)");
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
  const sbom::ScanInput software = ReadSoftware();
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

// Issue 12: the MDS2 question by question: the form's question table, the case study's answers
// with their basis, the blank list, the workbook, and answers that follow the model.
using submission::Mds2Answer;

/// "ID | answer | basis" of every question, by id.
std::map<std::string, std::string> Rows(const std::vector<Mds2Answer>& answers) {
  std::map<std::string, std::string> rows;
  for (const Mds2Answer& a : answers) {
    rows[std::string(a.question->id)] = a.answer + " | " + a.basis;
  }
  return rows;
}

/// The answers for a variant of the minimal model.
std::map<std::string, std::string> RowsOf(const std::string& yaml) {
  return FromModelText(
      yaml, [](const SubmissionInput& input) { return Rows(submission::Mds2Answers(input)); });
}

TEST(SubmissionMds2, TheFormsQuestionsInFormOrder) {
  const auto questions = submission::Mds2Questions();
  EXPECT_EQ(questions.size(), 240u);
  EXPECT_EQ(questions.front().id, "DOC-1");
  EXPECT_EQ(questions.back().id, "RMOT-3");
  std::set<std::string_view> ids;
  std::vector<std::string_view> order;  // the sections as the questions meet them
  for (const submission::Mds2Question& q : questions) {
    EXPECT_TRUE(ids.insert(q.id).second) << q.id;
    EXPECT_EQ(q.id.substr(0, q.id.find('-')), q.section) << q.id;
    EXPECT_FALSE(q.topic.empty()) << q.id;
    EXPECT_LE(q.topic.size(), 60u) << q.id;
    if (order.empty() || order.back() != q.section) order.push_back(q.section);
  }
  std::vector<std::string_view> sections;
  for (const submission::Mds2Section& s : submission::Mds2Sections()) sections.push_back(s.code);
  EXPECT_EQ(order, sections);  // each section once, in the table's order
  EXPECT_EQ(sections.size(), 23u);
}

TEST_F(SubmissionTest, Mds2TheCaseStudyAnswersWithTheirBasis) {
  input_.sboms = ReadSoftware().sboms;
  const std::vector<Mds2Answer> answers = submission::Mds2Answers(input_);
  ASSERT_EQ(answers.size(), 240u);
  const std::map<std::string, std::string> rows = Rows(answers);
  EXPECT_EQ(rows.at("DOC-1"), " | not in the model");
  EXPECT_EQ(rows.at("DOC-4"), "ICD-SRMF-001 | document.id");
  EXPECT_EQ(rows.at("DOC-7"), "2026-11-30 | document.date");
  EXPECT_EQ(rows.at("DOC-10"), "yes | the threat model's data-flow diagram of flows F-telemetry");
  EXPECT_EQ(rows.at("MPII-1"), "yes | MPII: assets with personal_health_data: true");
  EXPECT_EQ(rows.at("MPII-3.5"), "no | flows carrying personal health data: F-telemetry (rf)");
  EXPECT_EQ(rows.at("MPII-3.6"), "yes | flows carrying personal health data: F-telemetry (rf)");
  EXPECT_EQ(rows.at("MPII-3.7"), "no | flows carrying personal health data: F-telemetry (rf)");
  EXPECT_EQ(rows.at("AUDT-1"), "no | AUDT: no component has audit_log: true");
  EXPECT_EQ(rows.at("AUTH-2"),
            " | not decided: AUTH is no (F-telemetry authorization: none), which does not answer "
            "this question");
  EXPECT_EQ(rows.at("PAUT-1"),
            "no | PAUT: threats device-no-user-authentication@programmer (mitigated by "
            "M-programmer-custody)");
  EXPECT_EQ(rows.at("TXCF-2"), "yes | TXCF: F-telemetry confidentiality: encrypted");
  EXPECT_EQ(rows.at("SBOM-1"), "yes | software.sboms of programmer");
  EXPECT_EQ(rows.at("SBOM-2"), "yes | programmer.cdx.json: cyclonedx 1.6");
  EXPECT_EQ(rows.at("SBOM-2.2"), "yes | 5 of 5 components with a supplier");
  EXPECT_EQ(rows.at("SBOM-4"), " | not in the model");
  EXPECT_EQ(rows.at("ALOF-1"), " | ALOF: not in the model: session timeout of the user interface");
  size_t answered = 0;
  for (const Mds2Answer& a : answers) answered += a.answer.empty() ? 0 : 1;
  EXPECT_EQ(answered, 29u);  // and 211 blank
}

TEST_F(SubmissionTest, Mds2WithoutTheSbomFilesTheirQuestionsAreBlank) {
  // The fixture's input names no SBOM files read.
  const std::map<std::string, std::string> rows = Rows(submission::Mds2Answers(input_));
  EXPECT_EQ(rows.at("SBOM-1"), "yes | software.sboms of programmer");
  EXPECT_EQ(rows.at("SBOM-2.1"), " | not read: the SBOM files that 'software' names");
}

TEST_F(SubmissionTest, Mds2TheBlankListNamesExactlyTheBlankQuestions) {
  input_.sboms = ReadSoftware().sboms;
  std::vector<std::string> expected;
  for (const Mds2Answer& a : submission::Mds2Answers(input_)) {
    if (a.answer.empty()) {
      expected.push_back(std::string(a.question->id) + ": " + std::string(a.question->topic));
    }
  }
  const Document d = submission::Mds2(input_);
  std::vector<std::string> listed;
  size_t question_rows = 0;
  for (const Section& s : d.sections) {
    for (const Block& b : s.blocks) {
      if (s.id == "mds2-blank" && b.kind == Block::Kind::kList) listed = b.items;
      if (b.kind == Block::Kind::kTable && b.table.header[0] == "Id") {
        question_rows += b.table.rows.size();
      }
    }
  }
  EXPECT_EQ(listed, expected);
  EXPECT_EQ(question_rows, 240u);
  EXPECT_EQ(expected.front(), "DOC-1: manufacturer name");
}

TEST_F(SubmissionTest, Mds2TheWorkbookCarriesEveryQuestion) {
  input_.sboms = ReadSoftware().sboms;
  const std::vector<SubmissionWorkbook> books = SubmissionWorkbooks(BuildSubmission(input_));
  size_t rows = 0;
  std::vector<std::string> names;
  for (const SubmissionWorkbook& book : books) {
    if (book.name != "mds2") continue;
    for (const SubmissionSheet& sheet : book.sheets) {
      names.push_back(sheet.name);
      if (sheet.rows[0] == std::vector<std::string>{"Id", "Topic", "Answer", "Basis"}) {
        rows += sheet.rows.size() - 1;
      }
    }
  }
  EXPECT_EQ(rows, 240u);
  ASSERT_EQ(names.size(), 25u);  // the device, 23 form sections, the capabilities
  EXPECT_EQ(names[0], "Device description");
  EXPECT_EQ(names[2], "MPII - Management of persona");  // the code survives the 28 characters
  EXPECT_EQ(names[24], "Security capabilities (IEC T");
}

TEST(SubmissionMds2, PersonalDataAndItsMediaFollowTheModel) {
  std::string yaml = medtra::testing::MinimalModel();
  const std::map<std::string, std::string> with = RowsOf(yaml);
  EXPECT_EQ(with.at("MPII-1"), "yes | MPII: assets with personal_health_data: true");
  EXPECT_EQ(with.at("MPII-3.6"), "yes | flows carrying personal health data: F-1 (ble)");
  EXPECT_EQ(with.at("MPII-3.7"), "no | flows carrying personal health data: F-1 (ble)");

  std::string without = yaml;
  const std::string phi = ", personal_health_data: true";
  without.erase(without.find(phi), phi.size());
  const std::map<std::string, std::string> none = RowsOf(without);
  EXPECT_EQ(none.at("MPII-1"), "no | MPII: no personal health data");
  EXPECT_EQ(none.at("MPII-3"), "no | no flow carries an asset with personal_health_data");
  EXPECT_EQ(none.at("MPII-3.7"), "no | no flow carries an asset with personal_health_data");

  std::string internet = yaml;
  internet.replace(internet.find("components:\n"), 12,
                   "components:\n  - {id: cloud, name: Cloud, kind: cloud}\n");
  internet.replace(internet.find("hazards:"), 8,
                   "  - {id: F-2, between: [app, cloud], medium: internet, carries: [A-data],\n"
                   "     authentication: none, confidentiality: none, integrity: none, freshness: "
                   "none}\n"
                   "hazards:");
  const std::map<std::string, std::string> online = RowsOf(internet);
  EXPECT_EQ(online.at("MPII-3.7"),
            "yes | flows carrying personal health data: F-1 (ble), F-2 (internet)");
  EXPECT_EQ(online.at("MPII-3.5"),
            "no | flows carrying personal health data: F-1 (ble), F-2 (internet)");
}

}  // namespace
}  // namespace medtra::report
