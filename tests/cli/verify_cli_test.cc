// End-to-end tests of the one verification resolver as `analyze` and `trace` use it, and of the
// subject, version and date that `medtra sim --evidence` records: on copies of the case study.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Outcome;

class VerifyCliTest : public ::testing::Test {
 protected:
  /// `analyze icd --format json -o -` parsed; its exit code in `code`.
  json Analyze(int* code, const std::string& more = "") const {
    const Outcome o = icd_.Run("analyze icd --format json -o - " + more);
    *code = o.code;
    EXPECT_NE(o.out, "") << o.err;
    return o.out.empty() ? json() : json::parse(o.out);
  }

  static const json& Measure(const json& report, const std::string& id) {
    for (const json& m : report["measures"]) {
      if (m["id"] == id) return m;
    }
    static const json kNone;
    ADD_FAILURE() << "no measure " << id;
    return kNone;
  }

  static std::vector<json> Findings(const json& report, const std::string& code) {
    std::vector<json> found;
    for (const json& f : report["findings"]) {
      if (f["code"] == code) found.push_back(f);
    }
    return found;
  }

  testing::IcdCopy icd_;
};

TEST_F(VerifyCliTest, ShippedCaseStudyIsVerifiedForVersion1_0) {
  int code = -1;
  const json report = Analyze(&code, "--fail-on error");
  EXPECT_EQ(code, 0);
  for (const char* id : {"M-encrypt", "M-mac"}) {
    const json& m = Measure(report, id);
    EXPECT_EQ(m["verification_status"], "verified") << id;
    for (const json& v : m["verifications"]) {
      EXPECT_EQ(v["subject"], "icd-system");
      EXPECT_EQ(v["version"], "1.0");
    }
  }
  EXPECT_EQ(Measure(report, "M-programmer-custody")["verification_status"], "not-applicable");
}

// (i) The secure link's `modify` scenario marked failed in the sim evidence.
TEST_F(VerifyCliTest, FailedScenarioMakesTheMeasureFailed) {
  ASSERT_TRUE(icd_.Replace("icd/evidence/sim-evidence.json",
                           "\"id\": \"sim:modify\",\n      \"attack\": \"modify\",\n      "
                           "\"protocol\": \"secure\",\n      \"passed\": true",
                           "\"id\": \"sim:modify\",\n      \"attack\": \"modify\",\n      "
                           "\"protocol\": \"secure\",\n      \"passed\": false"));
  int code = -1;
  const json report = Analyze(&code);
  EXPECT_EQ(code, 0);
  const json& mac = Measure(report, "M-mac");
  EXPECT_EQ(mac["verification_status"], "failed");
  EXPECT_EQ(mac["verifications"][0]["ref"], "sim:modify");
  EXPECT_EQ(mac["verifications"][0]["status"], "failed");
  EXPECT_EQ(mac["verifications"][1]["status"], "verified");
  EXPECT_EQ(Measure(report, "M-encrypt")["verification_status"], "verified");
  const std::vector<json> failed = Findings(report, "verification-failed");
  ASSERT_EQ(failed.size(), 2u);  // at the measure and at requirement REQ-AUTH-1
  EXPECT_EQ(failed[1]["file"], "icd/risks.yaml");
  EXPECT_EQ(failed[1]["line"], 75);
  EXPECT_EQ(failed[1]["col"], 19);
  EXPECT_EQ(failed[1]["severity"], "error");
  Analyze(&code, "--fail-on error");
  EXPECT_EQ(code, 1);
}

// (ii) No evidence/ folder at all.
TEST_F(VerifyCliTest, WithoutEvidenceTheMeasuresAreMissing) {
  fs::remove_all(icd_.dir() / "icd" / "evidence");
  int code = -1;
  const json report = Analyze(&code, "--fail-on error");
  EXPECT_EQ(code, 1);
  EXPECT_EQ(Measure(report, "M-encrypt")["verification_status"], "missing");
  EXPECT_EQ(Measure(report, "M-mac")["verification_status"], "missing");
  const json& eavesdrop = Measure(report, "M-encrypt")["verifications"][0];
  EXPECT_EQ(eavesdrop["status"], "missing");
  EXPECT_EQ(eavesdrop["detail"], "no result for scenario 'sim:eavesdrop': no evidence was read");
}

// (iii) A new version of the device: the evidence was made on 1.0.
TEST_F(VerifyCliTest, NewSystemVersionMakesTheEvidenceStale) {
  ASSERT_TRUE(icd_.Replace("icd/system.yaml", "version: \"1.0\"", "version: \"1.1\""));
  int code = -1;
  const json report = Analyze(&code, "--fail-on error");
  // Stale evidence is a warning of its own, but it verifies nothing: the risks it served are
  // not acceptable, an error.
  EXPECT_EQ(code, 1);
  for (const json& risk : report["risks"]) {
    // Risks 1 and 2 rest on the measures; risk 3 (jamming) has none.
    EXPECT_EQ(risk["residual"]["acceptable"], risk["id"] == "3") << risk["id"];
  }
  const json& mac = Measure(report, "M-mac");
  EXPECT_EQ(mac["verification_status"], "stale");
  EXPECT_EQ(mac["verifications"][0]["version"], "1.0");
  EXPECT_EQ(Measure(report, "M-encrypt")["verification_status"], "stale");
  bool named = false;
  for (const json& f : Findings(report, "verification-stale")) {
    const std::string message = f["message"];
    if (message.rfind("verification 'sim:modify' of measure 'M-mac' is stale: made on version "
                      "1.0; the model is version 1.1 (icd/evidence/sim-evidence.json:",
                      0) == 0) {
      named = true;
      EXPECT_EQ(f["severity"], "warning");
      EXPECT_EQ(f["file"], "icd/risks.yaml");
      EXPECT_EQ(f["line"], 75);
      EXPECT_EQ(f["col"], 19);
    }
  }
  EXPECT_TRUE(named);
  Analyze(&code, "--fail-on warning");
  EXPECT_EQ(code, 1);
}

// (iv) A `file:` reference to a document that does not exist: analyze and trace agree.
TEST_F(VerifyCliTest, MissingDocumentIsMissingInAnalyzeAndTrace) {
  ASSERT_TRUE(icd_.Replace("icd/risks.yaml", "verified_by: [sim:modify, sim:replay, sim:inject]",
                           "verified_by: [sim:modify, sim:replay, sim:inject, "
                           "\"file:docs/mac-review.pdf\"]"));
  const std::string message =
      "verification 'file:docs/mac-review.pdf' of measure 'M-mac' is missing: file "
      "'icd/docs/mac-review.pdf' does not exist";
  int code = -1;
  const json report = Analyze(&code, "--fail-on error");
  EXPECT_EQ(code, 1);
  const json& mac = Measure(report, "M-mac");
  EXPECT_EQ(mac["verification_status"], "missing");
  EXPECT_EQ(mac["verifications"][3]["status"], "missing");
  const std::vector<json> missing = Findings(report, "verification-missing");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0]["message"], message);
  EXPECT_EQ(missing[0]["file"], "icd/risks.yaml");
  EXPECT_EQ(missing[0]["line"], 75);
  EXPECT_EQ(missing[0]["col"], 55);
  const Outcome trace = icd_.Run("trace icd --fail-on error");
  EXPECT_EQ(trace.code, 1);
  EXPECT_NE(trace.out.find("icd/risks.yaml:75:55: error: " + message + " [verification-missing]\n"),
            std::string::npos)
      << trace.out;
  // The matrix row of M-mac's freshness requirement: its own tests pass, the measure does not.
  const std::string line = testing::LineWith(trace.out, "REQ-FRESH-1");
  ASSERT_GT(line.size(), 8u);
  EXPECT_NE(line.find("sim:replay=verified, test:LinkTargetsTest.T3SameSessionReplay=verified"),
            std::string::npos)
      << line;
  EXPECT_EQ(line.substr(line.size() - 8), " missing") << line;
  const json matrix = json::parse(icd_.Run("trace icd --format json").out);
  EXPECT_EQ(matrix["matrix"][1]["measure_verification_status"], "missing");
  EXPECT_EQ(matrix["matrix"][1]["status"], "missing");
}

// `medtra sim --evidence` records the subject it verified and when.
TEST_F(VerifyCliTest, SimEvidenceStatesSubjectVersionAndDate) {
  Outcome o = icd_.Run("sim --attack eavesdrop --model icd --evidence a.json",
                       "SOURCE_DATE_EPOCH=1796164015");
  ASSERT_EQ(o.code, 0) << o.err;
  json evidence = json::parse(icd_.Read("a.json"));
  EXPECT_EQ(evidence["subject"], json::parse(R"({"id": "icd-system", "version": "1.0"})"));
  EXPECT_EQ(evidence["date"], "2026-12-01T22:26:55Z");
  EXPECT_EQ(evidence["format"], "medtra-sim-evidence");
  EXPECT_EQ(evidence["scenarios"][0]["id"], "sim:eavesdrop");
  o = icd_.Run("sim --attack eavesdrop --subject pump --subject-version 2 --evidence b.json",
               "SOURCE_DATE_EPOCH=0");
  ASSERT_EQ(o.code, 0) << o.err;
  evidence = json::parse(icd_.Read("b.json"));
  EXPECT_EQ(evidence["subject"], json::parse(R"({"id": "pump", "version": "2"})"));
  EXPECT_EQ(evidence["date"], "1970-01-01T00:00:00Z");
  o = icd_.Run("sim --attack eavesdrop --evidence c.json");
  ASSERT_EQ(o.code, 0) << o.err;
  evidence = json::parse(icd_.Read("c.json"));
  EXPECT_FALSE(evidence.contains("subject"));
  EXPECT_EQ(evidence["date"].get<std::string>().size(), 20u);
}

TEST_F(VerifyCliTest, SimRejectsABadModelAndBadOptions) {
  ASSERT_TRUE(icd_.Replace("icd/system.yaml", "  id: icd-system\n", "  id: [icd-system]\n"));
  Outcome o = icd_.Run("sim --attack eavesdrop --model icd --evidence a.json");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
            "icd/system.yaml:7:7: error: expected a text for 'id', found a sequence "
            "[wrong-type]");
  EXPECT_FALSE(fs::exists(icd_.dir() / "a.json"));
  o = icd_.Run("sim --attack eavesdrop --model icd --subject x --evidence a.json");
  EXPECT_EQ(o.code, 2);
  o = icd_.Run("sim --attack eavesdrop --evidence a.json", "SOURCE_DATE_EPOCH=soon");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "medtra: sim: SOURCE_DATE_EPOCH 'soon' is not a number of seconds\n");
}

// A malformed manifest in the evidence folder is an input error with its location.
TEST_F(VerifyCliTest, MalformedManifestIsALocatedInputError) {
  icd_.Write("icd/evidence/manifest.json",
             "{\"format\": \"medtra-evidence-manifest\", \"format_version\": 1,\n"
             " \"files\": [{\"path\": \"junit.xml\", \"version\": [1]}]}\n");
  for (const char* command : {"analyze icd --format json -o -", "trace icd", "sdl icd"}) {
    const Outcome o = icd_.Run(command);
    EXPECT_EQ(o.code, 2) << command;
    EXPECT_EQ(o.out, "") << command;
    EXPECT_EQ(o.err.substr(0, o.err.find('\n')),
              "icd/evidence/manifest.json:2:45: error: expected a text for 'version', found a "
              "sequence [wrong-type]")
        << command;
  }
}

}  // namespace
}  // namespace medtra
