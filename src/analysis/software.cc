// ScanSoftware / AssessSoftware: the vulnerability scan inside the one-line pipeline.
#include "analysis/software.h"

#include "medtra/analysis/analyze.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace medtra::analysis {
namespace {

bool RuledOut(const sbom::ScanEntry& e) {
  return e.vex.status == "not_affected" || e.vex.status == "fixed";
}

std::string Subject(const sbom::ScanEntry& e) {
  return "vulnerability " + e.advisory + " in " + e.component + " " + e.version;
}

}  // namespace

std::vector<verdict::VulnerabilityBlock> ScanSoftware(const sbom::ScanInput& input,
                                                      const std::string& today,
                                                      Analysis* analysis) {
  DiagnosticSink sink(1 << 20);
  analysis->software = sbom::Scan(input, analysis->model, today, sink);
  for (const Diagnostic& d : sink.diagnostics()) analysis->findings.push_back(d);
  std::vector<verdict::VulnerabilityBlock> blocks;
  for (const sbom::ScanEntry& e : analysis->software->entries) {
    if (RuledOut(e)) continue;
    if (!e.model_component.empty() && !e.score.empty()) {
      risk::ScoredVulnerability v;
      v.id = e.advisory;
      v.title = e.summary.empty() ? Subject(e) : e.summary;
      v.affects = {e.model_component};
      v.risk = e.risk;
      v.source = "advisory";
      v.vector = e.cvss;
      v.version = e.cvss.starts_with("CVSS:4.0/") ? "4.0" : "3.1";
      v.score = e.base_score;
      v.severity = e.base_severity;
      if (e.environmental) {
        v.environmental_score = e.score;  // the binding's environmental metrics
        v.environmental_severity = e.severity;
      }
      v.likelihood = e.likelihood;
      v.likelihood_value = e.likelihood_value;
      v.rationale = {e.evidence + " (" + e.basis + " match)"};
      v.location = e.location;
      analysis->vulnerabilities.push_back(std::move(v));
    }
    if (e.risk.empty()) continue;
    if (e.kev) {
      blocks.push_back(
          {e.risk,
           {"vulnerability", e.advisory, "known-exploited",
            Subject(e) + " is known exploited (CISA KEV) and still affects the device"}});
    } else if (e.vex.status.empty() || e.vex.status == "under_investigation") {
      blocks.push_back(
          {e.risk,
           {"vulnerability", e.advisory, "undecided", Subject(e) + " has no VEX decision"}});
    }
  }
  std::stable_sort(analysis->vulnerabilities.begin(), analysis->vulnerabilities.end(),
                   [](const risk::ScoredVulnerability& a, const risk::ScoredVulnerability& b) {
                     return a.id < b.id;
                   });
  return blocks;
}

std::vector<Input> SoftwareInputs(const FileSystem& fs, const sbom::ScanInput& software) {
  std::vector<Input> inputs = HashFiles(fs, software.files, "software");
  if (!software.advisories_dir.empty()) {
    inputs.push_back({software.advisories_dir, software.advisories_digest, "advisories"});
  }
  return inputs;
}

void AssessSoftware(Analysis* analysis) {
  if (!analysis->software) return;
  // The derived threats on each element, indexed once; a match takes those on its component and
  // on the component's flows.
  std::unordered_map<std::string_view, std::vector<std::string_view>> threats_on;
  for (const rules::Threat& t : analysis->threats) {
    for (const std::string& target : t.targets) threats_on[target].push_back(t.id);
  }
  for (sbom::ScanEntry& e : analysis->software->entries) {
    if (e.model_component.empty()) continue;
    auto add = [&](const std::string& element) {
      if (const auto found = threats_on.find(element); found != threats_on.end()) {
        e.threats.insert(e.threats.end(), found->second.begin(), found->second.end());
      }
    };
    add(e.model_component);
    for (const std::string& flow : e.flows) add(flow);
    std::sort(e.threats.begin(), e.threats.end());
    e.threats.erase(std::unique(e.threats.begin(), e.threats.end()), e.threats.end());
  }
  std::map<std::string, sbom::RiskStanding> standing;
  for (size_t i = 0; i < analysis->risks.size(); ++i) {
    const model::Risk& risk = *analysis->risks[i].risk;
    standing[risk.id] = {analysis->ResidualAcceptable(analysis->risks[i]), risk.patient_harm};
  }
  sbom::AssessPostmarket(standing, &*analysis->software);
  for (const sbom::ScanEntry& e : analysis->software->entries) {
    if (e.postmarket != "uncontrolled") continue;
    analysis->findings.push_back({Severity::kError, "vulnerability-uncontrolled",
                                  Subject(e) + " is an uncontrolled risk of patient harm (risk '" +
                                      e.risk + "'): " + e.actions.front(),
                                  e.location});
  }
}

}  // namespace medtra::analysis
