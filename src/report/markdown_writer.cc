// RenderMarkdown: GitHub-flavoured Markdown; figures are left to the HTML report.
#include "medtra/report/document.h"

namespace medtra::report {
namespace {

// Escapes what would break a table cell or start Markdown markup.
std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

void RenderTable(const Table& table, std::string* out) {
  *out += "|";
  for (const std::string& h : table.header) *out += " " + Cell(h) + " |";
  *out += "\n|";
  for (size_t i = 0; i < table.header.size(); ++i) *out += " --- |";
  *out += "\n";
  for (const auto& row : table.rows) {
    *out += "|";
    for (const std::string& cell : row) *out += " " + Cell(cell) + " |";
    *out += "\n";
  }
}

}  // namespace

std::string RenderMarkdown(const Document& document) {
  std::string out = "# " + document.title + "\n\n";
  if (!document.subtitle.empty()) out += document.subtitle + "\n\n";
  for (const Section& section : document.sections) {
    out += "## " + section.title + "\n\n";
    for (const Block& block : section.blocks) {
      switch (block.kind) {
        case Block::Kind::kParagraph:
          out += block.text + "\n\n";
          break;
        case Block::Kind::kTable:
          RenderTable(block.table, &out);
          out += "\n";
          break;
        case Block::Kind::kList:
          for (const std::string& item : block.items) out += "- " + item + "\n";
          out += "\n";
          break;
        case Block::Kind::kFigure:
          out += "*" + block.text + ": see the HTML report.*\n\n";
          break;
      }
    }
  }
  return out;
}

}  // namespace medtra::report
