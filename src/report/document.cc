// Section builders' helpers.
#include "medtra/report/document.h"

namespace medtra::report {

Section& Section::Paragraph(std::string text) {
  Block block;
  block.kind = Block::Kind::kParagraph;
  block.text = std::move(text);
  blocks.push_back(std::move(block));
  return *this;
}

Section& Section::AddTable(Table table) {
  Block block;
  block.kind = Block::Kind::kTable;
  block.table = std::move(table);
  blocks.push_back(std::move(block));
  return *this;
}

Section& Section::List(std::vector<std::string> items) {
  Block block;
  block.kind = Block::Kind::kList;
  block.items = std::move(items);
  blocks.push_back(std::move(block));
  return *this;
}

Section& Section::Figure(std::string caption, std::string svg) {
  Block block;
  block.kind = Block::Kind::kFigure;
  block.text = std::move(caption);
  block.svg = std::move(svg);
  blocks.push_back(std::move(block));
  return *this;
}

}  // namespace medtra::report
