// A report as data (sections of paragraphs, tables, lists, figures) rendered to Markdown and HTML.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "medtra/analysis/analysis.h"

namespace medtra::report {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// One block of a section. Text is plain (writers escape it); `svg` is trusted markup produced
/// by the project's own figure code and shown only in HTML.
struct Block {
  enum class Kind { kParagraph, kTable, kList, kFigure };
  Kind kind = Kind::kParagraph;
  std::string text;  ///< paragraph text, or the figure's caption
  Table table;
  std::vector<std::string> items;
  std::string svg;
};

struct Section {
  std::string id;  ///< HTML anchor
  std::string title;
  std::vector<Block> blocks;

  Section& Paragraph(std::string text);
  Section& AddTable(Table table);
  Section& List(std::vector<std::string> items);
  Section& Figure(std::string caption, std::string svg);
};

struct Document {
  std::string title;
  std::string subtitle;
  std::vector<Section> sections;
};

/// The whole report of an analysis, in the order a reviewer reads it.
Document BuildReport(const analysis::Analysis& analysis);

std::string RenderMarkdown(const Document& document);
/// One section as RenderMarkdown() lays it out ("## title", then its blocks).
void AppendMarkdownSection(const Section& section, std::string* out);
/// One self-contained HTML file: inline CSS and SVG, no external assets, print-friendly.
std::string RenderHtml(const Document& document);

/// The report JSON with the stable keys of DESIGN.md section 6; the threats and findings are laid
/// out on up to `threads` threads, with the same bytes for any number.
std::string RenderJson(const analysis::Analysis& analysis, unsigned threads = 1);
/// The same bytes as RenderJson(), written to `out` in chunks of about 1 MiB as they are made.
void WriteJson(const analysis::Analysis& analysis, std::ostream& out, unsigned threads = 1);
/// The risk register as CSV (RFC 4180).
std::string RenderCsv(const analysis::Analysis& analysis);
/// The findings as a SARIF 2.1.0 log (columns are 1-based, at least 1).
std::string RenderSarif(const analysis::Analysis& analysis);
/// The same bytes as RenderSarif(), streamed like WriteJson().
void WriteSarif(const analysis::Analysis& analysis, std::ostream& out);

/// Renders one named format ("html", "md", "json", "csv", "sarif"); "" for an unknown name.
std::string RenderFormat(std::string_view format, const analysis::Analysis& analysis);
/// Writes RenderFormat()'s bytes to `out`; the JSON report and SARIF stream without being held
/// whole, the JSON report laid out on up to `threads` threads (the same bytes for any number).
void WriteFormat(std::string_view format, const analysis::Analysis& analysis, std::ostream& out,
                 unsigned threads = 1);
/// The formats RenderFormat() knows, in the default order of `medtra analyze`.
const std::vector<std::string>& ReportFormats();

}  // namespace medtra::report
