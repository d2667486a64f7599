// The vulnerability scan's writers: JSON, Markdown and CSV.
#include "medtra/report/scan.h"

#include "medtra/base/strings.h"
#include "report/escape.h"

namespace medtra::report {
namespace {

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json OrNull(int days) {
  return days < 0 ? nlohmann::json(nullptr) : nlohmann::json(days);
}

std::string Md(const std::string& text) {
  return EscapeMarkdown(text, MarkdownContext::kTableCell);
}

nlohmann::json TrendJson(const sbom::ScanTrend& trend) {
  nlohmann::json quarters = nlohmann::json::array();
  for (const sbom::QuarterMetrics& q : trend.quarters) {
    quarters.push_back({{"quarter", q.quarter},
                        {"published", q.published},
                        {"decided", q.decided},
                        {"open_at_end", q.open_at_end},
                        {"median_decision_days", OrNull(q.median_decision_days)}});
  }
  return {{"quarters", std::move(quarters)}, {"undated", trend.undated}};
}

}  // namespace

nlohmann::json ScanEntryJson(const sbom::ScanEntry& e) {
  nlohmann::json vex = {
      {"status", OrNull(e.vex.status)}, {"justification", OrNull(e.vex.justification)},
      {"response", e.vex.response},     {"rationale", OrNull(e.vex.rationale)},
      {"date", OrNull(e.vex.date)},     {"author", OrNull(e.vex.author)},
      {"source", OrNull(e.vex.source)}};
  return {{"sbom", e.sbom},
          {"component", e.component},
          {"component_ref", e.component_ref},
          {"purl", OrNull(e.purl)},
          {"version", e.version},
          {"advisory", e.advisory},
          {"aliases", e.aliases},
          {"summary", OrNull(e.summary)},
          {"published", OrNull(e.published)},
          {"basis", e.basis},
          {"evidence", e.evidence},
          {"fixed", OrNull(e.fixed)},
          {"cvss", OrNull(e.cvss)},
          {"score", OrNull(e.score)},
          {"severity", e.severity},
          {"likelihood", OrNull(e.likelihood)},
          {"kev", e.kev},
          {"kev_due", OrNull(e.kev_due)},
          {"model_component", OrNull(e.model_component)},
          {"risk", OrNull(e.risk)},
          {"flows", e.flows},
          {"threats", e.threats},
          {"vex", std::move(vex)},
          {"postmarket", e.postmarket},
          {"actions", e.actions},
          {"age_days", OrNull(e.age_days)},
          {"decision_days", OrNull(e.decision_days)},
          {"file", e.location.file},
          {"line", e.location.line},
          {"col", e.location.col}};
}

nlohmann::json KeyJson(const sbom::MatchKey& key) {
  return {{"component", key.component}, {"advisory", key.advisory}};
}

nlohmann::json ChangesJson(const sbom::ScanChanges& changes) {
  nlohmann::json added = nlohmann::json::array();
  nlohmann::json removed = nlohmann::json::array();
  nlohmann::json changed = nlohmann::json::array();
  for (const sbom::MatchKey& key : changes.added) added.push_back(KeyJson(key));
  for (const sbom::MatchKey& key : changes.removed) removed.push_back(KeyJson(key));
  for (const sbom::MatchChange& c : changes.changed) {
    nlohmann::json item = KeyJson(c.key);
    item["field"] = c.field;
    item["before"] = c.before;
    item["after"] = c.after;
    changed.push_back(std::move(item));
  }
  return {{"since", changes.since},
          {"added", std::move(added)},
          {"removed", std::move(removed)},
          {"changed", std::move(changed)}};
}

std::string ScanJson(const sbom::ScanResult& scan, const std::string& today,
                     const sbom::ScanChanges* changes) {
  nlohmann::json matches = nlohmann::json::array();
  for (const sbom::ScanEntry& e : scan.entries) matches.push_back(ScanEntryJson(e));
  nlohmann::json by_status = nlohmann::json::object();
  for (const auto& [status, count] : scan.metrics.by_status) by_status[status] = count;
  nlohmann::json out = {{"format", "medtra-vulnerabilities"},
                        {"format_version", 1},
                        {"today", OrNull(today)},
                        {"components", scan.components},
                        {"advisories", scan.advisories},
                        {"matches", std::move(matches)},
                        {"metrics",
                         {{"matches", scan.entries.size()},
                          {"by_status", std::move(by_status)},
                          {"open", scan.metrics.open},
                          {"uncontrolled", scan.metrics.uncontrolled},
                          {"oldest_open_days", OrNull(scan.metrics.oldest_open_days)},
                          {"median_decision_days", OrNull(scan.metrics.median_decision_days)},
                          {"trend", TrendJson(scan.metrics.trend)}}}};
  if (changes != nullptr) out["changes"] = ChangesJson(*changes);
  return out.dump(2) + "\n";
}

std::string ChangesMarkdown(const sbom::ScanChanges& changes) {
  std::string md = "\n## Changes since " + EscapeMarkdown(changes.since) + "\n\n";
  if (changes.added.empty() && changes.removed.empty() && changes.changed.empty()) {
    return md + "Nothing changed.\n";
  }
  for (const sbom::MatchKey& key : changes.added) {
    md += "- new: " + EscapeMarkdown(key.advisory) + " in " + EscapeMarkdown(key.component) + "\n";
  }
  for (const sbom::MatchKey& key : changes.removed) {
    md += "- gone: " + EscapeMarkdown(key.advisory) + " in " + EscapeMarkdown(key.component) + "\n";
  }
  for (const sbom::MatchChange& c : changes.changed) {
    md += "- " + EscapeMarkdown(c.key.advisory) + " in " + EscapeMarkdown(c.key.component) + ": " +
          c.field + " " + EscapeMarkdown(c.before) + " -> " + EscapeMarkdown(c.after) + "\n";
  }
  return md;
}

std::string ScanMarkdown(const sbom::ScanResult& scan, const std::string& today,
                         const sbom::ScanChanges* changes) {
  const std::string tail = changes != nullptr ? ChangesMarkdown(*changes) : "";
  std::string md = "# Known vulnerabilities\n\n";
  md += std::to_string(scan.components) + " components against " + std::to_string(scan.advisories) +
        " advisories" + (today.empty() ? "" : " on " + today) + ": " +
        std::to_string(scan.entries.size()) + " matches, " + std::to_string(scan.metrics.open) +
        " without a final VEX decision, " + std::to_string(scan.metrics.uncontrolled) +
        " uncontrolled.\n\n";
  if (scan.entries.empty()) return md + "No component matches an advisory.\n" + tail;
  std::string trend = "\n";
  AppendMarkdownSection(ScanTrendSection(&scan), &trend);
  trend.pop_back();  // the section ends with a blank line; the changes or the end follow
  md += "| Component | Version | Advisory | Basis | Severity | KEV | VEX | Postmarket | Risk |\n";
  md += "|---|---|---|---|---|---|---|---|---|\n";
  for (const sbom::ScanEntry& e : scan.entries) {
    const std::string vex =
        e.vex.status.empty()
            ? "none"
            : e.vex.status + (e.vex.justification.empty() ? "" : " (" + e.vex.justification + ")");
    md += "| " + Md(e.component) + " | " + Md(e.version) + " | " + Md(e.advisory) + " | " +
          Md(e.basis) + " | " + Md(e.score.empty() ? e.severity : e.severity + " " + e.score) +
          " | " + (e.kev ? "yes" : "no") + " | " + Md(vex) + " | " + Md(e.postmarket) + " | " +
          Md(e.risk.empty() ? "-" : e.risk) + " |\n";
  }
  md += "\n## Evidence and actions\n\n";
  for (const sbom::ScanEntry& e : scan.entries) {
    md += "- **" + EscapeMarkdown(e.advisory) + "** in " + EscapeMarkdown(e.component) + ": " +
          EscapeMarkdown(e.evidence) + ". " + EscapeMarkdown(Join(e.actions, "; ")) + "\n";
  }
  return md + trend + tail;
}

std::string ScanCsv(const sbom::ScanResult& scan) {
  std::string csv;
  const std::vector<std::string> header = {
      "component", "version",         "purl",  "advisory",   "aliases",           "basis",
      "severity",  "score",           "kev",   "vex_status", "vex_justification", "postmarket",
      "risk",      "model_component", "fixed", "evidence"};
  AppendCsvRow(header, &csv);
  for (const sbom::ScanEntry& e : scan.entries) {
    const std::vector<std::string> row = {e.component,
                                          e.version,
                                          e.purl,
                                          e.advisory,
                                          Join(e.aliases, " "),
                                          e.basis,
                                          e.severity,
                                          e.score,
                                          e.kev ? "yes" : "no",
                                          e.vex.status,
                                          e.vex.justification,
                                          e.postmarket,
                                          e.risk,
                                          e.model_component,
                                          e.fixed,
                                          e.evidence};
    AppendCsvRow(row, &csv);
  }
  return csv;
}

}  // namespace medtra::report
