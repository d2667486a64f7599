// ImportThreatStatus: CSV rows matched to derived threats by their stable id, checked, as YAML.
#include "medtra/interchange/threat_status_import.h"

#include <map>
#include <set>

#include "medtra/interchange/csv_reader.h"
#include "medtra/interchange/yaml_emitter.h"

namespace medtra::interchange {
namespace {

using Json = nlohmann::json;

const std::set<std::string>& Decisions() {
  static const std::set<std::string> kDecisions = {"accepted", "mitigated", "not-applicable",
                                                   "transferred"};
  return kDecisions;
}

// `threats export` writes a cell that starts like a formula behind a quote: take it off again.
std::string Cell(const CsvField& field) {
  const std::string& t = field.text;
  if (t.size() > 1 && t[0] == '\'' && std::string("=+-@\t\r").find(t[1]) != std::string::npos) {
    return t.substr(1);
  }
  return t;
}

class StatusImport {
 public:
  StatusImport(const Elements& elements, const Json& report, DiagnosticSink& sink) : sink_(sink) {
    for (const Json& threat : report.value("threats", Json::array())) {
      threats_[threat.value("id", "")] = threat;
    }
    const auto found = elements.find("threat_decisions");
    if (found != elements.end()) decisions_ = found->second;
  }

  std::optional<std::string> Run(const std::vector<CsvRecord>& records, const std::string& file) {
    if (records.empty()) {
      sink_.Error(SourceLocation{file, 1, 1}, "csv-header", "the CSV has no header row");
      return std::nullopt;
    }
    if (!Header(records[0])) return std::nullopt;
    for (size_t i = 1; i < records.size(); ++i) Row(records[i]);
    if (sink_.has_errors()) return std::nullopt;
    std::string out = "# threat_decisions imported by `medtra threats import-status` from " +
                      CommentText(file) + "\nthreat_decisions:\n";
    for (const auto& [id, decision] : result_) {
      out += "  -\n";
      EmitYaml(decision, 4, &out);
    }
    if (result_.empty()) out = out.substr(0, out.size() - 1) + " []\n";
    return out;
  }

 private:
  bool Header(const CsvRecord& header) {
    for (size_t i = 0; i < header.size(); ++i) columns_.emplace(header[i].text, i);
    for (const char* name : {"id", "decision", "rationale"}) {
      if (columns_.count(name) == 0) {
        sink_.Error(header[0].location, "csv-header",
                    std::string("the header has no '") + name +
                        "' column (expected the header of `medtra threats export`)");
      }
    }
    return !sink_.has_errors();
  }

  const CsvField* Column(const CsvRecord& row, const std::string& name) const {
    const size_t i = columns_.at(name);
    return i < row.size() ? &row[i] : nullptr;
  }

  void Row(const CsvRecord& row) {
    if (row.size() == 1 && row[0].text.empty()) return;  // an empty line
    const CsvField* id = Column(row, "id");
    const CsvField* decision = Column(row, "decision");
    const CsvField* rationale = Column(row, "rationale");
    if (id == nullptr || decision == nullptr || rationale == nullptr) {
      sink_.Error(row[0].location, "csv-row",
                  "the row has " + std::to_string(row.size()) + " fields, the header " +
                      std::to_string(columns_.size()));
      return;
    }
    const std::string threat = Cell(*id);
    const auto [first, inserted] = seen_.emplace(threat, id->location);
    if (!inserted) {
      sink_.Error(id->location, "duplicate-threat-row",
                  "a second row for threat '" + threat + "' (the first is at " +
                      ToString(first->second) + ")");
      return;
    }
    const auto found = threats_.find(threat);
    if (found == threats_.end()) {
      sink_.Error(id->location, "unknown-threat",
                  "no threat '" + threat + "' is derived from the model (renamed or removed?)");
      return;
    }
    const std::string value = Cell(*decision);
    if (value.empty()) return;
    if (Decisions().count(value) == 0) {
      sink_.Error(decision->location, "unknown-decision",
                  "unknown decision '" + value +
                      "' (mitigated, accepted, transferred, not-applicable or empty)");
      return;
    }
    const CsvField* ticket = columns_.count("ticket") > 0 && columns_.at("ticket") < row.size()
                                 ? &row[columns_.at("ticket")]
                                 : nullptr;
    Decide(threat, found->second, value, Cell(*rationale), *decision, ticket);
  }

  // `ticket` is the row's ticket cell, or null when the file has no ticket column (the model's
  // ticket is kept then; an empty cell clears it).
  void Decide(const std::string& threat, const Json& derived, const std::string& value,
              const std::string& rationale, const CsvField& at, const CsvField* ticket) {
    const auto own = decisions_.find(threat);
    const Json model = own == decisions_.end() ? Json::object() : own->second;
    Json d = {{"threat", threat}, {"decision", value}};
    Json measures = model.value("measures", Json());
    if (measures.is_null() && derived.contains("measures")) measures = derived["measures"];
    if (value == "mitigated") {
      if (!measures.is_array() || measures.empty()) {
        sink_.Error(
            at.location, "threat-decision",
            "decision 'mitigated' for '" + threat +
                "' needs measures: the threat has none and the model's decision names none");
        return;
      }
      d["measures"] = measures;
    } else if (rationale.empty()) {
      sink_.Error(at.location, "threat-decision",
                  "decision '" + value + "' for '" + threat + "' needs a rationale");
      return;
    }
    if (!rationale.empty()) d["rationale"] = rationale;
    if (model.contains("risk")) d["risk"] = model["risk"];
    const std::string tracked = ticket != nullptr ? Cell(*ticket) : model.value("ticket", "");
    if (!tracked.empty()) d["ticket"] = tracked;
    result_[threat] = d;
  }

  DiagnosticSink& sink_;
  std::map<std::string, Json> threats_;
  std::map<std::string, Json> decisions_;
  std::map<std::string, size_t> columns_;
  std::map<std::string, SourceLocation> seen_;
  std::map<std::string, Json> result_;
};

}  // namespace

std::optional<std::string> ImportThreatStatus(const Elements& elements, const Json& report,
                                              std::string_view csv, const std::string& file,
                                              DiagnosticSink& sink) {
  const std::vector<CsvRecord> records = ReadCsv(csv, file, sink);
  if (sink.has_errors()) return std::nullopt;
  return StatusImport(elements, report, sink).Run(records, file);
}

}  // namespace medtra::interchange
