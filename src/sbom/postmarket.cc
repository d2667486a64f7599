// AssessPostmarket: controlled or uncontrolled per the FDA's postmarket cybersecurity guidance
// (2016), the steps each verdict asks for, and the scan's metrics.
#include <algorithm>

#include "medtra/sbom/scan.h"
#include "sbom/dates.h"

namespace medtra::sbom {
namespace {

std::vector<std::string> UncontrolledActions(const ScanEntry& e) {
  std::vector<std::string> actions = {
      "communicate the vulnerability, its risk and interim compensating controls to customers "
      "and users within 30 days of learning of it",
      "remediate (fix, update or compensating control that brings the risk to acceptable) within "
      "60 days of learning of it, and tell users when it is available",
      "report under 21 CFR 806 unless no serious adverse event or death is known, the 30-day "
      "communication and 60-day remediation are met, and the manufacturer takes part in an ISAO",
  };
  if (e.kev) actions.push_back("listed as known exploited (CISA KEV, due " + e.kev_due + ")");
  return actions;
}

std::vector<std::string> ControlledActions(const ScanEntry& e) {
  if (e.vex.status == "not_affected") {
    return {"none: not affected (" + e.vex.justification + "); keep the VEX statement current"};
  }
  if (e.vex.status == "fixed") return {"none: fixed in the shipped version"};
  return {
      "routine update or patch under the quality system; no 21 CFR 806 report is needed for "
      "a controlled risk",
      "tell users of the vulnerability and its compensating controls"};
}

}  // namespace

void AssessPostmarket(const std::map<std::string, RiskStanding>& risks, ScanResult* result) {
  ScanMetrics metrics;
  std::vector<int> decision_days;
  for (ScanEntry& e : result->entries) {
    const bool ruled_out = e.vex.status == "not_affected" || e.vex.status == "fixed";
    const auto risk = risks.find(e.risk);
    if (ruled_out) {
      e.postmarket = "controlled";
    } else if (e.risk.empty() || risk == risks.end()) {
      e.postmarket = "not-assessed";
    } else if (risk->second.patient_harm && !risk->second.acceptable) {
      e.postmarket = "uncontrolled";
    } else {
      e.postmarket = "controlled";
    }
    if (e.postmarket == "uncontrolled") {
      e.actions = UncontrolledActions(e);
      ++metrics.uncontrolled;
    } else if (e.postmarket == "controlled") {
      e.actions = ControlledActions(e);
    } else {
      e.actions = {"link the SBOM to a model component and risk (software.sboms[].risk) to decide"};
    }
    ++metrics.by_status[e.vex.status.empty() ? "none" : e.vex.status];
    if (e.vex.status.empty() || e.vex.status == "under_investigation") {
      ++metrics.open;
      metrics.oldest_open_days = std::max(metrics.oldest_open_days, e.age_days);
    }
    if (e.decision_days >= 0) decision_days.push_back(e.decision_days);
  }
  metrics.median_decision_days = MedianDays(std::move(decision_days));
  metrics.trend = QuarterlyTrend(result->entries, result->today);
  result->metrics = std::move(metrics);
}

}  // namespace medtra::sbom
