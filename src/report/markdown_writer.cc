// RenderMarkdown: GitHub-flavoured Markdown; figures are left to the HTML report.
#include "medtra/report/document.h"

namespace medtra::report {
namespace {

// Appends " cell |", escaping what would break a table cell or start Markdown markup.
void Cell(std::string_view text, std::string* out) {
  *out += ' ';
  size_t plain = 0;  // start of the run of characters copied as they are
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '|' && text[i] != '\n') continue;
    out->append(text.substr(plain, i - plain));
    *out += text[i] == '|' ? "\\|" : "<br>";
    plain = i + 1;
  }
  out->append(text.substr(plain));
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
