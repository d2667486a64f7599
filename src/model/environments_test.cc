// Tests of `environments:` on zones and components, the EnvironmentMap of every part, the
// environment-unassigned warnings and the risk method's environment_limits.
#include "medtra/model/environments.h"

#include <gtest/gtest.h>

#include "tests/testing/model_fixture.h"

namespace medtra::model {
namespace {

// Two environments; Z-clinic is in the clinic, the implant states its own, the relay states none.
constexpr char kModel[] = R"(medtra: 1
system:
  id: s
  name: S
  intended_use: Use
  essential_functions:
    - {id: EF-1, name: Therapy, component: implant}
  intended_environment:
    - {id: ENV-clinic, name: Clinic, physical_access: controlled}
    - {id: ENV-patient, name: Wherever the patient goes, setting: mobile, physical_access: patient}
zones:
  - {id: Z-clinic, name: Clinic, kind: clinic, environments: [ENV-clinic]}
  - {id: Z-body, name: Body, kind: body, environments: ENV-patient}
components:
  - {id: programmer, name: P, kind: programmer, zone: Z-clinic}
  - {id: implant, name: I, kind: implant, zone: Z-clinic, environments: [ENV-patient]}
  - {id: wand, name: W, kind: external, zone: Z-clinic, environments: [ENV-patient, ENV-clinic]}
  - {id: relay, name: R, kind: gateway}
flows:
  - {id: F-1, between: [programmer, implant], medium: rf, authentication: none,
     confidentiality: none, integrity: none, freshness: none}
  - {id: F-2, between: [programmer, wand], medium: usb, authentication: none,
     confidentiality: none, integrity: none, freshness: none}
  - {id: F-3, between: [implant, wand], medium: rf, authentication: none,
     confidentiality: none, integrity: none, freshness: none}
  - {id: F-4, between: [programmer, relay], medium: ethernet, authentication: none,
     confidentiality: none, integrity: none, freshness: none}
)";

std::string Warnings(const SystemModel& model) {
  DiagnosticSink sink;
  ReportUnassignedEnvironments(model, EnvironmentMap(model), sink);
  return RenderTextAll(sink, nullptr);
}

TEST(EnvironmentsTest, ComponentOverridesZoneAndFlowsTakeBothEnds) {
  const testing::LoadedModel loaded = testing::LoadFromText(kModel);
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  const SystemModel& m = *loaded.model;
  EXPECT_EQ(m.zones[1].environments, std::vector<std::string>{"ENV-patient"});
  const EnvironmentMap map(m);
  EXPECT_EQ(map.Ids(map.ComponentSet(0)), "ENV-clinic");
  EXPECT_EQ(map.ComponentSource(0), EnvironmentSource::kZone);
  EXPECT_EQ(map.Ids(map.ComponentSet(1)), "ENV-patient");
  EXPECT_EQ(map.ComponentSource(1), EnvironmentSource::kComponent);
  EXPECT_EQ(map.Ids(map.ComponentSet(2)), "ENV-clinic, ENV-patient");  // sorted, model order
  EXPECT_EQ(map.ComponentSet(2), 0u);                                  // the set of all, once
  EXPECT_EQ(map.ComponentSource(3), EnvironmentSource::kAll);
  EXPECT_EQ(map.Ids(map.FlowSet(0)), "ENV-clinic, ENV-patient");
  EXPECT_EQ(map.FlowSet(0), 0u);
  EXPECT_EQ(map.Ids(map.FlowSet(2)), "ENV-clinic, ENV-patient");
  EXPECT_EQ(map.sets().size(), 3u);  // all, clinic, patient
  EXPECT_EQ(map.DescribeComponent(0), "programmer is in ENV-clinic, from zone Z-clinic");
  EXPECT_EQ(map.DescribeComponent(1), "implant is in ENV-patient, stated on the component");
  EXPECT_EQ(map.DescribeComponent(3),
            "relay is in ENV-clinic, ENV-patient, not assigned: every intended environment");
  EXPECT_EQ(map.DescribeFlow(0),
            "F-1 joins programmer (ENV-clinic, from zone Z-clinic) and implant (ENV-patient, "
            "stated on the component): it is in ENV-clinic, ENV-patient");
}

TEST(EnvironmentsTest, AComponentWithoutEnvironmentsIsWarnedAbout) {
  const testing::LoadedModel loaded = testing::LoadFromText(kModel);
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  EXPECT_EQ(Warnings(*loaded.model),
            "m.yaml:18:5: warning: component 'relay' states no `environments:`: it is taken to "
            "be in every intended environment (ENV-clinic, ENV-patient) "
            "[environment-unassigned]\n");
}

TEST(EnvironmentsTest, NoAssignmentAtAllIsOneWarning) {
  std::string text = kModel;
  for (const char* cut :
       {", environments: [ENV-clinic]", ", environments: ENV-patient",
        ", environments: [ENV-patient]", ", environments: [ENV-patient, ENV-clinic]"}) {
    text.erase(text.find(cut), std::string(cut).size());
  }
  const testing::LoadedModel loaded = testing::LoadFromText(text);
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  const EnvironmentMap map(*loaded.model);
  EXPECT_FALSE(map.any_assigned());
  EXPECT_EQ(map.sets().size(), 1u);
  EXPECT_EQ(Warnings(*loaded.model),
            "m.yaml:9:7: warning: 2 intended environments and no zone or component states "
            "`environments:`: every part is taken to be in all of them (ENV-clinic, "
            "ENV-patient) [environment-unassigned]\n");
}

TEST(EnvironmentsTest, OneEnvironmentAppliesEverywhere) {
  const testing::LoadedModel loaded = testing::LoadFromText(testing::MinimalModel());
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  const SystemModel& m = *loaded.model;
  ASSERT_EQ(m.system.intended_environment.size(), 1u);
  const EnvironmentMap map(m);
  for (size_t c = 0; c < m.components.size(); ++c) {
    EXPECT_EQ(map.ComponentSource(c), EnvironmentSource::kOnly);
    EXPECT_EQ(map.Ids(map.ComponentSet(c)), m.system.intended_environment[0].id);
  }
  EXPECT_EQ(map.DescribeComponent(0), m.components[0].id + " is in " +
                                          m.system.intended_environment[0].id +
                                          ", the system's only intended environment");
  EXPECT_EQ(Warnings(m), "");
}

TEST(EnvironmentsTest, UnknownEnvironmentsAreLocatedErrorsWithDidYouMean) {
  std::string text = kModel;
  text.replace(text.find("environments: [ENV-clinic]"), 26, "environments: [ENV-clinc]");
  text.replace(text.find("environments: [ENV-patient]"), 27, "environments: [Z-body]");
  const testing::LoadedModel loaded = testing::LoadFromText(text);
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_EQ(loaded.diagnostics,
            "m.yaml:12:63: error: unknown intended environment 'ENV-clinc' (did you mean "
            "'ENV-clinic'?) [unknown-reference]\n"
            "m.yaml:16:74: error: 'Z-body' is a zone, expected an intended environment "
            "[wrong-reference]\n");
}

constexpr char kMethod[] = R"(
risk_method:
  likelihood: [Low, High]
  impact: [Low, Medium, High]
  levels:
    - {name: Ok, acceptable: true}
  matrix:
    - [Ok, Ok, Ok]
    - [Ok, Ok, Ok]
)";

TEST(EnvironmentsTest, EnvironmentLimitsAreRead) {
  const testing::LoadedModel loaded = testing::LoadFromText(
      std::string(kModel) + kMethod +
      "  environment_limits:\n"
      "    - {environment: ENV-clinic, max_impact: Medium, reason: Staff are present.}\n");
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  const auto& limits = loaded.model->risk_method.environment_limits;
  ASSERT_EQ(limits.size(), 1u);
  EXPECT_EQ(limits[0].environment, "ENV-clinic");
  EXPECT_EQ(limits[0].max_impact, "Medium");
  EXPECT_EQ(limits[0].reason, "Staff are present.");
  EXPECT_EQ(limits[0].location, (SourceLocation{"m.yaml", 38, 7}));
}

TEST(EnvironmentsTest, EnvironmentLimitErrorsAreLocated) {
  const testing::LoadedModel loaded =
      testing::LoadFromText(std::string(kModel) + kMethod +
                            "  environment_limits:\n"
                            "    - {environment: ENV-clinik, max_impact: Medum, reason: r}\n"
                            "    - {environment: ENV-clinik, max_impact: Low}\n");
  EXPECT_EQ(loaded.model, nullptr);
  EXPECT_EQ(loaded.diagnostics,
            "m.yaml:38:21: error: unknown intended environment 'ENV-clinik' (did you mean "
            "'ENV-clinic'?) [unknown-reference]\n"
            "m.yaml:38:45: error: unknown max_impact 'Medum' (did you mean 'Medium'?); the risk "
            "method's impact scale is: Low, Medium, High [unknown-value]\n"
            "m.yaml:39:7: error: missing required key 'reason' in environment limit "
            "[missing-key]\n"
            "m.yaml:39:21: error: environment 'ENV-clinik' has one impact limit; first at "
            "m.yaml:38:21 [duplicate-value]\n"
            "m.yaml:39:21: error: unknown intended environment 'ENV-clinik' (did you mean "
            "'ENV-clinic'?) [unknown-reference]\n");
}

}  // namespace
}  // namespace medtra::model
