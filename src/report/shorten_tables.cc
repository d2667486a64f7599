// ShortenTables: the first rows of a table too long to read in a report page.
#include "report/sections.h"

namespace medtra::report {

void ShortenTables(Section* section) {
  std::vector<Block> blocks;
  for (Block& block : section->blocks) {
    const size_t rows = block.table.rows.size();
    const bool long_table = block.kind == Block::Kind::kTable && rows > kFullTableRows;
    if (long_table) block.table.rows.resize(kShownRows);
    blocks.push_back(std::move(block));
    if (!long_table) continue;
    Block note;
    note.text = "The first " + std::to_string(kShownRows) + " of " + std::to_string(rows) +
                " rows (a report page shows tables of up to " + std::to_string(kFullTableRows) +
                " rows in full); every row is in report.json, and the risks and threats also in "
                "report.csv and `medtra threats export`.";
    blocks.push_back(std::move(note));
  }
  section->blocks = std::move(blocks);
}

}  // namespace medtra::report
