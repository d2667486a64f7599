// RenderMarkdown: GitHub-flavoured Markdown; figures are left to the HTML report.
#include "medtra/report/document.h"
#include "report/escape.h"

namespace medtra::report {
namespace {

// Appends " cell |", escaped so that it neither breaks the table nor starts Markdown markup.
void Cell(std::string_view text, std::string* out) {
  *out += ' ';
  AppendEscapedMarkdown(text, out, MarkdownContext::kTableCell);
  *out += " |";
}

void RenderTable(const Table& table, std::string* out) {
  *out += "|";
  for (const std::string& h : table.header) Cell(h, out);
  *out += "\n|";
  for (size_t i = 0; i < table.header.size(); ++i) *out += " --- |";
  *out += "\n";
  for (const auto& row : table.rows) {
    *out += "|";
    for (const std::string& cell : row) Cell(cell, out);
    *out += "\n";
  }
}

}  // namespace

void AppendMarkdownSection(const Section& section, std::string* out) {
  *out += "## " + EscapeMarkdown(section.title) + "\n\n";
  for (const Block& block : section.blocks) {
    switch (block.kind) {
      case Block::Kind::kParagraph:
        *out += EscapeMarkdown(block.text) + "\n\n";
        break;
      case Block::Kind::kTable:
        RenderTable(block.table, out);
        *out += "\n";
        break;
      case Block::Kind::kList:
        for (const std::string& item : block.items) *out += "- " + EscapeMarkdown(item) + "\n";
        *out += "\n";
        break;
      case Block::Kind::kFigure: {
        // "Caption: see the HTML report.", without the caption's own full stop.
        std::string_view caption = block.text;
        if (caption.ends_with('.')) caption.remove_suffix(1);
        *out += "*" + EscapeMarkdown(caption) + ": see the HTML report.*\n\n";
        break;
      }
    }
  }
}

std::string RenderMarkdown(const Document& document) {
  std::string out = "# " + EscapeMarkdown(document.title) + "\n\n";
  if (!document.subtitle.empty()) out += EscapeMarkdown(document.subtitle) + "\n\n";
  for (const Section& section : document.sections) AppendMarkdownSection(section, &out);
  return out;
}

}  // namespace medtra::report
