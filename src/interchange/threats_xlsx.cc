// RenderXlsx: a table as one XLSX sheet of strings, through libxlsxwriter and a scratch file.
#include "medtra/interchange/threats_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace medtra::interchange {
namespace {

// Characters, not bytes: UTF-8 continuation bytes do not count.
double Width(const std::string& text) {
  return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool WriteSheet(lxw_workbook* workbook, const XlsxSheet& input, lxw_format* bold,
                lxw_format* wrap) {
  const std::vector<std::vector<std::string>>& table = input.table;
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, input.name.c_str());
  bool ok = sheet != nullptr;
  size_t columns = 0;
  for (size_t r = 0; ok && r < table.size(); ++r) {
    columns = std::max(columns, table[r].size());
    for (size_t c = 0; ok && c < table[r].size(); ++c) {
      // worksheet_write_string stores text as a shared string: '=...' is never a formula.
      ok = worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                  table[r][c].c_str(), r == 0 ? bold : wrap) == LXW_NO_ERROR;
    }
  }
  for (size_t c = 0; ok && c < columns; ++c) {
    double width = 10;
    for (const auto& row : table) {
      if (c < row.size()) width = std::max(width, std::min(60.0, Width(row[c]) + 2));
    }
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         nullptr);
  }
  if (ok && !table.empty() && columns > 0) {
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.size() - 1),
                         static_cast<lxw_col_t>(columns - 1));
  }
  return ok;
}

bool Write(const std::vector<XlsxSheet>& sheets, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return false;
  lxw_doc_properties properties = {};
  properties.created = 946684800;  // 2000-01-01T00:00:00Z: no run's clock in the file
  workbook_set_properties(workbook, &properties);
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(workbook);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  bool ok = true;
  for (const XlsxSheet& sheet : sheets) ok = ok && WriteSheet(workbook, sheet, bold, wrap);
  return workbook_close(workbook) == LXW_NO_ERROR && ok;
}

}  // namespace

Result<std::string> RenderXlsx(const std::vector<std::vector<std::string>>& table,
                               const std::string& scratch_dir) {
  return RenderXlsxSheets({{"threats", table}}, scratch_dir);
}

Result<std::string> RenderXlsxSheets(const std::vector<XlsxSheet>& sheets,
                                     const std::string& scratch_dir) {
  std::string path = (std::filesystem::path(scratch_dir) / "medtra-xlsx-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) return Result<std::string>::Error("cannot create a scratch file in " + scratch_dir);
  close(fd);
  const bool written = Write(sheets, path);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!written || bytes.empty()) return Result<std::string>::Error("libxlsxwriter failed");
  return bytes;
}

}  // namespace medtra::interchange
