// End-to-end tests of `medtra check`: every exit code, JSON output, and each class of hostile
// input, each run in a child process with bounded address space and a hang guard.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/testing/run_command.h"
#include "tests/testing/sanitized.h"

namespace medtra {
namespace {

using testing::CommandResult;
using testing::RunCommand;

// The child runs under coreutils' `timeout` (a hang guard far above the expected milliseconds)
// and util-linux's `prlimit`, which calls setrlimit(RLIMIT_AS) before exec: a hostile file that
// made the loader allocate more than 1 GiB would end it with an error instead of passing. ASan
// reserves terabytes of address space, so sanitizer builds keep only the hang guard.
std::vector<std::string> Guarded(std::vector<std::string> args) {
  std::vector<std::string> command;
  if (access("/usr/bin/timeout", X_OK) == 0) {
    command = {"/usr/bin/timeout", "--kill-after=10", "120"};
  }
#ifndef MEDTRA_TEST_SANITIZED
  if (access("/usr/bin/prlimit", X_OK) == 0) {
    command.insert(command.end(), {"/usr/bin/prlimit", "--as=1073741824", "--"});
  }
#endif
  command.insert(command.end(), args.begin(), args.end());
  return command;
}

CommandResult Medtra(std::vector<std::string> args, const std::string& stdin_text = "") {
  args.insert(args.begin(), MEDTRA_BIN);
  return RunCommand(Guarded(std::move(args)), stdin_text);
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

class CheckCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "medtra-check-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code error;
    std::filesystem::remove_all(dir_, error);
  }
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // Runs `medtra check PATH`, expects exit 2, nothing on stdout, and returns stderr's first line.
  std::string FailingCheck(const std::string& path) {
    const CommandResult result = Medtra({"check", path});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(result.out, "");
    return FirstLine(result.err);
  }

  std::string dir_;
};

const std::string kExamples = std::string(MEDTRA_SOURCE_DIR) + "/examples/icd";

// --- exit codes -------------------------------------------------------------------------------

TEST_F(CheckCliTest, ValidModelExitsZero) {
  const CommandResult result = Medtra({"check", kExamples});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, kExamples + ": ok (2 components, 1 flow, 3 risks)\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(CheckCliTest, ThreatDecisionsAreValidatedWithoutDerivingThreats) {
  // check skips the threat rules but still reports malformed decisions; a decision for a threat
  // that is no longer derived is a finding of `analyze`, not an input error.
  std::filesystem::copy(kExamples, dir_ + "/icd", std::filesystem::copy_options::recursive);
  const std::string model = dir_ + "/icd";
  Write("icd/zz-decisions.yaml",
        "threat_decisions:\n"
        "  - threat: comm-jamming@F-telemtry\n"
        "    decision: not-applicable\n"
        "    justification: The link is wired.\n");
  CommandResult result = Medtra({"check", model});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  Write("icd/zz-decisions.yaml",
        "threat_decisions:\n"
        "  - threat: comm-jamming@F-telemetry\n"
        "    decision: acepted\n");
  result = Medtra({"check", model});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("zz-decisions.yaml:3:"), std::string::npos) << result.err;
}

TEST_F(CheckCliTest, ValidModelAsJson) {
  const CommandResult result = Medtra({"check", "--format", "json", kExamples});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json out = nlohmann::json::parse(result.out);
  EXPECT_EQ(out["valid"], true);
  EXPECT_EQ(out["model"], "icd-system");
  // document, labeling, postmarket, requirements, risks, risks_availability, sdl, software, system,
  // threats, vulnerabilities
  EXPECT_EQ(out["files"].size(), 11u);
  EXPECT_EQ(out["risks"], 3);
  EXPECT_EQ(result.err, "");
}

TEST_F(CheckCliTest, InvalidModelExitsTwoWithCaret) {
  const std::string path = Write("m.yaml",
                                 "medtra: 1\n"
                                 "system: {id: s, name: S, intended_use: U, essential_functions: "
                                 "[], intended_environment: []}\n"
                                 "zones:\n"
                                 "  - {id: Z, name: Zone, kind: clinc}\n");
  const CommandResult result = Medtra({"check", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, path +
                            ":4:31: error: unknown value 'clinc' for 'kind' (did you mean "
                            "'clinic'?); expected one of: body, clinic, hospital-network, home, "
                            "public, internet, cloud, manufacturer, other [unknown-value]\n"
                            "    - {id: Z, name: Zone, kind: clinc}\n"
                            "                                ^\n");
}

TEST_F(CheckCliTest, InvalidModelAsJson) {
  const std::string path = Write("m.yaml", "medtra: 1\nsystme: {}\n");
  const CommandResult result = Medtra({"check", "--format", "json", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  const nlohmann::json err = nlohmann::json::parse(result.err);
  EXPECT_EQ(err["format"], "medtra-diagnostics");
  EXPECT_EQ(err["format_version"], 1);
  EXPECT_EQ(err["errors"], 2);
  EXPECT_EQ(err["suppressed"], 0);
  ASSERT_EQ(err["diagnostics"].size(), 2u);
  EXPECT_EQ(err["diagnostics"][0]["code"], "missing-section");
  EXPECT_EQ(err["diagnostics"][1],
            nlohmann::json({{"severity", "error"},
                            {"code", "unknown-key"},
                            {"message",
                             "unknown key 'systme' in the model file (did you mean "
                             "'system'?)"},
                            {"file", path},
                            {"line", 2},
                            {"col", 1}}));
}

TEST_F(CheckCliTest, UnreadableFileAsJsonHasNoLine) {
  const CommandResult result = Medtra({"check", "--format", "json", dir_ + "/missing.yaml"});
  EXPECT_EQ(result.exit_code, 2);
  const nlohmann::json err = nlohmann::json::parse(result.err);
  EXPECT_EQ(err["diagnostics"][0]["code"], "file-not-found");
  EXPECT_EQ(err["diagnostics"][0]["line"], 0);
  EXPECT_EQ(err["diagnostics"][0]["col"], 0);
}

TEST_F(CheckCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Medtra({"check"}).exit_code, 2);
  EXPECT_EQ(Medtra({"check", "--format", "xml", kExamples}).exit_code, 2);
  EXPECT_EQ(Medtra({"check", "--no-such-flag", kExamples}).exit_code, 2);
}

TEST_F(CheckCliTest, HelpExitsZero) {
  const CommandResult result = Medtra({"check", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("MODEL"), std::string::npos);
}

TEST_F(CheckCliTest, ManyErrorsStopAtFiftyWithACount) {
  std::string text = "medtra: 1\n";
  for (int i = 0; i < 60; ++i) text += "bad" + std::to_string(i) + ": 1\n";
  const CommandResult result = Medtra({"check", Write("m.yaml", text)});
  EXPECT_EQ(result.exit_code, 2);
  const std::string last = "medtra: 11 more errors not shown (61 in all)\n";
  ASSERT_GE(result.err.size(), last.size());
  EXPECT_EQ(result.err.substr(result.err.size() - last.size()), last);
}

// --- hostile input: a located error, exit 2, bounded time and memory --------------------------

TEST_F(CheckCliTest, HostileEmptyFile) {
  const std::string path = Write("empty.yaml", "");
  EXPECT_EQ(FailingCheck(path), path + ":1:1: error: the file holds no YAML document [empty-file]");
}

TEST_F(CheckCliTest, HostileBinaryFile) {
  std::string binary = std::string(
      "\x7f"
      "ELF\x02\x01\x01",
      7);
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) & 0xff);
  const std::string path = Write("binary.yaml", binary);
  EXPECT_EQ(FailingCheck(path),
            path + ":1:1: error: control characters are not allowed (byte 0x7f) [yaml-syntax]");
}

TEST_F(CheckCliTest, HostileInvalidUtf8) {
  const std::string path = Write("utf8.yaml", "medtra: 1\nsystem:\n  name: caf\xe9 au lait\n");
  EXPECT_EQ(FailingCheck(path),
            path +
                ":3:12: error: invalid trailing UTF-8 octet (byte 0x20 after 0xe9); model files "
                "are UTF-8 [yaml-syntax]");
}

TEST_F(CheckCliTest, HostileNulBytes) {
  const std::string path = Write("nul.yaml", std::string("medtra: 1\nsys\0tem: {}\n", 22));
  EXPECT_EQ(FailingCheck(path),
            path + ":2:4: error: control characters are not allowed (byte 0x00) [yaml-syntax]");
}

TEST_F(CheckCliTest, HostileTabs) {
  const std::string path = Write("tabs.yaml", "medtra: 1\nsystem:\n\tid: x\n");
  EXPECT_EQ(FailingCheck(path), path +
                                    ":3:1: error: while scanning for the next token: found "
                                    "character that cannot start any token (a tab: YAML indents "
                                    "with spaces only) [yaml-syntax]");
}

TEST_F(CheckCliTest, HostileDeepSequences) {
  const std::string path =
      Write("deep-seq.yaml", std::string(100000, '[') + std::string(100000, ']') + "\n");
  EXPECT_EQ(FailingCheck(path), path + ":1:65: error: nesting deeper than 64 levels [yaml-depth]");
}

TEST_F(CheckCliTest, HostileDeepMappings) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "{a: ";
  text += std::string(100000, '}') + "\n";
  const std::string path = Write("deep-map.yaml", text);
  EXPECT_EQ(FailingCheck(path), path + ":1:257: error: nesting deeper than 64 levels [yaml-depth]");
}

TEST_F(CheckCliTest, HostileDeepBlockMappings) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += std::string(static_cast<size_t>(i), ' ') + "a:\n";
  const std::string path = Write("deep-block.yaml", text);
  EXPECT_EQ(FailingCheck(path), path + ":65:65: error: nesting deeper than 64 levels [yaml-depth]");
}

TEST_F(CheckCliTest, HostileAliasBomb) {
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? ", " : "") + "*" + static_cast<char>(c - 1);
    text += "]\n";
  }
  const std::string path = Write("bomb.yaml", text);
  EXPECT_EQ(FailingCheck(path), path +
                                    ":5:4: error: aliases expand the document more than 10 times "
                                    "its size (an alias bomb?) [yaml-alias-bomb]");
}

TEST_F(CheckCliTest, HostileCyclicAlias) {
  const std::string path = Write("cycle.yaml", "a: &a [x, *a]\n");
  EXPECT_EQ(FailingCheck(path),
            path +
                ":1:11: error: alias '*a' refers to a node that contains it (a cycle) "
                "[yaml-alias-cycle]");
}

TEST_F(CheckCliTest, HostileTopLevelScalar) {
  const std::string path = Write("scalar.yaml", "hello\n");
  EXPECT_EQ(FailingCheck(path), path +
                                    ":1:1: error: expected a mapping of sections at the top "
                                    "level of a model file, found a scalar [top-level]");
}

TEST_F(CheckCliTest, HostileTopLevelList) {
  const std::string path = Write("list.yaml", "- a\n- b\n");
  EXPECT_EQ(FailingCheck(path), path +
                                    ":1:1: error: expected a mapping of sections at the top "
                                    "level of a model file, found a sequence [top-level]");
}

TEST_F(CheckCliTest, Hostile300000Keys) {
  std::string text;
  for (int i = 0; i < 300000; ++i) text += "k" + std::to_string(i) + ": v\n";
  const std::string path = Write("keys.yaml", text);
  const CommandResult result = Medtra({"check", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(FirstLine(result.err),
            path + ":1:1: error: unknown key 'k0' in the model file [unknown-key]");
  EXPECT_NE(result.err.find("medtra: 299951 more errors not shown (300001 in all)\n"),
            std::string::npos);
}

TEST_F(CheckCliTest, HostileManyTinyNodes) {
  std::string text;
  for (int i = 0; i < 4'100'000; ++i) text += "- a\n";
  const std::string path = Write("tiny.yaml", text);
  EXPECT_EQ(FailingCheck(path), path +
                                    ":4000000:3: error: the file has more than 4000000 YAML nodes "
                                    "(values, lists and mappings) [file-too-large]");
}

TEST_F(CheckCliTest, HostileHugeFile) {
  const std::string path = Write("huge.yaml", "a: " + std::string((64u << 20) + 1, 'x') + "\n");
  EXPECT_EQ(FailingCheck(path), path + ": error: file is larger than 67108864 bytes [unreadable]");
}

TEST_F(CheckCliTest, HostileDirectoryWithoutModelFiles) {
  Write("empty-dir/notes.txt", "not a model\n");
  EXPECT_EQ(FailingCheck(dir_ + "/empty-dir"),
            dir_ +
                "/empty-dir: error: no model files (*.yaml, *.yml) in this directory "
                "[no-model-files]");
}

TEST_F(CheckCliTest, HostileDirectoryNamedLikeAModelFile) {
  std::filesystem::create_directories(dir_ + "/model/x.yaml");
  EXPECT_EQ(FailingCheck(dir_ + "/model"),
            dir_ +
                "/model: error: no model files (*.yaml, *.yml) in this directory "
                "[no-model-files]");
  EXPECT_EQ(FailingCheck(dir_ + "/model/x.yaml"),
            dir_ +
                "/model/x.yaml: error: no model files (*.yaml, *.yml) in this directory "
                "[no-model-files]");
}

TEST_F(CheckCliTest, HostileMissingFile) {
  EXPECT_EQ(FailingCheck(dir_ + "/missing.yaml"),
            dir_ + "/missing.yaml: error: no such file or directory [file-not-found]");
}

TEST_F(CheckCliTest, HostileDevice) {
  EXPECT_EQ(FailingCheck("/dev/null"),
            "/dev/null: error: not a regular file or directory [not-a-file]");
}

TEST_F(CheckCliTest, AddressSpaceLimitIsEnforced) {
#ifdef MEDTRA_TEST_SANITIZED
  GTEST_SKIP() << "no address-space limit under ASan";
#else
  if (access("/usr/bin/prlimit", X_OK) != 0) GTEST_SKIP() << "no prlimit";
  if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "no python3";
  // The guard itself works: under the same limit a 2 GiB allocation fails.
  const CommandResult result =
      RunCommand(Guarded({"/usr/bin/python3", "-c", "bytearray(2 << 30)"}));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("MemoryError"), std::string::npos) << result.err;
#endif
}

}  // namespace
}  // namespace medtra
