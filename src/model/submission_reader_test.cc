// The submission sections: `management_plan`, `anomalies` and `use_cases` read into the model,
// with located errors for wrong types, unknown values and dangling references.
#include <gtest/gtest.h>

#include "tests/testing/model_fixture.h"

namespace medtra::model {
namespace {

constexpr const char* kSections = R"(management_plan:
  personnel: Security lead
  monitoring: [{source: NVD, frequency: daily}]
  disclosure: {contact: psirt@example.org, acknowledge_days: 3, assess_days: 30}
  patches: {critical_days: 30, delivery: Signed updates over the app}
  notification: E-mail to every clinic
anomalies:
  - {id: AN-1, title: Slow pairing, component: app, cwe: [CWE-400], impact: Delay only,
     rationale: Below the retry time}
use_cases:
  - {id: UC-1, name: Daily use, state: normal, flows: [F-1]}
  - {id: UC-2, name: Retirement, state: decommissioning, flows: []}
)";

TEST(SubmissionReaderTest, ReadsThePlanTheAnomaliesAndTheUseCases) {
  const testing::LoadedModel loaded = testing::LoadFromText(testing::MinimalModel() + kSections);
  ASSERT_TRUE(loaded.model) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics, "");
  const SystemModel& m = *loaded.model;
  ASSERT_TRUE(m.management_plan);
  EXPECT_EQ(m.management_plan->personnel, "Security lead");
  ASSERT_EQ(m.management_plan->monitoring.size(), 1u);
  EXPECT_EQ(m.management_plan->monitoring[0].frequency, "daily");
  EXPECT_EQ(m.management_plan->disclosure_contact, "psirt@example.org");
  EXPECT_EQ(m.management_plan->acknowledge_days, 3);
  EXPECT_EQ(m.management_plan->assess_days, 30);
  EXPECT_EQ(m.management_plan->critical_patch_days, 30);
  EXPECT_EQ(m.management_plan->delivery, "Signed updates over the app");
  ASSERT_EQ(m.anomalies.size(), 1u);
  EXPECT_EQ(m.anomalies[0].component, "app");
  EXPECT_EQ(m.anomalies[0].cwe, std::vector<std::string>{"CWE-400"});
  ASSERT_EQ(m.use_cases.size(), 2u);
  EXPECT_EQ(m.use_cases[0].state, "normal");
  ASSERT_EQ(m.use_cases[0].flows.size(), 1u);
  EXPECT_EQ(m.use_cases[0].flows[0].id, "F-1");
  EXPECT_TRUE(m.use_cases[1].flows.empty());
}

TEST(SubmissionReaderTest, WrongTypesAndDanglingReferencesAreLocatedErrors) {
  const testing::LoadedModel loaded = testing::LoadFromText(testing::MinimalModel() + R"(
management_plan:
  personnel: Security lead
  monitoring: NVD
  disclosure: {contact: psirt@example.org, acknowledge_days: soon}
  patches: {critical_days: -1, delivery: Updates}
  notification: E-mail
anomalies:
  - {id: AN-1, title: Slow, component: ap, cwe: [400], impact: Delay, rationale: Minor,
     risk: R-9}
use_cases:
  - {id: UC-1, name: Daily use, state: norml, flows: [F-2]}
)");
  EXPECT_FALSE(loaded.model);
  const std::string& d = loaded.diagnostics;
  EXPECT_NE(d.find("m.yaml:25:15: error: expected a list of {source, frequency} for 'monitoring'"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("m.yaml:26:62: error: expected a number for 'acknowledge_days'"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("m.yaml:27:28: error: 'critical_days' must be a whole number of days from 0 "
                   "to 3650 [invalid-days]"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("m.yaml:30:40: error: unknown component 'ap' (did you mean 'app'?) "
                   "[unknown-reference]"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("m.yaml:31:12: error: unknown risk 'R-9' [unknown-reference]"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("m.yaml:30:50: error: '400' is not a CWE id"), std::string::npos) << d;
  EXPECT_NE(d.find("m.yaml:33:55: error: unknown flow 'F-2' (did you mean 'F-1'?)"),
            std::string::npos)
      << d;
  EXPECT_NE(
      d.find("m.yaml:33:40: error: unknown value 'norml' for 'state' (did you mean 'normal'?)"),
      std::string::npos)
      << d;
}

}  // namespace
}  // namespace medtra::model
