// The traceability matrix (trace::BuildTrace) rendered as text, JSON, CSV and an HTML table.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "medtra/trace/trace.h"

namespace medtra::report {

/// The matrix, the IEC 62304 categories and the findings as aligned text for a reviewer.
std::string RenderTraceText(const trace::TraceResult& result);
/// {"format": "medtra-trace", "model_hash", "matrix": [...], "categories": [...],
///  "findings": [{"severity","code","message","file","line","col"}]}
std::string RenderTraceJson(const trace::TraceResult& result);
/// {"matrix": [...], "categories": [...]}: the part of the trace JSON the analysis report embeds.
nlohmann::ordered_json TraceMatrixJson(const trace::TraceResult& result);
/// The matrix as CSV (cells escaped by EscapeCsv, formulas neutralised), one line per row, with
/// a header.
std::string RenderTraceCsv(const trace::TraceResult& result);
/// The matrix as an HTML <table> fragment, every text escaped.
std::string RenderTraceHtmlTable(const trace::TraceResult& result);

}  // namespace medtra::report
