// The traceability matrix and findings as text, JSON, CSV and an HTML table fragment.
#include "medtra/report/trace_render.h"

#include <algorithm>

#include "medtra/base/strings.h"
#include "report/escape.h"
#include "report/json_util.h"

namespace medtra::report {
namespace {

using internal::Json;

std::string Verifications(const trace::TraceRow& row) {
  std::vector<std::string> items;
  for (const verify::RefResult& v : row.verifications) {
    items.push_back(v.ref + "=" + std::string(verify::StatusName(v.status)));
  }
  return Join(items, ", ");
}

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string Count(int n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

const std::vector<std::string>& Header() {
  static const std::vector<std::string> kHeader = {"risk",   "level",        "measure",
                                                   "kind",   "requirement",  "categories",
                                                   "design", "verification", "status"};
  return kHeader;
}

std::vector<std::string> Cells(const trace::TraceRow& row) {
  return {row.risk,
          row.risk_level,
          row.measure,
          row.measure_kind,
          row.requirement,
          Join(row.categories, ", "),
          Join(row.design, ", "),
          Verifications(row),
          row.status};
}

}  // namespace

nlohmann::ordered_json TraceMatrixJson(const trace::TraceResult& result) {
  Json root;
  Json matrix = Json::array();
  for (const trace::TraceRow& row : result.rows) {
    Json j;
    j["risk"] = row.risk;
    j["risk_level"] = row.risk_level;
    j["measure"] = row.measure;
    j["measure_kind"] = row.measure_kind;
    j["requirement"] = row.requirement;
    j["categories"] = row.categories;
    j["design"] = row.design;
    j["controls"] = row.controls;
    Json verifications = Json::array();
    for (const verify::RefResult& v : row.verifications) {
      verifications.push_back(internal::VerificationJson(v));
    }
    j["verifications"] = std::move(verifications);
    j["measure_verification_status"] = row.measure_status;
    j["status"] = row.status;
    matrix.push_back(std::move(j));
  }
  root["matrix"] = std::move(matrix);
  Json categories = Json::array();
  for (const trace::CategoryCoverage& c : result.categories) {
    Json j;
    j["id"] = c.id;
    j["title"] = c.title;
    j["status"] = c.status;
    j["requirements"] = c.requirements;
    j["justification"] = c.justification;
    categories.push_back(std::move(j));
  }
  root["categories"] = std::move(categories);
  return root;
}

std::string RenderTraceJson(const trace::TraceResult& result) {
  Json root;
  root["format"] = "medtra-trace";
  root["format_version"] = 1;
  root["system"] = result.system_id;
  root["model_hash"] = result.model_hash;
  root["evidence_files"] = result.evidence_files;
  const Json body = TraceMatrixJson(result);
  root["matrix"] = body["matrix"];
  root["categories"] = body["categories"];
  Json findings = Json::array();
  for (const Diagnostic& d : result.findings) findings.push_back(internal::DiagnosticJson(d));
  root["findings"] = std::move(findings);
  return root.dump(2) + "\n";
}

std::string RenderTraceText(const trace::TraceResult& result) {
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header;
  for (const std::string& h : Header()) header.push_back(Upper(h));
  table.push_back(header);
  for (const trace::TraceRow& row : result.rows) {
    std::vector<std::string> cells = Cells(row);
    for (std::string& cell : cells) cell = OrDash(cell);
    table.push_back(std::move(cells));
  }
  std::vector<size_t> widths(Header().size(), 0);
  for (const auto& cells : table) {
    for (size_t i = 0; i < cells.size(); ++i) widths[i] = std::max(widths[i], cells[i].size());
  }
  std::string out = "Traceability of " + result.system_id + " (model sha256 " +
                    result.model_hash.substr(0, 16) + ")\n\n";
  for (const auto& cells : table) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      line += i + 1 == cells.size() ? cells[i] : internal::Pad(cells[i], widths[i] + 2);
    }
    out += line + "\n";
  }
  out += "\nIEC 62304 security categories\n";
  for (const trace::CategoryCoverage& c : result.categories) {
    out += "  " + internal::Pad(c.title, 38) + internal::Pad(c.status, 11) +
           (c.status == "justified" ? c.justification : Join(c.requirements, ", ")) + "\n";
  }
  int errors = 0, warnings = 0, notes = 0;
  out += "\nFindings (" + std::to_string(result.findings.size()) + ")\n";
  for (const Diagnostic& d : result.findings) {
    out += internal::DiagnosticLine(d) + "\n";
    errors += d.severity == Severity::kError;
    warnings += d.severity == Severity::kWarning;
    notes += d.severity == Severity::kNote;
  }
  out += "\n" + Count(static_cast<int>(result.rows.size()), "row") + ", " + Count(errors, "error") +
         ", " + Count(warnings, "warning") + ", " + Count(notes, "note") + "\n";
  return out;
}

std::string RenderTraceCsv(const trace::TraceResult& result) {
  std::string out;
  AppendCsvRow(Header(), &out);
  for (const trace::TraceRow& row : result.rows) AppendCsvRow(Cells(row), &out);
  return out;
}

std::string RenderTraceHtmlTable(const trace::TraceResult& result) {
  std::string out = "<table class=\"medtra-trace\">\n<thead><tr>";
  for (const std::string& h : Header()) out += "<th>" + EscapeHtml(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const trace::TraceRow& row : result.rows) {
    out += "<tr class=\"status-" + EscapeHtml(row.status) + "\">";
    for (const std::string& cell : Cells(row)) out += "<td>" + EscapeHtml(cell) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace medtra::report
