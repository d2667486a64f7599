// Tests of the environment profile of each part, its likelihood shifts, and the explain notes.
#include "medtra/rules/environment_profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/rules/derive.h"
#include "medtra/rules/rule_context.h"
#include "tests/testing/model_fixture.h"

namespace medtra::rules {
namespace {

using ::testing::ElementsAre;

// A clinic programmer and an implant that goes out with its patient; `wand` sits in the clinic
// zone but states the street itself.
constexpr char kModel[] = R"(medtra: 1
system:
  id: s
  name: S
  intended_use: Use
  essential_functions:
    - {id: EF-1, name: Therapy, component: implant}
  intended_environment:
    - {id: ENV-clinic, name: Clinic, setting: clinic, physical_access: controlled, network: none}
    - {id: ENV-street, name: Street, setting: mobile, physical_access: public, network: none}
zones:
  - {id: Z-clinic, name: Clinic, kind: clinic, environments: [ENV-clinic]}
  - {id: Z-body, name: Body, kind: body, environments: [ENV-street]}
components:
  - {id: programmer, name: P, kind: programmer, zone: Z-clinic}
  - {id: implant, name: I, kind: implant, zone: Z-body}
  - {id: wand, name: W, kind: external, zone: Z-clinic, environments: [ENV-street]}
assets:
  - {id: A-1, name: Data, kind: data, protect: [integrity]}
flows:
  - {id: F-1, between: [programmer, implant], medium: rf, carries: [A-1],
     authentication: certificate, confidentiality: encrypted, integrity: signature,
     freshness: none}
  - {id: F-2, between: [programmer, wand], medium: usb, carries: [A-1],
     authentication: certificate, confidentiality: encrypted, integrity: signature,
     freshness: nonce}
)";

class ProfilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    loaded_ = testing::LoadFromText(kModel);
    ASSERT_NE(loaded_.model, nullptr) << loaded_.diagnostics;
  }
  const model::SystemModel& model() const { return *loaded_.model; }
  testing::LoadedModel loaded_;
};

TEST_F(ProfilesTest, AFlowBetweenTheClinicAndTheBodyTakesTheMostExposedEnd) {
  const EnvironmentProfiles profiles(model());
  const EnvironmentProfile& programmer = profiles.OfComponent(0);
  EXPECT_EQ(programmer.physical, 0);
  EXPECT_TRUE(programmer.all_controlled);
  const EnvironmentProfile& implant = profiles.OfComponent(1);
  EXPECT_EQ(implant.physical, 2);
  EXPECT_EQ(implant.physical_from, "ENV-street");
  const EnvironmentProfile& flow = profiles.OfFlow(0);
  EXPECT_EQ(flow.physical, 2);
  EXPECT_EQ(flow.physical_from, "ENV-street");
  EXPECT_FALSE(flow.all_controlled);
  EXPECT_EQ(flow.controlled_from, "ENV-clinic");
  EXPECT_EQ(flow.uncontrolled_from, "ENV-street");
  EXPECT_EQ(flow.unsupervised_setting, "mobile");
}

TEST_F(ProfilesTest, AComponentOverridesItsZone) {
  const EnvironmentProfiles profiles(model());
  EXPECT_EQ(profiles.OfComponent(2).physical, 2);  // wand: in Z-clinic, but states ENV-street
  EXPECT_EQ(profiles.map().ComponentSource(2), model::EnvironmentSource::kComponent);
  EXPECT_EQ(profiles.OfFlow(1).physical, 2);
}

TEST_F(ProfilesTest, TheSystemProfileStaysTheWidest) {
  const EnvironmentProfiles profiles(model());
  EXPECT_EQ(profiles.System().physical, 2);
  EXPECT_FALSE(profiles.System().all_controlled);
  const EnvironmentProfile legacy = EnvironmentProfile::Of(model().system);
  EXPECT_EQ(legacy.physical, profiles.System().physical);
  EXPECT_EQ(legacy.physical_from, profiles.System().physical_from);
}

TEST_F(ProfilesTest, RuleContextAnswersPerComponentAlsoForACopy) {
  const ModelIndex index(model());
  const RuleContext context(model(), index, model().flows);
  EXPECT_EQ(context.EnvironmentOf(model().components[0]).physical, 0);
  const model::Component copy = model().components[1];
  EXPECT_EQ(context.EnvironmentOf(copy).physical, 2);
  EXPECT_EQ(context.FlowEnvironment(0).physical, 2);
  EXPECT_EQ(context.environment().physical, 2);
}

TEST(EnvironmentProfileTest, OneEnvironmentAppliesEverywhere) {
  const testing::LoadedModel loaded = testing::LoadFromText(testing::MinimalModel());
  ASSERT_NE(loaded.model, nullptr) << loaded.diagnostics;
  const EnvironmentProfiles profiles(*loaded.model);
  EXPECT_EQ(profiles.map().sets().size(), 1u);
  EXPECT_EQ(&profiles.OfComponent(0), &profiles.System());
  EXPECT_EQ(&profiles.OfFlow(0), &profiles.System());
  EXPECT_EQ(profiles.System().unsupervised_from, "ENV-home");
}

TEST(EnvironmentProfileTest, ShiftStepsSayWhyAControlledRoomDoesNotLowerIt) {
  const std::vector<model::Environment> environments = {
      {{"ENV-clinic", "Clinic", {}}, "clinic", "controlled", "none", "clinician"},
      {{"ENV-patient", "Patient", {}}, "mobile", "patient", "none", "patient"}};
  const std::vector<uint32_t> both = {0, 1};
  const LikelihoodShift shift =
      ShiftFor(Exposure::kProximity, EnvironmentProfile::Of(environments, both));
  EXPECT_EQ(shift.delta, 1);
  ASSERT_EQ(shift.steps.size(), 2u);
  EXPECT_EQ(shift.steps[0].why,
            "ENV-patient setting=mobile: the device is used where nobody watches who comes "
            "within radio range; likelihood +1");
  EXPECT_EQ(shift.steps[1].delta, 0);
  EXPECT_EQ(shift.steps[1].why,
            "ENV-clinic physical_access=controlled: does not lower it, for the part is also in "
            "ENV-patient (physical_access=patient); likelihood unchanged");
  const std::vector<uint32_t> clinic = {0};
  const LikelihoodShift lowered =
      ShiftFor(Exposure::kPhysical, EnvironmentProfile::Of(environments, clinic));
  EXPECT_EQ(lowered.delta, -1);
  ASSERT_EQ(lowered.steps.size(), 1u);
}

std::vector<std::string> Notes(const model::SystemModel& model, const std::string& id) {
  const RuleCatalog catalog = BuiltinCatalog();
  DeriveOptions options;
  options.explain = true;
  for (const Threat& t : DeriveThreats(model, catalog, options, nullptr)) {
    if (t.id == id) return t.notes;
  }
  return {"(no threat " + id + ")"};
}

TEST_F(ProfilesTest, ExplainSaysWhereTheFlowIsAndEachStep) {
  EXPECT_THAT(
      Notes(model(), "comm-replay@F-1"),
      ElementsAre("reached by proximity; base likelihood Medium",
                  "environment: F-1 joins programmer (ENV-clinic, from zone Z-clinic) and "
                  "implant (ENV-street, from zone Z-body): it is in ENV-clinic, ENV-street; the "
                  "most exposed of them applies",
                  "ENV-street physical_access=public: anyone can come within radio range "
                  "unobserved; likelihood +1 (Medium -> High)",
                  "ENV-clinic physical_access=controlled: does not lower it, for the part is "
                  "also in ENV-street (physical_access=public); likelihood unchanged",
                  "likelihood High", "still fires with the measures applied"));
}

}  // namespace
}  // namespace medtra::rules
