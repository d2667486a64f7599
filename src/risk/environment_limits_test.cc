// Tests of EnvironmentLimits: which impact limit applies to a risk, and the reason it gives.
#include "medtra/risk/environment_limits.h"

#include <gtest/gtest.h>

#include "tests/testing/model_fixture.h"

namespace medtra::risk {
namespace {

// A bench tester in the lab and a programmer in the clinic talk to the implant; the monitor at
// home talks to nobody the risks name. Risk 1's asset travels on F-lab only; risk 2's on F-clinic,
// and its essential function runs on the implant.
constexpr char kModel[] = R"(medtra: 1
system:
  id: s
  name: S
  intended_use: Use
  essential_functions:
    - {id: EF-1, name: Therapy, component: implant}
  intended_environment:
    - {id: ENV-lab, name: Lab}
    - {id: ENV-clinic, name: Clinic}
    - {id: ENV-home, name: Home}
zones:
  - {id: Z-lab, name: Lab, environments: [ENV-lab]}
  - {id: Z-clinic, name: Clinic, environments: [ENV-clinic]}
components:
  - {id: tester, name: T, kind: workstation, zone: Z-lab}
  - {id: bench, name: B, kind: implant, zone: Z-lab}
  - {id: programmer, name: P, kind: programmer, zone: Z-clinic}
  - {id: implant, name: I, kind: implant, zone: Z-clinic, environments: [ENV-clinic, ENV-lab]}
  - {id: monitor, name: M, kind: home-monitor, environments: [ENV-home]}
assets:
  - {id: A-log, name: Log, kind: log, protect: [integrity]}
  - {id: A-therapy, name: Therapy, kind: function, essential_function: EF-1}
  - {id: A-home, name: Home data, kind: data, protect: [integrity]}
flows:
  - {id: F-lab, between: [tester, bench], medium: usb, carries: [A-log], authentication: none,
     confidentiality: none, integrity: none, freshness: none}
  - {id: F-clinic, between: [programmer, implant], medium: rf, carries: [A-therapy],
     authentication: none, confidentiality: none, integrity: none, freshness: none}
  - {id: F-home, between: [monitor, programmer], medium: internet, carries: [A-home],
     authentication: none, confidentiality: none, integrity: none, freshness: none}
threat_events:
  - {id: TE-1, text: Via the home link, via: [F-home]}
risks:
  - {id: "1", asset: A-log, threat: T, vulnerability: V, breach: integrity, likelihood: Low,
     impact: High}
  - {id: "2", asset: A-therapy, threat: T, vulnerability: V, breach: integrity,
     likelihood: Low, impact: High}
  - {id: "3", asset: A-therapy, threat: T, vulnerability: V, breach: integrity,
     likelihood: Low, impact: High, threat_event: TE-1}
  - {id: "4", asset: A-home, threat: T, vulnerability: V, breach: integrity, likelihood: Low,
     impact: High}
risk_method:
  likelihood: [Low, High]
  impact: [Low, Medium, High]
  levels:
    - {name: Ok, acceptable: true}
  matrix:
    - [Ok, Ok, Ok]
    - [Ok, Ok, Ok]
  environment_limits:
    - {environment: ENV-lab, max_impact: Low, reason: No patient is ever connected in the lab.}
    - {environment: ENV-clinic, max_impact: Medium, reason: A clinician watches every session}
)";

class EnvironmentLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    loaded_ = testing::LoadFromText(kModel);
    ASSERT_NE(loaded_.model, nullptr) << loaded_.diagnostics;
  }
  const model::Risk& Risk(size_t i) const { return loaded_.model->risks[i]; }
  testing::LoadedModel loaded_;
};

TEST_F(EnvironmentLimitsTest, OneEnvironmentWithALimit) {
  const std::optional<EnvironmentLimit> limit = EnvironmentLimitFor(*loaded_.model, Risk(0));
  ASSERT_TRUE(limit.has_value());
  EXPECT_EQ(limit->max_impact, "Low");
  EXPECT_EQ(limit->environments, std::vector<std::string>{"ENV-lab"});
  EXPECT_EQ(limit->elements, (std::vector<std::string>{"F-lab", "tester", "bench"}));
  EXPECT_EQ(limit->reason,
            "every element of risk 1 (F-lab, tester, bench) lies only in ENV-lab, which limits "
            "the impact to Low: No patient is ever connected in the lab");
}

TEST_F(EnvironmentLimitsTest, SeveralEnvironmentsTakeTheHighestLimit) {
  const EnvironmentLimits limits(*loaded_.model);
  const std::optional<EnvironmentLimit> limit = limits.For(Risk(1));
  ASSERT_TRUE(limit.has_value());
  EXPECT_EQ(limit->max_impact, "Medium");
  EXPECT_EQ(limit->environments, (std::vector<std::string>{"ENV-lab", "ENV-clinic"}));
  EXPECT_EQ(limit->elements, (std::vector<std::string>{"F-clinic", "programmer", "implant"}));
  EXPECT_EQ(limit->reason,
            "every element of risk 2 (F-clinic, programmer, implant) lies only in environments "
            "that limit the impact (ENV-lab to Low: No patient is ever connected in the lab; "
            "ENV-clinic to Medium: A clinician watches every session); the highest limit, "
            "Medium, applies");
}

TEST_F(EnvironmentLimitsTest, AnElementInAnEnvironmentWithoutALimitLiftsIt) {
  const EnvironmentLimits limits(*loaded_.model);
  EXPECT_FALSE(limits.For(Risk(2)).has_value());  // its threat event goes via F-home
  EXPECT_FALSE(limits.For(Risk(3)).has_value());  // F-home: ENV-home has no limit
}

TEST_F(EnvironmentLimitsTest, NoLimitsStatedOrNoElements) {
  const testing::LoadedModel plain = testing::LoadFromText(testing::MinimalModel());
  ASSERT_NE(plain.model, nullptr) << plain.diagnostics;
  model::Risk risk;
  risk.id = "9";
  risk.asset = "A-data";
  EXPECT_FALSE(EnvironmentLimitFor(*plain.model, risk).has_value());
  risk.asset = "A-nothing";
  EXPECT_FALSE(EnvironmentLimitFor(*loaded_.model, risk).has_value());
}

}  // namespace
}  // namespace medtra::risk
