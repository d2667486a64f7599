// The model rules (incomplete-model rules): one factory per rule, each defined in its own
// src/rules/model/<name>_rule.cc; RegisterXxxRules() in model_rules.cc registers them.
#pragma once

#include <memory>

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// model-asset-no-protection-goal: Asset without protection goals.
std::unique_ptr<ThreatRule> MakeModelAssetNoProtectionGoalRule();
/// model-asset-not-carried: Asset that no flow carries.
std::unique_ptr<ThreatRule> MakeModelAssetNotCarriedRule();
/// model-component-attributes-unstated: Security attributes not stated.
std::unique_ptr<ThreatRule> MakeModelComponentAttributesUnstatedRule();
/// model-component-isolated: Component without any flow.
std::unique_ptr<ThreatRule> MakeModelComponentIsolatedRule();
/// model-component-no-zone: Component in no zone.
std::unique_ptr<ThreatRule> MakeModelComponentNoZoneRule();
/// model-environment-unstated: Intended environment not described.
std::unique_ptr<ThreatRule> MakeModelEnvironmentUnstatedRule();
/// model-essential-function-unanalysed: Essential function that no asset or flow covers.
std::unique_ptr<ThreatRule> MakeModelEssentialFunctionUnanalysedRule();
/// model-flow-carries-nothing: Flow that carries no asset.
std::unique_ptr<ThreatRule> MakeModelFlowCarriesNothingRule();
/// model-phi-confidentiality-goal: Personal health data without a confidentiality goal.
std::unique_ptr<ThreatRule> MakeModelPhiConfidentialityGoalRule();
// scripts/new_rule.py adds factories above this line

}  // namespace medtra::rules
