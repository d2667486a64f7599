// RenderDecisionsFile / ModelDecisions: the mapping between store decisions and the
// `threat_decisions` section read by model/decisions_reader.cc.
#include "medtra/store/decisions_file.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "medtra/base/sha256.h"
#include "medtra/interchange/yaml_emitter.h"

namespace medtra::store {
namespace {

bool InDecisionsFile(const model::ThreatDecision& d) {
  return std::filesystem::path(d.location.file).filename() == kDecisionsFileName;
}

bool KnownRisk(const model::SystemModel& model, const std::string& id) {
  return std::any_of(model.risks.begin(), model.risks.end(),
                     [&](const model::Risk& r) { return r.id == id; });
}

}  // namespace

std::string DecidedElsewhere(const model::SystemModel& model, const std::string& threat) {
  for (const model::ThreatDecision& d : model.threat_decisions) {
    if (d.threat == threat && !InDecisionsFile(d)) {
      return std::filesystem::path(d.location.file).filename().string() + ":" +
             std::to_string(d.location.line);
    }
  }
  return "";
}

std::string DecisionProblem(const model::SystemModel& model, const Decision& d) {
  if (const std::string where = DecidedElsewhere(model, d.threat); !where.empty()) {
    return "threat '" + d.threat + "' is decided in " + where + "; change it there";
  }
  for (const std::string& m : d.measures) {
    if (model.FindMeasure(m) == nullptr) return "unknown measure '" + m + "'";
  }
  if (!d.risk.empty() && !KnownRisk(model, d.risk)) return "unknown risk '" + d.risk + "'";
  if (d.status == "mitigated" && d.measures.empty()) {
    return "decision 'mitigated' names the measures that mitigate the threat";
  }
  if (d.status != "mitigated" && d.justification.empty()) {
    return "decision '" + d.status + "' needs a justification";
  }
  if (d.status != "mitigated" && d.status != "accepted" && d.status != "transferred" &&
      d.status != "not-applicable") {
    return "unknown decision '" + d.status + "'";
  }
  return "";
}

DecisionsFile RenderDecisionsFile(const std::vector<Decision>& decisions,
                                  const model::SystemModel& model) {
  DecisionsFile file;
  file.yaml =
      "# The threat decisions of the review store, written by `medtra decisions export` and\n"
      "# `medtra serve`. Edit them there (or here, then `medtra decisions import`).\n"
      "medtra: 1\n\nthreat_decisions:\n";
  std::string entries;
  const std::vector<Decision> in_model = ModelDecisions(model, "", "");
  for (const Decision& d : decisions) {
    const bool same_elsewhere = !DecidedElsewhere(model, d.threat).empty() &&
                                std::any_of(in_model.begin(), in_model.end(),
                                            [&](const Decision& m) { return SameDecision(m, d); });
    if (same_elsewhere) {
      ++file.elsewhere;
      continue;
    }
    if (const std::string problem = DecisionProblem(model, d); !problem.empty()) {
      file.skipped.push_back(d.threat + ": " + problem);
      continue;
    }
    nlohmann::json entry = {{"threat", d.threat}, {"decision", d.status}};
    if (!d.justification.empty()) entry["rationale"] = d.justification;
    if (!d.measures.empty()) entry["measures"] = d.measures;
    if (!d.risk.empty()) entry["risk"] = d.risk;
    entries +=
        "  # " +
        interchange::CommentText("by " + d.actor + " at " + d.time + " on report " + d.report_id) +
        "\n";
    interchange::EmitYaml(nlohmann::json::array({entry}), 2, &entries);
    ++file.written;
  }
  file.yaml += entries.empty() ? "  []\n" : entries;
  return file;
}

Result<DecisionsFile> ExportDecisions(Store& store, FileSystem& fs, const model::SystemModel& model,
                                      const std::string& model_dir, const std::string& actor,
                                      std::string* previous) {
  Result<std::vector<Decision>> decisions = store.Decisions();
  if (!decisions.ok()) return decisions.status();
  DecisionsFile file = RenderDecisionsFile(*decisions, model);
  // The audit head goes into git with the file: `medtra audit verify --anchor` finds a later
  // truncation or rewrite of the trail against it.
  Result<std::vector<AuditEntry>> audit = store.AuditEntries();
  if (!audit.ok()) return audit.status();
  if (!audit->empty()) {
    file.yaml.insert(file.yaml.find("medtra: 1"), "# audit head: entry " +
                                                      std::to_string(audit->back().seq) +
                                                      ", hash " + audit->back().hash + "\n");
  }
  const std::string path = JoinPath(model_dir, kDecisionsFileName);
  Result<std::string> before = fs.ReadFile(path, size_t{64} << 20);
  *previous = before.ok() ? *before : "";
  if (Status status = fs.WriteFileAtomic(path, file.yaml); !status.ok()) return status;
  const nlohmann::ordered_json after = {
      {"file", path}, {"sha256", Sha256Hex(file.yaml)}, {"decisions", file.written}};
  if (Status status = store.AppendAudit(actor, "decisions.export", "null", after.dump());
      !status.ok()) {
    return status;
  }
  return file;
}

std::vector<Decision> ModelDecisions(const model::SystemModel& model, const std::string& actor,
                                     const std::string& report_id) {
  std::vector<Decision> out;
  for (const model::ThreatDecision& d : model.threat_decisions) {
    out.push_back({d.threat, d.decision, d.rationale, d.measures, d.risk, actor, "", report_id});
  }
  std::sort(out.begin(), out.end(),
            [](const Decision& a, const Decision& b) { return a.threat < b.threat; });
  return out;
}

bool SameDecision(const Decision& a, const Decision& b) {
  return a.threat == b.threat && a.status == b.status && a.justification == b.justification &&
         a.measures == b.measures && a.risk == b.risk;
}

}  // namespace medtra::store
