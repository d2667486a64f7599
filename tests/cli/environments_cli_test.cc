// End-to-end tests of where each part of the case study is (issue 9, item 5): the implant's
// threats are not lowered by the clinic, `explain` says why, and an unassigned part is a warning.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/run_command.h"

namespace medtra {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCommand;

const std::string kModel = std::string(MEDTRA_SOURCE_DIR) + "/examples/icd";

constexpr char kTelemetry[] =
    "    environment: F-telemetry joins programmer (ENV-clinic, from zone Z-clinic) and icd "
    "(ENV-patient, from zone Z-body): it is in ENV-clinic, ENV-patient; the most exposed of them "
    "applies\n"
    "    ENV-patient setting=mobile: the device is used where nobody watches who comes within "
    "radio range; likelihood +1 (Medium -> High)\n"
    "    ENV-clinic physical_access=controlled: does not lower it, for the part is also in "
    "ENV-patient (physical_access=patient); likelihood unchanged\n"
    "    likelihood High\n";

TEST(EnvironmentsCli, PatientTrackingAndJammingAreNotLoweredByTheClinic) {
  for (const char* id : {"medical-patient-tracking@F-telemetry", "comm-jamming@F-telemetry"}) {
    const auto r = RunCommand({MEDTRA_BIN, "explain", kModel, id});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr(std::string("    reached by proximity; base likelihood Medium\n") +
                                 kTelemetry))
        << id;
    EXPECT_THAT(r.out, HasSubstr("\n  likelihood: High\n")) << id;
    EXPECT_THAT(r.out, Not(HasSubstr("likelihood -1"))) << id;
  }
}

TEST(EnvironmentsCli, TheCaseStudyAssignsEveryPart) {
  const auto r = RunCommand({MEDTRA_BIN, "analyze", kModel, "--format", "json", "-o", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("environment-unassigned")));
}

class UnassignedCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("medtra-environments-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(kModel, dir_ / "model", fs::copy_options::recursive);
    const fs::path system = dir_ / "model" / "system.yaml";
    std::stringstream text;
    text << std::ifstream(system).rdbuf();
    std::string yaml = text.str();
    const std::string clinic = ", environments: [ENV-clinic]";
    yaml.erase(yaml.find(clinic), clinic.size());
    std::ofstream(system) << yaml;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(UnassignedCliTest, AProgrammerWithoutEnvironmentIsAWarningAndMeetsBoth) {
  const std::string model = (dir_ / "model").string();
  const auto r = RunCommand(
      {MEDTRA_BIN, "analyze", model, "--format", "json", "-o", "-", "--fail-on", "warning"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  int warnings = 0;
  for (const auto& f : report.at("findings")) {
    if (f.at("code") != "environment-unassigned") continue;
    ++warnings;
    EXPECT_EQ(f.at("severity"), "warning");
    EXPECT_EQ(f.at("message"),
              "component 'programmer' states no `environments:`, nor does its zone 'Z-clinic': "
              "it is taken to be in every intended environment (ENV-clinic, ENV-patient)");
    EXPECT_EQ(f.at("file"), model + "/system.yaml");
  }
  EXPECT_EQ(warnings, 1);
  const auto e =
      RunCommand({MEDTRA_BIN, "explain", model, "device-no-user-authentication@programmer"});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_THAT(e.out, HasSubstr("    environment: programmer is in ENV-clinic, ENV-patient, not "
                               "assigned: every intended environment; the most exposed of them "
                               "applies\n"));
}

}  // namespace
}  // namespace medtra
