// EvaluateRisks: level and acceptability before and after measures, safety and data-breach links.
#include <algorithm>

#include "medtra/risk/environment_limits.h"
#include "medtra/risk/evaluate.h"

namespace medtra::risk {
namespace {

const std::string& LevelName(const model::RiskMethod& method, int level) {
  static const std::string kUnknown = "";
  return level < 0 ? kUnknown : method.levels[static_cast<size_t>(level)].name;
}

bool Acceptable(const model::RiskMethod& method, int level) {
  return level >= 0 && method.levels[static_cast<size_t>(level)].acceptable;
}

}  // namespace

std::vector<risk::RiskResult> EvaluateRisks(const model::SystemModel& model,
                                            std::vector<Diagnostic>* findings) {
  const model::RiskMethod& method = model.risk_method;
  std::vector<risk::RiskResult> results;
  results.reserve(model.risks.size());
  const EnvironmentLimits limits(model);
  for (const model::Risk& risk : model.risks) {
    risk::RiskResult r;
    r.risk = &risk;
    const model::Asset* asset = model.FindAsset(risk.asset);
    r.asset_name = asset != nullptr ? asset->name : risk.asset;
    r.has_residual = risk.residual.has_value();
    r.effective_impact = risk.impact;
    r.effective_residual_impact = r.has_residual ? risk.residual->impact : risk.impact;
    if (const std::optional<EnvironmentLimit> limit = limits.For(risk)) {
      const int cap = method.ImpactIndex(limit->max_impact);
      bool capped = false;
      for (std::string* impact : {&r.effective_impact, &r.effective_residual_impact}) {
        if (cap >= 0 && method.ImpactIndex(*impact) > cap) {
          *impact = limit->max_impact;
          capped = true;
        }
      }
      if (capped) {
        r.impact_limit = "impact limited to '" + limit->max_impact + "': " + limit->reason;
        findings->push_back({Severity::kNote, "risk-impact-limited",
                             "risk '" + risk.id + "': " + r.impact_limit, risk.location});
      }
    }
    const int level = method.LevelOf(risk.likelihood, r.effective_impact);
    r.level = LevelName(method, level);
    r.acceptable = Acceptable(method, level);
    const int residual =
        r.has_residual ? method.LevelOf(risk.residual->likelihood, r.effective_residual_impact)
                       : level;
    r.residual_level = LevelName(method, residual);
    r.residual_level_acceptable = Acceptable(method, residual);
    r.residual_needs_justification =
        residual >= 0 && method.levels[static_cast<size_t>(residual)].requires_justification;
    r.safety_related = risk.patient_harm;
    r.data_breach =
        risk.breach == "confidentiality" && asset != nullptr && asset->personal_health_data;

    const std::string subject = "risk '" + risk.id + "'";
    if (!risk.measures.empty() && !r.has_residual) {
      findings->push_back({Severity::kWarning, "risk-no-residual",
                           subject + " has measures but no residual estimate", risk.location});
    }
    if (r.safety_related && !risk.safety) {
      findings->push_back({Severity::kError, "safety-no-hazard",
                           subject + " can harm the patient but links to no ISO 14971 hazard (add "
                                     "'safety: {hazard: ...}')",
                           risk.location});
    }
    if (r.data_breach) {
      findings->push_back({Severity::kNote, "data-breach",
                           subject + ": a confidentiality breach of personal health data is a "
                                     "reportable personal data breach (GDPR articles 33 and 34)",
                           risk.location});
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace medtra::risk
