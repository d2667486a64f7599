// model-asset-not-carried: Asset that no flow carries. Documented in
// docs/rules/model-asset-not-carried.md.
#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-asset-not-carried";
  info.group = "model";
  info.title = "Asset that no flow carries";
  info.stride = {"Information disclosure", "Tampering"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
  info.detects = "An asset other than a function that no flow carries.";
  info.rationale =
      "The model says the asset matters but not where it travels, so no threat on its way can be "
      "derived; an interface is probably missing from the model.";
  info.mitigation = "Add the flows that carry the asset (carries: [...]), or remove the asset.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {refs::kIec62443_4_1ThreatModel};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// An asset other than a function that no flow carries.
class ModelAssetNotCarriedRule final : public BuiltinRule {
 public:
  ModelAssetNotCarriedRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelAssetNotCarriedRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Asset& a : context.model().assets) {
    if (!context.InDesign(a.id)) continue;
    if (a.kind == "function" || context.index().IsCarried(a.id)) continue;
    Fire(out, "Asset " + a.id + " is carried by no flow: its exposure is not analysed", a, {a.id})
        .Because(a.id, "kind", a.kind)
        .Because(a.id, "carried", "false");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelAssetNotCarriedRule() {
  return std::make_unique<ModelAssetNotCarriedRule>();
}

}  // namespace medtra::rules
