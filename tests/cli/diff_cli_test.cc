// End-to-end tests of `medtra diff`: the case study against itself and against copies with one
// flow property changed, as models and as report JSONs; exit codes of --fail-on and bad inputs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Outcome;

// True when every added, removed and changed list of the diff is empty.
bool Empty(const json& d) {
  for (const auto& part : {d["model"], d["analysis"]["threats"], d["analysis"]["risks"],
                           d["analysis"]["measures"], d["analysis"]["findings"]}) {
    for (const auto& [kind, items] : part.items()) {
      if (!items.empty()) return false;
    }
  }
  return true;
}

class DiffCliTest : public ::testing::Test {
 protected:
  // `new/`: a copy of the case study in which `from` becomes `to` in `file`.
  void ChangedCopy(const std::string& file, const std::string& from, const std::string& to) {
    fs::copy(icd_.dir() / "icd", icd_.dir() / "new", fs::copy_options::recursive);
    ASSERT_TRUE(icd_.Replace("new/" + file, from, to));
  }
  json DiffJson(const std::string& args, int expected_code = 0) {
    const Outcome o = icd_.Run("diff " + args);
    EXPECT_EQ(o.code, expected_code) << o.err;
    return o.code == expected_code ? json::parse(o.out) : json();
  }
  testing::IcdCopy icd_;
};

TEST_F(DiffCliTest, AModelAgainstItselfIsEmpty) {
  const json d = DiffJson("icd icd");
  EXPECT_EQ(d["format"], "medtra-diff");
  EXPECT_EQ(d["model"], json::parse(R"({"added": [], "removed": [], "changed": []})"));
  for (const char* part : {"threats", "risks", "measures"}) {
    EXPECT_EQ(d["analysis"][part], json::parse(R"({"added": [], "removed": [], "changed": []})"));
  }
  EXPECT_EQ(d["analysis"]["findings"], json::parse(R"({"added": [], "removed": []})"));
  for (const char* touch : {"essential_function", "safety_related_risk", "entry_point_or_flow",
                            "measure_or_verification", "sbom"}) {
    EXPECT_EQ(d["assessment"][touch]["touched"], false) << touch;
  }
  const Outcome md = icd_.Run("diff icd icd --format md --fail-on any");
  EXPECT_EQ(md.code, 0);
  EXPECT_NE(md.out.find("The two revisions do not differ.\n"), std::string::npos) << md.out;
}

TEST_F(DiffCliTest, AMeasuresFlowPropertyChangesThreatStatusAndRiskVerdict) {
  // M-mac gives the telemetry a CRC instead of a MAC: the residual design of F-telemetry changes.
  ChangedCopy("risks.yaml", "provides: {flow: F-telemetry, integrity: mac,",
              "provides: {flow: F-telemetry, integrity: crc,");
  const json d = DiffJson("icd new");
  EXPECT_EQ(d["model"]["changed"], json::parse(R"([{"section": "measures", "id": "M-mac",
      "changes": [{"attribute": "provides.integrity", "old": "mac", "new": "crc"}]}])"));
  EXPECT_EQ(d["analysis"]["threats"]["changed"],
            json::parse(R"([{"id": "comm-unprotected-conduit@F-telemetry", "changes": [
      {"attribute": "status", "old": "mitigated", "new": "open"},
      {"attribute": "measures", "old": ["M-mac"], "new": []}]}])"));
  EXPECT_EQ(d["analysis"]["threats"]["added"],
            json::parse(R"([{"id": "comm-checksum-spoofing@F-telemetry",
      "title": "Forged checksum on F-telemetry", "status": "open", "risk": null}])"));
  EXPECT_EQ(d["analysis"]["risks"]["changed"], json::parse(R"([{"id": "2", "changes": [
      {"attribute": "residual.acceptable", "old": true, "new": false},
      {"attribute": "residual.blocked_by", "old": [],
       "new": ["comm-unprotected-conduit@F-telemetry"]}]}])"));
  EXPECT_EQ(d["assessment"]["safety_related_risk"]["touched"], true);
  EXPECT_EQ(d["assessment"]["measure_or_verification"]["evidence"],
            json::parse(R"(["measures M-mac: provides.integrity changed from 'mac' to 'crc'"])"));
  EXPECT_EQ(icd_.Run("diff icd new --fail-on unacceptable").code, 1);
  EXPECT_EQ(icd_.Run("diff icd new --fail-on unassessed").code, 1);
  const Outcome md = icd_.Run("diff icd new --format md");
  EXPECT_EQ(md.code, 0);
  EXPECT_NE(md.out.find("| measures M-mac | provides.integrity | mac | crc |\n"), std::string::npos)
      << md.out;
  EXPECT_NE(md.out.find("| comm-unprotected-conduit@F-telemetry | status | mitigated | open |\n"),
            std::string::npos);
  EXPECT_NE(md.out.find("| 2 | residual.acceptable | true | false |\n"), std::string::npos);
  // The same inputs give the same bytes.
  EXPECT_EQ(icd_.Run("diff icd new").out, icd_.Run("diff icd new").out);
}

TEST_F(DiffCliTest, HtmlHasTheMarkdownContentAndEscapesHostileNames) {
  ChangedCopy("system.yaml", "    name: Programmer\n",
              "    name: \"<script>alert('x')</script>\\\"\"\n");
  const Outcome html = icd_.Run("diff icd new --format html");
  EXPECT_EQ(html.code, 0) << html.err;
  EXPECT_EQ(html.out.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(html.out.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                          "'none';"),
            std::string::npos);
  EXPECT_NE(html.out.find("<tr><td>components programmer</td><td>name</td><td>Programmer</td>"
                          "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;</td></tr>\n"),
            std::string::npos)
      << html.out;
  EXPECT_EQ(html.out.find("<script"), std::string::npos);
  EXPECT_EQ(html.out.find("src="), std::string::npos);
  EXPECT_EQ(html.out.find("href="), std::string::npos);
  EXPECT_EQ(icd_.Run("diff icd new --format html").out, html.out);
  const Outcome same = icd_.Run("diff icd icd --format html");
  EXPECT_NE(same.out.find("<p>The two revisions do not differ.</p>\n"), std::string::npos);
}

TEST_F(DiffCliTest, AFlowDesignPropertyChangesTheDerivedThreats) {
  ChangedCopy("system.yaml", "authentication: static-identifier", "authentication: none");
  const json d = DiffJson("icd new");
  EXPECT_EQ(d["model"]["changed"], json::parse(R"([{"section": "flows", "id": "F-telemetry",
      "changes": [{"attribute": "authentication", "old": "static-identifier", "new": "none"}]}])"));
  EXPECT_EQ(d["analysis"]["threats"]["added"][0]["id"], "comm-missing-authentication@F-telemetry");
  EXPECT_EQ(d["analysis"]["threats"]["removed"].size(), 2u);
  EXPECT_EQ(d["analysis"]["risks"]["changed"], json::array());
  EXPECT_EQ(
      d["assessment"]["entry_point_or_flow"]["evidence"],
      json::parse(
          R"(["flows F-telemetry: authentication changed from 'static-identifier' to 'none'"])"));
  EXPECT_EQ(icd_.Run("diff icd new --fail-on unacceptable").code, 0);
  EXPECT_EQ(icd_.Run("diff icd new --fail-on any").code, 1);
}

TEST_F(DiffCliTest, TwoReportJsonsDiffTheirAnalysis) {
  ChangedCopy("risks.yaml", "provides: {flow: F-telemetry, integrity: mac,",
              "provides: {flow: F-telemetry, integrity: crc,");
  ASSERT_EQ(icd_.Run("analyze icd -o r1 --format json").code, 0);
  ASSERT_EQ(icd_.Run("analyze new -o r2 --format json").code, 0);
  const json d = DiffJson("r1/report.json r2/report.json");
  EXPECT_TRUE(d["model"].is_null());
  EXPECT_EQ(d["analysis"]["risks"]["changed"][0]["id"], "2");
  EXPECT_EQ(d["analysis"], DiffJson("icd new")["analysis"]);
}

TEST_F(DiffCliTest, ARevisionOfTheGitRepositoryIsAModel) {
  if (access("/usr/bin/git", X_OK) != 0) GTEST_SKIP() << "git is not installed";
  // IcdCopy::Run runs `medtra ARGS` through the shell in the copy's folder: git follows it.
  const Outcome init = icd_.Run(
      "--version >/dev/null && git init -q . && git add icd && git -c user.name=t -c "
      "user.email=t@example.com commit -qm icd && true");
  ASSERT_EQ(init.code, 0) << init.err;
  ASSERT_TRUE(icd_.Replace("icd/risks.yaml", "provides: {flow: F-telemetry, integrity: mac,",
                           "provides: {flow: F-telemetry, integrity: crc,"));
  const json d = DiffJson("HEAD:icd icd");
  EXPECT_EQ(d["old"]["path"], "HEAD:icd");
  EXPECT_EQ(d["model"]["changed"][0]["id"], "M-mac");
  EXPECT_EQ(d["analysis"]["risks"]["changed"][0]["id"], "2");
  EXPECT_TRUE(Empty(DiffJson("HEAD:icd HEAD:icd")));
  const Outcome missing = icd_.Run("diff HEAD:nothing icd");
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err, "medtra: diff: HEAD:nothing: no such path in the revision\n");
}

TEST_F(DiffCliTest, BadInputsExit2) {
  Outcome o = icd_.Run("diff icd missing");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "missing: error: no such file or directory [file-not-found]\n");
  EXPECT_EQ(o.out, "");
  icd_.Write("other.json", "{\"format\": \"medtra-diff\"}");
  o = icd_.Run("diff other.json icd");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err,
            "other.json:1:1: error: not a medtra report JSON (\"format\": \"medtra-report\") "
            "[diff-input]\n");
  icd_.Write("odd.json", "{\"format\": \"medtra-report\", \"threats\": [{\"id\": 5}]}");
  o = icd_.Run("diff odd.json odd.json");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "odd.json:1:1: error: /threats/0/id is not a string [diff-input]\n");
  EXPECT_EQ(icd_.Run("diff icd icd --fail-on bogus").code, 2);
}

}  // namespace
}  // namespace medtra
