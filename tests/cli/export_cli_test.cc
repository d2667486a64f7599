// End-to-end tests of `medtra export otm` (the case study's export validates against the OTM
// schema and imports back to the same zones, components, assets and flows) and of
// `medtra threats export` (CSV for trackers).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/run_command.h"
#include "tests/testing/shared_data.h"

namespace medtra {
namespace {

using nlohmann::json;
using testing::Outcome;

// Validates `file` against the OTM schema with Debian's python3-jsonschema (draft-07).
constexpr const char* kValidate =
    "import json, sys, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "errors = list(jsonschema.Draft7Validator(schema).iter_errors(json.load(open(sys.argv[2]))))\n"
    "for e in errors: print('/'.join(map(str, e.absolute_path)), e.message)\n"
    "sys.exit(1 if errors else 0)\n";

TEST(ExportCliTest, CaseStudyExportValidatesAgainstTheOtmSchema) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  testing::IcdCopy icd;
  const Outcome o = icd.Run("export otm icd -o icd.otm.json");
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "wrote icd.otm.json\n");
  const testing::CommandResult valid = testing::RunCommand(
      {"/usr/bin/python3", "-c", kValidate, testing::SharedDataPath("samples/otm/otm_schema.json"),
       (icd.dir() / "icd.otm.json").string()});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  const json otm = json::parse(icd.Read("icd.otm.json"));
  EXPECT_EQ(otm["otmVersion"], "0.2.0");
  EXPECT_EQ(otm["project"]["id"], "icd-system");
  EXPECT_EQ(otm["components"].size(), 2u);
  EXPECT_EQ(otm["dataflows"][0]["attributes"]["authentication"], "static-identifier");
  EXPECT_EQ(otm["threats"].size(),
            json::parse(icd.Run("analyze icd -o - --format json").out)["threats"].size());
  // The same model gives the same bytes.
  EXPECT_EQ(icd.Run("export otm icd").out, icd.Read("icd.otm.json"));
}

TEST(ExportCliTest, ImportOfTheExportGivesTheSameElements) {
  testing::IcdCopy icd;
  ASSERT_EQ(icd.Run("export otm icd -o icd.otm.json").code, 0);
  const Outcome imported = icd.Run("import otm icd.otm.json -o back");
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_EQ(imported.out,
            "icd.otm.json: imported 2 zones, 2 components, 3 assets, 1 flow, 14 threats into "
            "back\n");
  const Outcome diff = icd.Run("diff icd back");
  ASSERT_EQ(diff.code, 0) << diff.err;
  const json model = json::parse(diff.out)["model"];
  const std::set<std::string> kept = {"zones", "components", "assets", "flows"};
  for (const char* kind : {"added", "removed"}) {
    for (const json& item : model[kind]) {
      EXPECT_EQ(kept.count(item["section"]), 0u) << item.dump();
    }
  }
  // What OTM cannot carry: references to the intended environments and essential functions,
  // which the export does not write (they are not OTM elements).
  for (const json& item : model["changed"]) {
    if (kept.count(item["section"]) == 0) continue;
    for (const json& change : item["changes"]) {
      EXPECT_TRUE(change["attribute"] == "environments" ||
                  change["attribute"] == "essential_function")
          << item.dump();
    }
  }
}

TEST(ExportCliTest, ThreatsExportAsCsvForTrackers) {
  testing::IcdCopy icd;
  const Outcome o = icd.Run("threats export icd");
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.out.substr(0, o.out.find('\n') + 1),
            "id,title,targets,status,decision,rationale,risk,measures,ticket\r\n");
  EXPECT_NE(o.out.find("\r\ncomm-jamming@F-telemetry,Jamming/denial of therapy communication on "
                       "F-telemetry,F-telemetry,open,,,3,,\r\n"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("\r\ndevice-no-audit-log@programmer,No audit log on programmer: "
                       "security-relevant actions leave no trace,programmer,accepted,accepted,"),
            std::string::npos);
  size_t rows = 0;
  for (size_t at = o.out.find("\r\n"); at != std::string::npos; at = o.out.find("\r\n", at + 2)) {
    ++rows;
  }
  EXPECT_EQ(rows - 1, json::parse(icd.Run("analyze icd -o - --format json").out)["threats"].size());
  EXPECT_EQ(icd.Run("threats export icd -o threats.csv").code, 0);
  EXPECT_EQ(icd.Read("threats.csv"), o.out);
}

TEST(ExportCliTest, AnInvalidModelExits2) {
  testing::IcdCopy icd;
  icd.Write("bad.yaml", "medtra: 1\n");
  EXPECT_EQ(icd.Run("threats export bad.yaml").code, 2);
  const Outcome o = icd.Run("export otm bad.yaml");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_NE(o.err.find("[missing-section]"), std::string::npos) << o.err;
}

}  // namespace
}  // namespace medtra
