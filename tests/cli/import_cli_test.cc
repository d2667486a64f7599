// End-to-end tests of `medtra import`: every reference sample becomes a model that `medtra check`
// and `medtra analyze` accept, with the source's counts; bad and hostile files get located errors,
// exit 2 and write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/sanitized.h"
#include "tests/testing/shared_data.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json ReadJson(const std::string& path) { return nlohmann::json::parse(ReadText(path)); }

std::string Guard() { return testing::HostileGuard(); }

class ImportCliTest : public ::testing::Test {
 protected:
  // Imports `file` into `out`, then checks and analyses the model; returns `check --format json`.
  nlohmann::json ImportAndCheck(const std::string& format, const std::string& file,
                                const std::string& out) {
    const Outcome imported = dir_.Run("import " + format + " '" + file + "' -o " + out);
    EXPECT_EQ(imported.code, 0) << imported.err;
    const Outcome analyzed = dir_.Run("analyze " + out + " -o rep-" + out + " --format json");
    EXPECT_EQ(analyzed.code, 0) << analyzed.err;
    const Outcome checked = dir_.Run("check " + out + " --format json");
    EXPECT_EQ(checked.code, 0) << checked.err;
    return checked.code == 0 ? nlohmann::json::parse(checked.out) : nlohmann::json();
  }
  // The number of threat events in the imported model's threats.yaml.
  size_t ThreatEvents(const std::string& out) const {
    const std::string text = dir_.Read(out + "/threats.yaml");
    size_t n = 0;
    for (size_t at = text.find("\n  - id: "); at != std::string::npos;
         at = text.find("\n  - id: ", at + 1)) {
      ++n;
    }
    return n;
  }
  testing::IcdCopy dir_;
};

TEST_F(ImportCliTest, OtmExampleImportsWithItsCounts) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  for (const std::string name : {"EXAMPLE.json", "EXAMPLE.yaml"}) {
    const std::string path = testing::SharedDataPath("samples/otm/" + name);
    const nlohmann::json source = ReadJson(testing::SharedDataPath("samples/otm/EXAMPLE.json"));
    const std::string out = "otm-" + name.substr(8);
    const nlohmann::json check = ImportAndCheck("otm", path, out);
    EXPECT_EQ(check["components"], source["components"].size());
    EXPECT_EQ(check["flows"], source["dataflows"].size());
    // Each threat instance on a component or dataflow is one threat event.
    size_t instances = 0;
    for (const char* section : {"components", "dataflows"}) {
      for (const auto& element : source[section]) {
        if (element.contains("threats") && element["threats"].is_array()) {
          instances += element["threats"].size();
        }
      }
    }
    EXPECT_EQ(ThreatEvents(out), instances);
    const std::string system = dir_.Read(out + "/system.yaml");
    EXPECT_NE(system.find("  # from " + path + ":"), std::string::npos);
    EXPECT_NE(system.find("      cmdbId: \"MyApp123\"\n"), std::string::npos) << system;
  }
}

TEST_F(ImportCliTest, ThreatDragonDemoImportsWithItsCounts) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const std::string path = testing::SharedDataPath("samples/threat-dragon/v2-threat-model.json");
  const nlohmann::json source = ReadJson(path);
  size_t elements = 0, flows = 0, threats = 0, boundaries = 0;
  for (const auto& cell : source["detail"]["diagrams"][0]["cells"]) {
    const std::string type = cell["data"]["type"];
    if (type == "tm.Flow") ++flows;
    if (type == "tm.Boundary") ++boundaries;
    if (type == "tm.Actor" || type == "tm.Process" || type == "tm.Store") ++elements;
    // Real files keep the threats under data (the samples' README).
    threats += cell["data"].value("threats", nlohmann::json::array()).size();
  }
  const nlohmann::json check = ImportAndCheck("threat-dragon", path, "td");
  EXPECT_EQ(check["components"], elements);
  EXPECT_EQ(check["flows"], flows);
  EXPECT_EQ(ThreatEvents("td"), threats);
  EXPECT_EQ(threats, 14u);
  const std::string text = dir_.Read("td/threats.yaml");
  EXPECT_NE(text.find("  # status: 'Mitigated' -> mitigated (decide it in threat_decisions or "
                      "link it to a risk)\n"),
            std::string::npos);
  // The drawn boundaries have no medtra home: reported where they are.
  const Outcome again = dir_.Run("import threat-dragon '" + path + "' -o td --force");
  EXPECT_EQ(again.code, 0);
  EXPECT_NE(again.err.find(path + ":383:11: warning: Threat Dragon tm.Boundary '' is a drawing, "
                                  "not a zone with members; not imported [import-unmapped]"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(boundaries, 3u);
}

TEST_F(ImportCliTest, EmptyThreatDragonModelImports) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const nlohmann::json check = ImportAndCheck(
      "threat-dragon", testing::SharedDataPath("samples/threat-dragon/v2-new-model.json"), "new");
  EXPECT_EQ(check["components"], 0);
  EXPECT_FALSE(fs::exists(dir_.dir() / "new" / "threats.yaml"));
}

TEST_F(ImportCliTest, PytmInputAndOutputImportWithTheirCounts) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const std::string input = testing::SharedDataPath("samples/pytm/input.json");
  const nlohmann::json in = ImportAndCheck("pytm", input, "pytm-in");
  EXPECT_EQ(in["components"], ReadJson(input)["elements"].size());
  EXPECT_EQ(in["flows"], ReadJson(input)["flows"].size());
  const std::string output =
      testing::SharedDataPath("samples/pytm/pytm-v1.3.1-sample-tm-json-output.json");
  const nlohmann::json source = ReadJson(output);
  const nlohmann::json out = ImportAndCheck("pytm", output, "pytm-out");
  EXPECT_EQ(out["components"], source["elements"].size());
  EXPECT_EQ(out["flows"], source["flows"].size());
  EXPECT_EQ(ThreatEvents("pytm-out"), source["findings"].size());
  // pytm names repeat across kinds (a flow and a data item); the second is renamed and reported.
  const Outcome again = dir_.Run("import pytm '" + output + "' -o pytm-out --force");
  EXPECT_NE(again.err.find("warning: id 'Insert-query-with-comments' is already used"),
            std::string::npos)
      << again.err;
}

TEST_F(ImportCliTest, ThreagileModelImportsWithItsCounts) {
  const std::string path =
      std::string(MEDTRA_TESTS_DIR) + "/cli/data/interchange/threagile-home-monitor.yaml";
  const nlohmann::json check = ImportAndCheck("threagile", path, "thr");
  EXPECT_EQ(check["components"], 3);
  EXPECT_EQ(check["flows"], 2);
  EXPECT_EQ(ThreatEvents("thr"), 3u);  // one identified risk, two tracked ones
  const std::string system = dir_.Read("thr/system.yaml");
  EXPECT_NE(system.find("  - id: \"monitor-Upload\"\n    name: \"Upload\"\n    between: "
                        "[\"monitor\", \"cloud-api\"]\n    medium: \"ethernet\"\n    "
                        "authentication: \"certificate\"\n    confidentiality: \"encrypted\"\n"),
            std::string::npos)
      << system;
  const std::string threats = dir_.Read("thr/threats.yaml");
  EXPECT_NE(threats.find("# status: 'false-positive' -> not-applicable"), std::string::npos);
  EXPECT_NE(threats.find("# status: 'in-progress' -> open"), std::string::npos);
}

TEST_F(ImportCliTest, MalformedJsonIsALocatedErrorAndWritesNothing) {
  dir_.Write("bad.json", "{\n  \"summary\": {\"title\": \"x\",},\n  \"detail\": {}\n}\n");
  const Outcome o = dir_.Run("import threat-dragon bad.json -o out");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(testing::LineWith(o.err, "error"),
            "bad.json:2:28: error: JSON syntax error while parsing object key - unexpected '}'; "
            "expected string literal [json-syntax]");
  EXPECT_FALSE(fs::exists(dir_.dir() / "out"));
}

TEST_F(ImportCliTest, MalformedYamlIsALocatedError) {
  dir_.Write("bad.yaml", "title: x\ntechnical_assets:\n  a: [1, 2\n");
  const Outcome o = dir_.Run("import threagile bad.yaml -o out");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(testing::LineWith(o.err, "error").substr(0, 14), "bad.yaml:4:1: ");
  EXPECT_FALSE(fs::exists(dir_.dir() / "out"));
}

TEST_F(ImportCliTest, AFileOfAnotherFormatIsALocatedError) {
  dir_.Write("x.json", "{\"summary\": {}, \"detail\": {}}");
  const Outcome o = dir_.Run("import otm x.json -o out");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err,
            "x.json:1:1: error: not an OTM file: no 'otmVersion' at the top level "
            "[import-format]\n  {\"summary\": {}, \"detail\": {}}\n  ^\n");
  dir_.Write("list.json", "[1]");
  EXPECT_EQ(testing::LineWith(dir_.Run("import pytm list.json -o out").err, "error"),
            "list.json:1:1: error: not a pytm JSON file: the top level is array [import-format]");
  dir_.Write("types.json", "{\"elements\": {}, \"flows\": []}");
  EXPECT_EQ(testing::LineWith(dir_.Run("import pytm types.json -o out").err, "error"),
            "types.json:1:14: error: expected an array for 'elements', found object "
            "[import-wrong-type]");
  EXPECT_FALSE(fs::exists(dir_.dir() / "out"));
}

TEST_F(ImportCliTest, DuplicateJsonKeysAreLocatedErrors) {
  dir_.Write("dup.json", "{\"otmVersion\": \"0.2.0\", \"project\": {},\n \"project\": {}}");
  const Outcome o = dir_.Run("import otm dup.json -o out");
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(testing::LineWith(o.err, "error"),
            "dup.json:2:2: error: duplicate key 'project' [duplicate-key]");
}

TEST_F(ImportCliTest, HostileFilesEndFastWithLocatedErrors) {
  dir_.Write("deep.json", std::string(100000, '[') + std::string(100000, ']'));
  Outcome o = dir_.Run("import pytm deep.json -o out", Guard());
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(testing::LineWith(o.err, "error"),
            "deep.json:1:65: error: nesting deeper than 64 levels [json-depth]");
  std::string bomb = "title: x\ntechnical_assets: {}\na: &a [x, x, x, x, x, x, x, x, x]\n";
  for (int i = 0; i < 9; ++i) {
    const std::string name(1, static_cast<char>('b' + i));
    const std::string prev(1, static_cast<char>('a' + i));
    bomb += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  dir_.Write("bomb.yaml", bomb);
  o = dir_.Run("import threagile bomb.yaml -o out", Guard());
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(testing::LineWith(o.err, "error").find("[yaml-alias-bomb]"), std::string::npos)
      << o.err;
  dir_.Write("binary.json", std::string("\x7f"
                                        "ELF\x01\x02\x00\x00",
                                        8));
  o = dir_.Run("import otm binary.json -o out", Guard());
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(testing::LineWith(o.err, "error").substr(0, 28), "binary.json:1:1: error: JSON");
  EXPECT_FALSE(fs::exists(dir_.dir() / "out"));
}

TEST_F(ImportCliTest, HostileStringsStayValues) {
  // Names that would be YAML structure, comments or aliases if written unquoted.
  const std::string evil = "x\"\n- id: injected\n  kind: implant # \\ &a *a !!str\u2028: {";
  nlohmann::json td = {
      {"summary", {{"title", evil}}},
      {"detail",
       {{"diagrams",
         {{{"cells",
            {{{"id", "a"}, {"data", {{"type", "tm.Process"}, {"name", evil}}}},
             {{"id", "b\n#"}, {"data", {{"type", "tm.Store"}, {"name", "b"}, {evil, evil}}}},
             {{"id", "f"},
              {"source", {{"cell", "a"}}},
              {"target", {{"cell", "b\n#"}}},
              {"data",
               {{"type", "tm.Flow"},
                {"name", evil},
                {"threats", {{{"title", evil}, {"status", evil}, {"id", evil}}}}}}}}}}}}}}};
  dir_.Write("evil.json", td.dump());
  const Outcome o = dir_.Run("import threat-dragon evil.json -o evil");
  ASSERT_EQ(o.code, 0) << o.err;
  const Outcome checked = dir_.Run("check evil --format json");
  ASSERT_EQ(checked.code, 0) << checked.err;
  EXPECT_EQ(nlohmann::json::parse(checked.out)["components"], 2);  // nothing injected
  const Outcome analyzed = dir_.Run("analyze evil -o - --format json");
  ASSERT_EQ(analyzed.code, 0) << analyzed.err;
  EXPECT_EQ(nlohmann::json::parse(analyzed.out)["system"]["name"], evil);
  EXPECT_EQ(dir_.Read("evil/system.yaml").find("\n- id: injected"), std::string::npos);
}

}  // namespace
}  // namespace medtra
