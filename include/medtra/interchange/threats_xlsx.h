// The threats table as an XLSX workbook (libxlsxwriter), for spreadsheets and trackers.
#pragma once

#include <string>
#include <vector>

#include "medtra/base/status.h"

namespace medtra::interchange {

/// The bytes of a workbook with one sheet "threats": `table` (header first) with every cell
/// written as a string (never a formula, whatever it starts with), the header row frozen, an
/// autofilter over the table and column widths from the longest cell (10 to 60). libxlsxwriter
/// 1.1.4 writes only to files: the workbook is built in `scratch_dir` and read back.
Result<std::string> RenderXlsx(const std::vector<std::vector<std::string>>& table,
                               const std::string& scratch_dir);

/// One sheet of a workbook: its name (at most 31 characters, unique) and its table.
struct XlsxSheet {
  std::string name;
  std::vector<std::vector<std::string>> table;
};

/// The bytes of a workbook with these sheets, each formatted as RenderXlsx() formats its one
/// sheet. The workbook's creation time is fixed (2000-01-01), so the same sheets give the same
/// bytes.
Result<std::string> RenderXlsxSheets(const std::vector<XlsxSheet>& sheets,
                                     const std::string& scratch_dir);

}  // namespace medtra::interchange
