// Tests of LoadModel and ModelBuilder on an in-memory file system: every diagnostic the builder and
// the loader emit, with exact text, and what a valid model holds.
#include <gtest/gtest.h>

#include "medtra/model/model_loader.h"

namespace medtra::model {
namespace {

// A valid system file (m/a.yaml); tests add m/b.yaml, whose line numbers start at 1.
constexpr char kSystem[] = R"(medtra: 1
system:
  id: s
  name: S
  intended_use: Use
  essential_functions:
    - {id: EF-1, name: Therapy, component: c1}
  intended_environment:
    - {id: ENV-1, name: Clinic, setting: clinic}
zones:
  - {id: Z-1, name: Zone}
components:
  - {id: c1, name: Implant, kind: implant, zone: Z-1}
  - {id: c2, name: Programmer, kind: programmer}
assets:
  - {id: A-1, name: Data, kind: data, protect: [confidentiality]}
flows:
  - id: F-1
    between: [c2, c1]
    medium: rf
    carries: [A-1]
    authentication: none
    confidentiality: none
    integrity: none
    freshness: none
)";

struct Loaded {
  std::unique_ptr<const SystemModel> model;
  std::string text;  // every diagnostic, rendered without snippets
};

Loaded LoadFiles(const std::map<std::string, std::string>& files, const std::string& path = "m",
                 int limit = DiagnosticSink::kDefaultLimit) {
  MemoryFileSystem fs;
  for (const auto& [name, content] : files) fs.AddFile(name, content);
  DiagnosticSink sink(limit);
  Loaded out;
  out.model = LoadModel(fs, path, sink, nullptr);
  out.text = RenderTextAll(sink, nullptr);
  EXPECT_EQ(out.model == nullptr, sink.has_errors()) << out.text;
  return out;
}

// The diagnostics of the system file plus `b` as m/b.yaml.
std::string Errors(const std::string& b) {
  return LoadFiles({{"m/a.yaml", kSystem}, {"m/b.yaml", b}}).text;
}

TEST(ModelBuilderTest, SystemFileAloneIsValid) {
  const Loaded loaded = LoadFiles({{"m/a.yaml", kSystem}});
  EXPECT_EQ(loaded.text, "");
  ASSERT_NE(loaded.model, nullptr);
  const SystemModel& m = *loaded.model;
  EXPECT_EQ(m.system.id, "s");
  EXPECT_EQ(m.system.essential_functions.size(), 1u);
  EXPECT_EQ(m.components.size(), 2u);
  EXPECT_EQ(m.zones[0].kind, "other");  // the default
  EXPECT_EQ(m.components[0].instances, "one");
  EXPECT_EQ(m.flows[0].name, "F-1");  // defaults to the id
  EXPECT_EQ(m.flows[0].from, "c2");
  EXPECT_EQ(m.flows[0].authorization, "none");
  EXPECT_TRUE(m.risk_method.is_default);
  EXPECT_EQ(m.files, std::vector<std::string>{"m/a.yaml"});
  EXPECT_EQ(m.content_hash.size(), 64u);
  EXPECT_EQ(m.FindFlow("F-1"), &m.flows[0]);
  EXPECT_EQ(m.FindComponent("nope"), nullptr);
  EXPECT_EQ(m.components[1].location, (SourceLocation{"m/a.yaml", 14, 5}));
}

TEST(ModelBuilderTest, TheCaseStudyLoads) {
  MemoryFileSystem fs;
  DiagnosticSink sink;
  const auto model =
      LoadModel(RealFileSystem(), std::string(MEDTRA_SOURCE_DIR) + "/examples/icd", sink, nullptr);
  ASSERT_NE(model, nullptr) << RenderTextAll(sink, nullptr);
  EXPECT_EQ(model->risks.size(), 3u);  // the source's two, and jamming
  EXPECT_EQ(model->risks[1].threat,
            "Attacker manipulate the therapy by changing therapy parameter");
  EXPECT_TRUE(model->risks[1].patient_harm);
  EXPECT_EQ(model->measures[1].provides[0].properties.at("integrity"), "mac");
  EXPECT_EQ(model->measures[1].provides[0].properties.size(), 3u);
}

TEST(ModelBuilderTest, TopLevelMustBeAMapping) {
  EXPECT_EQ(LoadFiles({{"m/a.yaml", "- a\n"}}).text,
            "m/a.yaml:1:1: error: expected a mapping of sections at the top level of a model "
            "file, found a sequence [top-level]\n");
  EXPECT_EQ(LoadFiles({{"m/a.yaml", "~\n"}}).text,
            "m/a.yaml:1:1: error: expected a mapping of sections at the top level of a model "
            "file, found nothing [top-level]\n");
}

TEST(ModelBuilderTest, FormatVersion) {
  EXPECT_EQ(LoadFiles({{"m/a.yaml", std::string(kSystem).replace(8, 1, "2")}}).text,
            "m/a.yaml:1:9: error: unsupported model format version '2'; this medtra reads "
            "'medtra: 1' [format-version]\n");
  EXPECT_EQ(LoadFiles({{"m/a.yaml", std::string(kSystem).replace(8, 1, "[1]")}}).text,
            "m/a.yaml:1:9: error: expected a format version number for 'medtra', found a "
            "sequence [wrong-type]\n");
  EXPECT_EQ(LoadFiles({{"m/a.yaml", std::string(kSystem).substr(10)}}).text,
            "m/a.yaml:1:1: error: the file with the 'system' section must state the format: "
            "'medtra: 1' [format-version]\n");
}

TEST(ModelBuilderTest, MissingAndDuplicateSystem) {
  EXPECT_EQ(LoadFiles({{"m/a.yaml", "medtra: 1\nzones: []\n"}}).text,
            "m/a.yaml:1:1: error: the model has no 'system' section (intended use, essential "
            "functions, intended environment) [missing-section]\n");
  EXPECT_EQ(Errors("medtra: 1\nsystem: {id: t, name: T}\n"),
            "m/b.yaml:2:9: error: a model has one 'system' section; found another "
            "[duplicate-section]\n");
}

TEST(ModelBuilderTest, UnknownKeysWithDidYouMean) {
  EXPECT_EQ(Errors("medtra: 1\ncomponets: []\nrisk: []\nbanana: 1\n"),
            "m/b.yaml:2:1: error: unknown key 'componets' in the model file (did you mean "
            "'components'?) [unknown-key]\n"
            "m/b.yaml:3:1: error: unknown key 'risk' in the model file (did you mean 'risks'?) "
            "[unknown-key]\n"
            "m/b.yaml:4:1: error: unknown key 'banana' in the model file [unknown-key]\n");
  EXPECT_EQ(Errors("zones:\n  - {id: Z-2, name: Z, knd: body}\n"),
            "m/b.yaml:2:24: error: unknown key 'knd' in zone (did you mean 'kind'?) "
            "[unknown-key]\n");
}

TEST(ModelBuilderTest, UnknownEnumValuesWithDidYouMean) {
  EXPECT_EQ(Errors("components:\n  - {id: c3, name: C, kind: implnt}\n"),
            "m/b.yaml:2:29: error: unknown value 'implnt' for 'kind' (did you mean 'implant'?); "
            "expected one of: implant, programmer, home-monitor, mobile-app, wearable, "
            "insulin-pump, infusion-pump, ventilator, patient-monitor, imaging, hub, cloud, "
            "server, database, ehr, workstation, gateway, network-device, sensor, external, "
            "other [unknown-value]\n");
  EXPECT_EQ(Errors("assets:\n  - {id: A-2, name: A, kind: log, protect: [integrty, secrecy]}\n"),
            "m/b.yaml:2:45: error: unknown value 'integrty' in 'protect' (did you mean "
            "'integrity'?); expected one of: confidentiality, integrity, availability "
            "[unknown-value]\n"
            "m/b.yaml:2:55: error: unknown value 'secrecy' in 'protect'; expected one of: "
            "confidentiality, integrity, availability [unknown-value]\n");
}

TEST(ModelBuilderTest, WrongTypes) {
  EXPECT_EQ(Errors("zones: {id: Z}\n"),
            "m/b.yaml:1:8: error: expected a list for 'zones', found a mapping [wrong-type]\n");
  EXPECT_EQ(Errors("zones:\n  - Z-2\n"),
            "m/b.yaml:2:5: error: expected a mapping for zone, found a scalar [wrong-type]\n");
  EXPECT_EQ(Errors("zones:\n  - {id: Z-2, name: [a]}\n"),
            "m/b.yaml:2:21: error: expected a text for 'name', found a sequence [wrong-type]\n");
  EXPECT_EQ(Errors("components:\n  - {id: c3, name: C, kind: cloud, audit_log: yes}\n"),
            "m/b.yaml:2:47: error: expected true or false for 'audit_log', found a scalar "
            "[wrong-type]\n");
  EXPECT_EQ(Errors("assets:\n  - {id: A-2, name: A, kind: log, protect: {a: 1}}\n"),
            "m/b.yaml:2:44: error: expected a list for 'protect', found a mapping [wrong-type]\n");
  EXPECT_EQ(Errors("assets:\n  - {id: A-2, name: A, kind: log, protect: [[a]]}\n"),
            "m/b.yaml:2:45: error: expected a text item for 'protect', found a sequence "
            "[wrong-type]\n");
}

TEST(ModelBuilderTest, MissingRequiredKeys) {
  EXPECT_EQ(Errors("components:\n  - {name: C}\n"),
            "m/b.yaml:2:5: error: missing required key 'id' in component [missing-key]\n"
            "m/b.yaml:2:5: error: missing required key 'kind' in component [missing-key]\n");
  EXPECT_EQ(Errors("components:\n  - {id: ~, name: C, kind: cloud}\n"),
            "m/b.yaml:2:10: error: missing required key 'id' in component [missing-key]\n");
}

TEST(ModelBuilderTest, EmptyId) {
  EXPECT_EQ(Errors("zones:\n  - {id: '', name: Z}\n"),
            "m/b.yaml:2:10: error: an id must not be empty [empty-id]\n");
}

TEST(ModelBuilderTest, DuplicateIdsInOneFileAndAcrossFiles) {
  EXPECT_EQ(
      Errors("zones:\n  - {id: c1, name: Z}\n  - {id: Z-2, name: Z}\n  - {id: Z-2, name: Z}\n"),
      "m/b.yaml:2:10: error: duplicate id 'c1' (first defined as a component at "
      "m/a.yaml:13:10) [duplicate-id]\n"
      "m/b.yaml:4:10: error: duplicate id 'Z-2' (first defined as a zone at m/b.yaml:3:10) "
      "[duplicate-id]\n");
  EXPECT_EQ(Errors("assets:\n  - {id: A-1, name: Again, kind: data}\n"),
            "m/b.yaml:2:10: error: duplicate id 'A-1' (first defined as an asset at "
            "m/a.yaml:16:10) [duplicate-id]\n");
}

constexpr char kRisk[] = R"(risks:
  - id: R1
    asset: A-1
    threat: T
    vulnerability: V
    breach: confidentiality
    likelihood: Medium
    impact: High
)";

TEST(ModelBuilderTest, DuplicateRiskIds) {
  EXPECT_EQ(Errors(std::string(kRisk) + std::string(kRisk).substr(7)),
            "m/b.yaml:9:9: error: duplicate risk id 'R1' (first defined at m/b.yaml:2:9) "
            "[duplicate-id]\n");
}

TEST(ModelBuilderTest, DanglingReferencesWithDidYouMean) {
  EXPECT_EQ(Errors("components:\n  - {id: c3, name: C, kind: cloud, zone: Z-l}\n"
                   "flows:\n  - {id: F-2, between: [c3, c4], medium: internet, carries: [A-2],"
                   " authentication: none, confidentiality: none, integrity: none, "
                   "freshness: none}\n"),
            "m/b.yaml:2:42: error: unknown zone 'Z-l' (did you mean 'Z-1'?) "
            "[unknown-reference]\n"
            "m/b.yaml:4:29: error: unknown component 'c4' (did you mean 'c1'?) "
            "[unknown-reference]\n"
            "m/b.yaml:4:62: error: unknown asset 'A-2' (did you mean 'A-1'?) "
            "[unknown-reference]\n");
  EXPECT_EQ(Errors("threat_events:\n  - {id: TE-1, text: T, via: [Nothing-like-it]}\n"),
            "m/b.yaml:2:31: error: unknown flow 'Nothing-like-it' [unknown-reference]\n");
}

TEST(ModelBuilderTest, WrongReferenceKinds) {
  EXPECT_EQ(Errors("threat_events:\n  - {id: TE-1, text: T, via: [A-1]}\n"
                   "assets:\n  - {id: A-2, name: A, kind: function, essential_function: c1}\n"),
            "m/b.yaml:2:31: error: 'A-1' is an asset, expected a flow [wrong-reference]\n"
            "m/b.yaml:4:60: error: 'c1' is a component, expected an essential function "
            "[wrong-reference]\n");
}

TEST(ModelBuilderTest, FlowEnds) {
  const std::string tail =
      ", medium: rf, authentication: none, confidentiality: none, integrity: none, "
      "freshness: none}\n";
  EXPECT_EQ(Errors("flows:\n  - {id: F-2, between: [c1]" + tail),
            "m/b.yaml:2:24: error: 'between' names exactly two components, found 1 "
            "[flow-ends]\n");
  EXPECT_EQ(Errors("flows:\n  - {id: F-2, between: [c1, c1]" + tail),
            "m/b.yaml:2:24: error: a flow joins two different components, found 'c1' twice "
            "[flow-ends]\n");
}

TEST(ModelBuilderTest, RisksAgainstTheDefaultScales) {
  std::string risk = kRisk;
  risk.replace(risk.find("Medium"), 6, "Medum");
  risk.replace(risk.find("High"), 4, "Severe");
  EXPECT_EQ(Errors(risk),
            "m/b.yaml:7:17: error: unknown likelihood 'Medum' (did you mean 'Medium'?); the "
            "risk method's scale is: Low, Medium, High [unknown-value]\n"
            "m/b.yaml:8:13: error: unknown impact 'Severe'; the risk method's scale is: Low, "
            "Medium, High [unknown-value]\n");
}

TEST(ModelBuilderTest, RiskDetails) {
  const Loaded loaded = LoadFiles(
      {{"m/a.yaml", kSystem},
       {"m/b.yaml", std::string(kRisk) +
                        "    safety: {hazard: H-1}\n"
                        "    measures: [M-1]\n"
                        "    residual: {likelihood: Low, impact: High, justification: J}\n"
                        "hazards:\n  - {id: H-1, name: Shock, harm: death}\n"
                        "measures:\n"
                        "  - {id: M-1, name: MAC, kind: technical,"
                        " provides: [{flow: F-1, integrity: mac, freshness: counter}]}\n"}});
  ASSERT_NE(loaded.model, nullptr) << loaded.text;
  const Risk& risk = loaded.model->risks[0];
  EXPECT_TRUE(risk.patient_harm);  // a safety link without `harm` means patient harm
  ASSERT_TRUE(risk.residual.has_value());
  EXPECT_EQ(risk.residual->justification, "J");
  EXPECT_EQ(loaded.model->measures[0].provides[0].properties.size(), 2u);
}

TEST(ModelBuilderTest, SafetyAndResidualMustBeMappings) {
  EXPECT_EQ(Errors(std::string(kRisk) + "    safety: H-1\n    residual: {impact: Low}\n"),
            "m/b.yaml:9:13: error: expected a mapping for safety link of risk 'R1', found a "
            "scalar [wrong-type]\n"
            "m/b.yaml:10:15: error: missing required key 'likelihood' in residual risk of risk "
            "'R1' [missing-key]\n");
}

TEST(ModelBuilderTest, Provisions) {
  EXPECT_EQ(Errors("measures:\n  - {id: M-1, name: M, kind: technical, provides: {flow: F-1}}\n"),
            "m/b.yaml:2:51: error: a provision names at least one of: authentication, "
            "confidentiality, integrity, freshness, authorization, availability "
            "[empty-provision]\n");
  EXPECT_EQ(Errors("measures:\n  - {id: M-1, name: M, kind: technical,"
                   " provides: {flow: F-9, integrity: hmac}}\n"),
            "m/b.yaml:2:58: error: unknown flow 'F-9' (did you mean 'F-1'?) "
            "[unknown-reference]\n"
            "m/b.yaml:2:74: error: unknown value 'hmac' for 'integrity' (did you mean 'mac'?); "
            "expected one of: none, crc, mac, signature [unknown-value]\n");
  EXPECT_EQ(Errors("measures:\n  - {id: M-1, name: M, kind: user,"
                   " provides: {flow: F-1, integrity: mac}}\n"),
            "m/b.yaml:2:46: error: measure 'M-1' is a user measure; only technical measures "
            "provide flow properties [user-measure-provides]\n");
}

constexpr char kMethodHead[] = R"(risk_method:
  likelihood: [Rare, Likely]
  impact: [Minor, Major]
  levels:
    - {name: Acceptable, acceptable: true}
    - {name: Unacceptable, acceptable: false}
)";

TEST(ModelBuilderTest, CustomRiskMethod) {
  const Loaded loaded =
      LoadFiles({{"m/a.yaml", kSystem},
                 {"m/b.yaml", std::string(kMethodHead) +
                                  "  matrix:\n    - [Acceptable, Acceptable]\n"
                                  "    - [Acceptable, Unacceptable]\n" +
                                  std::string(kRisk)
                                      .replace(std::string(kRisk).find("Medium"), 6, "Rare")
                                      .replace(std::string(kRisk).find("High") - 2, 4, "Major")}});
  ASSERT_NE(loaded.model, nullptr) << loaded.text;
  const RiskMethod& method = loaded.model->risk_method;
  EXPECT_FALSE(method.is_default);
  EXPECT_EQ(method.LevelOf("Likely", "Major"), 1);
  EXPECT_EQ(method.LevelOf("Rare", "Major"), 0);
  EXPECT_EQ(method.LevelOf("Medium", "Major"), -1);
}

TEST(ModelBuilderTest, RiskMethodMatrixShape) {
  EXPECT_EQ(Errors(std::string(kMethodHead) + "  matrix:\n    - [Acceptable, Acceptable]\n"),
            "m/b.yaml:8:5: error: the matrix has one row per likelihood (2), lowest first "
            "[matrix-shape]\n");
  EXPECT_EQ(Errors(std::string(kMethodHead) +
                   "  matrix:\n    - [Acceptable]\n    - [Acceptable, Unacceptable]\n"),
            "m/b.yaml:8:7: error: each matrix row has one level per impact (2), lowest first "
            "[matrix-shape]\n");
  EXPECT_EQ(Errors(std::string(kMethodHead) + "  matrix: {a: 1}\n"),
            "m/b.yaml:7:11: error: the matrix has one row per likelihood (2), lowest first "
            "[matrix-shape]\n");
}

TEST(ModelBuilderTest, RiskMethodMatrixCells) {
  EXPECT_EQ(Errors(std::string(kMethodHead) +
                   "  matrix:\n    - [Acceptable, Acceptabel]\n    - [[x], Unacceptable]\n"),
            "m/b.yaml:8:20: error: unknown risk level 'Acceptabel' (did you mean 'Acceptable'?); "
            "levels are: Acceptable, Unacceptable [unknown-value]\n"
            "m/b.yaml:9:8: error: expected a risk level for 'matrix', found a sequence "
            "[wrong-type]\n");
}

TEST(ModelBuilderTest, RiskMethodScalesAndLevels) {
  EXPECT_EQ(Errors("risk_method:\n  likelihood: [Low, Low]\n  impact: []\n"
                   "  levels:\n    - {name: L, acceptable: true}\n    - {name: L, acceptable: 1}\n"
                   "  matrix: []\n"),
            "m/b.yaml:2:21: error: 'Low' appears twice in 'likelihood' [duplicate-value]\n"
            "m/b.yaml:3:11: error: 'impact' names at least one value, lowest first [empty-list]\n"
            "m/b.yaml:6:14: error: 'L' appears twice in 'levels' [duplicate-value]\n"
            "m/b.yaml:6:29: error: expected true or false for 'acceptable', found a scalar "
            "[wrong-type]\n"
            "m/b.yaml:7:11: error: the matrix has one row per likelihood (2), lowest first "
            "[matrix-shape]\n");
  // A missing matrix is an error, and risks are then not checked against the broken method.
  EXPECT_EQ(Errors(std::string(kMethodHead) + kRisk),
            "m/b.yaml:2:3: error: missing required key 'matrix' in risk_method [missing-key]\n");
  EXPECT_EQ(Errors(std::string(kMethodHead) + "  matrix: []\n" + "  levls: []\n"),
            "m/b.yaml:7:11: error: the matrix has one row per likelihood (2), lowest first "
            "[matrix-shape]\n"
            "m/b.yaml:8:3: error: unknown key 'levls' in risk_method (did you mean 'levels'?) "
            "[unknown-key]\n");
}

TEST(ModelBuilderTest, OneRiskMethodPerModel) {
  const std::string method = std::string(kMethodHead) +
                             "  matrix:\n    - [Acceptable, Acceptable]\n"
                             "    - [Acceptable, Unacceptable]\n";
  EXPECT_EQ(LoadFiles({{"m/a.yaml", kSystem}, {"m/b.yaml", method}, {"m/c.yaml", method}}).text,
            "m/c.yaml:2:3: error: a model has one 'risk_method' section; found another "
            "[duplicate-section]\n");
}

TEST(ModelBuilderTest, FurtherSectionsAreTypedAndReadAcrossFiles) {
  // A requirement refers to a measure of a later file; both files' requirements are kept in order.
  const Loaded loaded = LoadFiles(
      {{"m/a.yaml", kSystem},
       {"m/b.yaml",
        "requirements:\n  - {id: REQ-1, text: T, category: [authentication], measures: [M-9]}\n"},
       {"m/c.yaml",
        "measures:\n  - {id: M-9, name: N, kind: technical}\n"
        "requirements:\n  - {id: REQ-2, text: U, category: [other], verified_by: [test:A.b]}\n"
        "sdl: [{id: SM-1, status: done, evidence: [file:plan.md]}]\n"
        "threat_decisions: {t@F: {decision: accepted, rationale: R}}\n"}});
  ASSERT_NE(loaded.model, nullptr) << loaded.text;
  const SystemModel& m = *loaded.model;
  ASSERT_EQ(m.requirements.size(), 2u);
  EXPECT_EQ(m.requirements[0].measures[0].id, "M-9");
  EXPECT_EQ(m.requirements[0].measures[0].location, (SourceLocation{"m/b.yaml", 2, 65}));
  EXPECT_EQ(m.requirements[1].verified_by[0].id, "test:A.b");
  EXPECT_EQ(m.requirements_location, (SourceLocation{"m/b.yaml", 2, 3}));
  EXPECT_EQ(m.labeling_location, (SourceLocation{"m/a.yaml", 1, 1}));  // none: the fallback
  ASSERT_EQ(m.sdl_plan.size(), 1u);
  EXPECT_EQ(m.sdl_plan[0].status, "done");
  EXPECT_EQ(m.sdl_plan[0].evidence[0].id, "file:plan.md");
  ASSERT_EQ(m.threat_decisions.size(), 1u);
  EXPECT_EQ(m.threat_decisions[0].threat, "t@F");
  EXPECT_EQ(m.threat_decisions[0].rationale, "R");
}

TEST(ModelBuilderTest, FurtherSectionsReportEveryErrorWithItsLocation) {
  const Loaded loaded =
      LoadFiles({{"m/a.yaml", kSystem},
                 {"m/b.yaml",
                  "requirements: [x]\n"
                  "labeling: [{item: nothing-such, text: T}]\n"
                  "sdl: [{id: SM-99, status: done}]\n"
                  "vulnerabilities: [{id: V, title: T, cvss: 'CVSS:3.1/AV:X'}]\n"
                  "threat_decisions: [{threat: t@F, decision: accepted, measures: [M-0]}]\n"}});
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_EQ(loaded.text,
            "m/b.yaml:1:16: error: expected a mapping for security requirement, found a scalar "
            "[wrong-type]\n"
            "m/b.yaml:2:19: error: unknown value 'nothing-such' for 'item'; expected one of: "
            "recommended-controls, diagrams, interfaces, infrastructure-incident-response, sbom, "
            "authorized-updates, anomalous-conditions, critical-functionality, backup-restore, "
            "configuration-recovery, secure-configuration, forensic-logs, end-of-support, "
            "decommissioning [unknown-value]\n"
            "m/b.yaml:3:12: error: unknown SDL activity 'SM-99' (did you mean 'SM-9'?); plan "
            "IEC 62443-4-1 requirements (SM-1 .. SG-7) or health-specific IEC 81001-5-1 "
            "activities (81001-5-1:4.2, ...) [unknown-activity]\n"
            "m/b.yaml:4:43: error: malformed CVSS vector 'CVSS:3.1/AV:X': unknown value 'X' for "
            "metric 'AV' [cvss-vector]\n"
            "m/b.yaml:5:44: error: decision 'accepted' needs a rationale [threat-decision]\n"
            "m/b.yaml:5:65: error: unknown measure 'M-0' [unknown-reference]\n");
}

TEST(ModelBuilderTest, FolderReadsOnlyYamlFilesDirectlyInside) {
  const Loaded loaded = LoadFiles({{"m/a.yaml", kSystem},
                                   {"m/notes.txt", "not yaml"},
                                   {"m/.hidden.yaml", "garbage: ["},
                                   {"m/rules/r.yaml", "garbage: ["},
                                   {"m/z.yml", "zones: [{id: Z-9, name: Z}]\n"}});
  ASSERT_NE(loaded.model, nullptr) << loaded.text;
  EXPECT_EQ(loaded.model->files, (std::vector<std::string>{"m/a.yaml", "m/z.yml"}));
  EXPECT_EQ(loaded.model->zones.size(), 2u);
}

TEST(ModelBuilderTest, LoaderErrors) {
  EXPECT_EQ(LoadFiles({}, "nowhere.yaml").text,
            "nowhere.yaml: error: no such file or directory [file-not-found]\n");
  EXPECT_EQ(LoadFiles({{"m/notes.txt", "x"}}).text,
            "m: error: no model files (*.yaml, *.yml) in this directory [no-model-files]\n");
  MemoryFileSystem fs;
  fs.AddFile("big.yaml", std::string(kSystem));
  DiagnosticSink sink;
  LoadOptions options;
  options.yaml.max_bytes = 100;
  EXPECT_EQ(LoadModel(fs, "big.yaml", sink, nullptr, options), nullptr);
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "big.yaml: error: file is larger than 100 bytes [unreadable]\n");
}

TEST(ModelBuilderTest, ASyntaxErrorInOneFileSkipsCrossFileChecks) {
  // Without the syntax error, b.yaml's dangling reference would be reported too.
  EXPECT_EQ(LoadFiles({{"m/a.yaml", kSystem},
                       {"m/b.yaml",
                        "zones: [{id: Z-2, name: Z}]\nthreat_events: [{id: T, text: "
                        "t, via: nowhere}]\n"},
                       {"m/c.yaml", "zones: [\n"}})
                .text,
            "m/c.yaml:2:1: error: while parsing a flow node: did not find expected node content "
            "[yaml-syntax]\n");
}

TEST(ModelBuilderTest, DiagnosticsAreSortedByLocation) {
  // Inner mappings close first in the reader, and references resolve last; the output is sorted.
  EXPECT_EQ(Errors("zones:\n  - {id: Z-2, name: Z, zone: x}\nassets:\n  - {id: A-2, name: A, "
                   "kind: data, essential_function: EF-2}\nzones: []\n"),
            "m/b.yaml:2:24: error: unknown key 'zone' in zone [unknown-key]\n"
            "m/b.yaml:4:56: error: unknown essential function 'EF-2' (did you mean 'EF-1'?) "
            "[unknown-reference]\n"
            "m/b.yaml:5:1: error: duplicate key 'zones' (first defined at line 1) "
            "[duplicate-key]\n");
}

TEST(ModelBuilderTest, FiftyErrorsThenACountOfAllTheRest) {
  std::string b = "zones:\n";
  for (int i = 0; i < 70; ++i) b += "  - {id: Y-" + std::to_string(i) + ", nam: Z}\n";
  const std::string text = Errors(b);
  // Each zone lacks `name` and has an unknown key `nam`: 140 errors, 50 shown.
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 51);
  EXPECT_NE(text.find("m/b.yaml:2:5: error: missing required key 'name' in zone [missing-key]\n"
                      "m/b.yaml:2:15: error: unknown key 'nam' in zone (did you mean 'name'?) "
                      "[unknown-key]\n"),
            std::string::npos);
  EXPECT_TRUE(text.ends_with("medtra: 90 more errors not shown (140 in all)\n")) << text;
}

TEST(ModelBuilderTest, TheLimitIsConfigurable) {
  // The first errors reported are kept (then sorted); the missing system is found last.
  const Loaded loaded =
      LoadFiles({{"m/a.yaml", "medtra: 1\na: 1\nb: 2\nc: 3\n"}}, "m", /*limit=*/2);
  EXPECT_EQ(loaded.text,
            "m/a.yaml:2:1: error: unknown key 'a' in the model file [unknown-key]\n"
            "m/a.yaml:3:1: error: unknown key 'b' in the model file [unknown-key]\n"
            "medtra: 2 more errors not shown (4 in all)\n");
}

TEST(ModelBuilderTest, BadThreatLinksAndDocumentSectionAreLocatedErrors) {
  const std::string text = Errors(
      "document:\n"
      "  revision: B\n"
      "  approvals:\n"
      "    - {name: Q, role: approver, date: \"2026-11-30\"}\n"
      "risks:\n"
      "  - {id: \"9\", asset: A-1, threat: T, vulnerability: V, breach: integrity,\n"
      "     likelihood: Low, impact: Low, threats: [\"bad pattern\"]}\n");
  EXPECT_NE(text.find("m/b.yaml:2:3: error: missing required key 'id' in document [missing-key]"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("m/b.yaml:4:7: error: missing required key 'meaning' in approval [missing-key]"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("m/b.yaml:7:46: error: 'bad pattern' is not a threat id or pattern: write "
                      "RULE@TARGET[@TARGET...], where '*' matches any text (e.g. "
                      "'comm-*@F-telemetry') [invalid-threat-pattern]"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace medtra::model
