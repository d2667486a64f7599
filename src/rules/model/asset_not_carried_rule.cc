// model-asset-not-carried: Asset that no flow carries. Documented in
// docs/rules/model-asset-not-carried.md.
#include "rules/model/asset_not_carried_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelAssetNotCarriedRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-asset-not-carried";
  info.group = "model";
  info.title = "Asset that no flow carries";
  info.stride = {"Information disclosure", "Tampering"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
  info.detects = "An asset other than a function that no flow carries.";
  info.rationale =
      "The model says the asset matters but not where it travels, so no threat on its way can be "
      "derived; an interface is probably missing from the model.";
  info.mitigation = "Add the flows that carry the asset (carries: [...]), or remove the asset.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {
      "IEC 62443-4-1:2018, SR-2 (threat model: data flows, trust boundaries, interfaces)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

void ModelAssetNotCarriedRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Asset& a : context.model().assets) {
    if (!context.InDesign(a.id)) continue;
    if (a.kind == "function" || context.index().IsCarried(a.id)) continue;
    Fire(out, "Asset " + a.id + " is carried by no flow: its exposure is not analysed", a, {a.id})
        .Because(a.id, "kind", a.kind)
        .Because(a.id, "carried", "false");
  }
}

}  // namespace medtra::rules
